// `rx.recv().await` polls `rx.poll_recv(cx)` in place (tokio's `mpsc` receivers have it); a receiver without
// one (tokio's `broadcast::Receiver`, this mailbox) is told so at its `recv`, with the way around it.
use stackless::Stream;

struct Mailbox(Vec<u32>);

impl Mailbox {
    async fn recv(&mut self) -> Option<u32> {
        self.0.pop()
    }
}

#[stackless::coroutine]
fn relay(mut rx: Mailbox) -> impl Stream<Item = u32> {
    while let Some(x) = rx.recv().await {
        yield_!(x);
    }
}

fn main() {
    let _ = relay(Mailbox(vec![1]));
}

// `pin!(fut).await`, rustc's own suggestion for a future that isn't `Unpin`, can't work in an async generator:
// the frame it pins to is gone at the next poll. The macro says so at `pin!`, with `Box::pin` (rustc's E0716
// pointed at the attribute).
use stackless::Stream;

async fn fetch(i: u32) -> u32 {
    i * 2
}

#[stackless::coroutine]
fn fetched(n: u32) -> impl Stream<Item = u32> {
    for i in 0..n {
        let v = core::pin::pin!(fetch(i)).await;
        yield_!(v);
    }
}

fn main() {
    let _ = fetched(2);
}

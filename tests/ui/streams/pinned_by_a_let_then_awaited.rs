// `let f = pin!(fut); f.await`, what rustc's "cannot be unpinned" note suggests: the pinned future is a temporary
// of the step, gone at the next poll, while the `.await` holds it across its suspension point. The macro's error at
// the `pin!` (it was rustc's E0716 at the attribute, naming the step's guard), as for `pin!(fut).await`.
use stackless::Stream;

async fn resolve(i: u32) -> u32 {
    i * 2
}

#[stackless::coroutine]
fn resolved(n: u32) -> impl Stream<Item = u32> {
    for i in 0..n {
        let f = std::pin::pin!(resolve(i));
        yield_!(f.await);
    }
}

fn main() {
    let _ = resolved(3);
}

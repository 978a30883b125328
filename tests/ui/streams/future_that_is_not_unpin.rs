// An `async fn`'s future isn't `Unpin`, and an async generator's state is never pinned: rustc's message, at the
// awaited expression, says to box it (`Box::pin(ten()).await` compiles: tests/streams.rs).
use stackless::Stream;

async fn ten() -> u32 {
    10
}

#[stackless::coroutine]
fn numbers() -> impl Stream<Item = u32> {
    let n = ten().await;
    yield_!(n);
}

fn main() {
    let _ = numbers();
}

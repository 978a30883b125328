// `.await` on a value that isn't a future: rustc's message at the value, as in an `async fn`.
use stackless::Stream;

#[stackless::coroutine]
fn numbers() -> impl Stream<Item = u32> {
    let n = 5u32.await;
    yield_!(n);
}

fn main() {
    let _ = numbers();
}

// An async generator's `yield_from!` delegates to a `Stream`.
use stackless::Stream;

#[stackless::coroutine]
fn numbers() -> impl Stream<Item = u32> {
    yield_from!(vec![1u32, 2]);
}

fn main() {
    let _ = numbers();
}

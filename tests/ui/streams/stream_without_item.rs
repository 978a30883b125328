// `impl Stream` must name what it yields.
use stackless::Stream;

#[stackless::coroutine]
fn numbers() -> impl Stream {
    yield_!(1);
}

fn main() {
    let _ = numbers();
}

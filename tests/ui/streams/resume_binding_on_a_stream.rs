// An async generator is resumed by its executor's polls: `resume = ..` has nothing to bind.
use stackless::Stream;

#[stackless::coroutine(resume = x)]
fn numbers() -> impl Stream<Item = u32> {
    yield_!(1);
}

fn main() {
    let _ = numbers();
}

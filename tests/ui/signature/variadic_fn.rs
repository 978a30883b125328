#[stackless::coroutine]
fn numbers(first: u32, ...) -> impl Iterator<Item = u32> {
    yield_!(first);
}

fn main() {}

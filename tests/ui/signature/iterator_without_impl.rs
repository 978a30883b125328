#[stackless::coroutine]
fn numbers() -> Iterator<Item = u32> {
    yield_!(1);
}
fn main() {}

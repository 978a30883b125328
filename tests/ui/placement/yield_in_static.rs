#[stackless::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    static FIRST: u32 = yield_!(1);
    yield_!(FIRST);
}

fn main() {}

#[stackless::coroutine]
#[stackless::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    yield_!(1);
}

fn main() {}

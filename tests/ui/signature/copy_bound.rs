#[stackless::coroutine]
fn numbers() -> impl Iterator<Item = u32> + Copy {
    yield_!(1);
}

fn main() {}

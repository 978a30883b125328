// `yield_(v)` where the macro `yield_!(v)` is meant.
#[stackless::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    yield_(1);
}

fn main() {}

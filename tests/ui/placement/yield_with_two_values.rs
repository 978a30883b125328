#[stackless::coroutine]
fn pairs() -> impl Iterator<Item = (u32, u32)> {
    yield_!(1, 2);
}

fn main() {}

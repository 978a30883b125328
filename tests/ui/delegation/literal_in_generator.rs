#[stackless::coroutine]
fn outer() -> impl Iterator<Item = u32> {
    yield_from!(5u32);
}

fn main() {}

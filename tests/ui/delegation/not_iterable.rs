#[stackless::coroutine]
fn outer(count: u32) -> impl Iterator<Item = u32> {
    yield_from!(count);
}

fn main() {}

// A closure without `move` that names a local owning its value, still called after a `yield_!`.
#[stackless::coroutine]
fn scaled() -> impl Iterator<Item = u32> {
    let factor = vec![3u32];
    let scale = |x: u32| x * factor[0];
    yield_!(scale(1));
    yield_!(scale(2));
}

fn main() {}

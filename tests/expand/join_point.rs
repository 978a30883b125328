#[stackless::coroutine]
fn scaled(n: u32) -> impl Iterator<Item = u32> {
    for i in 0..n {
        yield_!(i);
    }
    let scale = move |x: u32| x * n;
    yield_!(scale(1));
    yield_!(scale(2));
}

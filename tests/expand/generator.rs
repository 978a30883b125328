#[stackless::coroutine]
fn countdown(from: u32) -> impl Iterator<Item = u32> {
    let mut n = from;
    while n > 0 {
        yield_!(n);
        n -= 1;
    }
}

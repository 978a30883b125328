#[stackless::coroutine(resume = mut x)]
fn running_sum() -> impl stackless::Coroutine<u64, Yield = u64, Return = u64> {
    let mut sum = 0;
    while x != 0 {
        sum += x;
        x = yield_!(sum);
    }
    sum
}

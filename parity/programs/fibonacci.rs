//! The README's first example, bounded: Fibonacci numbers below a limit.
#[stackless::coroutine]
fn fibonacci(limit: u64) -> impl Iterator<Item = u64> {
    let (mut a, mut b) = (0, 1);
    while a < limit {
        yield_!(a);
        (a, b) = (b, a + b);
    }
}

fn parity() {
    run!(fibonacci(1000));
}

//! `+ Debug` on a generator (the state derives `Debug`): the Collatz sequence, then the number of steps.
use std::fmt::Debug;

#[stackless::coroutine]
fn collatz(start: u64) -> impl Iterator<Item = u64> + Debug {
    let mut n = start;
    let mut steps = 0;
    while n != 1 {
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
        steps += 1;
        yield_!(n);
    }
    yield_!(steps);
}

fn parity() {
    run!(collatz(6));
}

//! The README's coroutine: a running average of the values resumed in, until a negative one.
use stackless::Coroutine;

#[stackless::coroutine(resume = mut x)]
fn average() -> impl Coroutine<f64, Yield = f64, Return = u32> {
    let (mut sum, mut n) = (0.0, 0);
    while x >= 0.0 {
        sum += x;
        n += 1;
        x = yield_!(sum / f64::from(n));
    }
    n
}

fn parity() {
    run!(average(), vec![2.0, 4.0, 9.0, 1.5, -1.0]);
}

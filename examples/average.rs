//! A coroutine with resume arguments: a running average. Each value goes in through `resume`, the average so
//! far comes out as the yielded value; a negative value ends it and returns how many values it saw.
//!
//! Run: `cargo run --example average`

use core::pin::Pin;
use stackless::{Coroutine, CoroutineState};

/// `resume = mut x` binds the first value; every later one is what `yield_!` evaluates to.
#[stackless::coroutine(resume = mut x)]
fn average() -> impl Coroutine<f64, Yield = f64, Return = u32> {
    let (mut sum, mut n) = (0.0, 0_u32);
    while x >= 0.0 {
        sum += x;
        n += 1;
        x = yield_!(sum / f64::from(n));
    }
    n
}

fn main() {
    let mut avg = average();
    for x in [3.0, 5.0, 10.0, 2.0, -1.0] {
        match Pin::new(&mut avg).resume(x) {
            CoroutineState::Yielded(mean) => println!("after {x:>4}: average {mean:.2}"),
            CoroutineState::Complete(n) => println!("stopped by {x} after {n} values"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_average() {
        let mut avg = average();
        let mut out = Vec::new();
        for x in [2.0, 4.0, 9.0, -5.0] {
            out.push(Pin::new(&mut avg).resume(x));
        }
        assert_eq!(
            out,
            [
                CoroutineState::Yielded(2.0),
                CoroutineState::Yielded(3.0),
                CoroutineState::Yielded(5.0),
                CoroutineState::Complete(3)
            ]
        );
    }
}

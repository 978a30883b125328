//! A drop-logging value matched by reference with guards, and a `match` on a resumed value.
use stackless::Coroutine;

use crate::rt::{D, log};

#[stackless::coroutine(resume = mut n)]
fn classify() -> impl Coroutine<i32, Yield = &'static str, Return = usize> {
    let mut seen = 0;
    loop {
        let tag = D::new(format!("tag{n}"));
        let kind = match n {
            0 => break seen,
            x if x < 0 => "negative",
            x if x % 2 == 0 => "even",
            _ => "odd",
        };
        seen += 1;
        log(format!("{} is {kind}", tag.name()));
        n = yield_!(kind);
    }
}

fn parity() {
    run!(classify(), vec![3, -4, 8, 0]);
}

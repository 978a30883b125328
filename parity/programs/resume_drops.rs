//! Drop-logging resume arguments: the first one is dropped at once (`resume = _`), the next ones are held, and
//! `held = yield_!(..)` drops the previous one after resumption.
use stackless::Coroutine;

use crate::rt::{D, log};

#[stackless::coroutine(resume = _)]
fn keep_last(n: u32) -> impl Coroutine<D, Yield = u32, Return = String> {
    let mut held = yield_!(0);
    for i in 1..n {
        log(format!("holding {}", held.name()));
        held = yield_!(i);
    }
    held.name().to_string()
}

fn parity() {
    run!(keep_last(3), (0..5).map(|i| D::new(format!("r{i}"))).collect());
}

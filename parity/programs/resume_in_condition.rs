//! `yield_!` in a `while` condition and in `format!` arguments: an accumulator asking for values until a zero.
use stackless::Coroutine;

use crate::rt::log;

#[stackless::coroutine(resume = _)]
fn accumulate(name: &'static str) -> impl Coroutine<i32, Yield = String, Return = String> {
    let mut total = 0;
    let mut n;
    while {
        n = yield_!(format!("{name}: total {total}, next?"));
        n != 0
    } {
        total += n;
        log(format!("added {n}"));
    }
    format!("{name} = {}", yield_!(format!("done at {total}, label?")) + total)
}

fn parity() {
    run!(accumulate("sum"), vec![0, 5, -2, 10, 0, 100]);
}

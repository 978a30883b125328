//! `?` in a coroutine returning `Result`: sums numbers resumed in as text, stops at the first bad one.
use std::num::ParseIntError;

use stackless::Coroutine;

#[stackless::coroutine(resume = mut text)]
fn running_sum() -> impl Coroutine<&'static str, Yield = i64, Return = Result<i64, ParseIntError>> {
    let mut sum = 0;
    while !text.is_empty() {
        let n: i64 = text.trim().parse()?;
        sum += n;
        text = yield_!(sum);
    }
    Ok(sum)
}

fn parity() {
    run!(running_sum(), vec!["1", " 20", "300 ", "x4", "5", ""]);
}

//! A coroutine made and dropped without a resume did nothing: warned as rustc's own coroutines are.
#![deny(unused_must_use)]

use stackless::Coroutine;

#[stackless::coroutine(resume = x)]
fn echo() -> impl Coroutine<u64, Yield = u64, Return = ()> {
    yield_!(x);
}

fn main() {
    echo();
}

//! A `#![no_std]` crate, without `alloc`, that defines and drives coroutines: CI builds it to prove that
//! `#[stackless::coroutine]` expands to `core`-only code and the runtime needs nothing else.
#![no_std]
#![forbid(unsafe_code)]
#![deny(warnings)]

use core::pin::Pin;
use stackless::{Coroutine, CoroutineState};

/// The Fibonacci numbers.
#[stackless::coroutine]
pub fn fib() -> impl Iterator<Item = u64> + Clone {
    let (mut a, mut b) = (0u64, 1u64);
    loop {
        yield_!(a);
        (a, b) = (b, a.wrapping_add(b));
    }
}

/// Sums what it is resumed with until it receives 0, yielding the running total.
#[stackless::coroutine(resume = mut x)]
pub fn accumulate() -> impl Coroutine<u32, Yield = u32, Return = u32> {
    let mut total = 0;
    while x != 0 {
        total += x;
        x = yield_!(total);
    }
    total
}

/// The bytes of `input` split at spaces, as slices.
#[stackless::coroutine]
pub fn words(input: &[u8]) -> impl Iterator<Item = &[u8]> {
    for word in input.split(|b| *b == b' ') {
        if !word.is_empty() {
            yield_!(word);
        }
    }
}

/// Drives the coroutines above; returns a checksum.
#[must_use]
pub fn exercise() -> u64 {
    let mut sum: u64 = fib().take(10).sum();
    let mut acc = accumulate();
    for x in [1, 2, 3, 0] {
        match Pin::new(&mut acc).resume(x) {
            CoroutineState::Yielded(t) | CoroutineState::Complete(t) => sum += u64::from(t),
        }
    }
    sum + words(b"no std  here").count() as u64
}

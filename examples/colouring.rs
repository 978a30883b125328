//! Why `yield_!` can't be used inside a closure passed to `for_each`, and the two ways to write it instead.
//!
//! This doesn't compile:
//!
//! ```text
//! #[stackless::coroutine]
//! fn evens(rows: Vec<Vec<u32>>) -> impl Iterator<Item = u32> {
//!     rows.into_iter().for_each(|row| {
//!         for x in row {
//!             if x.is_multiple_of(2) {
//!                 yield_!(x); // error: `yield_!` cannot be used inside a closure
//!             }
//!         }
//!     });
//! }
//! ```
//!
//! The closure is a function of its own. When that `yield_!` runs, the call stack is: the caller → `next()` (the
//! coroutine's resume step) → `for_each` → the closure. Suspending means returning to the caller, all the way up,
//! and resuming means coming back to the same point, so `for_each`'s frame (where it is in `rows`) and the
//! closure's frame (where it is in `row`) would have to survive in between. A stackless coroutine keeps exactly
//! one frame: its own locals, in its state enum; there is nowhere to keep frames of functions it calls. (A stackful
//! coroutine can suspend anywhere, because it runs on a stack of its own and keeps all of them there: that stack
//! is what it costs. See `scheduler`.)
//!
//! So being able to suspend is a property of a function's type, its "colour": a `#[stackless::coroutine]` fn can
//! suspend in its own body, and in the body of another coroutine it delegates to, but a plain fn or closure it
//! calls can't. `async` has the same rule: `.await` is only allowed in an `async` body, and
//! `items.for_each(|x| f(x).await)` doesn't compile either (JavaScript's `array.forEach(async x => await f(x))`
//! compiles, and doesn't wait).
//!
//! Both fixes move the suspension point into a coroutine's own body:
//! 1. a `for` loop instead of `for_each`: the loop is part of the body, its iterators are locals held in the
//!    state enum;
//! 2. delegation: the inner work becomes a coroutine itself, and `yield_from!` runs it inside the outer one (its
//!    state nested in the outer state: the call stack, made explicit and sized at compile time). Closures are fine
//!    wherever they don't suspend, so in a generator an iterator chain can be delegated to as well.
//!
//! Run: `cargo run --example colouring`

use core::pin::Pin;
use stackless::{Coroutine, CoroutineState};

/// Fix 1: a `for` loop. Both iterators are locals of the coroutine, held across the `yield_!`.
#[stackless::coroutine]
fn evens_for(rows: Vec<Vec<u32>>) -> impl Iterator<Item = u32> {
    for row in rows {
        for x in row {
            if x.is_multiple_of(2) {
                yield_!(x);
            }
        }
    }
}

/// The inner work as a coroutine of its own: yields the even numbers of one row, returns how many it skipped.
#[stackless::coroutine]
fn row_evens(row: Vec<u32>) -> impl Coroutine<Yield = u32, Return = usize> {
    let mut skipped = 0;
    for x in row {
        if x.is_multiple_of(2) {
            yield_!(x);
        } else {
            skipped += 1;
        }
    }
    skipped
}

/// Fix 2: delegation. `row_evens` suspends in its own body; `yield_from!` passes its values out and evaluates to
/// its return value, like a call that can suspend. Returns the total of skipped (odd) numbers.
#[stackless::coroutine]
fn evens_delegating(rows: Vec<Vec<u32>>) -> impl Coroutine<Yield = u32, Return = usize> {
    let mut skipped = 0;
    for row in rows {
        skipped += yield_from!(row_evens(row));
    }
    skipped
}

/// Fix 2 in a generator: delegate to an iterator chain. The closure only decides; the suspending happens in
/// `yield_from!`, in the coroutine's own body.
#[stackless::coroutine]
fn evens_chain(rows: Vec<Vec<u32>>) -> impl Iterator<Item = u32> {
    yield_from!(rows.into_iter().flatten().filter(|x| x.is_multiple_of(2)));
}

/// Runs a coroutine to completion, collecting what it yields.
fn drain<C: Coroutine<Yield = u32> + Unpin>(mut c: C) -> (Vec<u32>, C::Return) {
    let mut yielded = Vec::new();
    loop {
        match Pin::new(&mut c).resume(()) {
            CoroutineState::Yielded(x) => yielded.push(x),
            CoroutineState::Complete(value) => return (yielded, value),
        }
    }
}

fn rows() -> Vec<Vec<u32>> {
    vec![vec![1, 2, 3, 4], vec![5, 6], vec![7], vec![8, 10, 11]]
}

fn main() {
    println!("rows: {:?}", rows());
    println!("for loop:          {:?}", evens_for(rows()).collect::<Vec<_>>());
    let (evens, skipped) = drain(evens_delegating(rows()));
    println!("yield_from! a row: {evens:?}, returned {skipped} (odd numbers skipped)");
    println!("yield_from! chain: {:?}", evens_chain(rows()).collect::<Vec<_>>());
    // `for_each` itself is fine when nothing suspends: then the closure has to collect everything first.
    let mut collected = Vec::new();
    #[allow(clippy::needless_for_each, reason = "the `for_each` this example is about")]
    rows().into_iter().for_each(|row| collected.extend(row.into_iter().filter(|x| x.is_multiple_of(2))));
    println!("for_each, eagerly: {collected:?}");
    println!(
        "sizes while suspended: for loop {} bytes, delegating {} bytes (with a `row_evens` of {} inside)",
        size_of_val(&evens_for(rows())),
        size_of_val(&evens_delegating(rows())),
        size_of_val(&row_evens(Vec::new())),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_rewrites_agree() {
        let expected = [2, 4, 6, 8, 10];
        assert_eq!(evens_for(rows()).collect::<Vec<_>>(), expected);
        assert_eq!(drain(evens_delegating(rows())), (expected.to_vec(), 5));
        assert_eq!(evens_chain(rows()).collect::<Vec<_>>(), expected);
    }

    #[test]
    fn delegation_suspends_inside_the_inner_coroutine() {
        let mut outer = evens_delegating(vec![vec![2, 3, 4]]);
        assert_eq!(Pin::new(&mut outer).resume(()), CoroutineState::Yielded(2));
        // Suspended inside `row_evens`, in the middle of the row: the rest comes from where it stopped.
        assert_eq!(Pin::new(&mut outer).resume(()), CoroutineState::Yielded(4));
        assert_eq!(Pin::new(&mut outer).resume(()), CoroutineState::Complete(1));
    }
}

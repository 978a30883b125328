//! Coroutines with hundreds and tens of thousands of suspension points: the state's discriminant grows from one
//! byte to two (and four) as rustc's does (its tests/ui/coroutine/discriminant.rs), with `Option` of the
//! coroutine using the unused tag values as a niche.
#![allow(clippy::let_unit_value)]
use core::mem::size_of_val;
use core::pin::Pin;
use stackless::{Coroutine, CoroutineState};

/// Writes `#[stackless::coroutine] fn $name() -> impl Coroutine<Yield = (), Return = ()>` with one `yield_!` per
/// token of the list, the list grown by `* k` (k copies) and `+ [..]` (appended) steps: a `macro_rules!` can't
/// count, but the attribute must see every `yield_!` written out.
macro_rules! points {
    ($name:ident: [$($t:tt)*] * 2 $($rest:tt)*) => {
        points!($name: [$($t)* $($t)*] $($rest)*);
    };
    ($name:ident: [$($t:tt)*] * 5 $($rest:tt)*) => {
        points!($name: [$($t)* $($t)* $($t)* $($t)* $($t)*] $($rest)*);
    };
    ($name:ident: [$($t:tt)*] * 10 $($rest:tt)*) => {
        points!($name: [$($t)* $($t)* $($t)* $($t)* $($t)* $($t)* $($t)* $($t)* $($t)* $($t)*] $($rest)*);
    };
    ($name:ident: [$($t:tt)*] + [$($u:tt)*] $($rest:tt)*) => {
        points!($name: [$($t)* $($u)*] $($rest)*);
    };
    ($name:ident: [$($t:tt)*]) => {
        #[stackless::coroutine]
        fn $name() -> impl Coroutine<Yield = (), Return = ()> {
            $(yield_!($t);)*
        }
    };
    // With a join point: a closure made after a loop that suspends (so two arms reach its `let`) and held across
    // the points that follow.
    (joined $name:ident: [$($t:tt)*] * 5 $($rest:tt)*) => {
        points!(joined $name: [$($t)* $($t)* $($t)* $($t)* $($t)*] $($rest)*);
    };
    (joined $name:ident: [$($t:tt)*] * 10 $($rest:tt)*) => {
        points!(joined $name: [$($t)* $($t)* $($t)* $($t)* $($t)* $($t)* $($t)* $($t)* $($t)* $($t)*] $($rest)*);
    };
    (joined $name:ident: [$($t:tt)*] + [$($u:tt)*] $($rest:tt)*) => {
        points!(joined $name: [$($t)* $($u)*] $($rest)*);
    };
    (joined $name:ident: [$($t:tt)*]) => {
        #[stackless::coroutine]
        fn $name(n: u32) -> impl Coroutine<Yield = (), Return = u32> {
            // Not `0..n`: a range's iterator would stay in the state at every later point (no drop glue) and
            // make them one group with the loop, whose tag is `at`'s; the states are counted here without groups.
            for _ in (0..n).rev() {
                yield_!(());
            }
            // What the listed points hold differs from what the first one holds: they share no variant.
            let r = {
                let add = move |x: u32| x + n;
                yield_!(());
                add(1)
            };
            $(yield_!($t);)*
            r
        }
    };
}

// 3 reserved states (unresumed, returned, panicked) + one per point.
points!(points_252: [() () () () ()] * 5 * 10 + [() ()]); // 255 states: u8, one niche value left
points!(points_253: [() () () () ()] * 5 * 10 + [() () ()]); // 256 states: u8, full
points!(points_254: [() () () () ()] * 5 * 10 + [() () () ()]); // 257 states: u16
points!(points_256: [() () () () ()] * 5 * 10 + [() () () () () ()]);
points!(points_300: [() () ()] * 10 * 10);

// 3 reserved states + the loop's point + the join point + the point holding the closure + the listed points: 256
// and 257 states.
points!(joined joined_251: [() () () () ()] * 5 * 10);
points!(joined joined_252: [() () () () ()] * 5 * 10 + [()]);

/// Resumes to completion, counting the yields.
fn run_to_end<C: Coroutine<Yield = (), Return = u32> + Unpin>(mut c: C) -> (usize, u32) {
    let mut yields = 0;
    loop {
        match Pin::new(&mut c).resume(()) {
            CoroutineState::Yielded(()) => yields += 1,
            CoroutineState::Complete(r) => return (yields, r),
        }
    }
}

#[test]
fn a_join_point_counts_as_a_state() {
    assert_eq!(run_to_end(joined_251(3)), (3 + 251, 4));
    assert_eq!(run_to_end(joined_252(3)), (3 + 252, 4));
    // 256 states use every value of a `u8` tag: `Option` finds no niche (nothing else held has one). 257 take a
    // `u16`, whose unused values are the niche again. Without the join point counted, both would fit a `u8` with
    // room to spare.
    assert!(size_of_val(&Some(joined_251(3))) > size_of_val(&joined_251(3)));
    assert_eq!(size_of_val(&Some(joined_252(3))), size_of_val(&joined_252(3)));
}

/// Resumes to completion, counting the yields.
fn run<C: Coroutine<Yield = (), Return = ()> + Unpin>(mut c: C) -> usize {
    let mut yields = 0;
    while let CoroutineState::Yielded(()) = Pin::new(&mut c).resume(()) {
        yields += 1;
    }
    yields
}

#[test]
fn the_discriminant_grows_as_rustc_chooses_it() {
    // rustc: 1, 1 (niche), 2.
    assert_eq!(size_of_val(&points_252()), 1);
    assert_eq!(size_of_val(&Some(points_252())), 1);
    assert_eq!(size_of_val(&Some(Some(points_252()))), 2);
    // rustc: 1, 2 (no niche left).
    assert_eq!(size_of_val(&points_253()), 1);
    assert_eq!(size_of_val(&Some(points_253())), 2);
    // rustc: 2, 2 (niche).
    assert_eq!(size_of_val(&points_254()), 2);
    assert_eq!(size_of_val(&Some(points_254())), 2);
    assert_eq!(size_of_val(&points_256()), 2);
    assert_eq!(size_of_val(&points_300()), 2);
    assert_eq!(size_of_val(&Some(points_300())), 2);
}

#[test]
fn every_point_is_reached() {
    assert_eq!(run(points_252()), 252);
    assert_eq!(run(points_253()), 253);
    assert_eq!(run(points_254()), 254);
    assert_eq!(run(points_256()), 256);
    assert_eq!(run(points_300()), 300);
}

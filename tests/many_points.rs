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
}

// 3 reserved states (unresumed, returned, panicked) + one per point.
points!(points_252: [() () () () ()] * 5 * 10 + [() ()]); // 255 states: u8, one niche value left
points!(points_253: [() () () () ()] * 5 * 10 + [() () ()]); // 256 states: u8, full
points!(points_254: [() () () () ()] * 5 * 10 + [() () () ()]); // 257 states: u16
points!(points_256: [() () () () ()] * 5 * 10 + [() () () () () ()]);
points!(points_300: [() () ()] * 10 * 10);

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

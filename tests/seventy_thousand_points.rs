//! A coroutine with 70,000 suspension points compiles, runs, and has the size rustc gives such a coroutine
//! (70,003 states need a four-byte discriminant), with `Option` of it using a niche. About a minute of rustc:
//! only with `--features huge-tests` (CI runs it; see DEVELOPMENT.md).
#![cfg(feature = "huge-tests")]
#![allow(clippy::let_unit_value)]
use core::mem::size_of_val;
use core::pin::Pin;
use stackless::{Coroutine, CoroutineState};

/// As in `tests/many_points.rs`: one `yield_!` per token of the list, grown by `* 10` steps.
macro_rules! points {
    ($name:ident: [$($t:tt)*] * 10 $($rest:tt)*) => {
        points!($name: [$($t)* $($t)* $($t)* $($t)* $($t)* $($t)* $($t)* $($t)* $($t)* $($t)*] $($rest)*);
    };
    ($name:ident: [$($t:tt)*]) => {
        #[stackless::coroutine]
        fn $name() -> impl Coroutine<Yield = (), Return = ()> {
            $(yield_!($t);)*
        }
    };
}

points!(points_70000: [() () () () () () ()] * 10 * 10 * 10 * 10);

#[test]
fn seventy_thousand_points() {
    let mut c = points_70000();
    // rustc: 4 and 4.
    assert_eq!(size_of_val(&c), 4);
    assert_eq!(size_of_val(&Some(points_70000())), 4);
    let mut yields = 0;
    while let CoroutineState::Yielded(()) = Pin::new(&mut c).resume(()) {
        yields += 1;
    }
    assert_eq!(yields, 70_000);
}

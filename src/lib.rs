#![doc = include_str!("../README.md")]
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub use stackless_macros::coroutine;

pub use stackless_runtime::{Coroutine, CoroutineState};
/// What an async generator (`-> impl Stream<Item = Y>`) returns: `futures_core`'s `Stream` and `FusedStream`, the
/// traits the async ecosystem shares (the `futures` crate's are these).
#[cfg(feature = "stream")]
pub use stackless_runtime::{FusedStream, Stream};

/// Not a public API: what generated code reaches through `::stackless::__private`.
#[doc(hidden)]
pub use stackless_runtime::__private;
// Outside `__private`: rustc names its traits in the error for a field that can't be moved out of a held local.
#[doc(hidden)]
pub use stackless_runtime::partial_move;
#[doc(hidden)]
pub use stackless_runtime::state;
// Named in rustc's message for a loop by index over a sequence without items by index.
#[doc(hidden)]
pub use stackless_runtime::by_index;
// Named in rustc's message for a loop by position over a value without text.
#[doc(hidden)]
pub use stackless_runtime::by_position;
// Named in rustc's messages about what an async generator awaits.
#[cfg(feature = "stream")]
#[doc(hidden)]
pub use stackless_runtime::async_gen;

/// Suspends the enclosing `#[stackless::coroutine]` fn, handing the value out; evaluates to the next resume
/// argument.
///
/// `#[stackless::coroutine]` rewrites every `yield_!` in the fn it is attached to, so this definition is only
/// reached when `yield_!` is used somewhere else, and then it explains the mistake:
///
/// ```compile_fail
/// fn not_a_coroutine() {
///     stackless::yield_!(1);
/// }
/// ```
#[macro_export]
macro_rules! yield_ {
    ($($tokens:tt)*) => {
        ::core::compile_error!("`yield_!` can only be used inside a fn marked `#[stackless::coroutine]`")
    };
}

/// Runs another coroutine (or, in a generator, anything iterable) to completion inside the enclosing
/// `#[stackless::coroutine]` fn: every value it yields is passed out, every resume argument passed in, and the
/// expression evaluates to its return value. `yield_from!(inner, first)` gives the inner coroutine its first
/// resume argument when the resume type isn't `()`.
///
/// Like [`yield_!`], it is rewritten by the attribute; used anywhere else it explains the mistake:
///
/// ```compile_fail
/// fn not_a_coroutine() {
///     stackless::yield_from!(0..3);
/// }
/// ```
#[macro_export]
macro_rules! yield_from {
    ($($tokens:tt)*) => {
        ::core::compile_error!("`yield_from!` can only be used inside a fn marked `#[stackless::coroutine]`")
    };
}

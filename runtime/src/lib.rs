//! Runtime of [`stackless`](https://docs.rs/stackless): the [`Coroutine`] trait, [`CoroutineState`], and the
//! wrapper that `#[stackless::coroutine]` expansions build on.
//!
//! The trait is shaped like nightly's `core::ops::Coroutine`, so code written against it moves to rustc's own
//! coroutines by changing an import. Everything here is `no_std`, allocation-free (unless the `alloc` feature
//! adds the `Box` impls) and free of `unsafe`.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// The wrapper's methods and the step helpers must flatten into the caller's loop for a resume to cost what a
// hand-written `next` costs (measured by benches/callgrind.sh).
#![allow(clippy::inline_always)]

#[cfg(feature = "alloc")]
extern crate alloc;

/// The traits an async generator implements (`futures_core`'s, which the `futures` crate re-exports).
#[cfg(feature = "stream")]
pub use futures_core::{FusedStream, Stream};

use core::fmt;
use core::iter::FusedIterator;
use core::ops::DerefMut;
use core::pin::Pin;

/// The result of resuming a coroutine: it either suspended with a value, or finished with its return value.
///
/// ```
/// use stackless_runtime::CoroutineState;
/// let s: CoroutineState<u8, &str> = CoroutineState::Yielded(1);
/// assert_eq!(s, CoroutineState::Yielded(1));
/// assert!(matches!(CoroutineState::<u8, &str>::Complete("done"), CoroutineState::Complete("done")));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CoroutineState<Y, R> {
    /// The coroutine suspended at a `yield_!` with this value; it can be resumed again.
    Yielded(Y),
    /// The coroutine finished with this return value; resuming it again panics.
    Complete(R),
}

/// A computation that can be suspended and resumed, exchanging values with its caller at each suspension.
///
/// `R` is the type of the resume argument passed in by [`resume`](Coroutine::resume); each call returns either
/// [`CoroutineState::Yielded`] with a [`Yield`](Coroutine::Yield) value (the coroutine is suspended and can be
/// resumed again) or [`CoroutineState::Complete`] with the [`Return`](Coroutine::Return) value.
///
/// Resuming a coroutine that has completed panics with `coroutine resumed after completion`; resuming one whose
/// body panicked panics with `coroutine resumed after panicking`.
///
/// ```
/// use core::pin::Pin;
/// use stackless_runtime::{Coroutine, CoroutineState};
///
/// // A hand-written coroutine: doubles every resume argument until it receives 0.
/// struct Doubler;
/// impl Coroutine<u32> for Doubler {
///     type Yield = u32;
///     type Return = &'static str;
///     fn resume(self: Pin<&mut Self>, arg: u32) -> CoroutineState<u32, &'static str> {
///         if arg == 0 { CoroutineState::Complete("bye") } else { CoroutineState::Yielded(arg * 2) }
///     }
/// }
/// let mut d = Doubler;
/// assert_eq!(Pin::new(&mut d).resume(21), CoroutineState::Yielded(42));
/// assert_eq!(Pin::new(&mut d).resume(0), CoroutineState::Complete("bye"));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a coroutine",
    label = "`{Self}` is not a coroutine",
    note = "`Coroutine` is implemented by what a `#[stackless::coroutine]` fn returns, and by `&mut`, `Pin` and `Box` of a coroutine"
)]
#[must_use = "coroutines are lazy and do nothing unless resumed"]
pub trait Coroutine<R = ()> {
    /// The type of the values this coroutine yields.
    type Yield;
    /// The type of the value this coroutine returns when it completes.
    type Return;
    /// Runs the coroutine until its next suspension point or its end.
    fn resume(self: Pin<&mut Self>, arg: R) -> CoroutineState<Self::Yield, Self::Return>;
}

impl<C: Coroutine<R> + Unpin + ?Sized, R> Coroutine<R> for &mut C {
    type Yield = C::Yield;
    type Return = C::Return;
    fn resume(mut self: Pin<&mut Self>, arg: R) -> CoroutineState<C::Yield, C::Return> {
        C::resume(Pin::new(&mut **self), arg)
    }
}

impl<P, R> Coroutine<R> for Pin<P>
where
    P: DerefMut<Target: Coroutine<R>> + Unpin,
{
    type Yield = <P::Target as Coroutine<R>>::Yield;
    type Return = <P::Target as Coroutine<R>>::Return;
    fn resume(self: Pin<&mut Self>, arg: R) -> CoroutineState<Self::Yield, Self::Return> {
        <P::Target as Coroutine<R>>::resume(self.get_mut().as_mut(), arg)
    }
}

#[cfg(feature = "alloc")]
impl<C: Coroutine<R> + Unpin + ?Sized, R> Coroutine<R> for alloc::boxed::Box<C> {
    type Yield = C::Yield;
    type Return = C::Return;
    fn resume(mut self: Pin<&mut Self>, arg: R) -> CoroutineState<C::Yield, C::Return> {
        C::resume(Pin::new(&mut **self), arg)
    }
}

/// The state of a coroutine and of a resume step, as the generated code holds them. Not a public API (see
/// [`__private`]); a module of its own so that rustc's messages about the coroutine's type (a `+ Send` it doesn't
/// meet) and the step's guard (a borrow held across a `yield_!` that only the borrow checker finds) name
/// `stackless::state::Machine` and `stackless::state::Guard` rather than `__private` items.
#[doc(hidden)]
pub mod state {
    #[cfg(feature = "stream")]
    use core::task::{Context, Poll};

    use core::marker::PhantomData;

    use crate::{Coroutine, CoroutineState, FusedIterator, Pin, fmt};

    /// Type-checks that a local whose type the macro doesn't know, and that a borrow held across a `yield_!`
    /// borrows (`text` in `for w in text.split(' ')`, `s` in `let t = s.trim();`), is a reference: the borrow then
    /// points to what it points to, outside the state. Anything else is held in the state, which the borrow can't
    /// reach across a suspension: the bound says so at the local. (The local's type comes as [`type_of`]'s value,
    /// and the bound is on [`Receiver`], not on that type: otherwise rustc suggests borrowing the local instead of
    /// showing the bound's explanation.)
    #[inline(always)]
    pub fn borrowed_through_reference<T: ?Sized>(_receiver: PhantomData<*const T>)
    where
        Receiver: ThroughReference<T>,
    {
    }

    /// The type of `value`, as a value: see [`borrowed_through_reference`].
    #[inline(always)]
    #[must_use]
    pub fn type_of<T: ?Sized>(_value: &T) -> PhantomData<*const T> {
        PhantomData
    }

    /// What [`borrowed_through_reference`] asks of a borrowed local's type `T`.
    pub struct Receiver;

    /// Met for references: see [`borrowed_through_reference`].
    #[diagnostic::on_unimplemented(
        message = "this borrows a local of type `{T}`, which the coroutine's state holds, and the borrow is still in use at a later `yield_!`",
        label = "borrowed here, and still in use at a later `yield_!`",
        note = "a coroutine's locals live in its state, which moves when the coroutine moves, so a borrow of one can't survive a suspension",
        note = "hold something owned instead: owned copies (`text.split(' ').map(str::to_owned).collect::<Vec<_>>()`, `s.trim().to_owned()`), an index, or the value itself (`into_iter()`)"
    )]
    pub trait ThroughReference<T: ?Sized> {}

    impl<T: ?Sized> ThroughReference<&T> for Receiver {}
    impl<T: ?Sized> ThroughReference<&mut T> for Receiver {}

    /// The generated state enum's two payload-free terminal states, reachable from runtime code.
    pub trait States {
        /// The state after the body returned.
        const RETURNED: Self;
        /// The state after the body panicked.
        const POISONED: Self;
    }

    /// Whether the body returned: what an async generator's `FusedStream::is_terminated` answers (generated
    /// for async generators).
    pub trait Finished {
        /// The state is `RETURNED`.
        fn finished(&self) -> bool;
    }

    /// How a resume step left the body; read by [`Guard`]'s destructor.
    #[derive(Clone, Copy, PartialEq, Eq, Debug)]
    pub enum Exit {
        /// Still running, or unwinding out of a panic: the state is poisoned.
        Unwinding,
        /// Suspended at a `yield_!`, or reported a terminal state: the state is already right.
        Suspended,
        /// The body returned: the state becomes `RETURNED` after every local of the step is dropped.
        Returned,
    }

    /// Owns the `&mut` to the state for one resume step and writes the terminal state when the step ends.
    ///
    /// The runtime holds it around the step (`Machine`'s `next`, `resume`, `poll_next`), which gets it as its
    /// parameter, so it is dropped after every local of the step: locals held in the state (outer scopes) are
    /// dropped after the step's own locals (inner scopes), as in the plain function, both on return and while
    /// unwinding from a panic.
    pub struct Guard<'a, S: States> {
        /// The coroutine's state, borrowed for the step.
        pub state: &'a mut S,
        /// How the step ended; `Unwinding` until the step returns (a terminal state's panic says otherwise).
        pub exit: Exit,
    }

    impl<'a, S: States> Guard<'a, S> {
        /// Starts a resume step.
        #[inline(always)]
        pub(crate) fn new(state: &'a mut S) -> Self {
            Guard { state, exit: Exit::Unwinding }
        }

        /// After the step: what it returned says how it ended.
        #[inline(always)]
        pub(crate) fn leave<Y, T>(mut self, out: &CoroutineState<Y, T>) {
            self.exit = match out {
                CoroutineState::Yielded(_) => Exit::Suspended,
                CoroutineState::Complete(_) => Exit::Returned,
            };
        }
    }

    /// The step's own handle on the [`Guard`] that the runtime holds around it: the state, and `exit` for a
    /// step that says itself how it ended (a terminal state's panic).
    ///
    /// The step's first local, so it is dropped after all the others. Its `Drop` does nothing but counts as a use
    /// of what the state holds: a borrow of a step's local that the state still holds when the step ends is
    /// reported as rustc reports it in a plain fn, at the local's end, "when `state_guard` is dropped".
    pub struct StateGuard<'a, S> {
        /// The coroutine's state, borrowed for the step.
        pub state: &'a mut S,
        /// The guard's `exit`.
        pub exit: &'a mut Exit,
    }

    impl<S> Drop for StateGuard<'_, S> {
        #[inline(always)]
        fn drop(&mut self) {}
    }

    impl<S: States> Guard<'_, S> {
        /// The step's handle on this guard.
        #[inline(always)]
        pub fn lend(&mut self) -> StateGuard<'_, S> {
            StateGuard { state: &mut *self.state, exit: &mut self.exit }
        }
    }

    impl<S: States> Drop for Guard<'_, S> {
        #[inline(always)]
        fn drop(&mut self) {
            match self.exit {
                Exit::Suspended => {}
                Exit::Returned => *self.state = S::RETURNED,
                Exit::Unwinding => *self.state = S::POISONED,
            }
        }
    }

    /// The value a `#[stackless::coroutine]` fn returns: its state `S` and the resume step `F`, a closure
    /// without captures (so `F` is zero-sized, `Copy`, `Send` and `Sync`).
    ///
    /// It never relies on its own address, so it is `Unpin` whatever it holds: nothing is ever pinned
    /// structurally (no `Pin<&mut field>` is handed out).
    #[derive(Clone)]
    pub struct Machine<S, F> {
        pub(crate) state: S,
        pub(crate) step: F,
    }

    impl<S, F> Unpin for Machine<S, F> {}

    impl<S, F> Machine<S, F> {
        /// A coroutine resumed with `R`, yielding `Y`, returning `T`.
        #[inline(always)]
        pub fn coroutine<R, Y, T>(state: S, step: F) -> Self
        where
            S: States,
            F: FnMut(&mut Guard<'_, S>, R) -> CoroutineState<Y, T>,
        {
            Machine { state, step }
        }

        /// A generator yielding `Y` (an `Iterator<Item = Y>`).
        #[inline(always)]
        pub fn generator<Y>(state: S, step: F) -> Self
        where
            S: States,
            F: FnMut(&mut Guard<'_, S>, ()) -> CoroutineState<Y, ()>,
        {
            Machine { state, step }
        }
    }

    /// An async generator's step takes the poll's `Context` (its coroutine is resumed with `()`), yielding
    /// `Poll::Ready(item)` at a `yield_!` and `Poll::Pending` at an `.await` whose future is pending, and returning
    /// `()` at its end.
    #[cfg(feature = "stream")]
    impl<S, F> Machine<S, F> {
        /// An async generator of `Y`s (a `futures_core::Stream<Item = Y>`).
        #[inline(always)]
        pub fn stream<Y>(state: S, step: F) -> Self
        where
            S: States,
            F: FnMut(&mut Guard<'_, S>, &mut Context<'_>) -> CoroutineState<Poll<Y>, ()>,
        {
            Machine { state, step }
        }
    }

    /// Without the `stream` feature, an async generator is reported at its signature with the fix.
    #[cfg(not(feature = "stream"))]
    impl<S, F> Machine<S, F> {
        /// Not available: the `stream` feature is off.
        #[inline(always)]
        pub fn stream<Y: StreamFeature>(state: S, step: F) -> Self {
            Machine { state, step }
        }
    }

    /// Implemented for nothing: the bound of [`Machine::stream`] without the `stream` feature.
    #[cfg(not(feature = "stream"))]
    #[diagnostic::on_unimplemented(
        message = "a fn returning `impl Stream` needs stackless's `stream` feature",
        label = "an async generator",
        note = "in Cargo.toml: `stackless = {{ version = \"0.1\", features = [\"stream\"] }}` (it is on by default)"
    )]
    pub trait StreamFeature {}

    /// Polled with the caller's `Context`: each poll resumes the body until it yields an item (`Ready(Some)`),
    /// waits on an `.await` (`Pending`, the awaited future having registered the waker) or ends (`Ready(None)`,
    /// and again on every later poll).
    #[cfg(feature = "stream")]
    impl<S: States, F, Y> futures_core::Stream for Machine<S, F>
    where
        F: FnMut(&mut Guard<'_, S>, &mut Context<'_>) -> CoroutineState<Poll<Y>, ()>,
    {
        type Item = Y;
        #[inline(always)]
        fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Y>> {
            let this = self.get_mut();
            let mut guard = Guard::new(&mut this.state);
            let out = (this.step)(&mut guard, cx);
            guard.leave(&out);
            match out {
                CoroutineState::Yielded(Poll::Ready(item)) => Poll::Ready(Some(item)),
                CoroutineState::Yielded(Poll::Pending) => Poll::Pending,
                CoroutineState::Complete(()) => Poll::Ready(None),
            }
        }
    }

    /// An ended async generator keeps answering `Ready(None)`, so `futures::select!` may poll it.
    #[cfg(feature = "stream")]
    impl<S: States + Finished, F, Y> futures_core::FusedStream for Machine<S, F>
    where
        F: FnMut(&mut Guard<'_, S>, &mut Context<'_>) -> CoroutineState<Poll<Y>, ()>,
    {
        #[inline(always)]
        fn is_terminated(&self) -> bool {
            self.state.finished()
        }
    }

    impl<S: States, F, R, Y, T> Coroutine<R> for Machine<S, F>
    where
        F: FnMut(&mut Guard<'_, S>, R) -> CoroutineState<Y, T>,
    {
        type Yield = Y;
        type Return = T;
        #[inline(always)]
        fn resume(self: Pin<&mut Self>, arg: R) -> CoroutineState<Y, T> {
            let this = self.get_mut();
            let mut guard = Guard::new(&mut this.state);
            let out = (this.step)(&mut guard, arg);
            guard.leave(&out);
            out
        }
    }

    impl<S: States, F, Y> Iterator for Machine<S, F>
    where
        F: FnMut(&mut Guard<'_, S>, ()) -> CoroutineState<Y, ()>,
    {
        type Item = Y;
        #[inline(always)]
        fn next(&mut self) -> Option<Y> {
            // (`exit` written in each branch, not by `leave`: `tree` runs one instruction fewer per yield.)
            let mut guard = Guard::new(&mut self.state);
            match (self.step)(&mut guard, ()) {
                CoroutineState::Yielded(value) => {
                    guard.exit = Exit::Suspended;
                    Some(value)
                }
                CoroutineState::Complete(()) => {
                    guard.exit = Exit::Returned;
                    None
                }
            }
        }
    }

    /// After completion the generated step keeps answering `Complete(())` to a generator.
    impl<S: States, F, Y> FusedIterator for Machine<S, F> where F: FnMut(&mut Guard<'_, S>, ()) -> CoroutineState<Y, ()> {}

    /// Shows the state: which suspension point the coroutine is at and the values it holds there.
    impl<S: fmt::Debug, F> fmt::Debug for Machine<S, F> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            fmt::Debug::fmt(&self.state, f)
        }
    }
}

/// Items used by the code `#[stackless::coroutine]` generates. Not a public API: names and signatures may
/// change in any release.
#[doc(hidden)]
pub mod __private {
    pub use core;

    use super::{Coroutine, CoroutineState, Pin, fmt};
    use core::cell::Cell;
    use core::convert::Infallible;
    use core::marker::PhantomData;
    use core::ops::ControlFlow;

    pub use crate::state::{Exit, States};
    use crate::state::{Guard, Machine};

    /// Ends a step at a suspension point: the state was already written (or stays in place).
    #[inline(always)]
    pub fn suspend<Y, T>(value: Y) -> CoroutineState<Y, T> {
        CoroutineState::Yielded(value)
    }

    /// Ends a step at the body's end or a `return`: the state becomes `RETURNED` once the step's locals drop.
    #[inline(always)]
    pub fn complete<Y, T>(value: T) -> CoroutineState<Y, T> {
        CoroutineState::Complete(value)
    }

    /// A generator resumed after it returned keeps answering `None` (it is a `FusedIterator`; its state is
    /// made `RETURNED` again).
    #[inline(always)]
    #[must_use]
    pub fn exhausted<Y>() -> CoroutineState<Y, ()> {
        CoroutineState::Complete(())
    }

    /// The value of a local with a drop flag (`Option`), which the transform's analysis proved is set here.
    #[inline(always)]
    #[track_caller]
    pub fn slot<T>(slot: &mut Option<T>) -> &mut T {
        match slot {
            Some(value) => value,
            None => unreachable_slot(),
        }
    }

    /// Reads a local with a drop flag where it is only borrowed shared (formatting macros' arguments), so that
    /// several such reads can be alive at once.
    #[inline(always)]
    #[track_caller]
    pub fn slot_ref<T>(slot: &Option<T>) -> &T {
        match slot {
            Some(value) => value,
            None => unreachable_slot(),
        }
    }

    /// Ties a local's type to a witness shared by all the arms of the resume closure: a local whose value
    /// arrives in several arms (`let v = if c { Some(yield_!(x)) } else { None };`) is then typed from all of
    /// them together, as in the plain fn, instead of from each arm's part of its initializer alone.
    #[inline(always)]
    pub fn same_type<T>(_witness: &PhantomData<fn() -> T>, _value: &T) {}

    /// A value of the resume type in dead code (after a suspension point's `return`), where it only serves to
    /// type what follows: the arms then type an initializer's suspending path as the plain fn does.
    #[inline(always)]
    #[must_use]
    pub fn unreachable_value<T>(_witness: &PhantomData<fn() -> T>) -> T {
        unreachable!("stackless internal error: dead code ran")
    }

    /// `false`, for code that must be type-checked but never runs, without a constant condition (which lints
    /// flag).
    #[inline(always)]
    #[must_use]
    pub const fn never() -> bool {
        false
    }

    /// The resume argument, for the arm a step enters first, when the step may go on through join points:
    /// each step takes it once, since the arm entered first is the only one that isn't a join point's.
    #[inline(always)]
    pub fn take_resume_arg<R>(slot: &mut Option<R>) -> R {
        match slot.take() {
            Some(arg) => arg,
            None => unreachable!("stackless internal error: the resume argument was taken twice"),
        }
    }

    /// Moves the value out of a local with a drop flag, clearing the flag.
    #[inline(always)]
    #[track_caller]
    pub fn take<T>(slot: &mut Option<T>) -> T {
        match slot.take() {
            Some(value) => value,
            None => unreachable_slot(),
        }
    }

    #[cold]
    #[track_caller]
    fn unreachable_slot() -> ! {
        panic!(
            "stackless: a local was read where it may be uninitialised or moved: rustc rejects this fn as a plain fn \
             (E0381, E0382), but can't see it across a `yield_!`; if rustc accepts the plain fn, please report this \
             with the coroutine's body"
        )
    }

    /// `?` on stable: the operand's type says whether to continue with a value or leave with a residual.
    pub trait Try {
        /// The value `expr?` evaluates to.
        type Output;
        /// What `expr?` returns with.
        type Residual;
        /// Splits the operand.
        fn branch(self) -> ControlFlow<Self::Residual, Self::Output>;
    }

    /// Builds the coroutine's return value from a `?` residual.
    #[diagnostic::on_unimplemented(
        message = "the `?` operator can't return `{R}` from a coroutine that returns `{Self}`",
        label = "this `?` can't return `{R}` from a coroutine that returns `{Self}`",
        note = "`?` on a `Result` needs a coroutine returning a `Result` whose error type implements `From` of \
                the operand's error type, and `?` on an `Option` one returning an `Option`"
    )]
    pub trait FromResidual<R> {
        /// Returns the residual, already converted by [`Residual`].
        fn from_residual(residual: R) -> Self;
    }

    impl<T, E> Try for Result<T, E> {
        type Output = T;
        type Residual = Result<Infallible, E>;
        #[inline(always)]
        fn branch(self) -> ControlFlow<Result<Infallible, E>, T> {
            match self {
                Ok(v) => ControlFlow::Continue(v),
                Err(e) => ControlFlow::Break(Err(e)),
            }
        }
    }

    impl<T> Try for Option<T> {
        type Output = T;
        type Residual = Option<Infallible>;
        #[inline(always)]
        fn branch(self) -> ControlFlow<Option<Infallible>, T> {
            match self {
                Some(v) => ControlFlow::Continue(v),
                None => ControlFlow::Break(None),
            }
        }
    }

    impl<B, C> Try for ControlFlow<B, C> {
        type Output = C;
        type Residual = ControlFlow<B, Infallible>;
        #[inline(always)]
        fn branch(self) -> ControlFlow<ControlFlow<B, Infallible>, C> {
            match self {
                ControlFlow::Continue(c) => ControlFlow::Continue(c),
                ControlFlow::Break(b) => ControlFlow::Break(ControlFlow::Break(b)),
            }
        }
    }

    /// Applies `?`'s error conversion to a residual: `From::from` on a `Result`'s error, nothing on the others
    /// (their conversion is the identity). The generated code passes `From::from` itself, so that an error type
    /// without the conversion is reported as std's `From` bound at the `?`.
    pub trait Residual<F> {
        /// The residual after the conversion.
        type Converted;
        /// Converts it.
        fn convert(self, from: F) -> Self::Converted;
    }

    impl<E, X, F: FnOnce(E) -> X> Residual<F> for Result<Infallible, E> {
        type Converted = Result<Infallible, X>;
        #[inline(always)]
        fn convert(self, from: F) -> Result<Infallible, X> {
            match self {
                Err(e) => Err(from(e)),
                Ok(never) => match never {},
            }
        }
    }

    impl<F: FnOnce(Infallible) -> Infallible> Residual<F> for Option<Infallible> {
        type Converted = Option<Infallible>;
        #[inline(always)]
        fn convert(self, _: F) -> Option<Infallible> {
            None
        }
    }

    impl<B, F: FnOnce(Infallible) -> Infallible> Residual<F> for ControlFlow<B, Infallible> {
        type Converted = ControlFlow<B, Infallible>;
        #[inline(always)]
        fn convert(self, _: F) -> ControlFlow<B, Infallible> {
            self
        }
    }

    impl<T, E> FromResidual<Result<Infallible, E>> for Result<T, E> {
        #[inline(always)]
        fn from_residual(residual: Result<Infallible, E>) -> Self {
            match residual {
                Err(e) => Err(e),
                Ok(never) => match never {},
            }
        }
    }

    impl<T> FromResidual<Option<Infallible>> for Option<T> {
        #[inline(always)]
        fn from_residual(_: Option<Infallible>) -> Self {
            None
        }
    }

    impl<B, C> FromResidual<ControlFlow<B, Infallible>> for ControlFlow<B, C> {
        #[inline(always)]
        fn from_residual(residual: ControlFlow<B, Infallible>) -> Self {
            match residual {
                ControlFlow::Break(b) => ControlFlow::Break(b),
                ControlFlow::Continue(never) => match never {},
            }
        }
    }

    /// The step of a coroutine whose expansion failed.
    pub type FailedStep<R, Y, T> = fn(&mut Guard<'_, ()>, R) -> CoroutineState<Y, T>;

    /// The body of a fn whose expansion failed: keeps its signature type-correct so that only the real
    /// errors are reported. Never resumed (the crate does not compile).
    #[must_use]
    pub fn failed<R, Y, T>() -> Machine<(), FailedStep<R, Y, T>> {
        Machine { state: (), step: |_, _| unreachable!("a coroutine whose expansion failed cannot run") }
    }

    /// The failed machine's state.
    impl States for () {
        const RETURNED: Self = ();
        const POISONED: Self = ();
    }

    /// The failed machine's state: `FusedStream` too, so that only the real errors are reported.
    impl crate::state::Finished for () {
        fn finished(&self) -> bool {
            true
        }
    }

    /// The step of an async generator whose expansion failed.
    #[cfg(feature = "stream")]
    pub type FailedStreamStep<Y> =
        fn(&mut Guard<'_, ()>, &mut core::task::Context<'_>) -> CoroutineState<core::task::Poll<Y>, ()>;

    /// [`failed`] for an async generator (`-> impl Stream<Item = Y>`).
    #[cfg(feature = "stream")]
    #[must_use]
    pub fn failed_stream<Y>() -> Machine<(), FailedStreamStep<Y>> {
        Machine { state: (), step: |_, _| unreachable!("a coroutine whose expansion failed cannot run") }
    }

    /// A coroutine a generator's `yield_from!` delegates to, as an iterator over what it yields. Its return value
    /// is kept when it completes, for [`Finished`] to hand to the `yield_from!`.
    ///
    /// `Clone` and `Debug` when the inner coroutine is (`Debug` shows the inner one alone), so that a `+ Clone`
    /// or `+ Debug` generator suspended inside a `yield_from!` clones and prints like any other state.
    pub struct ToCoroutine<C, T>(C, Option<T>);

    /// Only held in a state while suspended inside the delegation, when the return value is not there yet.
    impl<C: Clone, T> Clone for ToCoroutine<C, T> {
        fn clone(&self) -> Self {
            ToCoroutine(self.0.clone(), None)
        }
    }

    impl<C: fmt::Debug, T> fmt::Debug for ToCoroutine<C, T> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            fmt::Debug::fmt(&self.0, f)
        }
    }

    impl<C: Coroutine<(), Return = T> + Unpin, T> Iterator for ToCoroutine<C, T> {
        type Item = C::Yield;
        #[inline(always)]
        fn next(&mut self) -> Option<C::Yield> {
            match Pin::new(&mut self.0).resume(()) {
                CoroutineState::Yielded(value) => Some(value),
                CoroutineState::Complete(value) => {
                    self.1 = Some(value);
                    None
                }
            }
        }
    }

    /// What a generator's `yield_from!` receives, before it knows whether it is a coroutine or an iterable:
    /// `(&&Delegate::new(x)).delegation()` picks [`ViaCoroutine`] when `x` is a `Coroutine<()>`, and
    /// [`ViaIterator`] otherwise (method resolution tries the receiver with more references first). The result
    /// goes through `IntoIterator::into_iter` at the user's argument, so that an operand that is neither is
    /// reported there as std reports a non-iterator.
    pub struct Delegate<T>(Cell<Option<T>>);

    impl<T> Delegate<T> {
        /// Wraps the operand of `yield_from!`.
        #[inline(always)]
        pub fn new(inner: T) -> Self {
            Delegate(Cell::new(Some(inner)))
        }

        #[inline(always)]
        fn take(&self) -> T {
            match self.0.take() {
                Some(inner) => inner,
                None => unreachable!("a delegation is taken once"),
            }
        }
    }

    /// The preferred reading of a generator's `yield_from!` operand: a coroutine.
    pub trait ViaCoroutine {
        /// The delegation.
        type Delegation;
        /// Builds it.
        fn delegation(self) -> Self::Delegation;
    }

    impl<C: Coroutine<()> + Unpin> ViaCoroutine for &&Delegate<C> {
        type Delegation = ToCoroutine<C, C::Return>;
        #[inline(always)]
        fn delegation(self) -> ToCoroutine<C, C::Return> {
            ToCoroutine(self.take(), None)
        }
    }

    /// The other reading of a generator's `yield_from!` operand: anything else, which must be iterable.
    pub trait ViaIterator {
        /// The operand itself.
        type Delegation;
        /// Takes it.
        fn delegation(self) -> Self::Delegation;
    }

    impl<I> ViaIterator for &Delegate<I> {
        type Delegation = I;
        #[inline(always)]
        fn delegation(self) -> I {
            self.take()
        }
    }

    /// The value of a generator's `yield_from!` once the iterator it drives is exhausted:
    /// `(&&Finished::new(&mut it)).returned()` is the inner coroutine's return value ([`ReturnOf`]) or `()` for
    /// an iterator ([`NoReturn`]).
    pub struct Finished<'a, D>(Cell<Option<&'a mut D>>);

    impl<'a, D> Finished<'a, D> {
        /// Wraps the exhausted delegate.
        #[inline(always)]
        pub fn new(delegate: &'a mut D) -> Self {
            Finished(Cell::new(Some(delegate)))
        }
    }

    /// A coroutine's return value.
    pub trait ReturnOf {
        /// The inner coroutine's `Return`.
        type Value;
        /// Takes it.
        fn returned(self) -> Self::Value;
    }

    impl<C, T> ReturnOf for &&Finished<'_, ToCoroutine<C, T>> {
        type Value = T;
        #[inline(always)]
        fn returned(self) -> T {
            match self.0.take().and_then(|delegate| delegate.1.take()) {
                Some(value) => value,
                None => unreachable!("a finished coroutine has returned"),
            }
        }
    }

    /// An iterator's: `()`.
    pub trait NoReturn {
        /// `()`.
        type Value;
        /// `()`.
        fn returned(self) -> Self::Value;
    }

    impl<D> NoReturn for &Finished<'_, D> {
        type Value = ();
        #[inline(always)]
        fn returned(self) {}
    }

    /// Boxes a generator or coroutine for a `-> Box<dyn Iterator ..>` signature (recursion needs it).
    #[cfg(feature = "alloc")]
    #[inline(always)]
    pub fn boxed<M>(machine: M) -> alloc::boxed::Box<M> {
        alloc::boxed::Box::new(machine)
    }

    /// Pins a boxed coroutine for a `-> Pin<Box<dyn Coroutine ..>>` signature.
    #[cfg(feature = "alloc")]
    #[inline(always)]
    pub fn pinned_box<M>(machine: M) -> Pin<alloc::boxed::Box<M>> {
        alloc::boxed::Box::pin(machine)
    }

    /// Clears a drop-flagged local held in the state when its scope ends inside a resume step, on every way
    /// out of the scope (end, `break`, `continue`, `return`, unwinding), after the scope's later locals: it is
    /// declared at the start of the scope's code. Disarmed when the step suspends with the local still in scope.
    pub struct ScopeEnd<'a, S: Slot> {
        /// The local's field in the state.
        pub slot: &'a mut S,
        /// Whether leaving the scope clears the field.
        pub armed: bool,
    }

    impl<'a, S: Slot> ScopeEnd<'a, S> {
        /// Guards `slot` until the end of the current scope.
        #[inline(always)]
        pub fn new(slot: &'a mut S) -> Self {
            ScopeEnd { slot, armed: true }
        }
    }

    impl<S: Slot> Drop for ScopeEnd<'_, S> {
        #[inline(always)]
        fn drop(&mut self) {
            if self.armed {
                self.slot.clear();
            }
        }
    }

    /// What a [`ScopeEnd`] guards: a drop-flagged local's field, or the [`Dead`] left of one that is no
    /// longer used and has no drop glue.
    pub trait Slot {
        /// Ends the local's scope.
        fn clear(&mut self);
    }

    impl<T> Slot for Option<T> {
        #[inline(always)]
        fn clear(&mut self) {
            *self = None;
        }
    }

    impl Slot for Dead {
        #[inline(always)]
        fn clear(&mut self) {}
    }

    /// What the state holds of a local that is still in scope at a suspension point but no longer used, when
    /// its type turns out to be `Copy`: it has no drop glue, so dropping it at the suspension point instead
    /// of at the end of its scope is unobservable, and a reference it held into another local of the state
    /// (`let cmd = first_word(&line);`) doesn't enter the state.
    #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
    pub struct Dead;

    impl fmt::Debug for Dead {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("<dead>")
        }
    }

    /// Stores a dead local at a suspension point without knowing its type:
    /// `(&&Hold(&x)).hold_kind().hold(x)` picks [`HoldCopy`] when `x` is `Copy` (the value becomes [`Dead`])
    /// and [`HoldValue`] otherwise (the value itself, dropped at the end of its scope). Method resolution tries
    /// the receiver with more references first; the borrow ends before `x` is moved.
    pub struct Hold<'a, T>(pub &'a T);

    /// The preferred reading of a dead local: `Copy`, dropped now.
    pub trait HoldCopy {
        /// The decision, without a borrow of the local.
        fn hold_kind(self) -> DropNow;
    }

    impl<T: Copy> HoldCopy for &&Hold<'_, T> {
        #[inline(always)]
        fn hold_kind(self) -> DropNow {
            DropNow
        }
    }

    /// The other reading of a dead local: it may have drop glue, kept to the end of its scope.
    pub trait HoldValue {
        /// The decision, without a borrow of the local.
        fn hold_kind(self) -> Keep;
    }

    impl<T> HoldValue for &Hold<'_, T> {
        #[inline(always)]
        fn hold_kind(self) -> Keep {
            Keep
        }
    }

    /// A dead `Copy` local: the state holds [`Dead`] instead.
    pub struct DropNow;

    impl DropNow {
        /// Drops a `Copy` value (a no-op).
        #[inline(always)]
        pub fn hold<T>(self, _value: T) -> Dead {
            Dead
        }
    }

    /// A dead local that may have drop glue: the state holds it.
    pub struct Keep;

    impl Keep {
        /// The value itself.
        #[inline(always)]
        pub fn hold<T>(self, value: T) -> T {
            value
        }
    }

    /// A coroutine resumed after it returned panics with rustc's message, `coroutine resumed after completion`;
    /// its state stays `Returned` (`exit`), as rustc's does.
    #[inline(always)]
    #[track_caller]
    pub fn resumed_after_completion(exit: &mut Exit) -> ! {
        *exit = Exit::Suspended;
        panics::resumed_after_completion()
    }

    /// A coroutine resumed after a resume panicked panics with rustc's message; its state stays poisoned (the
    /// guard poisons it again).
    #[inline(always)]
    #[track_caller]
    pub fn resumed_after_panicking() -> ! {
        panics::resumed_after_panicking()
    }

    /// What rustc's `gen` blocks say when `next()` is called after their body panicked.
    #[inline(always)]
    #[track_caller]
    pub fn next_after_panicking() -> ! {
        panics::next_after_panicking()
    }

    /// What rustc's `async gen` blocks say when polled after their body panicked.
    #[inline(always)]
    #[track_caller]
    pub fn poll_after_panicking() -> ! {
        panics::poll_after_panicking()
    }

    /// The panics themselves, out of line (the callers above are inlined into the step), each with a literal
    /// message: the payload is then a `&'static str`, as rustc's.
    mod panics {
        #[cold]
        #[track_caller]
        pub fn resumed_after_completion() -> ! {
            panic!("coroutine resumed after completion")
        }

        #[cold]
        #[track_caller]
        pub fn resumed_after_panicking() -> ! {
            panic!("coroutine resumed after panicking")
        }

        #[cold]
        #[track_caller]
        pub fn next_after_panicking() -> ! {
            panic!("`gen fn` should just keep returning `None` after panicking")
        }

        #[cold]
        #[track_caller]
        pub fn poll_after_panicking() -> ! {
            panic!("`async gen fn` resumed after panicking")
        }
    }

    /// Code a step never runs: the `_` arm of a `match` on the state (every state has an arm before it), the end
    /// of a block that is only there to type a local. A call rather than `unreachable!()`, which `cargo expand`
    /// shows as five lines of panic machinery.
    #[cold]
    #[track_caller]
    pub fn unreachable() -> ! {
        panic!(
            "stackless: internal error: a resume step ran code it can't reach; please report this with the coroutine's body"
        )
    }
}

/// The loops by position over a string the coroutine owns (`for c in text.chars()`): see the module's header. Not a
/// public API (see [`__private`]), called by path by the generated code.
#[doc(hidden)]
pub mod by_position;

/// The loops by index: a `for` loop over a borrow of a local `Vec`, `VecDeque` or array (or of a field of a `&mut`
/// argument used after the loop), which the macro lowers to `while let Some(x) = item(&v, i)` so that its state
/// holds an index, not an iterator borrowing the sequence. Not a public API (see [`__private`]); a module of its own
/// so that rustc's message for a sequence without items by index names `stackless::by_index::Indexed`.
#[doc(hidden)]
pub mod by_index {
    /// A sequence whose items a `for` loop over a borrow of it reaches by index, where the macro lowered the loop so
    /// (its state holds the index, not an iterator borrowing the sequence): a local taken for a `Vec`, a `VecDeque`
    /// or an array, or a field of a `&mut` argument used again after the loop. Called by path, as [`item`] and
    /// [`item_mut`], so that a trait of the user's with a `get` of its own has no say.
    #[diagnostic::on_unimplemented(
        message = "a `for` loop over a borrow of `{Self}` with a `yield_!` in it goes by index, which `{Self}` has no \
                   items by",
        label = "by index: an iterator of it would borrow what the coroutine's state holds",
        note = "iterate by value, or over a clone, or collect what the loop needs first (`let keys: Vec<_> = \
                map.keys().cloned().collect();`)",
        note = "a local goes by index when its written type or initializer is a `Vec`, a `VecDeque` or an array \
                (write another type's own path, `my::Vec`, to keep its iterator); a field of a `&mut` argument \
                (`self.map`) when the argument is used after the loop (copy a field that is a shared reference out \
                first: `let map = self.map;`)"
    )]
    pub trait Indexed {
        type Item;
        fn item_count(&self) -> usize;
        fn item_at(&self, index: usize) -> Option<&Self::Item>;
    }

    /// An [`Indexed`] sequence whose items a loop over a `&mut` borrow of it reaches by index.
    #[diagnostic::on_unimplemented(
        message = "a `for` loop over a `&mut` borrow of `{Self}` with a `yield_!` in it goes by index, which \
                   `{Self}` has no `&mut` items by",
        label = "by index: an iterator of it would borrow what the coroutine's state holds",
        note = "iterate by value, or collect what the loop needs first",
        note = "a local goes by index when its written type or initializer is a `Vec`, a `VecDeque` or an array \
                (write another type's own path, `my::Vec`, to keep its iterator); a field of a `&mut` argument \
                (`self.items`) when the argument is used after the loop"
    )]
    pub trait IndexedMut: Indexed {
        fn item_at_mut(&mut self, index: usize) -> Option<&mut Self::Item>;
    }

    impl<T> Indexed for [T] {
        type Item = T;
        #[inline(always)]
        fn item_count(&self) -> usize {
            self.len()
        }
        #[inline(always)]
        fn item_at(&self, index: usize) -> Option<&T> {
            self.get(index)
        }
    }

    impl<T> IndexedMut for [T] {
        #[inline(always)]
        fn item_at_mut(&mut self, index: usize) -> Option<&mut T> {
            self.get_mut(index)
        }
    }

    /// A sequence that is a slice underneath: its items are the slice's.
    macro_rules! through_its_slice {
        ($(#[$attr:meta])* [$($generics:tt)*] $ty:ty) => {
            $(#[$attr])*
            impl<$($generics)*> Indexed for $ty {
                type Item = T;
                #[inline(always)]
                fn item_count(&self) -> usize {
                    self.as_slice().len()
                }
                #[inline(always)]
                fn item_at(&self, index: usize) -> Option<&T> {
                    self.as_slice().get(index)
                }
            }

            $(#[$attr])*
            impl<$($generics)*> IndexedMut for $ty {
                #[inline(always)]
                fn item_at_mut(&mut self, index: usize) -> Option<&mut T> {
                    self.as_mut_slice().get_mut(index)
                }
            }
        };
    }

    through_its_slice!([T, const N: usize] [T; N]);
    through_its_slice!(#[cfg(feature = "alloc")] [T] alloc::vec::Vec<T>);

    #[cfg(feature = "alloc")]
    impl<T> Indexed for alloc::collections::VecDeque<T> {
        type Item = T;
        #[inline(always)]
        fn item_count(&self) -> usize {
            self.len()
        }
        #[inline(always)]
        fn item_at(&self, index: usize) -> Option<&T> {
            alloc::collections::VecDeque::get(self, index)
        }
    }

    #[cfg(feature = "alloc")]
    impl<T> IndexedMut for alloc::collections::VecDeque<T> {
        #[inline(always)]
        fn item_at_mut(&mut self, index: usize) -> Option<&mut T> {
            alloc::collections::VecDeque::get_mut(self, index)
        }
    }

    /// An `Option`'s items: none or one, as its iterator's (a field `self.pending.iter()`).
    impl<T> Indexed for Option<T> {
        type Item = T;
        #[inline(always)]
        fn item_count(&self) -> usize {
            usize::from(self.is_some())
        }
        #[inline(always)]
        fn item_at(&self, index: usize) -> Option<&T> {
            self.as_ref().filter(|_| index == 0)
        }
    }

    impl<T> IndexedMut for Option<T> {
        #[inline(always)]
        fn item_at_mut(&mut self, index: usize) -> Option<&mut T> {
            self.as_mut().filter(|_| index == 0)
        }
    }

    /// A `&mut` of a sequence (a local the macro couldn't tell is one, a field of a `&mut` type).
    impl<S: Indexed + ?Sized> Indexed for &mut S {
        type Item = S::Item;
        #[inline(always)]
        fn item_count(&self) -> usize {
            (**self).item_count()
        }
        #[inline(always)]
        fn item_at(&self, index: usize) -> Option<&S::Item> {
            (**self).item_at(index)
        }
    }

    impl<S: IndexedMut + ?Sized> IndexedMut for &mut S {
        #[inline(always)]
        fn item_at_mut(&mut self, index: usize) -> Option<&mut S::Item> {
            (**self).item_at_mut(index)
        }
    }

    /// A field that a loop by index goes over (`for x in self.items.iter()`, where `self` is a `&mut` used after
    /// the loop): what the loop indexes, borrowed from the field for as long as the field's own borrow (`'s`), or,
    /// for a field that is itself a shared reference (`toks: &'a [Tok]`), the reference copied out, whose items
    /// live as long as it does (`'a`), as the iterator's would have.
    #[diagnostic::on_unimplemented(
        message = "a `for` loop over a borrow of a field of type `{Self}` with a `yield_!` in it goes by index, which \
                   `{Self}` has no items by",
        label = "by index: an iterator of it would borrow through the `&mut` the coroutine's state holds",
        note = "iterate over a clone, or collect what the loop needs first (`let keys: Vec<_> = \
                self.map.keys().cloned().collect();`), or copy a field that is a shared reference out first \
                (`let map = self.map;`)"
    )]
    pub trait Field<'s> {
        /// A shared reference to what the loop indexes.
        type Items: Copy;
        /// The field's items, see [`Field`].
        fn items(&'s self) -> Self::Items;
    }

    /// [`Field`] for a loop over a `&mut` borrow of a field (`self.items.iter_mut()`).
    #[diagnostic::on_unimplemented(
        message = "a `for` loop over a `&mut` borrow of a field of type `{Self}` with a `yield_!` in it goes by \
                   index, which `{Self}` has no `&mut` items by",
        label = "by index: an iterator of it would borrow through the `&mut` the coroutine's state holds"
    )]
    pub trait FieldMut<'s> {
        /// A `&mut` of what the loop indexes.
        type Items;
        /// The field's items, see [`FieldMut`].
        fn items_mut(&'s mut self) -> Self::Items;
    }

    /// Sequences held in the field itself.
    macro_rules! owned_fields {
        ($($(#[$attr:meta])* [$($generics:tt)*] $ty:ty => $items:ty;)*) => {$(
            $(#[$attr])*
            impl<'s, $($generics)*> Field<'s> for $ty {
                type Items = &'s $items;
                #[inline(always)]
                fn items(&'s self) -> &'s $items {
                    self
                }
            }

            $(#[$attr])*
            impl<'s, $($generics)*> FieldMut<'s> for $ty {
                type Items = &'s mut $items;
                #[inline(always)]
                fn items_mut(&'s mut self) -> &'s mut $items {
                    self
                }
            }
        )*};
    }

    owned_fields! {
        [T: 's] [T] => [T];
        [T: 's, const N: usize] [T; N] => [T; N];
        [T: 's] Option<T> => Option<T>;
        #[cfg(feature = "alloc")] [T: 's] alloc::vec::Vec<T> => alloc::vec::Vec<T>;
        #[cfg(feature = "alloc")] [T: 's] alloc::collections::VecDeque<T> => alloc::collections::VecDeque<T>;
        #[cfg(feature = "alloc")] [T: 's] alloc::boxed::Box<[T]> => [T];
    }

    /// A field that is a shared reference: its items outlive the borrow of the field.
    impl<'s, 'a: 's, S: Indexed + ?Sized> Field<'s> for &'a S {
        type Items = &'a S;
        #[inline(always)]
        fn items(&'s self) -> &'a S {
            self
        }
    }

    /// A field that is a `&mut`: its items are reborrowed through the field.
    impl<'s, 'a: 's, S: Indexed + ?Sized> Field<'s> for &'a mut S {
        type Items = &'s S;
        #[inline(always)]
        fn items(&'s self) -> &'s S {
            self
        }
    }

    impl<'s, 'a: 's, S: IndexedMut + ?Sized> FieldMut<'s> for &'a mut S {
        type Items = &'s mut S;
        #[inline(always)]
        fn items_mut(&'s mut self) -> &'s mut S {
            self
        }
    }

    /// The field a loop by index goes over, as [`field`]'s argument: rustc reports an argument without the bound
    /// at the argument, and this call is located at the user's iterator in every arm, where the place itself,
    /// reached through the state after a `yield_!`, would be located at the attribute: the error is reported once,
    /// at the user's code.
    #[inline(always)]
    pub fn at<F: ?Sized>(field: &F) -> &F {
        field
    }

    /// [`at`] for a loop over a `&mut` borrow.
    #[inline(always)]
    pub fn at_mut<F: ?Sized>(field: &mut F) -> &mut F {
        field
    }

    /// What a loop by index over a field (`self.items`) indexes: see [`Field`].
    #[inline(always)]
    pub fn field<'s, F: Field<'s> + ?Sized>(field: &'s F) -> F::Items {
        field.items()
    }

    /// [`field`] for a loop over a `&mut` borrow.
    #[inline(always)]
    pub fn field_mut<'s, F: FieldMut<'s> + ?Sized>(field: &'s mut F) -> F::Items {
        field.items_mut()
    }

    /// What [`held_field`] asks of a field's type `F` (the bound is on this type, not on `F`: otherwise rustc
    /// suggests borrowing the field instead of showing the bound's explanation).
    pub struct Items;

    /// The items of a loop by index over a field of type `F`, still in use at a `yield_!`, outlive the borrow of
    /// the field: `F` is a shared reference (`toks: &'a [Tok]`). An owned sequence's items are borrowed through
    /// the `&mut` the state holds, which the state can't hold across a suspension: this bound says so at the loop.
    #[diagnostic::on_unimplemented(
        message = "the loop's item borrows this field, of type `{F}`, through the `&mut` the coroutine's state \
                   holds, and is still in use at a later `yield_!` (or yielded)",
        label = "the loop's item borrows this field",
        note = "a coroutine's locals live in its state, which moves when the coroutine moves, so a borrow through \
                one can't survive a suspension (the items of a field that is a shared reference, `&'a [T]`, can: \
                they outlive it)",
        note = "use the item before the body's first `yield_!` (`let n = x.len();`), or hold or yield an owned copy \
                of it (`x.clone()`)"
    )]
    pub trait OutliveTheField<F: ?Sized> {}

    impl<S: ?Sized> OutliveTheField<&S> for Items {}

    /// A second impl, for no field's type: with one impl only, rustc would infer the field's type from it (a
    /// reference) instead of checking it.
    impl OutliveTheField<core::convert::Infallible> for Items {}

    /// [`OutliveTheField`] for a loop over a `&mut` borrow: never met, since its items are `&mut`s borrowed
    /// through the `&mut` the state holds.
    #[diagnostic::on_unimplemented(
        message = "the loop's item borrows this field, of type `{F}`, through the `&mut` the coroutine's state \
                   holds, and is still in use at a later `yield_!` (or yielded)",
        label = "the loop's item borrows this field",
        note = "a coroutine's locals live in its state, which moves when the coroutine moves, so a borrow through \
                one can't survive a suspension",
        note = "use the item before the body's first `yield_!`"
    )]
    pub trait OutliveTheFieldMut<F: ?Sized> {}

    /// Two impls, for no field's type: without them, rustc would report the bound before it knows the field's type.
    impl OutliveTheFieldMut<core::convert::Infallible> for Items {}
    impl OutliveTheFieldMut<core::marker::PhantomPinned> for Items {}

    /// [`field`] for a loop whose item is still in use at a `yield_!`: see [`OutliveTheField`].
    #[inline(always)]
    pub fn held_field<'s, F: Field<'s> + ?Sized>(field: &'s F) -> F::Items
    where
        Items: OutliveTheField<F>,
    {
        field.items()
    }

    /// [`field_mut`] for a loop whose item is still in use at a `yield_!`: see [`OutliveTheFieldMut`].
    #[inline(always)]
    pub fn held_field_mut<'s, F: FieldMut<'s> + ?Sized>(field: &'s mut F) -> F::Items
    where
        Items: OutliveTheFieldMut<F>,
    {
        field.items_mut()
    }

    /// Where a loop by index over a range of a sequence (`for x in &v[a..b]`) starts and ends: indexes `items` with
    /// `range` as the plain fn's loop does (which panics out of `items`' bounds, with std's message, located at
    /// the loop), sets `index` to the range's start, and returns its end.
    #[track_caller]
    #[inline]
    pub fn range_bounds<T, R>(items: &[T], range: R, index: &mut usize) -> usize
    where
        R: core::ops::RangeBounds<usize> + core::slice::SliceIndex<[T], Output = [T]>,
    {
        let start = range.start_bound().cloned();
        let len = items[range].len();
        *index = match start {
            core::ops::Bound::Included(start) => start,
            core::ops::Bound::Excluded(start) => start + 1,
            core::ops::Bound::Unbounded => 0,
        };
        *index + len
    }

    /// The item at `index` of a loop by index over a shared borrow (see [`Indexed`]).
    #[inline(always)]
    pub fn item<S: Indexed + ?Sized>(sequence: &S, index: usize) -> Option<&S::Item> {
        sequence.item_at(index)
    }

    /// Where a loop by index over `.cloned().skip(count)` starts: `Skip` clones each item it skips (and drops the
    /// clone) when the loop asks for its first item, and so does this, before the loop's first item.
    #[inline]
    pub fn skip_cloned<S: Indexed + ?Sized>(sequence: &S, count: usize) -> usize
    where
        S::Item: Clone,
    {
        let mut index = 0;
        while index < count {
            let Some(item) = sequence.item_at(index) else { break };
            drop(item.clone());
            index += 1;
        }
        index
    }

    /// The item of a loop by index over `.copied()` items: what `copied` would give (rustc's error for an item
    /// that isn't `Copy` says so, at the adapter).
    #[inline(always)]
    #[must_use]
    pub fn copied<T: Copy>(item: &T) -> T {
        *item
    }

    /// The item at `index` of a loop by index over a `&mut` borrow (see [`Indexed`]).
    #[inline(always)]
    pub fn item_mut<S: IndexedMut + ?Sized>(sequence: &mut S, index: usize) -> Option<&mut S::Item> {
        sequence.item_at_mut(index)
    }

    /// The window at `index` of a loop by index over `v.windows(size)`: the `size` items from `index`.
    #[inline(always)]
    pub fn window<T>(items: &[T], index: usize, size: usize) -> Option<&[T]> {
        items.get(index..index.checked_add(size)?)
    }

    /// The chunk at `index` of a loop by index over `v.chunks(size)`: the `size` items from `index * size`, fewer
    /// at the end.
    #[inline(always)]
    pub fn chunk<T>(items: &[T], index: usize, size: usize) -> Option<&[T]> {
        let start = index.checked_mul(size).filter(|&start| start < items.len())?;
        items.get(start..items.len().min(start.saturating_add(size)))
    }

    /// The pair of items at `index` of a loop by index over `a.iter().zip(b.iter())`, while both have one.
    #[inline(always)]
    pub fn zipped<'a, 'b, A: Indexed + ?Sized, B: Indexed + ?Sized>(
        a: &'a A,
        b: &'b B,
        index: usize,
    ) -> Option<(&'a A::Item, &'b B::Item)> {
        Some((a.item_at(index)?, b.item_at(index)?))
    }

    /// The chunk at `index` of a loop by index over `v.chunks_mut(size)`: as [`chunk`], borrowed mutably.
    #[inline(always)]
    pub fn chunk_mut<T>(items: &mut [T], index: usize, size: usize) -> Option<&mut [T]> {
        let start = index.checked_mul(size).filter(|&start| start < items.len())?;
        let end = items.len().min(start.saturating_add(size));
        items.get_mut(start..end)
    }

    /// Where a loop by index from the back (`v.iter().rev()`) starts: past the last item.
    #[inline(always)]
    pub fn item_count<S: Indexed + ?Sized>(sequence: &S) -> usize {
        sequence.item_count()
    }

    /// The item before `index` of a loop by index from the back, which `index` then points at.
    #[inline(always)]
    pub fn item_before<'s, S: Indexed + ?Sized>(sequence: &'s S, index: &mut usize) -> Option<&'s S::Item> {
        *index = index.checked_sub(1)?;
        sequence.item_at(*index)
    }

    /// [`item_before`] over a `&mut` borrow.
    #[inline(always)]
    pub fn item_before_mut<'s, S: IndexedMut + ?Sized>(
        sequence: &'s mut S,
        index: &mut usize,
    ) -> Option<&'s mut S::Item> {
        *index = index.checked_sub(1)?;
        sequence.item_at_mut(*index)
    }
}

/// What an async generator's `.await`s and `yield_from!`s poll with. Used by the code `#[stackless::coroutine]`
/// generates (rustc's messages name these items when what is awaited doesn't fit); not a public API.
///
/// An async generator's state is a plain value that is never pinned (that is how it stays free of `unsafe`), so
/// what it holds across a `Pending` (an awaited future, a stream it delegates to) is polled through
/// `Pin::new`, which needs `Unpin`.
#[cfg(feature = "stream")]
#[doc(hidden)]
pub mod async_gen {
    use core::future::{Future, IntoFuture};
    use core::pin::Pin;
    use core::task::{Context, Poll};
    use futures_core::Stream;

    /// The future of `e.await`, as `.await` makes it, spanned at the user's `e`: what isn't a future is reported
    /// there.
    #[inline(always)]
    pub fn awaited<F: IntoFuture>(value: F) -> F::IntoFuture {
        value.into_future()
    }

    /// The error a `?` in a stream of `Result`s yields, converted as `?` converts it. (A call of `From::from` at
    /// the user's `?` would be linted by clippy's `useless_conversion` when the types are the same.)
    #[inline(always)]
    pub fn question_error<E, F: From<E>>(error: E) -> F {
        F::from(error)
    }

    /// Polls an awaited future held in the state (made by [`awaited`]). One that isn't `Unpin` is reported at the
    /// user's operand, where rustc's message for this bound suggests `Box::pin`.
    #[inline(always)]
    pub fn poll_awaited<F: Future + Unpin>(future: &mut F, cx: &mut Context<'_>) -> Poll<F::Output> {
        Future::poll(Pin::new(future), cx)
    }

    /// Polls the stream a `yield_from!` delegates to, held in the state.
    #[inline(always)]
    pub fn poll_delegate<S: DelegatedStream>(stream: &mut S, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        Stream::poll_next(Pin::new(stream), cx)
    }

    /// What an async generator's `yield_from!` delegates to.
    #[diagnostic::on_unimplemented(
        message = "an async generator's `yield_from!` delegates to an `Unpin` `Stream`, and `{Self}` isn't one",
        label = "not an `Unpin` `Stream`",
        note = "a `Stream` that isn't `Unpin` can be boxed: `yield_from!(Box::pin(stream))`; the items of an iterator are yielded by a loop: `for x in iter {{ yield_!(x); }}`"
    )]
    pub trait DelegatedStream: Stream + Unpin {}

    impl<S: Stream + Unpin + ?Sized> DelegatedStream for S {}

    /// Polls the stream of `s.next().await` at each poll, in place (what `StreamExt::next`'s future does). `s`
    /// comes through [`Place::stackless_place`], so that it auto-dereferences as in `s.next()`.
    #[inline(always)]
    pub fn poll_next_in_place<S: NextInPlace + ?Sized>(stream: &mut S, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        Stream::poll_next(Pin::new(stream), cx)
    }

    /// Polls the stream of `s.try_next().await` at each poll, in place (what `TryStreamExt::try_next`'s future
    /// does): `Ok(Some(item))`, `Err(error)` or, at its end, `Ok(None)`.
    #[inline(always)]
    #[allow(clippy::type_complexity)]
    pub fn try_poll_next_in_place<S: TryNextInPlace + ?Sized>(
        stream: &mut S,
        cx: &mut Context<'_>,
    ) -> Poll<Result<Option<S::Ok>, S::Error>> {
        match futures_core::TryStream::try_poll_next(Pin::new(stream), cx) {
            Poll::Ready(Some(Ok(item))) => Poll::Ready(Ok(Some(item))),
            Poll::Ready(Some(Err(error))) => Poll::Ready(Err(error)),
            Poll::Ready(None) => Poll::Ready(Ok(None)),
            Poll::Pending => Poll::Pending,
        }
    }

    /// What `s.try_next().await` polls in place: an `Unpin` stream of `Result`s.
    #[diagnostic::on_unimplemented(
        message = "`.try_next().await` in an async generator polls its receiver as an `Unpin` stream of `Result`s, and `{Self}` isn't one",
        label = "polled with `TryStream::try_poll_next`, as `TryStreamExt::try_next` does",
        note = "a stackless async generator can't hold a future that borrows what it holds itself, so `.try_next().await` polls the stream in place",
        note = "a stream that isn't `Unpin` can be boxed once, before the loop: `let mut s = Box::pin(s);`"
    )]
    pub trait TryNextInPlace: futures_core::TryStream + Unpin {}

    impl<S: futures_core::TryStream + Unpin + ?Sized> TryNextInPlace for S {}

    /// What `s.next().await` polls in place: an `Unpin` stream.
    #[diagnostic::on_unimplemented(
        message = "`.next().await` in an async generator polls its receiver as an `Unpin` `Stream`, and `{Self}` isn't one",
        label = "polled with `Stream::poll_next`, as `StreamExt::next` does",
        note = "a stackless async generator can't hold a future that borrows what it holds itself, so `.next().await` polls the stream in place",
        note = "a `Stream` that isn't `Unpin` can be boxed once, before the loop: `let mut s = Box::pin(s);`"
    )]
    pub trait NextInPlace: Stream + Unpin {}

    impl<S: Stream + Unpin + ?Sized> NextInPlace for S {}

    /// What `rx.recv().await`, `interval.tick().await` and `set.join_next().await` poll in place: the receiver's
    /// own `poll_recv`, `poll_tick` or `poll_join_next` (tokio's). A receiver without one finds these instead,
    /// whose bound explains it (an inherent method is always chosen over a trait's).
    pub trait PolledInPlace {
        /// Stands for a missing `poll_recv`.
        #[allow(clippy::missing_panics_doc)]
        fn poll_recv<T>(&mut self, _cx: &mut Context<'_>) -> Poll<T>
        where
            Self: HasPollMethod,
        {
            unreachable!()
        }
        /// Stands for a missing `poll_tick`.
        #[allow(clippy::missing_panics_doc)]
        fn poll_tick<T>(&mut self, _cx: &mut Context<'_>) -> Poll<T>
        where
            Self: HasPollMethod,
        {
            unreachable!()
        }
        /// Stands for a missing `poll_join_next`.
        #[allow(clippy::missing_panics_doc)]
        fn poll_join_next<T>(&mut self, _cx: &mut Context<'_>) -> Poll<T>
        where
            Self: HasPollMethod,
        {
            unreachable!()
        }
    }

    impl<T: ?Sized> PolledInPlace for T {}

    /// Never implemented: the bound of [`PolledInPlace`]'s methods.
    #[diagnostic::on_unimplemented(
        message = "`.await` on `{Self}`'s method polls it in place with its own `poll_` method (`recv`: `poll_recv`, `tick`: `poll_tick`, `join_next`: `poll_join_next`), and `{Self}` has none",
        label = "polled in place, as tokio's `mpsc` receivers, `Interval` and `JoinSet` are",
        note = "a stackless async generator can't hold a future that borrows what it holds itself, so `.await` on these methods polls the receiver in place",
        note = "a receiver without that method can be lent to an `async move` block that gives it back: `let (back, v) = Box::pin(async move {{ let v = rx.recv().await; (rx, v) }}).await; rx = back;`"
    )]
    pub trait HasPollMethod {}

    /// `&mut` of what a method call's receiver reaches (`s` of `s.next()`, auto-dereferenced as there).
    pub trait Place {
        /// `self`.
        #[inline(always)]
        fn stackless_place(&mut self) -> &mut Self {
            self
        }
    }

    impl<T: ?Sized> Place for T {}
}

/// Moving a field out of a local that a coroutine's state keeps whole. Used by the code
/// `#[stackless::coroutine]` generates (its errors name these items); not a public API.
#[doc(hidden)]
pub mod partial_move {
    /// Checks a field move out of a local the state keeps whole as the plain fn would: the closure, never
    /// called, moves the field out of a value of the local's type, so rustc still rejects moving out of a
    /// reference or out of a type that implements `Drop`.
    #[inline(always)]
    pub fn check_field_move<T, F>(_local: &T, _move_out: impl FnOnce(T) -> F) {}

    /// A field moved out of a local that the state keeps whole (it is held across a later `yield_!`, or reached
    /// through `&mut` in the state): `page.items.stackless_move_field()`. Method resolution tries the receiver
    /// by shared reference first, so a `Copy` field is copied ([`MoveFieldCopy`]); any other field is reached
    /// by `&mut` ([`MoveFieldVacate`]) and must have a [`EmptyValue`] value to leave behind.
    pub trait MoveFieldCopy: Copy {
        /// The field's value, copied.
        #[inline(always)]
        #[must_use]
        fn stackless_move_field(&self) -> Self {
            *self
        }
    }

    impl<T: Copy> MoveFieldCopy for T {}

    /// See [`MoveFieldCopy`].
    pub trait MoveFieldVacate {
        /// The field's value, leaving its vacant value in its place.
        #[inline(always)]
        #[must_use]
        fn stackless_move_field(&mut self) -> Self
        where
            Self: EmptyValue + Sized,
        {
            core::mem::replace(self, Self::empty_value())
        }
    }

    impl<T: ?Sized> MoveFieldVacate for T {}

    /// A value that can stand in for a field moved out of a local that the coroutine holds whole: creating and
    /// dropping it allocates nothing and has no side effect, so the plain fn's partial move and this are
    /// indistinguishable.
    #[diagnostic::on_unimplemented(
        message = "cannot move a field of type `{Self}` out of a local held across a `yield_!`",
        label = "field moved here",
        note = "the coroutine keeps the local whole while it is held, and only a field of a type with an empty \
                value (`Vec`, `String`, `Option`, `VecDeque`, `BTreeMap`, `Box<[T]>`...) can be moved out of it",
        note = "destructure the whole local first, `let Struct {{ field, other }} = local;`, or clone the field"
    )]
    pub trait EmptyValue {
        /// The empty value.
        fn empty_value() -> Self;
    }

    /// The types with an [`EmptyValue`] (a separate trait, so that an error lists none of them).
    pub trait Empty {
        /// The empty value.
        fn empty() -> Self;
    }

    #[diagnostic::do_not_recommend]
    impl<T: Empty> EmptyValue for T {
        #[inline(always)]
        fn empty_value() -> Self {
            T::empty()
        }
    }

    impl<T> Empty for Option<T> {
        #[inline(always)]
        fn empty() -> Self {
            None
        }
    }

    #[cfg(feature = "alloc")]
    mod vacant_collections {
        use super::Empty;
        use alloc::boxed::Box;
        use alloc::collections::{BTreeMap, BTreeSet, BinaryHeap, LinkedList, VecDeque};
        use alloc::string::String;
        use alloc::vec::Vec;

        macro_rules! vacant_default {
            ($($ty:ty $(where $($p:ident $(: $b:path)?),*)?;)*) => {$(
                impl$(<$($p $(: $b)?),*>)? Empty for $ty {
                    #[inline(always)]
                    fn empty() -> Self {
                        <$ty>::default()
                    }
                }
            )*};
        }

        vacant_default! {
            String;
            Box<str>;
            Vec<T> where T;
            Box<[T]> where T;
            VecDeque<T> where T;
            LinkedList<T> where T;
            BTreeMap<K, V> where K, V;
            BTreeSet<T> where T;
            BinaryHeap<T> where T: Ord;
        }
    }
}

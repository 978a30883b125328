//! Resume arguments: binding the first one, each later one as the value of its `yield_!`, every one moved in
//! once and dropped exactly once; the protocol after completion and after a panic.
mod common;
use common::{Noisy, events, log, step, strs};
use stackless::{Coroutine, CoroutineState};
use std::panic::{AssertUnwindSafe, catch_unwind};

#[stackless::coroutine(resume = mut b)]
fn echo_plus_one() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    while b != 0 {
        b = yield_!(b + 1);
    }
    -1
}

#[test]
fn first_argument_binds_and_later_ones_are_yield_values() {
    let mut c = echo_plus_one();
    for (arg, expected) in [
        (1, CoroutineState::Yielded(2)),
        (-45, CoroutineState::Yielded(-44)),
        (500, CoroutineState::Yielded(501)),
        (0, CoroutineState::Complete(-1)),
    ] {
        assert_eq!(step(&mut c, arg), expected);
    }
}

#[stackless::coroutine(resume = a)]
fn reassigned_three_times() -> impl Coroutine<Noisy, Yield = (), Return = ()> {
    let mut a = a;
    a = yield_!();
    a = yield_!();
    a = yield_!();
    let _ = &a;
}

#[test]
fn every_resume_argument_is_dropped_exactly_once() {
    let log = events(|| {
        let mut c = reassigned_three_times();
        for name in ["1", "2", "3"] {
            assert_eq!(step(&mut c, Noisy(name)), CoroutineState::Yielded(()));
            log(format!("resumed with {name}"));
        }
        assert_eq!(step(&mut c, Noisy("4")), CoroutineState::Complete(()));
        log("complete");
    });
    assert_eq!(
        log,
        strs(&[
            "resumed with 1",
            "drop 1",
            "resumed with 2",
            "drop 2",
            "resumed with 3",
            "drop 3",
            "drop 4",
            "complete"
        ])
    );
}

#[stackless::coroutine(resume = _)]
fn ignores_values() -> impl Coroutine<Noisy, Yield = u8, Return = ()> {
    yield_!(1);
    let kept = yield_!(2);
    log(format!("kept {}", kept.0));
}

#[test]
fn ignored_resume_arguments_are_dropped_at_once() {
    let log = events(|| {
        let mut c = ignores_values();
        step(&mut c, Noisy("a"));
        log("after first");
        step(&mut c, Noisy("b"));
        log("after second");
        step(&mut c, Noisy("c"));
    });
    assert_eq!(log, strs(&["drop a", "after first", "drop b", "after second", "kept c", "drop c"]));
}

#[stackless::coroutine(resume = first)]
fn dialogue() -> impl Coroutine<String, Yield = &'static str, Return = String> {
    let _ = first;
    let name = yield_!("What is your name?");
    let mood = yield_!("How are you feeling?");
    format!("{name} is {mood}")
}

#[test]
fn string_dialogue() {
    let mut c = dialogue();
    assert_eq!(step(&mut c, String::new()), CoroutineState::Yielded("What is your name?"));
    assert_eq!(step(&mut c, "Ferris".into()), CoroutineState::Yielded("How are you feeling?"));
    assert_eq!(step(&mut c, "happy".into()), CoroutineState::Complete("Ferris is happy".to_string()));
}

#[stackless::coroutine]
fn finishes() -> impl Coroutine<Yield = (), Return = u8> {
    yield_!();
    7
}

#[test]
fn resuming_after_completion_panics_with_rustcs_message() {
    let mut c = finishes();
    assert_eq!(step(&mut c, ()), CoroutineState::Yielded(()));
    assert_eq!(step(&mut c, ()), CoroutineState::Complete(7));
    for _ in 0..2 {
        let err = catch_unwind(AssertUnwindSafe(|| step(&mut c, ()))).unwrap_err();
        assert_eq!(err.downcast_ref::<&str>(), Some(&"coroutine resumed after completion"));
    }
}

#[stackless::coroutine]
fn panics_first() -> impl Coroutine<Yield = (), Return = ()> {
    panic!("first");
}

#[test]
fn resuming_after_a_panic_panics_with_rustcs_message() {
    let mut c = panics_first();
    let err = catch_unwind(AssertUnwindSafe(|| step(&mut c, ()))).unwrap_err();
    assert_eq!(err.downcast_ref::<&str>(), Some(&"first"));
    for _ in 0..10 {
        let err = catch_unwind(AssertUnwindSafe(|| step(&mut c, ()))).unwrap_err();
        assert_eq!(err.downcast_ref::<&str>(), Some(&"coroutine resumed after panicking"));
    }
}

#[stackless::coroutine(resume = arg)]
fn panics_holding_first_argument() -> impl Coroutine<Noisy, Yield = (), Return = ()> {
    let _held = arg;
    panic!("boom");
}

#[test]
fn a_panic_before_the_first_yield_drops_the_first_argument() {
    let log = events(|| {
        let mut c = panics_holding_first_argument();
        assert!(catch_unwind(AssertUnwindSafe(|| step(&mut c, Noisy("arg")))).is_err());
        log("caught");
    });
    assert_eq!(log, strs(&["drop arg", "caught"]));
}

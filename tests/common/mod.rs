//! Helpers shared by the behaviour tests: a drop/event log and a resume driver.
#![allow(dead_code)]

use core::pin::Pin;
use stackless::{Coroutine, CoroutineState};
use std::cell::RefCell;

thread_local! {
    static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Appends an event to this thread's log.
pub fn log(event: impl Into<String>) {
    LOG.with(|l| l.borrow_mut().push(event.into()));
}

/// Takes this thread's log.
pub fn take_log() -> Vec<String> {
    LOG.with(|l| std::mem::take(&mut *l.borrow_mut()))
}

/// A value that logs `drop NAME` when dropped.
#[derive(Debug, Clone, PartialEq)]
pub struct Noisy(pub &'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        log(format!("drop {}", self.0));
    }
}

/// Resumes with `()` until completion, collecting the yields.
pub fn run<C: Coroutine<Yield = Y, Return = T> + Unpin, Y, T>(mut c: C) -> (Vec<Y>, T) {
    let mut ys = Vec::new();
    loop {
        match Pin::new(&mut c).resume(()) {
            CoroutineState::Yielded(y) => ys.push(y),
            CoroutineState::Complete(t) => return (ys, t),
        }
    }
}

/// Resumes once.
pub fn step<R, C: Coroutine<R> + Unpin>(c: &mut C, arg: R) -> CoroutineState<C::Yield, C::Return> {
    Pin::new(c).resume(arg)
}

/// The events of `f`, with the log cleared before.
pub fn events(f: impl FnOnce()) -> Vec<String> {
    take_log();
    f();
    take_log()
}

/// `["a", "b"]` as owned strings, for comparisons with the log.
pub fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(ToString::to_string).collect()
}

/// The events of running a generator to its end, with a `yield V` event per item (as a plain twin logs them).
pub fn drained<I: Iterator>(it: I) -> Vec<String>
where
    I::Item: std::fmt::Display,
{
    events(|| {
        for v in it {
            log(format!("yield {v}"));
        }
    })
}

/// The events of resuming a generator `k` times, then a `cancel` event and dropping it.
pub fn cancelled_after<I: Iterator>(mut it: I, k: usize) -> Vec<String> {
    events(|| {
        for _ in 0..k {
            it.next();
        }
        log("cancel");
        drop(it);
    })
}

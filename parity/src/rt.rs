//! What every variant of a corpus program runs on: the trace, a drop-logging value, and the drivers.
//!
//! Plain std Rust with no dependency: the nightly variants compile this file as their own module. A run writes
//! one trace: what the program logs (`log`, the `new`/`drop` of [`D`]s), `resume` (each argument a coroutine
//! receives, first one included), `yield` (each yielded value, dropped right after), `return`, `panic`,
//! `cancel` (the coroutine dropped after its k-th yield, or the plain fn unwinding from its k-th `yield_!`) and
//! `script exhausted` (a resume needed after the last value of the script: also a cancellation).
// Test support: its panics are test failures, its names are short on purpose.
#![allow(dead_code, clippy::missing_panics_doc, clippy::must_use_candidate, clippy::new_without_default)]

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::fmt::{self, Debug};
use std::panic::{self, AssertUnwindSafe};

/// A run stops (as a cancellation) after this many yields, so a runaway program can't hang the test.
pub const MAX_YIELDS: usize = 2000;

thread_local! {
    static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static CANCEL_AT: Cell<Option<usize>> = const { Cell::new(None) };
    static PLAIN: RefCell<Plain> = RefCell::new(Plain::default());
}

/// The plain variant's view of the run.
#[derive(Default)]
struct Plain {
    script: VecDeque<Box<dyn Any>>,
    first: Option<Box<dyn Any>>,
    yields: usize,
}

/// The payload the plain variant unwinds with when it is cancelled.
struct Cancel;

/// Appends one entry to the trace.
pub fn log(entry: impl Into<String>) {
    LOG.with(|l| l.borrow_mut().push(entry.into()));
}

fn take_log() -> Vec<String> {
    LOG.with(|l| std::mem::take(&mut *l.borrow_mut()))
}

/// A drop-logging value: `new`, `clone` and `drop` are trace entries.
pub struct D {
    name: String,
}

impl D {
    pub fn new(name: impl Into<String>) -> D {
        let name = name.into();
        log(format!("new {name}"));
        D { name }
    }
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl Clone for D {
    fn clone(&self) -> D {
        log(format!("clone {}", self.name));
        D { name: self.name.clone() }
    }
}

impl Debug for D {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "D({})", self.name)
    }
}

impl Drop for D {
    fn drop(&mut self) {
        log(format!("drop {}", self.name));
    }
}

fn payload_text(p: &(dyn Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "<non-string payload>".to_string()
    }
}

/// One resume of a coroutine, whatever its trait (`stackless::Coroutine` or `core::ops::Coroutine`).
pub enum Step<Y, T> {
    Yielded(Y),
    Complete(T),
}

/// Logs a yielded value and drops it; true when the run stops here (cancelled or too long).
fn yielded<Y: Debug>(y: Y, n: usize) -> bool {
    log(format!("yield {y:?}"));
    drop(y);
    if CANCEL_AT.get() == Some(n) {
        log("cancel");
        return true;
    }
    if n >= MAX_YIELDS {
        log("too many yields");
        return true;
    }
    false
}

/// Runs a generator (stackless or nightly) to the end, or drops it after the cancelling yield.
pub fn drive_gen<I: Iterator>(it: I)
where
    I::Item: Debug,
{
    let mut it = it;
    let mut n = 0;
    loop {
        match panic::catch_unwind(AssertUnwindSafe(|| it.next())) {
            Ok(Some(y)) => {
                n += 1;
                if yielded(y, n) {
                    break;
                }
            }
            Ok(None) => {
                log("return ()");
                break;
            }
            Err(p) => {
                log(format!("panic {}", payload_text(&*p)));
                break;
            }
        }
    }
    drop(it);
}

/// Runs a coroutine (stackless or nightly) with the values of `script`, to the end or the cancelling yield;
/// drops the coroutine, then what is left of the script.
pub fn drive_co<C, R: Debug, Y: Debug, T: Debug>(c: C, script: Vec<R>, mut step: impl FnMut(&mut C, R) -> Step<Y, T>) {
    let mut c = c;
    let mut script = script.into_iter();
    let mut n = 0;
    loop {
        let Some(r) = script.next() else {
            log("script exhausted");
            break;
        };
        log(format!("resume {r:?}"));
        match panic::catch_unwind(AssertUnwindSafe(|| step(&mut c, r))) {
            Ok(Step::Yielded(y)) => {
                n += 1;
                if yielded(y, n) {
                    break;
                }
            }
            Ok(Step::Complete(t)) => {
                log(format!("return {t:?}"));
                drop(t);
                break;
            }
            Err(p) => {
                log(format!("panic {}", payload_text(&*p)));
                break;
            }
        }
    }
    drop(c);
    drop(script);
}

fn plain_run<T: Debug>(script: VecDeque<Box<dyn Any>>, f: impl FnOnce() -> T) {
    PLAIN.with(|p| *p.borrow_mut() = Plain { script, first: None, yields: 0 });
    match panic::catch_unwind(AssertUnwindSafe(f)) {
        Ok(t) => {
            log(format!("return {t:?}"));
            drop(t);
        }
        Err(p) if p.is::<Cancel>() => {}
        Err(p) => log(format!("panic {}", payload_text(&*p))),
    }
    let rest = PLAIN.with(|p| std::mem::take(&mut *p.borrow_mut()));
    drop(rest);
}

/// Runs the plain variant of a generator (`f` calls the plain fn).
pub fn run_plain_gen(f: impl FnOnce()) {
    plain_run(VecDeque::new(), f);
}

/// Runs the plain variant of a coroutine: its `yield_!`s and first resume take the values of `script`.
pub fn run_plain_co<R: 'static, T: Debug>(script: Vec<R>, f: impl FnOnce() -> T) {
    plain_run(script.into_iter().map(|r| Box::new(r) as Box<dyn Any>).collect(), f);
}

fn next_resume<R: Debug + 'static>() -> R {
    let next = PLAIN.with(|p| p.borrow_mut().script.pop_front());
    let Some(r) = next else {
        log("script exhausted");
        panic::resume_unwind(Box::new(Cancel));
    };
    let r = *r.downcast::<R>().expect("the script holds the resume type");
    log(format!("resume {r:?}"));
    r
}

/// The plain fn's first resume argument: the one `yield_from!(inner, first)` passed, or the script's next.
pub fn plain_first<R: Debug + 'static>() -> R {
    match PLAIN.with(|p| p.borrow_mut().first.take()) {
        Some(first) => *first.downcast::<R>().expect("the first resume argument has the resume type"),
        None => next_resume(),
    }
}

/// `yield_from!(inner, first)` in a plain fn: `first` is what the plain `inner` starts with.
pub fn set_first<R: 'static>(first: R) {
    PLAIN.with(|p| p.borrow_mut().first = Some(Box::new(first)));
}

fn plain_yielded<Y: Debug>(y: Y) {
    let n = PLAIN.with(|p| {
        let mut p = p.borrow_mut();
        p.yields += 1;
        p.yields
    });
    if yielded(y, n) {
        panic::resume_unwind(Box::new(Cancel));
    }
}

/// `yield_!(y)` in the plain fn of a generator.
pub fn plain_yield_gen<Y: Debug>(y: Y) {
    plain_yielded(y);
}

/// `yield_!(y)` in the plain fn of a coroutine: returns the next resume argument.
pub fn plain_yield_co<Y: Debug, R: Debug + 'static>(y: Y) -> R {
    plain_yielded(y);
    next_resume()
}

/// Every trace of one program: run to the end, then cancelled after each of its yields.
pub fn traces(run: fn()) -> String {
    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let mut out = String::new();
    take_log();
    CANCEL_AT.set(None);
    run();
    let full = take_log();
    let yields = full.iter().filter(|e| e.starts_with("yield ")).count();
    out += "-- run to the end\n";
    for e in &full {
        out += e;
        out += "\n";
    }
    for k in 1..=yields.min(MAX_YIELDS) {
        CANCEL_AT.set(Some(k));
        run();
        out += "-- cancelled after yield ";
        out += &k.to_string();
        out += "\n";
        for e in take_log() {
            out += &e;
            out += "\n";
        }
    }
    CANCEL_AT.set(None);
    panic::set_hook(hook);
    out
}

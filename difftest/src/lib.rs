//! Differential testing of `#[stackless::coroutine]` against the plain function.
//!
//! Every test program is one body compiled twice: once through `#[stackless::coroutine]`, once as a plain fn in
//! which `yield_!` is a local `macro_rules!` that calls [`rt::plain_yield`]. Both runs write one trace (yields,
//! resume arguments, side effects, drops, the return value, panics) into a thread-local log; the traces must be
//! identical. See `README.md` for the shapes the generator writes and how to run a seed sweep.
//!
//! - [`generator`] (`gen.rs`): the seeded program generator (also compiled into `build.rs`, which writes the programs).
//! - [`rt`]: what generated bodies call (drop-logging values, logged side effects) and the two drivers.
//! - [`compare`]: runs one program under every resume script and cancellation point and diffs the traces.
// A test-support crate: its functions are called by generated code, not by users; panics are test failures.
#![allow(
    clippy::missing_panics_doc,
    clippy::must_use_candidate,
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_sign_loss,
    clippy::missing_errors_doc,
    clippy::module_name_repetitions,
    clippy::new_without_default,
    clippy::format_push_string
)]

#[path = "gen.rs"]
pub mod generator;

/// The values and functions generated bodies use, the trace, and the drivers for both twins.
pub mod rt {
    use std::any::Any;
    use std::cell::RefCell;
    use std::fmt::Debug;
    use std::future::Future;
    use std::panic::{self, AssertUnwindSafe};
    use std::pin::Pin;
    use std::task::{Context, Poll, Waker};

    use stackless::{Coroutine, CoroutineState};

    /// More yields than this in one run are reported as a trace entry (`too many yields`) and the run stops,
    /// in both twins alike, so a runaway program cannot hang the test.
    pub const MAX_YIELDS: usize = 400;

    thread_local! {
        static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
        static PLAIN: RefCell<PlainCtl> = const { RefCell::new(PlainCtl { script: Vec::new(), next: 0, yields: 0, cancel_at: None }) };
    }

    /// The plain twin's view of the run: the resume script and where to cancel.
    struct PlainCtl {
        script: Vec<i64>,
        next: usize,
        yields: usize,
        cancel_at: Option<usize>,
    }

    /// The payload the plain twin unwinds with when it is "cancelled" at a yield.
    pub struct Cancel;

    /// More trace entries than this in one run end it, in both twins alike: the trace stops with `too many
    /// events`, and the program is stopped by a panic whose own entries (and those of the unwinding) are not
    /// logged. A generated program can grow without bound between two yields (`for v in p.clone() {
    /// p.push(v) }` in a loop doubles `p` each time round), which would otherwise run out of memory.
    pub const MAX_EVENTS: usize = 200_000;

    /// Appends one entry to the trace.
    pub fn ev(entry: String) {
        let full = LOG.with(|l| {
            let mut l = l.borrow_mut();
            match l.len() {
                n if n < MAX_EVENTS => {
                    l.push(entry);
                    false
                }
                MAX_EVENTS => {
                    l.push("too many events".to_string());
                    true
                }
                _ => false,
            }
        });
        assert!(!full || std::thread::panicking(), "too many events");
    }

    fn take_log() -> Vec<String> {
        LOG.with(|l| std::mem::take(&mut *l.borrow_mut()))
    }

    /// A drop-logging value: its creation and its drop are trace entries.
    #[derive(Debug)]
    pub struct D {
        name: &'static str,
        v: i64,
    }

    impl D {
        pub fn new(name: &'static str, v: i64) -> D {
            ev(format!("new {name}={v}"));
            D { name, v }
        }
        pub fn get(&self) -> i64 {
            self.v
        }
    }

    impl Drop for D {
        fn drop(&mut self) {
            ev(format!("drop {}={}", self.name, self.v));
        }
    }

    fn small(x: i64) -> i64 {
        x.wrapping_mul(7).wrapping_add(3).rem_euclid(23) - 5
    }

    /// A logged side effect returning a small number.
    pub fn fx(tag: &'static str, x: i64) -> i64 {
        ev(format!("fx {tag}({x})"));
        small(x)
    }

    /// A logged condition.
    pub fn cnd(tag: &'static str, x: i64) -> bool {
        let b = small(x) % 2 == 0;
        ev(format!("cnd {tag}({x})={b}"));
        b
    }

    /// `x` modulo `n`, never negative (a match scrutinee).
    pub fn md(x: i64, n: i64) -> i64 {
        x.rem_euclid(n)
    }

    /// A logged `Option` source: `None` for some inputs.
    pub fn opt(tag: &'static str, x: i64) -> Option<i64> {
        let r = if x.rem_euclid(4) == 1 { None } else { Some(small(x)) };
        ev(format!("opt {tag}({x})={r:?}"));
        r
    }

    /// A logged `Result` source: `Err` for some inputs.
    pub fn res(tag: &'static str, x: i64) -> Result<i64, String> {
        let r = if x.rem_euclid(4) == 1 { Err(format!("e{tag}")) } else { Ok(small(x)) };
        ev(format!("res {tag}({x})={r:?}"));
        r
    }

    /// A logged `String` source.
    pub fn sv(tag: &'static str, x: i64) -> String {
        ev(format!("sv {tag}({x})"));
        format!("{tag}:{x}")
    }

    /// Takes ownership of anything, logs, then drops it.
    pub fn consume<T>(tag: &'static str, x: T) {
        ev(format!("consume {tag}"));
        drop(x);
    }

    /// Makes a new value from an old one (`d = renew(d)`): logs, creates the new one, drops the old one.
    pub fn renew(d: D) -> D {
        ev(format!("renew {}", d.name));
        D::new(d.name, d.v + 1)
    }

    /// A struct literal in expression position (`pts(P { a: .., b: .. })`).
    pub struct P {
        pub a: i64,
        pub b: i64,
    }

    pub fn pts(p: P) -> i64 {
        p.a.wrapping_sub(p.b)
    }

    pub fn lens(s: &str) -> i64 {
        s.len() as i64
    }
    pub fn sumv(v: &[i64]) -> i64 {
        v.iter().fold(0i64, |a, b| a.wrapping_add(*b))
    }
    pub fn lenv<T>(v: &[T]) -> i64 {
        v.len() as i64
    }

    /// Pops the next resume argument of the plain twin's script and logs it.
    fn next_resume() -> i64 {
        let a = PLAIN.with(|p| {
            let mut p = p.borrow_mut();
            let a = p.script.get(p.next).copied().unwrap_or(0);
            p.next += 1;
            a
        });
        ev(format!("resume {a}"));
        a
    }

    /// The plain twin's first resume argument (the coroutine's `resume = mut r` binding).
    pub fn first_resume() -> i64 {
        next_resume()
    }

    fn plain_yield_common(v: i64) {
        ev(format!("yield {v}"));
        let (n, cancel) = PLAIN.with(|p| {
            let mut p = p.borrow_mut();
            p.yields += 1;
            (p.yields, p.cancel_at)
        });
        if cancel == Some(n) {
            ev("cancel".to_string());
            panic::resume_unwind(Box::new(Cancel));
        }
        if n >= MAX_YIELDS {
            ev("too many yields".to_string());
            panic::resume_unwind(Box::new(Cancel));
        }
    }

    /// The plain twin's `yield_!(v)` in a coroutine: logs the yield, then unwinds (cancellation) or returns
    /// the next resume argument.
    pub fn plain_yield(v: i64) -> i64 {
        plain_yield_common(v);
        next_resume()
    }

    /// The plain twin's `yield_!(v)` in a generator.
    pub fn plain_yield_unit(v: i64) {
        plain_yield_common(v);
    }

    /// One step of a type-erased coroutine or generator.
    pub enum Step {
        Yielded(i64),
        Complete(String),
    }

    /// A coroutine or generator behind one non-generic interface, so the driver is compiled once.
    pub trait DynCo {
        fn step(&mut self, arg: i64) -> Step;
        fn is_generator(&self) -> bool;
    }

    struct Co<C>(C);
    impl<C: Coroutine<i64, Yield = i64> + Unpin> DynCo for Co<C>
    where
        C::Return: Debug,
    {
        fn step(&mut self, arg: i64) -> Step {
            match Pin::new(&mut self.0).resume(arg) {
                CoroutineState::Yielded(y) => Step::Yielded(y),
                CoroutineState::Complete(r) => Step::Complete(format!("{r:?}")),
            }
        }
        fn is_generator(&self) -> bool {
            false
        }
    }

    struct Gen<I>(I);
    impl<I: Iterator<Item = i64>> DynCo for Gen<I> {
        fn step(&mut self, _: i64) -> Step {
            match self.0.next() {
                Some(y) => Step::Yielded(y),
                None => Step::Complete("()".to_string()),
            }
        }
        fn is_generator(&self) -> bool {
            true
        }
    }

    /// Boxes a coroutine for [`run_coroutine`].
    pub fn co<C>(c: C) -> Box<dyn DynCo>
    where
        C: Coroutine<i64, Yield = i64> + Unpin + 'static,
        C::Return: Debug,
    {
        Box::new(Co(c))
    }

    /// Boxes a generator for [`run_coroutine`].
    pub fn generator<I: Iterator<Item = i64> + 'static>(i: I) -> Box<dyn DynCo> {
        Box::new(Gen(i))
    }

    /// The text of a panic payload.
    pub fn payload_text(p: &(dyn Any + Send)) -> String {
        if let Some(s) = p.downcast_ref::<&str>() {
            (*s).to_string()
        } else if let Some(s) = p.downcast_ref::<String>() {
            s.clone()
        } else if p.is::<Cancel>() {
            "<cancel marker>".to_string()
        } else {
            "<non-string payload>".to_string()
        }
    }

    /// Runs the coroutine twin: `make` builds it (logging its arguments), then it is resumed with `script`
    /// until it completes, panics, or (with `cancel_at = Some(k)`) has yielded `k` times, when it is dropped.
    /// Returns the trace and the problems seen that have no plain counterpart (what resuming after the end does).
    pub fn run_coroutine(
        make: fn() -> Box<dyn DynCo>,
        script: &[i64],
        cancel_at: Option<usize>,
    ) -> (Vec<String>, Vec<String>) {
        take_log();
        let mut problems = Vec::new();
        let mut c = make();
        let generator = c.is_generator();
        let mut yields = 0;
        let mut i = 0;
        loop {
            let a = script.get(i).copied().unwrap_or(0);
            i += 1;
            if !generator {
                ev(format!("resume {a}"));
            }
            match panic::catch_unwind(AssertUnwindSafe(|| c.step(a))) {
                Ok(Step::Yielded(y)) => {
                    ev(format!("yield {y}"));
                    yields += 1;
                    if cancel_at == Some(yields) {
                        ev("cancel".to_string());
                        drop(c);
                        break;
                    }
                    if yields >= MAX_YIELDS {
                        ev("too many yields".to_string());
                        drop(c);
                        break;
                    }
                }
                Ok(Step::Complete(r)) => {
                    ev(format!("return {r}"));
                    let trace_len = LOG.with(|l| l.borrow().len());
                    // Resuming a finished coroutine panics; a finished generator keeps answering `None`.
                    match panic::catch_unwind(AssertUnwindSafe(|| c.step(0))) {
                        Ok(Step::Complete(_)) if generator => {}
                        Ok(_) => problems.push("resumed after completion: no panic".to_string()),
                        Err(p) => {
                            let text = payload_text(&*p);
                            if generator || text != "coroutine resumed after completion" {
                                problems.push(format!("resumed after completion: panicked with {text:?}"));
                            }
                        }
                    }
                    drop(c);
                    if LOG.with(|l| l.borrow().len()) != trace_len {
                        problems.push("resuming or dropping the finished coroutine logged something".to_string());
                    }
                    break;
                }
                Err(p) => {
                    ev(format!("panic {}", payload_text(&*p)));
                    let trace_len = LOG.with(|l| l.borrow().len());
                    match panic::catch_unwind(AssertUnwindSafe(|| c.step(0))) {
                        Ok(_) => problems.push("resumed after panicking: no panic".to_string()),
                        Err(p) => {
                            let text = payload_text(&*p);
                            if !text.contains("after panicking") {
                                problems.push(format!("resumed after panicking: panicked with {text:?}"));
                            }
                        }
                    }
                    drop(c);
                    if LOG.with(|l| l.borrow().len()) != trace_len {
                        problems.push("resuming or dropping the poisoned coroutine logged something".to_string());
                    }
                    break;
                }
            }
        }
        (take_log(), problems)
    }

    /// Runs the plain twin: `run` builds the arguments, takes the first resume argument (coroutines) and calls
    /// the plain fn, returning its value printed with `{:?}`.
    pub fn run_plain(run: fn() -> String, script: &[i64], cancel_at: Option<usize>) -> Vec<String> {
        take_log();
        PLAIN.with(|p| *p.borrow_mut() = PlainCtl { script: script.to_vec(), next: 0, yields: 0, cancel_at });
        match panic::catch_unwind(run) {
            Ok(r) => ev(format!("return {r}")),
            Err(p) if p.is::<Cancel>() => {}
            Err(p) => ev(format!("panic {}", payload_text(&*p))),
        }
        take_log()
    }

    /// Builds the coroutine twin and drops it unresumed: the drops logged must be exactly its arguments'.
    pub fn run_unresumed(make: fn() -> Box<dyn DynCo>) -> Vec<String> {
        take_log();
        drop(make());
        take_log()
    }

    // ---- stream programs (async generators against `async fn` twins) ------------------------------------

    /// More polls than this in one stream run end it (`too many polls`), in both twins alike.
    pub const MAX_POLLS: usize = 20_000;

    thread_local! {
        /// Set by [`YieldNow`] when it returns `Pending`: the async twin's driver doesn't log that one.
        static YIELDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// `later(k, v).await`: `Pending` `k` times (waking the waker), then `Ready(v)`. Logs nothing; `Unpin`.
    pub struct Later<T> {
        pendings: u32,
        value: Option<T>,
    }

    impl<T> Unpin for Later<T> {}

    pub fn later<T>(pendings: u32, value: T) -> Later<T> {
        Later { pendings, value: Some(value) }
    }

    impl<T> Future for Later<T> {
        type Output = T;
        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
            let this = self.get_mut();
            if this.pendings == 0 {
                Poll::Ready(this.value.take().expect("`Later` polled after it was ready"))
            } else {
                this.pendings -= 1;
                cx.waker().wake_by_ref();
                Poll::Pending
            }
        }
    }

    /// The async twin's suspension at a `yield_!`: `Pending` exactly once, marked as a yield.
    pub struct YieldNow(bool);

    pub fn yield_now() -> YieldNow {
        YieldNow(false)
    }

    impl Future for YieldNow {
        type Output = ();
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            if self.0 {
                Poll::Ready(())
            } else {
                self.0 = true;
                YIELDED.with(|y| y.set(true));
                cx.waker().wake_by_ref();
                Poll::Pending
            }
        }
    }

    /// The async twin's `yield_!(v)`, before its [`YieldNow`]: logs the item.
    pub fn stream_yield(v: i64) {
        ev(format!("yield {v}"));
    }

    /// An async generator of `i64`s behind one non-generic interface.
    pub trait DynStream {
        fn poll(&mut self, cx: &mut Context<'_>) -> Poll<Option<i64>>;
    }

    struct StreamBox<S>(S);
    impl<S: stackless::Stream<Item = i64> + Unpin> DynStream for StreamBox<S> {
        fn poll(&mut self, cx: &mut Context<'_>) -> Poll<Option<i64>> {
            stackless::Stream::poll_next(Pin::new(&mut self.0), cx)
        }
    }

    /// Boxes an async generator for [`run_stream`].
    pub fn stream<S: stackless::Stream<Item = i64> + Unpin + 'static>(s: S) -> Box<dyn DynStream> {
        Box::new(StreamBox(s))
    }

    /// The async twin's future.
    pub type PlainFuture = Pin<Box<dyn Future<Output = ()>>>;

    pub fn plain_future<F: Future<Output = ()> + 'static>(f: F) -> PlainFuture {
        Box::pin(f)
    }

    /// Polls the async generator with a no-op waker, logging `yield v` per item and `pending` per `Pending`,
    /// until it ends (`return ()`), panics (`panic ..`) or (`cancel_at = Some(k)`) has answered `k` polls with an
    /// item or `Pending`, when it is dropped. Returns the trace and what has no twin counterpart (polling after
    /// the end or a panic).
    pub fn run_stream(make: fn() -> Box<dyn DynStream>, cancel_at: Option<usize>) -> (Vec<String>, Vec<String>) {
        take_log();
        let mut problems = Vec::new();
        let mut cx = Context::from_waker(Waker::noop());
        let mut s = make();
        let (mut events, mut items) = (0, 0);
        loop {
            match panic::catch_unwind(AssertUnwindSafe(|| s.poll(&mut cx))) {
                Ok(Poll::Ready(Some(v))) => {
                    ev(format!("yield {v}"));
                    items += 1;
                }
                Ok(Poll::Pending) => ev("pending".to_string()),
                Ok(Poll::Ready(None)) => {
                    ev("return ()".to_string());
                    let trace_len = LOG.with(|l| l.borrow().len());
                    match panic::catch_unwind(AssertUnwindSafe(|| s.poll(&mut cx))) {
                        Ok(Poll::Ready(None)) => {}
                        Ok(p) => problems.push(format!("polled after the end: {p:?} instead of Ready(None)")),
                        Err(p) => problems.push(format!("polled after the end: panicked with {:?}", payload_text(&*p))),
                    }
                    drop(s);
                    if LOG.with(|l| l.borrow().len()) != trace_len {
                        problems.push("polling or dropping the finished stream logged something".to_string());
                    }
                    break;
                }
                Err(p) => {
                    ev(format!("panic {}", payload_text(&*p)));
                    let trace_len = LOG.with(|l| l.borrow().len());
                    match panic::catch_unwind(AssertUnwindSafe(|| s.poll(&mut cx))) {
                        Ok(Poll::Ready(None)) | Err(_) => {}
                        Ok(p) => problems.push(format!("polled after panicking: {p:?}")),
                    }
                    drop(s);
                    if LOG.with(|l| l.borrow().len()) != trace_len {
                        problems.push("polling or dropping the poisoned stream logged something".to_string());
                    }
                    break;
                }
            }
            events += 1;
            if cancel_at == Some(events) {
                ev("cancel".to_string());
                drop(s);
                break;
            }
            if items >= MAX_YIELDS || events >= MAX_POLLS {
                ev("too many yields or polls".to_string());
                drop(s);
                break;
            }
        }
        (take_log(), problems)
    }

    /// Polls the `async fn` twin the same way: a `Pending` of a `yield_!`'s [`YieldNow`] is that yield's event
    /// (its `yield v` already logged), any other is logged `pending`.
    pub fn run_async(make: fn() -> PlainFuture, cancel_at: Option<usize>) -> Vec<String> {
        take_log();
        let mut cx = Context::from_waker(Waker::noop());
        let mut f = make();
        let (mut events, mut items) = (0, 0);
        loop {
            YIELDED.with(|y| y.set(false));
            match panic::catch_unwind(AssertUnwindSafe(|| f.as_mut().poll(&mut cx))) {
                Ok(Poll::Ready(())) => {
                    ev("return ()".to_string());
                    drop(f);
                    break;
                }
                Ok(Poll::Pending) => {
                    if YIELDED.with(std::cell::Cell::get) {
                        items += 1;
                    } else {
                        ev("pending".to_string());
                    }
                }
                Err(p) => {
                    ev(format!("panic {}", payload_text(&*p)));
                    drop(f);
                    break;
                }
            }
            events += 1;
            if cancel_at == Some(events) {
                ev("cancel".to_string());
                drop(f);
                break;
            }
            if items >= MAX_YIELDS || events >= MAX_POLLS {
                ev("too many yields or polls".to_string());
                drop(f);
                break;
            }
        }
        take_log()
    }

    /// Builds the async generator and drops it unpolled.
    pub fn run_unpolled(make: fn() -> Box<dyn DynStream>) -> Vec<String> {
        take_log();
        drop(make());
        take_log()
    }
}

/// Running one program in every configuration and diffing the traces.
pub mod compare {
    use crate::rt::{
        DynCo, DynStream, PlainFuture, run_async, run_coroutine, run_plain, run_stream, run_unpolled, run_unresumed,
    };

    /// One generated (or hand-written) program, both twins behind fn pointers.
    pub struct Case {
        pub name: &'static str,
        /// The program's own seed (regenerate it with `DIFFTEST_ONLY`).
        pub seed: u64,
        pub index: u64,
        pub source: &'static str,
        pub co: fn() -> Box<dyn DynCo>,
        pub plain: fn() -> String,
    }

    /// The resume scripts every program is run under.
    pub fn scripts() -> Vec<Vec<i64>> {
        let mut out = vec![vec![0; 8], (0..400).collect(), vec![]];
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut s = Vec::new();
        for _ in 0..400 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push((x % 11) as i64 - 3);
        }
        out[2] = s;
        out
    }

    /// The first difference between two runs, if any.
    pub struct Mismatch {
        pub what: String,
        pub detail: String,
    }

    fn diff(expected: &[String], actual: &[String]) -> Option<String> {
        let n = expected.iter().zip(actual).take_while(|(a, b)| a == b).count();
        if n == expected.len() && n == actual.len() {
            return None;
        }
        let from = n.saturating_sub(6);
        let mut out = format!("first difference at trace entry {n}:\n");
        for (i, e) in expected.iter().enumerate().take(n).skip(from) {
            out += &format!("      {i:4}  {e}\n");
        }
        out += &format!("  plain     {n:4}  {}\n", expected.get(n).map_or("<end of trace>", String::as_str));
        out += &format!("  coroutine {n:4}  {}\n", actual.get(n).map_or("<end of trace>", String::as_str));
        Some(out)
    }

    /// Runs `case` under every script, to the end and cancelled after every yield; returns the first mismatch.
    pub fn check(case: &Case) -> Option<Mismatch> {
        // Dropped unresumed: exactly the arguments' drops (their relative order is not pinned, as in rustc).
        let unresumed = run_unresumed(case.co);
        let mut got: Vec<&String> = unresumed.iter().filter(|e| e.starts_with("drop ")).collect();
        let mut want: Vec<String> =
            unresumed.iter().filter_map(|e| e.strip_prefix("new ").map(|v| format!("drop {v}"))).collect();
        got.sort();
        want.sort();
        if got.len() != want.len()
            || got.iter().zip(&want).any(|(a, b)| **a != *b)
            || unresumed.iter().any(|e| !e.starts_with("new ") && !e.starts_with("drop "))
        {
            return Some(Mismatch {
                what: "dropped unresumed".into(),
                detail: format!("  trace: {unresumed:?}\n  expected the drops of exactly the arguments: {want:?}\n"),
            });
        }
        for (si, script) in scripts().iter().enumerate() {
            let expected = run_plain(case.plain, script, None);
            let (actual, problems) = run_coroutine(case.co, script, None);
            if let Some(d) = diff(&expected, &actual) {
                return Some(Mismatch { what: format!("script {si}, run to the end"), detail: d });
            }
            if let Some(p) = problems.first() {
                return Some(Mismatch { what: format!("script {si}, after the end"), detail: format!("  {p}\n") });
            }
            let yields = expected.iter().filter(|e| e.starts_with("yield ")).count();
            for k in 1..=yields {
                let expected = run_plain(case.plain, script, Some(k));
                let (actual, _) = run_coroutine(case.co, script, Some(k));
                if let Some(d) = diff(&expected, &actual) {
                    return Some(Mismatch { what: format!("script {si}, cancelled after yield {k}"), detail: d });
                }
            }
        }
        None
    }

    /// One stream program: the async generator and its `async fn` twin.
    pub struct StreamCase {
        pub name: &'static str,
        /// The program's own seed (regenerate it with `DIFFTEST_STREAM_ONLY`).
        pub seed: u64,
        pub index: u64,
        pub source: &'static str,
        pub make: fn() -> Box<dyn DynStream>,
        pub plain: fn() -> PlainFuture,
    }

    /// Runs a stream program to the end and cancelled after each of its events (an item or a `Pending`);
    /// returns the first mismatch.
    pub fn check_stream(case: &StreamCase) -> Option<Mismatch> {
        let unpolled = run_unpolled(case.make);
        let mut got: Vec<&String> = unpolled.iter().filter(|e| e.starts_with("drop ")).collect();
        let mut want: Vec<String> =
            unpolled.iter().filter_map(|e| e.strip_prefix("new ").map(|v| format!("drop {v}"))).collect();
        got.sort();
        want.sort();
        if got.len() != want.len()
            || got.iter().zip(&want).any(|(a, b)| **a != *b)
            || unpolled.iter().any(|e| !e.starts_with("new ") && !e.starts_with("drop "))
        {
            return Some(Mismatch {
                what: "dropped unpolled".into(),
                detail: format!("  trace: {unpolled:?}\n  expected the drops of exactly the arguments: {want:?}\n"),
            });
        }
        let expected = run_async(case.plain, None);
        let (actual, problems) = run_stream(case.make, None);
        if let Some(d) = diff(&expected, &actual) {
            return Some(Mismatch { what: "run to the end".into(), detail: d.replace("  coroutine ", "  stream    ") });
        }
        if let Some(p) = problems.first() {
            return Some(Mismatch { what: "after the end".into(), detail: format!("  {p}\n") });
        }
        let events = expected.iter().filter(|e| e.starts_with("yield ") || *e == "pending").count();
        for k in 1..=events {
            let expected = run_async(case.plain, Some(k));
            let (actual, _) = run_stream(case.make, Some(k));
            if let Some(d) = diff(&expected, &actual) {
                return Some(Mismatch {
                    what: format!("cancelled after event {k} (item or pending)"),
                    detail: d.replace("  coroutine ", "  stream    "),
                });
            }
        }
        None
    }

    /// Prints a stream program's mismatch.
    pub fn report_stream(case: &StreamCase, m: &Mismatch) -> String {
        format!(
            "=== mismatch in {} (stream index {}, program seed {:#x}): {}\n{}--- source (the `async fn` twin has the \
             same body, `yield_!(e)` logging and awaiting a future that is Pending once):\n{}\n",
            case.name, case.index, case.seed, m.what, m.detail, case.source
        )
    }

    /// Prints a mismatch with everything needed to reproduce it.
    pub fn report(case: &Case, m: &Mismatch) -> String {
        format!(
            "=== mismatch in {} (index {}, program seed {:#x}): {}\n{}--- source:\n{}\n",
            case.name, case.index, case.seed, m.what, m.detail, case.source
        )
    }
}

/// The plain twin's `yield_!` for coroutines (`use stackless_difftest::plain_yield_ as yield_;`).
#[doc(hidden)]
#[macro_export]
macro_rules! plain_yield_ {
    ($e:expr) => {
        $crate::rt::plain_yield($e)
    };
}

/// The plain twin's `yield_!` for generators.
#[doc(hidden)]
#[macro_export]
macro_rules! plain_yield_unit_ {
    ($e:expr) => {
        $crate::rt::plain_yield_unit($e)
    };
}

/// Defines a hand-written program as a module with both twins and `case()`, for regression tests:
///
/// ```ignore
/// stackless_difftest::twins!(opt my_case(r; p0: D = D::new("p0", 1)) {
///     yield_!(p0.get());
///     Some(r)
/// });
/// // my_case::case() is a compare::Case
/// ```
/// `opt`: `Coroutine<i64, Yield = i64, Return = Option<i64>>` resumed into `r`; `res`: `Return = Result<i64,
/// String>`; `gen`: `Iterator<Item = i64>` (no resume binding: write `gen name(; params)`).
#[macro_export]
macro_rules! twins {
    (opt $name:ident ($r:ident; $($pn:ident : $pt:ty = $pv:expr),*) $body:block) => {
        $crate::twins!(@co $name, Option<i64>, $r; $($pn: $pt = $pv),*; $body);
    };
    (res $name:ident ($r:ident; $($pn:ident : $pt:ty = $pv:expr),*) $body:block) => {
        $crate::twins!(@co $name, Result<i64, String>, $r; $($pn: $pt = $pv),*; $body);
    };
    (@co $name:ident, $ret:ty, $r:ident; $($pn:ident : $pt:ty = $pv:expr),*; $body:block) => {
        #[allow(warnings, clippy::all, clippy::pedantic)]
        pub mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[allow(unused_imports)]
            use $crate::rt::*;
            #[stackless::coroutine(resume = mut $r)]
            pub fn co($(mut $pn: $pt),*) -> impl ::stackless::Coroutine<i64, Yield = i64, Return = $ret> $body
            pub fn plain(mut $r: i64, $(mut $pn: $pt),*) -> $ret {
                #[allow(unused_imports)]
                use $crate::plain_yield_ as yield_;
                $body
            }
            pub fn make() -> Box<dyn $crate::rt::DynCo> {
                $crate::rt::co(co($($pv),*))
            }
            pub fn run() -> String {
                $(let $pn = $pv;)*
                let $r = $crate::rt::first_resume();
                format!("{:?}", plain($r, $($pn),*))
            }
            pub fn case() -> $crate::compare::Case {
                $crate::compare::Case { name: stringify!($name), seed: 0, index: 0, source: stringify!($body), co: make, plain: run }
            }
        }
    };
    (gen $name:ident (; $($pn:ident : $pt:ty = $pv:expr),*) $body:block) => {
        #[allow(warnings, clippy::all, clippy::pedantic)]
        pub mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[allow(unused_imports)]
            use $crate::rt::*;
            #[stackless::coroutine]
            pub fn co($(mut $pn: $pt),*) -> impl Iterator<Item = i64> $body
            pub fn plain($(mut $pn: $pt),*) {
                #[allow(unused_imports)]
                use $crate::plain_yield_unit_ as yield_;
                $body
            }
            pub fn make() -> Box<dyn $crate::rt::DynCo> {
                $crate::rt::generator(co($($pv),*))
            }
            pub fn run() -> String {
                $(let $pn = $pv;)*
                format!("{:?}", plain($($pn),*))
            }
            pub fn case() -> $crate::compare::Case {
                $crate::compare::Case { name: stringify!($name), seed: 0, index: 0, source: stringify!($body), co: make, plain: run }
            }
        }
    };
}

//! The coroutine case of rustc's tests/ui/drop/dynamic-drop.rs, restated for `#[stackless::coroutine]`.
//!
//! An [`Allocator`] hands out [`Ptr`]s and counts every allocation and every free as one "operation". A test
//! shape is first run without failures to count its operations; then it is run once per operation with a panic
//! injected at exactly that operation (an allocation or a drop), under `catch_unwind`. After every run, every
//! allocation must have been freed exactly once: no "missing free" (a leak), no "double free".
//!
//! rustc's shape is `(a.alloc(), yield a.alloc(), a.alloc(), yield a.alloc());`: a partially built tuple held
//! across yields. Our foundation supports yields at statement level only, so the shapes below are the
//! statement-level equivalents (the tuple-with-yields form comes with issue 5), plus shapes with conditionals,
//! loops, labeled jumps, reassignment, resume arguments and arguments. Each is resumed 0, 1, 2, ... times (up to
//! and including the resume that completes it) and then dropped.
#![allow(clippy::all, clippy::pedantic)]
#![allow(unused_assignments, unused_variables)]

use std::cell::{Cell, RefCell};
use std::hint::black_box;
use std::panic::{self, AssertUnwindSafe};
use std::pin::Pin;
use std::sync::Arc;

use stackless::{Coroutine, CoroutineState};

/// The payload of the injected panics.
struct InjectedFailure;

struct Allocator {
    /// `true` while the allocation at that index is live.
    data: RefCell<Vec<bool>>,
    /// The operation (1-based) that panics; `usize::MAX` for none.
    failing_op: usize,
    cur_ops: Cell<usize>,
    /// Double frees seen (recorded, not panicked on: a panic in a drop during unwinding would abort).
    double_frees: RefCell<Vec<usize>>,
}

impl Allocator {
    fn new(failing_op: usize) -> Self {
        Allocator {
            data: RefCell::new(Vec::new()),
            failing_op,
            cur_ops: Cell::new(0),
            double_frees: RefCell::new(Vec::new()),
        }
    }

    fn op(&self) {
        let n = self.cur_ops.get() + 1;
        self.cur_ops.set(n);
        if n == self.failing_op {
            panic::panic_any(InjectedFailure);
        }
    }

    fn alloc(&self) -> Ptr<'_> {
        self.op();
        let mut data = self.data.borrow_mut();
        let addr = data.len();
        data.push(true);
        Ptr(addr, self)
    }

    fn missing_frees(&self) -> Vec<usize> {
        self.data.borrow().iter().enumerate().filter(|(_, live)| **live).map(|(i, _)| i).collect()
    }
}

struct Ptr<'a>(usize, &'a Allocator);

impl Drop for Ptr<'_> {
    fn drop(&mut self) {
        {
            let mut data = self.1.data.borrow_mut();
            if !data[self.0] {
                self.1.double_frees.borrow_mut().push(self.0);
            }
            data[self.0] = false;
        }
        self.1.op();
    }
}

fn resume<C: Coroutine<R> + Unpin, R>(c: &mut C, arg: R) -> CoroutineState<C::Yield, C::Return> {
    Pin::new(c).resume(arg)
}

/// Resumes `c` `n` times (never past its completion: that would be a bug of the shape's yield count), dropping
/// whatever it yields or returns, then drops it.
fn drive<C: Coroutine<()> + Unpin>(mut c: C, n: usize) {
    for i in 0..n {
        if let CoroutineState::Complete(_) = resume(&mut c, ()) {
            assert_eq!(i + 1, n, "completed after {} resumes, asked for {n}", i + 1);
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Shapes.

/// rustc: `(a.alloc(), yield a.alloc(), a.alloc(), yield a.alloc());` at statement level. 2 yields.
#[stackless::coroutine]
fn tuple_shape<'a>(a: &'a Allocator) -> impl Coroutine<(), Yield = Ptr<'a>, Return = ()> + 'a {
    let t0 = a.alloc();
    let t1 = yield_!(a.alloc());
    let t2 = a.alloc();
    let t3 = yield_!(a.alloc());
    let _tuple = (t0, t1, t2, t3);
}

/// The same as a generator (`Iterator`), driven with `next()`. 2 yields.
#[stackless::coroutine]
fn tuple_generator<'a>(a: &'a Allocator) -> impl Iterator<Item = Ptr<'a>> + 'a {
    let t0 = a.alloc();
    yield_!(a.alloc());
    let t2 = a.alloc();
    yield_!(a.alloc());
    let _tuple = (t0, t2);
}

/// A conditionally moved local (drop flag) held across later yields. `c`: 3 yields, `!c`: 2 yields.
#[stackless::coroutine]
fn cond_shape<'a>(a: &'a Allocator, c: bool) -> impl Coroutine<(), Yield = Ptr<'a>, Return = ()> + 'a {
    let x = a.alloc();
    if black_box(c) {
        let y = a.alloc();
        yield_!(a.alloc());
        drop(x);
        let _z = a.alloc();
        yield_!(y);
    } else {
        let _w = a.alloc();
        yield_!(a.alloc());
    }
    let _v = a.alloc();
    yield_!(a.alloc());
}

/// A `Vec` of allocations and per-iteration locals held across yields in a `for` loop. 5 yields.
#[stackless::coroutine]
fn loop_shape<'a>(a: &'a Allocator) -> impl Coroutine<(), Yield = Ptr<'a>, Return = ()> + 'a {
    let mut held = Vec::new();
    let keep = a.alloc();
    for i in 0..3 {
        let p = a.alloc();
        if i % 2 == 0 {
            held.push(p);
        } else {
            yield_!(p);
        }
        let q = a.alloc();
        yield_!(a.alloc());
        if i == 1 {
            held.clear();
        }
        drop(q);
    }
    drop(keep);
    let last = a.alloc();
    yield_!(last);
}

/// Reassignment of a local that is live across yields (the old value is dropped by the assignment). 3 yields.
#[stackless::coroutine]
fn reassign_shape<'a>(a: &'a Allocator) -> impl Coroutine<(), Yield = Ptr<'a>, Return = ()> + 'a {
    let mut x = a.alloc();
    yield_!(a.alloc());
    x = a.alloc();
    let y = a.alloc();
    yield_!(y);
    x = a.alloc();
    yield_!(x);
}

/// Bindings from `match` arms and `while let` held across yields. 2 + 2 yields.
#[stackless::coroutine]
fn match_shape<'a>(a: &'a Allocator) -> impl Coroutine<(), Yield = Ptr<'a>, Return = ()> + 'a {
    let opt = if black_box(true) { Some(a.alloc()) } else { None };
    match opt {
        Some(p) => {
            let q = a.alloc();
            yield_!(a.alloc());
            drop(p);
            yield_!(q);
        }
        None => {}
    }
    let mut v = vec![a.alloc(), a.alloc()];
    while let Some(p) = v.pop() {
        let r = a.alloc();
        yield_!(p);
    }
}

/// Labeled `continue`/`break` leaving scopes that hold allocations. 4 yields.
#[stackless::coroutine]
fn labeled_shape<'a>(a: &'a Allocator) -> impl Coroutine<(), Yield = Ptr<'a>, Return = ()> + 'a {
    let outer_keep = a.alloc();
    'outer: for i in 0..3 {
        let p = a.alloc();
        loop {
            let q = a.alloc();
            yield_!(a.alloc());
            if i == 0 {
                continue 'outer;
            }
            if i == 1 {
                drop(q);
                break;
            }
            break 'outer;
        }
        yield_!(p);
    }
    drop(outer_keep);
}

/// A value produced by an `if` whose branch yields. `c`: 2 yields, `!c`: 1 yield.
#[stackless::coroutine]
fn if_value_shape<'a>(a: &'a Allocator, c: bool) -> impl Coroutine<(), Yield = Ptr<'a>, Return = ()> + 'a {
    let x = a.alloc();
    let v = if black_box(c) {
        yield_!(a.alloc());
        let t = a.alloc();
        t
    } else {
        a.alloc()
    };
    yield_!(v);
    drop(x);
}

/// Arguments: one moved out before the first yield, one held until after the second. 3 yields.
#[stackless::coroutine]
fn args_shape<'a>(a: &'a Allocator, p: Ptr<'a>, q: Ptr<'a>) -> impl Coroutine<(), Yield = Ptr<'a>, Return = ()> + 'a {
    let r = a.alloc();
    yield_!(p);
    let s = a.alloc();
    yield_!(r);
    drop(q);
    yield_!(s);
}

/// Resume arguments (allocated by the caller): each must be dropped exactly once, including the one that
/// replaces a live local in `fourth = yield_!(..)`. 4 yields.
#[stackless::coroutine(resume = first)]
fn resume_arg_shape<'a>(a: &'a Allocator) -> impl Coroutine<Ptr<'a>, Yield = Ptr<'a>, Return = Ptr<'a>> + 'a {
    let k = a.alloc();
    let second = yield_!(first);
    let m = a.alloc();
    let third = yield_!(k);
    drop(m);
    let mut fourth = yield_!(a.alloc());
    fourth = yield_!(second);
    drop(fourth);
    third
}

fn drive_resume_args<'a>(a: &'a Allocator, n: usize) {
    let mut c = resume_arg_shape(a);
    for i in 0..n {
        if let CoroutineState::Complete(_) = resume(&mut c, a.alloc()) {
            assert_eq!(i + 1, n, "completed after {} resumes, asked for {n}", i + 1);
        }
    }
}

/// A plain fn with similar moves, reassignments and a `Vec`: the control group for the harness.
fn plain_shape(a: &Allocator) {
    let t0 = a.alloc();
    drop(a.alloc());
    let t2 = a.alloc();
    let mut v = vec![a.alloc(), a.alloc()];
    let mut x = a.alloc();
    x = a.alloc();
    while let Some(p) = v.pop() {
        drop(p);
    }
    let _tuple = (t0, t2, x);
}

/// The drop-flag shape: a local moved on one branch between yields, then held across a later yield.
fn run_drop_flag_shapes(r: &mut Report) {
    for n in 0..=4 {
        run_test(r, &format!("cond_shape(true) resumed {n}"), &|a| drive(cond_shape(a, true), n));
    }
    for n in 0..=3 {
        run_test(r, &format!("cond_shape(false) resumed {n}"), &|a| drive(cond_shape(a, false), n));
    }
    for n in 0..=5 {
        run_test(r, &format!("match_shape resumed {n}"), &|a| drive(match_shape(a), n));
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Harness.

#[derive(Default)]
struct Report {
    runs: usize,
    problems: Vec<String>,
}

impl Report {
    fn check(&mut self, name: &str, failing_op: usize, a: &Allocator) {
        self.runs += 1;
        let missing = a.missing_frees();
        if !missing.is_empty() {
            self.problems.push(format!("{name}, panic at op {failing_op}: missing free of {missing:?}"));
        }
        let double = a.double_frees.borrow();
        if !double.is_empty() {
            self.problems.push(format!("{name}, panic at op {failing_op}: double free at {double:?}"));
        }
    }
}

fn payload_text(e: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = e.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = e.downcast_ref::<String>() {
        s.clone()
    } else {
        "<non-string payload>".to_string()
    }
}

/// rustc's `run_test`: count the operations of a clean run, then inject a panic at each of them in turn.
fn run_test(report: &mut Report, name: &str, f: &dyn Fn(&Allocator)) {
    let first = Allocator::new(usize::MAX);
    if let Err(e) = panic::catch_unwind(AssertUnwindSafe(|| f(&first))) {
        report.problems.push(format!("{name}: clean run panicked: {}", payload_text(&*e)));
        return;
    }
    report.check(name, 0, &first);
    let total = first.cur_ops.get();
    for failing_op in 1..=total {
        let a = Allocator::new(failing_op);
        match panic::catch_unwind(AssertUnwindSafe(|| f(&a))) {
            Ok(()) => report.problems.push(format!(
                "{name}: no panic at op {failing_op}: the clean run did {total} ops, this one {}",
                a.cur_ops.get()
            )),
            Err(e) => {
                if e.downcast_ref::<InjectedFailure>().is_none() {
                    report
                        .problems
                        .push(format!("{name}, panic at op {failing_op}: unexpected panic: {}", payload_text(&*e)));
                }
            }
        }
        report.check(name, failing_op, &a);
    }
}

/// Silences the panic hook for `InjectedFailure` panics only (other tests and other panics keep their output).
fn quiet_injected_failures<T>(f: impl FnOnce() -> T) -> T {
    let previous: Arc<Box<dyn Fn(&panic::PanicHookInfo<'_>) + Sync + Send>> = Arc::new(panic::take_hook());
    let forward = previous.clone();
    panic::set_hook(Box::new(move |info| {
        if info.payload().downcast_ref::<InjectedFailure>().is_none() {
            forward(info);
        }
    }));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    let _ = panic::take_hook();
    panic::set_hook(Box::new(move |info| previous(info)));
    match result {
        Ok(v) => v,
        Err(e) => panic::resume_unwind(e),
    }
}

#[test]
fn no_missing_or_double_free_under_injected_panics() {
    let mut report = Report::default();
    quiet_injected_failures(|| {
        let r = &mut report;
        // The harness itself: plain (non-suspending) code never reports a problem.
        run_test(r, "plain fn", &plain_shape);
        assert!(r.problems.is_empty(), "{}", r.problems.join("\n"));
        // ... and a leak is reported.
        let mut leak = Report::default();
        run_test(&mut leak, "leaky fn", &|a| {
            let p = a.alloc();
            std::mem::forget(a.alloc());
            drop(p);
        });
        assert!(leak.problems.iter().any(|p| p.contains("missing free")), "a leak went unnoticed");
        for n in 0..=3 {
            run_test(r, &format!("tuple_shape resumed {n}"), &|a| drive(tuple_shape(a), n));
            run_test(r, &format!("tuple_generator next {n}"), &|a| {
                let mut g = tuple_generator(a);
                for _ in 0..n {
                    drop(g.next());
                }
            });
        }
        for n in 0..=6 {
            run_test(r, &format!("loop_shape resumed {n}"), &|a| drive(loop_shape(a), n));
        }
        for n in 0..=4 {
            run_test(r, &format!("reassign_shape resumed {n}"), &|a| drive(reassign_shape(a), n));
        }
        for n in 0..=5 {
            run_test(r, &format!("labeled_shape resumed {n}"), &|a| drive(labeled_shape(a), n));
        }
        for n in 0..=3 {
            run_test(r, &format!("if_value_shape(true) resumed {n}"), &|a| drive(if_value_shape(a, true), n));
        }
        for n in 0..=2 {
            run_test(r, &format!("if_value_shape(false) resumed {n}"), &|a| drive(if_value_shape(a, false), n));
        }
        for n in 0..=4 {
            run_test(r, &format!("args_shape resumed {n}"), &|a| drive(args_shape(a, a.alloc(), a.alloc()), n));
        }
        for n in 0..=5 {
            run_test(r, &format!("resume_arg_shape resumed {n}"), &|a| drive_resume_args(a, n));
        }
        for n in 0..=5 {
            run_test(r, &format!("match_shape resumed {n}"), &|a| drive(match_shape(a), n));
        }
        run_drop_flag_shapes(r);
    });
    assert!(report.runs > 300, "only {} runs", report.runs);
    assert!(
        report.problems.is_empty(),
        "{} problem(s) in {} runs:\n{}",
        report.problems.len(),
        report.runs,
        report.problems.join("\n")
    );
}

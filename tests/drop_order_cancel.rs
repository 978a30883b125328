//! Drop order of a coroutine's locals and arguments, against the same body run as a plain sync fn.
//!
//! Ports of rustc's tests/ui/async-await/drop-order/drop-order-for-locals-when-cancelled.rs and
//! drop-order-for-async-fn-parameters.rs, with `yield_!()` in place of `.await`, plus more shapes of our own.
//!
//! Every shape is written once and expanded twice by `shape!`: as a `#[stackless::coroutine]` fn (`co`) and as a
//! plain fn (`sync`) in which `yield_!()` means "return here once the yield budget is used up". Resuming the
//! coroutine `k` times and then dropping it must log exactly what the sync fn logs when it returns at its `k`-th
//! yield point (the scope-exit order: innermost scope first, reverse declaration order, then the parameters);
//! once the coroutine completes, the sync fn runs to its end too. An unresumed coroutine drops its arguments
//! only, each once (rustc's tests don't pin their relative order, so that one is compared as a multiset).
#![allow(clippy::all, clippy::pedantic)]
#![allow(unused_variables, unused_assignments, unreachable_code, path_statements, unused_braces, dead_code)]

use std::cell::{Cell, RefCell};
use std::hint::black_box;
use std::pin::Pin;
use std::rc::Rc;

use stackless::{Coroutine, CoroutineState};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Ev {
    Function,
    Val(&'static str),
}

type Log = Rc<RefCell<Vec<Ev>>>;

struct D(&'static str, Log);

impl Drop for D {
    fn drop(&mut self) {
        self.1.borrow_mut().push(Ev::Val(self.0));
    }
}

fn d(name: &'static str, l: &Log) -> D {
    D(name, l.clone())
}

fn function(l: &Log) {
    l.borrow_mut().push(Ev::Function);
}

thread_local! {
    /// How many more `yield_!()` points the sync version may pass before returning.
    static BUDGET: Cell<usize> = const { Cell::new(usize::MAX) };
}

/// The sync version's `yield_!()`: true when it must return here.
fn exhausted() -> bool {
    BUDGET.with(|b| {
        let n = b.get();
        if n == 0 {
            true
        } else {
            b.set(n - 1);
            false
        }
    })
}

/// Defines `mod $name { fn co(..) -> impl Coroutine; fn sync(..) }` from one body.
macro_rules! shape {
    (fn $name:ident ( $($args:tt)* ) { $($body:tt)* }) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[stackless::coroutine]
            pub fn co($($args)*) -> impl Coroutine<(), Yield = (), Return = ()> {
                $($body)*
            }

            pub fn sync($($args)*) {
                macro_rules! yield_ {
                    () => {
                        if exhausted() {
                            return;
                        }
                    };
                }
                $($body)*
            }
        }
    };
}

/// Compares the coroutine dropped after 0, 1, 2, ... resumes with the sync fn returning at the same point.
fn check<C>(name: &str, args: &[&'static str], co: impl Fn(&Log) -> C, sync: impl Fn(&Log))
where
    C: Coroutine<(), Yield = (), Return = ()> + Unpin,
{
    let log = Log::default();
    drop(co(&log));
    let mut got = log.borrow().clone();
    got.sort();
    let mut want: Vec<Ev> = args.iter().map(|n| Ev::Val(n)).collect();
    want.sort();
    assert_eq!(got, want, "{name}: dropped unresumed");

    for k in 1.. {
        assert!(k < 100, "{name}: no completion after 100 resumes");
        let actual = Log::default();
        let mut c = co(&actual);
        let mut completed = false;
        for _ in 0..k {
            if let CoroutineState::Complete(()) = Pin::new(&mut c).resume(()) {
                completed = true;
            }
        }
        drop(c);
        let expected = Log::default();
        BUDGET.with(|b| b.set(k - 1));
        sync(&expected);
        BUDGET.with(|b| b.set(usize::MAX));
        let what = if completed { "completed" } else { "cancelled" };
        assert_eq!(*actual.borrow(), *expected.borrow(), "{name}: {what} after {k} resume(s)");
        if completed {
            break;
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// drop-order-for-locals-when-cancelled.rs

shape! {
    fn simple_variable_declaration(l: Log) {
        function(&l);
        let x = d("x", &l);
        let y = d("y", &l);
        yield_!();
    }
}

/// rustc awaits an inner `async` block that creates and drops `x`; here an inner coroutine driven to its end.
#[stackless::coroutine]
fn inner_block(l: Log) -> impl Coroutine<(), Yield = (), Return = ()> {
    let x = d("x", &l);
    yield_!();
}

fn drive_inner(l: &Log) {
    let mut c = inner_block(l.clone());
    while let CoroutineState::Yielded(()) = Pin::new(&mut c).resume(()) {}
}

shape! {
    fn variable_completely_contained_within_block(l: Log) {
        function(&l);
        drive_inner(&l);
        let y = d("y", &l);
        yield_!();
    }
}

shape! {
    fn variable_contained_within_plain_block(l: Log) {
        function(&l);
        {
            let x = d("x", &l);
        }
        let y = d("y", &l);
        yield_!();
    }
}

shape! {
    fn variables_moved_into_separate_blocks(l: Log) {
        function(&l);
        let x = d("x", &l);
        let y = d("y", &l);
        { x };
        { y };
        yield_!();
    }
}

shape! {
    fn variables_moved_into_same_block(l: Log) {
        function(&l);
        let x = d("x", &l);
        let y = d("y", &l);
        {
            x;
            y;
        };
        yield_!();
    }
}

shape! {
    fn move_after_current_yield_doesnt_affect_order(l: Log) {
        function(&l);
        let x = d("x", &l);
        let y = d("y", &l);
        yield_!();
        {
            x;
            y;
        };
    }
}

#[test]
fn locals_when_cancelled() {
    check(
        "simple_variable_declaration",
        &[],
        |l| simple_variable_declaration::co(l.clone()),
        |l| simple_variable_declaration::sync(l.clone()),
    );
    check(
        "variable_completely_contained_within_block",
        &[],
        |l| variable_completely_contained_within_block::co(l.clone()),
        |l| variable_completely_contained_within_block::sync(l.clone()),
    );
    check(
        "variable_contained_within_plain_block",
        &[],
        |l| variable_contained_within_plain_block::co(l.clone()),
        |l| variable_contained_within_plain_block::sync(l.clone()),
    );
    check(
        "variables_moved_into_separate_blocks",
        &[],
        |l| variables_moved_into_separate_blocks::co(l.clone()),
        |l| variables_moved_into_separate_blocks::sync(l.clone()),
    );
    check(
        "variables_moved_into_same_block",
        &[],
        |l| variables_moved_into_same_block::co(l.clone()),
        |l| variables_moved_into_same_block::sync(l.clone()),
    );
    check(
        "move_after_current_yield_doesnt_affect_order",
        &[],
        |l| move_after_current_yield_doesnt_affect_order::co(l.clone()),
        |l| move_after_current_yield_doesnt_affect_order::sync(l.clone()),
    );
}

#[test]
fn rustc_expected_orders() {
    // The literal expectations of rustc's test, so a wrong sync oracle can't hide a wrong coroutine.
    let log = Log::default();
    let mut c = simple_variable_declaration::co(log.clone());
    assert_eq!(Pin::new(&mut c).resume(()), CoroutineState::Yielded(()));
    drop(c);
    assert_eq!(*log.borrow(), [Ev::Function, Ev::Val("y"), Ev::Val("x")]);

    let log = Log::default();
    let mut c = variables_moved_into_separate_blocks::co(log.clone());
    assert_eq!(Pin::new(&mut c).resume(()), CoroutineState::Yielded(()));
    drop(c);
    assert_eq!(*log.borrow(), [Ev::Function, Ev::Val("x"), Ev::Val("y")]);

    let log = Log::default();
    let mut c = move_after_current_yield_doesnt_affect_order::co(log.clone());
    assert_eq!(Pin::new(&mut c).resume(()), CoroutineState::Yielded(()));
    drop(c);
    assert_eq!(*log.borrow(), [Ev::Function, Ev::Val("y"), Ev::Val("x")]);
}

// ---------------------------------------------------------------------------------------------------------------
// More shapes of our own: nested scopes, drop flags, loops, labeled jumps, shadowing, reassignment, match and
// `while let` bindings, values of `if` branches, statement temporaries, arguments.

shape! {
    fn nested_scopes(l: Log) {
        function(&l);
        let a = d("a", &l);
        {
            let b = d("b", &l);
            {
                let c = d("c", &l);
                yield_!();
            }
            let e = d("e", &l);
            yield_!();
        }
        let f = d("f", &l);
        yield_!();
    }
}

shape! {
    fn conditional_move(l: Log, cond: bool) {
        function(&l);
        let x = d("x", &l);
        let y = d("y", &l);
        if black_box(cond) {
            drop(x);
        }
        yield_!();
        let z = d("z", &l);
        yield_!();
        drop(y);
        yield_!();
    }
}

shape! {
    fn loop_locals(l: Log) {
        function(&l);
        let names = ["i0", "i1", "i2", "i3"];
        let mut keep = Some(d("keep", &l));
        for i in 0..4 {
            let w = d(names[i], &l);
            yield_!();
            if i == 1 {
                keep = None;
            }
            if i == 2 {
                continue;
            }
            let after = d("after", &l);
            yield_!();
        }
    }
}

shape! {
    fn labeled_jumps(l: Log) {
        function(&l);
        'outer: for i in 0..3 {
            let p = d("p", &l);
            loop {
                let q = d("q", &l);
                yield_!();
                if i == 0 {
                    continue 'outer;
                }
                if i == 1 {
                    break;
                }
                break 'outer;
            }
            let r = d("r", &l);
            yield_!();
        }
        let s = d("s", &l);
        yield_!();
    }
}

shape! {
    fn shadowing(l: Log) {
        function(&l);
        let x = d("x1", &l);
        let x = d("x2", &l);
        yield_!();
        drop(x);
        yield_!();
    }
}

shape! {
    fn reassignment(l: Log) {
        function(&l);
        let mut x = d("x1", &l);
        let y = d("y", &l);
        yield_!();
        x = d("x2", &l);
        yield_!();
        x = d("x3", &l);
    }
}

shape! {
    fn match_binding(l: Log) {
        function(&l);
        let opt = Some(d("m", &l));
        match opt {
            Some(m) => {
                let n = d("n", &l);
                yield_!();
                drop(m);
                yield_!();
            }
            None => {}
        }
        yield_!();
    }
}

shape! {
    fn match_on_temporary(l: Log) {
        function(&l);
        // `t1` stays in the scrutinee temporary, which lives until the end of the `match` statement.
        match black_box((d("t0", &l), d("t1", &l))) {
            (m, _) => {
                let n = d("n", &l);
                yield_!();
                drop(m);
                yield_!();
            }
        }
        let after = d("after", &l);
        yield_!();
    }
}

shape! {
    fn while_let_pop(l: Log) {
        function(&l);
        let mut v = vec![d("a", &l), d("b", &l), d("c", &l)];
        while let Some(x) = v.pop() {
            let y = d("y", &l);
            yield_!();
        }
    }
}

shape! {
    fn let_if_value(l: Log, cond: bool) {
        function(&l);
        let a = d("a", &l);
        let v = if black_box(cond) {
            let t = d("t", &l);
            yield_!();
            d("then", &l)
        } else {
            d("else", &l)
        };
        yield_!();
        drop(a);
        yield_!();
    }
}

shape! {
    fn statement_temporaries(l: Log) {
        function(&l);
        d("temp", &l);
        let _ = d("underscore", &l);
        let _k = d("k", &l);
        yield_!();
        let _ = d("underscore2", &l);
        d("temp2", &l);
        yield_!();
    }
}

shape! {
    fn arguments_after_locals(l: Log, a: D, b: D, c: D) {
        function(&l);
        let x = d("x", &l);
        yield_!();
        drop(b);
        let y = d("y", &l);
        yield_!();
    }
}

#[test]
fn more_shapes() {
    check("nested_scopes", &[], |l| nested_scopes::co(l.clone()), |l| nested_scopes::sync(l.clone()));
    for cond in [true, false] {
        check(
            &format!("conditional_move({cond})"),
            &[],
            |l| conditional_move::co(l.clone(), cond),
            |l| conditional_move::sync(l.clone(), cond),
        );
        check(
            &format!("let_if_value({cond})"),
            &[],
            |l| let_if_value::co(l.clone(), cond),
            |l| let_if_value::sync(l.clone(), cond),
        );
    }
    check("loop_locals", &[], |l| loop_locals::co(l.clone()), |l| loop_locals::sync(l.clone()));
    check("labeled_jumps", &[], |l| labeled_jumps::co(l.clone()), |l| labeled_jumps::sync(l.clone()));
    check("shadowing", &[], |l| shadowing::co(l.clone()), |l| shadowing::sync(l.clone()));
    check("reassignment", &[], |l| reassignment::co(l.clone()), |l| reassignment::sync(l.clone()));
    check("match_binding", &[], |l| match_binding::co(l.clone()), |l| match_binding::sync(l.clone()));
    check("while_let_pop", &[], |l| while_let_pop::co(l.clone()), |l| while_let_pop::sync(l.clone()));
    check(
        "statement_temporaries",
        &[],
        |l| statement_temporaries::co(l.clone()),
        |l| statement_temporaries::sync(l.clone()),
    );
    check(
        "arguments_after_locals",
        &["a", "b", "c"],
        |l| arguments_after_locals::co(l.clone(), d("a", l), d("b", l), d("c", l)),
        |l| arguments_after_locals::sync(l.clone(), d("a", l), d("b", l), d("c", l)),
    );
}

#[test]
fn match_scrutinee_temporary() {
    check("match_on_temporary", &[], |l| match_on_temporary::co(l.clone()), |l| match_on_temporary::sync(l.clone()));
}

// ---------------------------------------------------------------------------------------------------------------
// drop-order-for-async-fn-parameters.rs: unused, `_` and `_`-in-pattern parameters are kept until the body is
// done and dropped in the sync fn's order. rustc's bodies run to the end in one poll; ours also suspend once in
// the middle, so the cancelled order is checked as well.

shape! {
    fn foo(x: D, _y: D) {
        x.1.borrow_mut().push(Ev::Function);
        yield_!();
        x.1.borrow_mut().push(Ev::Function);
    }
}

shape! {
    fn bar(x: D, _: D) {
        x.1.borrow_mut().push(Ev::Function);
        yield_!();
        x.1.borrow_mut().push(Ev::Function);
    }
}

shape! {
    fn baz((x, _): (D, D)) {
        x.1.borrow_mut().push(Ev::Function);
        yield_!();
        x.1.borrow_mut().push(Ev::Function);
    }
}

shape! {
    fn foobar(x: D, (a, _, _c): (D, D, D), _: D, _y: D) {
        x.1.borrow_mut().push(Ev::Function);
        yield_!();
        x.1.borrow_mut().push(Ev::Function);
    }
}

/// The same four as associated fns and as `&self` methods.
macro_rules! method_shape {
    ($co:ident, $sync:ident, ( $($args:tt)* ) { $($body:tt)* }) => {
        #[stackless::coroutine]
        fn $co($($args)*) -> impl Coroutine<(), Yield = (), Return = ()> {
            $($body)*
        }

        fn $sync($($args)*) {
            macro_rules! yield_ {
                () => {
                    if exhausted() {
                        return;
                    }
                };
            }
            $($body)*
        }
    };
}

struct Foo;

impl Foo {
    method_shape!(foo, foo_sync, (x: D, _y: D) {
        x.1.borrow_mut().push(Ev::Function);
        yield_!();
        x.1.borrow_mut().push(Ev::Function);
    });
    method_shape!(bar, bar_sync, (x: D, _: D) {
        x.1.borrow_mut().push(Ev::Function);
        yield_!();
        x.1.borrow_mut().push(Ev::Function);
    });
    method_shape!(baz, baz_sync, ((x, _): (D, D)) {
        x.1.borrow_mut().push(Ev::Function);
        yield_!();
        x.1.borrow_mut().push(Ev::Function);
    });
    method_shape!(foobar, foobar_sync, (x: D, (a, _, _c): (D, D, D), _: D, _y: D) {
        x.1.borrow_mut().push(Ev::Function);
        yield_!();
        x.1.borrow_mut().push(Ev::Function);
    });
}

struct Bar;

impl Bar {
    method_shape!(foo, foo_sync, (&self, x: D, _y: D) {
        x.1.borrow_mut().push(Ev::Function);
        yield_!();
        x.1.borrow_mut().push(Ev::Function);
    });
    method_shape!(bar, bar_sync, (&self, x: D, _: D) {
        x.1.borrow_mut().push(Ev::Function);
        yield_!();
        x.1.borrow_mut().push(Ev::Function);
    });
    method_shape!(baz, baz_sync, (&self, (x, _): (D, D)) {
        x.1.borrow_mut().push(Ev::Function);
        yield_!();
        x.1.borrow_mut().push(Ev::Function);
    });
    method_shape!(foobar, foobar_sync, (&self, x: D, (a, _, _c): (D, D, D), _: D, _y: D) {
        x.1.borrow_mut().push(Ev::Function);
        yield_!();
        x.1.borrow_mut().push(Ev::Function);
    });
}

fn three(l: &Log) -> (D, D, D) {
    (d("a", l), d("_", l), d("_c", l))
}

#[test]
fn parameters_named_unused() {
    let b = Bar;
    check("foo", &["x", "_y"], |l| foo::co(d("x", l), d("_y", l)), |l| foo::sync(d("x", l), d("_y", l)));
    check("Foo::foo", &["x", "_y"], |l| Foo::foo(d("x", l), d("_y", l)), |l| Foo::foo_sync(d("x", l), d("_y", l)));
    check("Bar::foo", &["x", "_y"], |l| b.foo(d("x", l), d("_y", l)), |l| b.foo_sync(d("x", l), d("_y", l)));

    // rustc's sync order, spelled out: the body's marks, then the parameters in reverse.
    let log = Log::default();
    let mut c = foo::co(d("x", &log), d("_y", &log));
    while let CoroutineState::Yielded(()) = Pin::new(&mut c).resume(()) {}
    drop(c);
    assert_eq!(*log.borrow(), [Ev::Function, Ev::Function, Ev::Val("_y"), Ev::Val("x")]);
}

#[test]
fn parameters_underscore_patterns() {
    check("bar", &["x", "_"], |l| bar::co(d("x", l), d("_", l)), |l| bar::sync(d("x", l), d("_", l)));
    check("baz", &["x", "_"], |l| baz::co((d("x", l), d("_", l))), |l| baz::sync((d("x", l), d("_", l))));
    check(
        "foobar",
        &["x", "a", "_", "_c", "_", "_y"],
        |l| foobar::co(d("x", l), three(l), d("_", l), d("_y", l)),
        |l| foobar::sync(d("x", l), three(l), d("_", l), d("_y", l)),
    );
    check("Foo::bar", &["x", "_"], |l| Foo::bar(d("x", l), d("_", l)), |l| Foo::bar_sync(d("x", l), d("_", l)));
    check("Foo::baz", &["x", "_"], |l| Foo::baz((d("x", l), d("_", l))), |l| Foo::baz_sync((d("x", l), d("_", l))));
    check(
        "Foo::foobar",
        &["x", "a", "_", "_c", "_", "_y"],
        |l| Foo::foobar(d("x", l), three(l), d("_", l), d("_y", l)),
        |l| Foo::foobar_sync(d("x", l), three(l), d("_", l), d("_y", l)),
    );
    let b = Bar;
    check("Bar::bar", &["x", "_"], |l| b.bar(d("x", l), d("_", l)), |l| b.bar_sync(d("x", l), d("_", l)));
    check("Bar::baz", &["x", "_"], |l| b.baz((d("x", l), d("_", l))), |l| b.baz_sync((d("x", l), d("_", l))));
    check(
        "Bar::foobar",
        &["x", "a", "_", "_c", "_", "_y"],
        |l| b.foobar(d("x", l), three(l), d("_", l), d("_y", l)),
        |l| b.foobar_sync(d("x", l), three(l), d("_", l), d("_y", l)),
    );

    // rustc's sync order, spelled out: the body's marks, then the parameters in reverse, each binding before the
    // rest of its own parameter.
    let log = Log::default();
    let mut c = foobar::co(d("x", &log), three(&log), d("_", &log), d("_y", &log));
    while let CoroutineState::Yielded(()) = Pin::new(&mut c).resume(()) {}
    drop(c);
    use Ev::{Function, Val};
    assert_eq!(*log.borrow(), [Function, Function, Val("_y"), Val("_"), Val("_c"), Val("a"), Val("_"), Val("x")]);
}

// ---------------------------------------------------------------------------------------------------------------
// Unwinding: a panic inside a resume drops the live locals and arguments in the order the sync fn drops them
// when it panics at the same point. `boom()` panics at its `n`-th call, in both versions alike.

thread_local! {
    /// How many more `boom()` calls pass before one panics.
    static BOOM: Cell<usize> = const { Cell::new(usize::MAX) };
}

/// The payload of `boom()`'s panics, silenced in the panic hook.
struct Boom;

fn boom() {
    BOOM.with(|b| {
        let n = b.get();
        if n == 0 {
            b.set(usize::MAX);
            std::panic::panic_any(Boom);
        }
        b.set(n - 1);
    });
}

/// For `n` = 0, 1, 2, ...: the coroutine resumed until it completes or panics at the `n`-th `boom()`, against the
/// sync fn run with the same `boom()` budget.
fn check_unwinding<C>(name: &str, co: impl Fn(&Log) -> C, sync: impl Fn(&Log))
where
    C: Coroutine<(), Yield = (), Return = ()> + Unpin,
{
    use std::panic::{AssertUnwindSafe, catch_unwind};
    for n in 0.. {
        assert!(n < 100, "{name}: still panicking at boom {n}");
        let actual = Log::default();
        BOOM.with(|b| b.set(n));
        let co_panicked = catch_unwind(AssertUnwindSafe(|| {
            let mut c = co(&actual);
            while let CoroutineState::Yielded(()) = Pin::new(&mut c).resume(()) {}
        }))
        .is_err();
        let expected = Log::default();
        BOOM.with(|b| b.set(n));
        let sync_panicked = catch_unwind(AssertUnwindSafe(|| sync(&expected))).is_err();
        BOOM.with(|b| b.set(usize::MAX));
        assert_eq!(co_panicked, sync_panicked, "{name}: boom {n}: one panicked, the other didn't");
        assert_eq!(*actual.borrow(), *expected.borrow(), "{name}: panic at boom {n}");
        if !co_panicked {
            break;
        }
    }
}

shape! {
    fn unwinding(l: Log, cond: bool) {
        function(&l);
        let a = d("a", &l);
        boom();
        {
            let b = d("b", &l);
            yield_!();
            boom();
            let c = d("c", &l);
            if black_box(cond) {
                drop(a);
            }
            boom();
            yield_!();
            boom();
        }
        let mut v = vec![d("v0", &l)];
        for i in 0..2 {
            let w = d("w", &l);
            boom();
            yield_!();
            boom();
            v.push(w);
        }
        boom();
    }
}

shape! {
    fn unwinding_args(l: Log, x: D, y: D, z: D) {
        function(&l);
        boom();
        yield_!();
        drop(y);
        let local = d("local", &l);
        boom();
        yield_!();
        boom();
        match black_box(Some(z)) {
            Some(z) => {
                yield_!();
                boom();
                drop(z);
            }
            None => {}
        }
        boom();
    }
}

shape! {
    fn unwinding_loops(l: Log) {
        function(&l);
        let mut v = vec![d("a", &l), d("b", &l), d("c", &l)];
        'outer: while let Some(x) = v.pop() {
            let mut r = d("r1", &l);
            loop {
                boom();
                yield_!();
                r = d("r2", &l);
                boom();
                if v.len() == 1 {
                    continue 'outer;
                }
                break;
            }
            boom();
            yield_!();
        }
        boom();
    }
}

#[test]
fn unwinding_order_matches_sync() {
    // Only `Boom` panics are silenced, so leaving this hook installed is harmless to the other tests.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if info.payload().downcast_ref::<Boom>().is_none() {
            previous(info);
        }
    }));
    for cond in [true, false] {
        check_unwinding(
            &format!("unwinding({cond})"),
            |l| unwinding::co(l.clone(), cond),
            |l| unwinding::sync(l.clone(), cond),
        );
    }
    check_unwinding(
        "unwinding_args",
        |l| unwinding_args::co(l.clone(), d("x", l), d("y", l), d("z", l)),
        |l| unwinding_args::sync(l.clone(), d("x", l), d("y", l), d("z", l)),
    );
    check_unwinding("unwinding_loops", |l| unwinding_loops::co(l.clone()), |l| unwinding_loops::sync(l.clone()));
    // The same shapes also cancel like the sync fn.
    check("unwinding(true)", &[], |l| unwinding::co(l.clone(), true), |l| unwinding::sync(l.clone(), true));
    check(
        "unwinding_args",
        &["x", "y", "z"],
        |l| unwinding_args::co(l.clone(), d("x", l), d("y", l), d("z", l)),
        |l| unwinding_args::sync(l.clone(), d("x", l), d("y", l), d("z", l)),
    );
    check("unwinding_loops", &[], |l| unwinding_loops::co(l.clone()), |l| unwinding_loops::sync(l.clone()));
}

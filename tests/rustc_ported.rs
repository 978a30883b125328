//! Behaviour pinned by rustc's own run-pass coroutine tests (`tests/ui/coroutine/*.rs`), re-stated as our own tests
//! in `#[stackless::coroutine]` syntax. Each module names the rustc test whose *assertions* it carries over; the
//! code is written from those assertions, not copied. Closure captures become fn arguments, a closure's first
//! parameter becomes `resume = PATTERN`, and sizes are checked as `<=` rustc's numbers.
//!
//! Where the rustc test puts a `yield` inside a sub-expression (`if { yield; false } ..`, `yield yield a`), the
//! statement-level equivalent is used; the sub-expression versions come with issue 5.
#![allow(clippy::all, clippy::pedantic)]

mod support {
    use std::cell::Cell;
    use std::panic::{self, AssertUnwindSafe};
    use std::pin::Pin;
    use std::rc::Rc;
    use std::sync::Arc;

    use stackless::{Coroutine, CoroutineState};

    /// Resumes an `Unpin` coroutine once.
    pub fn resume<C: Coroutine<R> + Unpin, R>(c: &mut C, arg: R) -> CoroutineState<C::Yield, C::Return> {
        Pin::new(c).resume(arg)
    }

    /// Counts the drops of the [`B`]s it made. One per test, so tests running in parallel don't interfere.
    #[derive(Clone, Default)]
    pub struct Counter(Rc<Cell<usize>>);

    impl Counter {
        pub fn new() -> Self {
            Self::default()
        }
        pub fn get(&self) -> usize {
            self.0.get()
        }
        pub fn make(&self) -> B {
            B(self.0.clone())
        }
    }

    /// rustc's `B` / `DropMe` / `Dropper`: a value whose drops are counted. All `B`s compare equal.
    #[derive(Debug)]
    pub struct B(Rc<Cell<usize>>);

    impl Drop for B {
        fn drop(&mut self) {
            self.0.set(self.0.get() + 1);
        }
    }

    impl PartialEq for B {
        fn eq(&self, _: &Self) -> bool {
            true
        }
    }

    /// The text of a panic payload (`panic!("literal")` gives a `&str`, formatted panics a `String`).
    pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
        if let Some(s) = payload.downcast_ref::<&str>() {
            (*s).to_string()
        } else if let Some(s) = payload.downcast_ref::<String>() {
            s.clone()
        } else {
            "<non-string payload>".to_string()
        }
    }

    /// Runs `f`, catching a panic and returning its message.
    pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
        panic::catch_unwind(AssertUnwindSafe(f)).map_err(|e| panic_message(&*e))
    }

    /// Runs `f` with the panic hook silenced for panics raised on *this* thread only (other tests running in
    /// parallel keep their messages), then restores the previous hook.
    pub fn quietly<T>(f: impl FnOnce() -> T) -> T {
        let me = std::thread::current().id();
        let previous: Arc<Box<dyn Fn(&panic::PanicHookInfo<'_>) + Sync + Send>> = Arc::new(panic::take_hook());
        let forward = previous.clone();
        panic::set_hook(Box::new(move |info| {
            if std::thread::current().id() != me {
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
}

/// rustc: tests/ui/coroutine/smoke.rs
mod smoke {
    use std::sync::{Arc, Mutex};
    use std::thread;

    use stackless::{Coroutine, CoroutineState};

    use super::support::resume;

    fn assert_send_sync<T: Send + Sync>(_: &T) {}

    #[stackless::coroutine]
    fn simple() -> impl Coroutine<(), Yield = (), Return = ()> {
        if false {
            yield_!();
        }
    }

    #[test]
    fn completes_without_yielding() {
        let mut c = simple();
        match resume(&mut c, ()) {
            CoroutineState::Complete(()) => {}
            s => panic!("bad state: {s:?}"),
        }
    }

    #[stackless::coroutine]
    fn return_capture(a: String) -> impl Coroutine<(), Yield = (), Return = String> {
        let b = a;
        if false {
            yield_!();
        }
        b
    }

    #[test]
    fn returns_an_argument() {
        let mut c = return_capture(String::from("foo"));
        match resume(&mut c, ()) {
            CoroutineState::Complete(ref s) if *s == "foo" => {}
            s => panic!("bad state: {s:?}"),
        }
    }

    #[stackless::coroutine]
    fn simple_yield() -> impl Coroutine<(), Yield = (), Return = ()> {
        yield_!();
    }

    #[test]
    fn yields_then_returns() {
        let mut c = simple_yield();
        match resume(&mut c, ()) {
            CoroutineState::Yielded(()) => {}
            s => panic!("bad state: {s:?}"),
        }
        match resume(&mut c, ()) {
            CoroutineState::Complete(()) => {}
            s => panic!("bad state: {s:?}"),
        }
    }

    #[stackless::coroutine]
    fn yield_capture(b: String) -> impl Coroutine<(), Yield = String, Return = ()> {
        yield_!(b);
    }

    #[test]
    fn yields_an_argument() {
        let mut c = yield_capture(String::from("foo"));
        match resume(&mut c, ()) {
            CoroutineState::Yielded(ref s) if *s == "foo" => {}
            s => panic!("bad state: {s:?}"),
        }
        match resume(&mut c, ()) {
            CoroutineState::Complete(()) => {}
            s => panic!("bad state: {s:?}"),
        }
    }

    #[stackless::coroutine]
    fn simple_yield_value() -> impl Coroutine<(), Yield = String, Return = String> {
        yield_!(String::from("bar"));
        return String::from("foo");
    }

    #[test]
    fn yields_a_value_then_returns_one() {
        let mut c = simple_yield_value();
        match resume(&mut c, ()) {
            CoroutineState::Yielded(ref s) if *s == "bar" => {}
            s => panic!("bad state: {s:?}"),
        }
        match resume(&mut c, ()) {
            CoroutineState::Complete(ref s) if *s == "foo" => {}
            s => panic!("bad state: {s:?}"),
        }
    }

    #[stackless::coroutine]
    fn return_after_yield(a: String) -> impl Coroutine<(), Yield = (), Return = String> {
        yield_!();
        return a;
    }

    #[test]
    fn returns_an_argument_after_yielding() {
        let mut c = return_after_yield(String::from("foo"));
        match resume(&mut c, ()) {
            CoroutineState::Yielded(()) => {}
            s => panic!("bad state: {s:?}"),
        }
        match resume(&mut c, ()) {
            CoroutineState::Complete(ref s) if *s == "foo" => {}
            s => panic!("bad state: {s:?}"),
        }
    }

    // Seven shapes for `send_and_sync`: nothing held, a yielded constant, a yielded local, a local held across the
    // yield, an argument held across the yield, a resume argument held across the yield, and a generator holding an
    // `Arc<Mutex<_>>` argument.
    #[stackless::coroutine]
    fn ss_unit() -> impl Coroutine<(), Yield = (), Return = ()> {
        yield_!()
    }

    #[stackless::coroutine]
    fn ss_int() -> impl Coroutine<(), Yield = i32, Return = ()> {
        yield_!(2);
    }

    #[stackless::coroutine]
    fn ss_yield_local() -> impl Coroutine<(), Yield = String, Return = ()> {
        let a = String::new();
        yield_!(a);
    }

    #[stackless::coroutine]
    fn ss_hold_local() -> impl Coroutine<(), Yield = (), Return = i32> {
        let a = String::new();
        yield_!();
        drop(a);
        return 3;
    }

    #[stackless::coroutine]
    fn ss_hold_arg(v: Vec<u8>) -> impl Coroutine<(), Yield = usize, Return = Vec<u8>> {
        yield_!(v.len());
        v
    }

    // `t: String` is spelled out because of a macro bug: see `resume_value_type_comes_from_the_signature` below.
    #[stackless::coroutine(resume = s)]
    fn ss_resume_string() -> impl Coroutine<String, Yield = usize, Return = String> {
        let t: String = yield_!(s.len());
        s + &t
    }

    /// Regression: `t` takes the resume type, not a type inferred from its later use (`s + &t` would make it
    /// `str` if the arm that suspends still bound `t`).
    mod resume_value_inference {
        use stackless::{Coroutine, CoroutineState};

        use super::super::support::resume;

        #[stackless::coroutine(resume = s)]
        fn concat() -> impl Coroutine<String, Yield = usize, Return = String> {
            let t = yield_!(s.len());
            s + &t
        }

        #[test]
        fn resume_value_type_comes_from_the_signature() {
            let mut c = concat();
            assert_eq!(resume(&mut c, "ab".to_string()), CoroutineState::Yielded(2));
            assert_eq!(resume(&mut c, "cd".to_string()), CoroutineState::Complete("abcd".to_string()));
        }
    }

    #[stackless::coroutine]
    fn ss_generator(shared: Arc<Mutex<u32>>) -> impl Iterator<Item = u32> {
        for i in 0..3 {
            *shared.lock().unwrap() += i;
            yield_!(i);
        }
    }

    #[test]
    fn send_and_sync() {
        assert_send_sync(&ss_unit());
        assert_send_sync(&ss_int());
        assert_send_sync(&ss_yield_local());
        assert_send_sync(&ss_hold_local());
        assert_send_sync(&ss_hold_arg(vec![1, 2]));
        assert_send_sync(&ss_resume_string());
        let shared = Arc::new(Mutex::new(0));
        assert_send_sync(&ss_generator(shared.clone()));

        // And they behave.
        let mut c = ss_unit();
        assert_eq!(resume(&mut c, ()), CoroutineState::Yielded(()));
        assert_eq!(resume(&mut c, ()), CoroutineState::Complete(()));
        let mut c = ss_int();
        assert_eq!(resume(&mut c, ()), CoroutineState::Yielded(2));
        assert_eq!(resume(&mut c, ()), CoroutineState::Complete(()));
        let mut c = ss_yield_local();
        assert_eq!(resume(&mut c, ()), CoroutineState::Yielded(String::new()));
        assert_eq!(resume(&mut c, ()), CoroutineState::Complete(()));
        let mut c = ss_hold_local();
        assert_eq!(resume(&mut c, ()), CoroutineState::Yielded(()));
        assert_eq!(resume(&mut c, ()), CoroutineState::Complete(3));
        let mut c = ss_hold_arg(vec![1, 2]);
        assert_eq!(resume(&mut c, ()), CoroutineState::Yielded(2));
        assert_eq!(resume(&mut c, ()), CoroutineState::Complete(vec![1, 2]));
        let mut c = ss_resume_string();
        assert_eq!(resume(&mut c, "ab".to_string()), CoroutineState::Yielded(2));
        assert_eq!(resume(&mut c, "cd".to_string()), CoroutineState::Complete("abcd".to_string()));
        assert_eq!(ss_generator(shared.clone()).collect::<Vec<_>>(), [0, 1, 2]);
        assert_eq!(*shared.lock().unwrap(), 3);
    }

    #[test]
    fn send_over_threads() {
        let mut c = simple_yield();
        thread::spawn(move || {
            match resume(&mut c, ()) {
                CoroutineState::Yielded(()) => {}
                s => panic!("bad state: {s:?}"),
            }
            match resume(&mut c, ()) {
                CoroutineState::Complete(()) => {}
                s => panic!("bad state: {s:?}"),
            }
        })
        .join()
        .unwrap();

        let a = String::from("a");
        let mut c = yield_capture(a);
        thread::spawn(move || {
            match resume(&mut c, ()) {
                CoroutineState::Yielded(ref s) if *s == "a" => {}
                s => panic!("bad state: {s:?}"),
            }
            match resume(&mut c, ()) {
                CoroutineState::Complete(()) => {}
                s => panic!("bad state: {s:?}"),
            }
        })
        .join()
        .unwrap();

        // Started on this thread, suspended holding a `String`, finished on another one.
        let mut c = ss_resume_string();
        assert_eq!(resume(&mut c, "ab".to_string()), CoroutineState::Yielded(2));
        let end = thread::spawn(move || resume(&mut c, "cd".to_string())).join().unwrap();
        assert_eq!(end, CoroutineState::Complete("abcd".to_string()));
    }
}

/// rustc: tests/ui/coroutine/smoke-resume-args.rs
mod smoke_resume_args {
    #![allow(unused_assignments, unused_variables)]

    use std::fmt::Debug;
    use std::hint::black_box;

    use stackless::{Coroutine, CoroutineState};

    use super::support::{B, Counter, resume};

    /// Resumes with each input and checks each result; both the actual and the expected values are dropped here.
    fn drain<C, R>(c: &mut C, steps: Vec<(R, CoroutineState<C::Yield, C::Return>)>)
    where
        C: Coroutine<R> + Unpin,
        C::Yield: PartialEq + Debug,
        C::Return: PartialEq + Debug,
    {
        for (input, expected) in steps {
            assert_eq!(resume(c, input), expected);
        }
    }

    fn expect_drops<T>(counter: &Counter, expected: usize, f: impl FnOnce() -> T) -> T {
        let before = counter.get();
        let result = f();
        assert_eq!(counter.get() - before, expected, "drop count");
        result
    }

    #[stackless::coroutine(resume = mut b)]
    fn plus_one_until_zero() -> impl Coroutine<i32, Yield = i32, Return = i32> {
        while b != 0 {
            b = yield_!(b + 1);
        }
        -1
    }

    #[test]
    fn values() {
        let mut c = plus_one_until_zero();
        drain(
            &mut c,
            vec![
                (1, CoroutineState::Yielded(2)),
                (-45, CoroutineState::Yielded(-44)),
                (500, CoroutineState::Yielded(501)),
                (0, CoroutineState::Complete(-1)),
            ],
        );
    }

    // `|a| yield a`
    #[stackless::coroutine(resume = a)]
    fn yield_arg() -> impl Coroutine<B, Yield = B, Return = B> {
        yield_!(a)
    }

    // `|a| yield yield a`; statement-level form (the nested-yield expression comes with issue 5).
    #[stackless::coroutine(resume = a)]
    fn yield_yield_arg() -> impl Coroutine<B, Yield = B, Return = B> {
        let b = yield_!(a);
        yield_!(b)
    }

    // `|a| yield return a`; statement-level form (`yield` of a diverging operand comes with issue 5).
    #[stackless::coroutine(resume = a)]
    fn yield_return_arg() -> impl Coroutine<B, Yield = B, Return = B> {
        if black_box(true) {
            return a;
        }
        yield_!(a)
    }

    // `|a: DropMe| if false { yield () } else { a }`
    #[stackless::coroutine(resume = a)]
    fn if_false_yield_else_arg() -> impl Coroutine<B, Yield = (), Return = B> {
        if black_box(false) { yield_!() } else { a }
    }

    // `|mut a: DropMe| { a = yield; a = yield; a = yield; }`
    #[stackless::coroutine(resume = mut a)]
    fn reassign_three_times() -> impl Coroutine<B, Yield = (), Return = ()> {
        a = yield_!();
        a = yield_!();
        a = yield_!();
    }

    #[test]
    fn every_resume_argument_is_dropped_exactly_once() {
        let n = Counter::new();
        expect_drops(&n, 2, || {
            let mut c = yield_arg();
            drain(&mut c, vec![(n.make(), CoroutineState::Yielded(n.make()))]);
        });
        expect_drops(&n, 6, || {
            let mut c = yield_yield_arg();
            drain(
                &mut c,
                vec![
                    (n.make(), CoroutineState::Yielded(n.make())),
                    (n.make(), CoroutineState::Yielded(n.make())),
                    (n.make(), CoroutineState::Complete(n.make())),
                ],
            );
        });
        expect_drops(&n, 2, || {
            let mut c = yield_return_arg();
            drain(&mut c, vec![(n.make(), CoroutineState::Complete(n.make()))]);
        });
        expect_drops(&n, 2, || {
            let mut c = if_false_yield_else_arg();
            drain(&mut c, vec![(n.make(), CoroutineState::Complete(n.make()))]);
        });
        expect_drops(&n, 4, || {
            let mut c = reassign_three_times();
            drain(
                &mut c,
                vec![
                    (n.make(), CoroutineState::Yielded(())),
                    (n.make(), CoroutineState::Yielded(())),
                    (n.make(), CoroutineState::Yielded(())),
                    (n.make(), CoroutineState::Complete(())),
                ],
            );
        });
    }

    #[test]
    fn reassigned_resume_argument_drops_exactly_once_when_cancelled() {
        // Not in rustc's file, same property: dropping the suspended coroutine drops the held argument once.
        let n = Counter::new();
        let mut c = reassign_three_times();
        assert_eq!(resume(&mut c, n.make()), CoroutineState::Yielded(()));
        assert_eq!(resume(&mut c, n.make()), CoroutineState::Yielded(()));
        assert_eq!(n.get(), 1);
        drop(c);
        assert_eq!(n.get(), 2);
    }
}

/// rustc: tests/ui/coroutine/control-flow.rs (yield counts), plus the other statement-level control flow our
/// foundation supports.
mod control_flow {
    use std::hint::black_box;

    use stackless::{Coroutine, CoroutineState};

    use super::support::resume;

    /// Resumes to completion, asserting exactly `amt` `Yielded(())` on the way.
    fn finish<C: Coroutine<(), Yield = ()> + Unpin>(mut amt: usize, mut c: C) -> C::Return {
        loop {
            match resume(&mut c, ()) {
                CoroutineState::Yielded(()) => amt = amt.checked_sub(1).expect("more yields than expected"),
                CoroutineState::Complete(ret) => {
                    assert_eq!(amt, 0, "fewer yields than expected");
                    return ret;
                }
            }
        }
    }

    #[stackless::coroutine]
    fn bare() -> impl Coroutine<(), Yield = (), Return = ()> {
        yield_!()
    }

    #[stackless::coroutine]
    fn in_for() -> impl Coroutine<(), Yield = (), Return = ()> {
        for _ in 0..8 {
            yield_!();
        }
    }

    #[stackless::coroutine]
    fn in_then() -> impl Coroutine<(), Yield = (), Return = ()> {
        if true {
            yield_!();
        } else {
        }
    }

    #[stackless::coroutine]
    fn in_else() -> impl Coroutine<(), Yield = (), Return = ()> {
        if false {
        } else {
            yield_!();
        }
    }

    // rustc: `if { yield; false } { yield; panic!() } yield`. Statement-level form; the yield inside the `if`
    // condition comes with issue 5.
    #[stackless::coroutine]
    fn around_condition() -> impl Coroutine<(), Yield = (), Return = ()> {
        yield_!();
        let cond = false;
        if cond {
            yield_!();
            panic!()
        }
        yield_!()
    }

    #[test]
    fn rustc_counts() {
        finish(1, bare());
        finish(8, in_for());
        finish(1, in_then());
        finish(1, in_else());
        finish(2, around_condition());
    }

    #[stackless::coroutine]
    fn in_while() -> impl Coroutine<(), Yield = (), Return = u32> {
        let mut i = 0;
        while i < 5 {
            if i % 2 == 0 {
                yield_!();
            }
            i += 1;
        }
        i
    }

    #[stackless::coroutine]
    fn in_loop_with_break() -> impl Coroutine<(), Yield = (), Return = u32> {
        let mut n = 0;
        loop {
            n += 1;
            if n > 4 {
                break;
            }
            yield_!();
        }
        n
    }

    #[stackless::coroutine]
    fn in_match_arms() -> impl Coroutine<(), Yield = (), Return = ()> {
        for i in 0..6 {
            match i % 3 {
                0 => {
                    yield_!();
                }
                1 => {
                    yield_!();
                    yield_!();
                }
                _ => {}
            }
        }
    }

    #[stackless::coroutine]
    fn labeled() -> impl Coroutine<(), Yield = (), Return = ()> {
        'outer: for i in 0..4 {
            for j in 0..4 {
                if j > i {
                    continue 'outer;
                }
                if i == 3 {
                    break 'outer;
                }
                yield_!();
            }
        }
    }

    #[stackless::coroutine]
    fn in_while_let(v: Vec<i32>) -> impl Coroutine<(), Yield = (), Return = ()> {
        let mut v = v;
        while let Some(x) = v.pop() {
            if x != 2 {
                yield_!();
            }
        }
    }

    #[stackless::coroutine]
    fn in_if_let() -> impl Coroutine<(), Yield = (), Return = ()> {
        if let Some(n) = black_box(Some(3)) {
            for _ in 0..n {
                yield_!();
            }
        }
    }

    #[stackless::coroutine]
    fn in_let_if() -> impl Coroutine<(), Yield = (), Return = i32> {
        let a = if black_box(true) {
            yield_!();
            10
        } else {
            20
        };
        let b = if black_box(false) {
            yield_!();
            100
        } else {
            200
        };
        a + b
    }

    #[test]
    fn more_counts() {
        assert_eq!(finish(3, in_while()), 5);
        assert_eq!(finish(4, in_loop_with_break()), 5);
        finish(6, in_match_arms());
        // i=0: (0,0) then continue; i=1: 2; i=2: 3; i=3: break before yielding.
        finish(6, labeled());
        finish(2, in_while_let(vec![1, 2, 3]));
        finish(3, in_if_let());
        assert_eq!(finish(1, in_let_if()), 210);
    }
}

/// rustc: tests/ui/coroutine/iterator-count.rs
mod iterator_count {
    use std::iter::FusedIterator;
    use std::pin::Pin;

    use stackless::{Coroutine, CoroutineState};

    struct W<T>(T);

    impl<T: Coroutine<(), Return = ()> + Unpin> Iterator for W<T> {
        type Item = T::Yield;
        fn next(&mut self) -> Option<Self::Item> {
            match Pin::new(&mut self.0).resume(()) {
                CoroutineState::Complete(()) => None,
                CoroutineState::Yielded(v) => Some(v),
            }
        }
    }

    #[stackless::coroutine]
    fn one_to_five() -> impl Coroutine<(), Yield = u8, Return = ()> {
        for i in 1..6 {
            yield_!(i)
        }
    }

    #[stackless::coroutine]
    fn range(start: u8, end: u8) -> impl Coroutine<(), Yield = u8, Return = ()> {
        for i in start..end {
            yield_!(i)
        }
    }

    // An opaque `impl Iterator` hides `FusedIterator`, so the signature names it.
    #[stackless::coroutine]
    fn range_gen(start: u8, end: u8) -> impl Iterator<Item = u8> + FusedIterator {
        for i in start..end {
            yield_!(i);
        }
    }

    fn assert_fused<I: FusedIterator>(_: &I) {}

    #[test]
    fn counts() {
        let end = 11;
        let closure_test = |start| range(start, end);
        assert!(W(one_to_five()).chain(W(closure_test(6))).eq(1..11));
        assert_eq!(W(range(3, 9)).count(), 6);
    }

    #[test]
    fn generator_form() {
        assert!(range_gen(1, 6).chain(range_gen(6, 11)).eq(1..11));
        assert_eq!(range_gen(0, 200).count(), 200);
        let mut g = range_gen(0, 1);
        assert_fused(&g);
        assert_eq!(g.next(), Some(0));
        assert_eq!(g.next(), None);
        assert_eq!(g.next(), None);
        assert_eq!(g.next(), None);
    }
}

/// rustc: tests/ui/coroutine/conditional-drop.rs
mod conditional_drop {
    use std::hint::black_box;

    use stackless::Coroutine;

    use super::support::{Counter, resume};

    #[stackless::coroutine]
    fn maybe_drop_before_yield(n: Counter, cond: bool) -> impl Coroutine<(), Yield = (), Return = ()> {
        let b = n.make();
        if black_box(cond) {
            drop(b);
        }
        yield_!();
    }

    #[test]
    fn dropped_on_the_taken_branch() {
        let n = Counter::new();
        let mut c = maybe_drop_before_yield(n.clone(), true);
        resume(&mut c, ());
        assert_eq!(n.get(), 1);
        resume(&mut c, ());
        assert_eq!(n.get(), 1);
        drop(c);
        assert_eq!(n.get(), 1);
    }

    #[test]
    fn dropped_at_scope_end_otherwise() {
        let n = Counter::new();
        let mut c = maybe_drop_before_yield(n.clone(), false);
        resume(&mut c, ());
        assert_eq!(n.get(), 0);
        resume(&mut c, ());
        assert_eq!(n.get(), 1);
        drop(c);
        assert_eq!(n.get(), 1);
    }

    #[test]
    fn drop_flag_respected_when_cancelled() {
        for (cond, after_drop) in [(true, 1), (false, 1)] {
            let n = Counter::new();
            let mut c = maybe_drop_before_yield(n.clone(), cond);
            resume(&mut c, ());
            drop(c);
            assert_eq!(n.get(), after_drop, "cond = {cond}");
        }
    }
}

/// rustc: tests/ui/coroutine/drop-env.rs
mod drop_env {
    use stackless::Coroutine;

    use super::support::{B, Counter, resume};

    #[stackless::coroutine]
    fn yield_then_drop(b: B) -> impl Coroutine<(), Yield = (), Return = ()> {
        yield_!();
        drop(b);
    }

    #[stackless::coroutine]
    fn yield_arg(b: B) -> impl Coroutine<(), Yield = B, Return = ()> {
        yield_!(b);
    }

    #[test]
    fn t1_suspended_coroutine_drops_held_argument() {
        let n = Counter::new();
        let mut c = yield_then_drop(n.make());
        let _ = resume(&mut c, ());
        assert_eq!(n.get(), 0);
        drop(c);
        assert_eq!(n.get(), 1);
    }

    #[test]
    fn t2_yielded_argument_is_not_dropped_twice() {
        let n = Counter::new();
        let mut c = yield_arg(n.make());
        let _ = resume(&mut c, ());
        assert_eq!(n.get(), 1);
        drop(c);
        assert_eq!(n.get(), 1);
    }

    #[test]
    fn t3_unresumed_coroutine_drops_its_argument() {
        let n = Counter::new();
        let c = yield_then_drop(n.make());
        assert_eq!(n.get(), 0);
        drop(c);
        assert_eq!(n.get(), 1);
    }
}

/// rustc: tests/ui/coroutine/drop-and-replace.rs
mod drop_and_replace {
    use std::cell::RefCell;
    use std::rc::Rc;

    use stackless::{Coroutine, CoroutineState};

    use super::support::resume;

    type Log = Rc<RefCell<Vec<i32>>>;

    #[derive(Debug)]
    struct Foo(i32, Log);

    impl Drop for Foo {
        fn drop(&mut self) {
            self.1.borrow_mut().push(self.0);
        }
    }

    #[stackless::coroutine]
    fn replace_after_yield(log: Log) -> impl Coroutine<(), Yield = (), Return = ()> {
        let mut x = Foo(4, log.clone());
        yield_!();
        assert_eq!(x.0, 4);
        // `x` is known to be initialized here: the assignment drops the old value.
        x = Foo(5, log.clone());
        assert_eq!(x.0, 5);
        {
            let y = Foo(6, log.clone());
            yield_!();
            assert_eq!(y.0, 6);
        }
        assert_eq!(x.0, 5);
    }

    #[test]
    fn runs_to_completion() {
        let log = Log::default();
        let mut c = replace_after_yield(log.clone());
        assert_eq!(resume(&mut c, ()), CoroutineState::Yielded(()));
        assert_eq!(*log.borrow(), []);
        assert_eq!(resume(&mut c, ()), CoroutineState::Yielded(()));
        assert_eq!(*log.borrow(), [4]);
        assert_eq!(resume(&mut c, ()), CoroutineState::Complete(()));
        assert_eq!(*log.borrow(), [4, 6, 5]);
        drop(c);
        assert_eq!(*log.borrow(), [4, 6, 5]);
    }

    #[test]
    fn cancelled_in_the_inner_scope() {
        let log = Log::default();
        let mut c = replace_after_yield(log.clone());
        resume(&mut c, ());
        resume(&mut c, ());
        drop(c);
        // The inner scope's `y` first, then `x`, as when unwinding from that point.
        assert_eq!(*log.borrow(), [4, 6, 5]);
    }
}

/// rustc: tests/ui/coroutine/resume-live-across-yield.rs
mod resume_live_across_yield {
    use std::cell::Cell;
    use std::rc::Rc;

    use stackless::{Coroutine, CoroutineState};

    use super::support::resume;

    #[derive(Debug)]
    struct Dropper(String, Rc<Cell<usize>>);

    impl Drop for Dropper {
        fn drop(&mut self) {
            self.1.set(self.1.get() + 1);
        }
    }

    #[stackless::coroutine(resume = mut _d)]
    fn keep_then_replace() -> impl Coroutine<Dropper, Yield = (), Return = Dropper> {
        _d = yield_!();
        _d
    }

    #[test]
    fn old_value_dropped_when_reassigned_after_resumption() {
        let drops = Rc::new(Cell::new(0));
        let mut c = keep_then_replace();
        match resume(&mut c, Dropper(String::from("Hello world!"), drops.clone())) {
            CoroutineState::Yielded(()) => {}
            s => panic!("bad state: {s:?}"),
        }
        // The first argument is still alive inside the suspended coroutine.
        assert_eq!(drops.get(), 0);
        match resume(&mut c, Dropper(String::from("Number Two"), drops.clone())) {
            CoroutineState::Complete(dropper) => {
                assert_eq!(drops.get(), 1);
                assert_eq!(dropper.0, "Number Two");
                drop(dropper);
                assert_eq!(drops.get(), 2);
            }
            s => panic!("bad state: {s:?}"),
        }
        drop(c);
        assert_eq!(drops.get(), 2);
    }

    #[test]
    fn held_argument_dropped_once_when_cancelled() {
        let drops = Rc::new(Cell::new(0));
        let mut c = keep_then_replace();
        resume(&mut c, Dropper(String::from("one"), drops.clone()));
        assert_eq!(drops.get(), 0);
        drop(c);
        assert_eq!(drops.get(), 1);
    }
}

/// rustc: tests/ui/coroutine/issue-69039.rs
mod issue_69039 {
    use stackless::{Coroutine, CoroutineState};

    fn mkstr(my_name: String, my_mood: String) -> String {
        format!("{} is {}", my_name.trim(), my_mood.trim())
    }

    #[stackless::coroutine(resume = _arg)]
    fn my_scenario() -> impl Coroutine<String, Yield = &'static str, Return = String> {
        let my_name = yield_!("What is your name?");
        let my_mood = yield_!("How are you feeling?");
        mkstr(my_name, my_mood)
    }

    #[test]
    fn dialogue() {
        let mut my_session = Box::pin(my_scenario());
        assert_eq!(my_session.as_mut().resume("_arg".to_string()), CoroutineState::Yielded("What is your name?"));
        assert_eq!(
            my_session.as_mut().resume("Your Name".to_string()),
            CoroutineState::Yielded("How are you feeling?")
        );
        assert_eq!(
            my_session.as_mut().resume("Sensory Organs".to_string()),
            CoroutineState::Complete("Your Name is Sensory Organs".to_string())
        );
    }
}

/// rustc: overlap-locals.rs, size-moved-locals.rs, resume-arg-size.rs. Ours must be no bigger than rustc's.
mod sizes {
    #![allow(dropping_copy_types)]

    use std::hint::black_box;
    use std::mem::size_of_val;

    use stackless::{Coroutine, CoroutineState};

    use super::support::resume;

    fn run_to_end<C: Coroutine<(), Yield = (), Return = ()> + Unpin>(mut c: C) -> usize {
        let mut yields = 0;
        while let CoroutineState::Yielded(()) = resume(&mut c, ()) {
            yields += 1;
        }
        yields
    }

    // overlap-locals.rs: four `i32`s in disjoint scopes, each live across one yield.
    #[stackless::coroutine]
    fn overlap() -> impl Coroutine<(), Yield = (), Return = ()> {
        {
            let w: i32 = 4;
            yield_!();
            black_box(w);
        }
        {
            let x: i32 = 5;
            yield_!();
            black_box(x);
        }
        {
            let y: i32 = 6;
            yield_!();
            black_box(y);
        }
        {
            let z: i32 = 7;
            yield_!();
            black_box(z);
        }
    }

    #[test]
    fn overlap_locals() {
        let c = overlap();
        assert!(size_of_val(&c) <= 8, "size {} > rustc's 8", size_of_val(&c));
        assert_eq!(run_to_end(c), 4);
    }

    const FOO_SIZE: usize = 1024;

    struct Foo(#[allow(dead_code)] [u8; FOO_SIZE]);

    impl Drop for Foo {
        fn drop(&mut self) {}
    }

    fn noop() {}

    #[stackless::coroutine]
    fn move_before_yield() -> impl Coroutine<(), Yield = (), Return = ()> {
        let first = Foo([0; FOO_SIZE]);
        let _second = first;
        yield_!();
        // `_second` is dropped here.
    }

    #[stackless::coroutine]
    fn move_before_yield_with_noop() -> impl Coroutine<(), Yield = (), Return = ()> {
        let first = Foo([0; FOO_SIZE]);
        noop();
        let _second = first;
        yield_!();
        // `_second` is dropped here.
    }

    #[stackless::coroutine]
    fn overlap_move_points() -> impl Coroutine<(), Yield = (), Return = ()> {
        let first = Foo([0; FOO_SIZE]);
        yield_!();
        let second = first;
        yield_!();
        let _third = second;
        yield_!();
    }

    #[stackless::coroutine]
    fn overlap_x_and_y() -> impl Coroutine<(), Yield = (), Return = ()> {
        let x = Foo([0; FOO_SIZE]);
        yield_!();
        drop(x);
        let y = Foo([0; FOO_SIZE]);
        yield_!();
        drop(y);
    }

    #[test]
    fn size_moved_locals() {
        for (name, size, rustc) in [
            ("move_before_yield", size_of_val(&move_before_yield()), 1025),
            ("move_before_yield_with_noop", size_of_val(&move_before_yield_with_noop()), 1026),
            ("overlap_move_points", size_of_val(&overlap_move_points()), 2051),
            ("overlap_x_and_y", size_of_val(&overlap_x_and_y()), 1026),
        ] {
            assert!(size <= rustc, "{name}: size {size} > rustc's {rustc}");
        }
        assert_eq!(run_to_end(move_before_yield()), 1);
        assert_eq!(run_to_end(move_before_yield_with_noop()), 1);
        assert_eq!(run_to_end(overlap_move_points()), 3);
        assert_eq!(run_to_end(overlap_x_and_y()), 2);
    }

    // resume-arg-size.rs: the resume argument is overwritten by each yield, so it is never saved.
    #[stackless::coroutine(resume = mut x)]
    fn gen_copy() -> impl Coroutine<usize, Yield = (), Return = ()> {
        loop {
            drop(x);
            x = yield_!();
        }
    }

    #[stackless::coroutine(resume = mut x)]
    fn gen_move() -> impl Coroutine<Box<usize>, Yield = (), Return = ()> {
        loop {
            drop(x);
            x = yield_!();
        }
    }

    #[test]
    fn resume_arg_size() {
        let mut a = gen_copy();
        let mut b = gen_move();
        assert!(size_of_val(&a) <= 1, "gen_copy: size {} > rustc's 1", size_of_val(&a));
        assert!(size_of_val(&b) <= 1, "gen_move: size {} > rustc's 1", size_of_val(&b));
        for i in 0..3 {
            assert_eq!(resume(&mut a, i), CoroutineState::Yielded(()));
            assert_eq!(resume(&mut b, Box::new(i)), CoroutineState::Yielded(()));
        }
    }
}

/// The panicking ports, all in one test so that the silenced panic hook is set once:
/// rustc's panic-drops.rs, panic-drops-resume.rs, panic-safe.rs, coroutine-resume-after-panic.rs,
/// resume-after-return.rs, and gen_block_panic.rs / gen_block_is_fused_iter.rs for the generator form.
mod panics {
    use std::hint::black_box;

    use stackless::{Coroutine, CoroutineState};

    use super::support::{B, Counter, catch, quietly, resume};

    const AFTER_PANIC: &str = "coroutine resumed after panicking";
    const AFTER_COMPLETION: &str = "coroutine resumed after completion";
    const GEN_AFTER_PANIC: &str = "`gen fn` should just keep returning `None` after panicking";

    // panic-drops.rs, first coroutine: the argument `b` is dropped while unwinding.
    #[stackless::coroutine]
    fn panic_before_using_arg(b: B) -> impl Coroutine<(), Yield = (), Return = ()> {
        if black_box(true) {
            panic!();
        }
        drop(b);
        yield_!();
    }

    // panic-drops.rs, second coroutine: the never-built `B` is not dropped.
    #[stackless::coroutine]
    fn panic_before_building(n: Counter) -> impl Coroutine<(), Yield = (), Return = ()> {
        if black_box(true) {
            panic!();
        }
        drop(n.make());
        yield_!();
    }

    // Same property after a suspension: every live local and argument is dropped exactly once by the unwinding.
    #[stackless::coroutine]
    fn panic_after_yield(n: Counter, b: B) -> impl Coroutine<(), Yield = (), Return = ()> {
        let x = n.make();
        yield_!();
        let y = n.make();
        if black_box(true) {
            panic!("boom");
        }
        drop((x, y, b));
        yield_!();
    }

    // panic-drops-resume.rs: a panic before the first yield drops the first resume argument.
    #[stackless::coroutine(resume = _arg)]
    fn panic_holding_resume_arg() -> impl Coroutine<B, Yield = (), Return = ()> {
        if black_box(true) {
            panic!();
        }
        yield_!();
    }

    #[stackless::coroutine(resume = _)]
    fn panic_after_discarding_resume_arg() -> impl Coroutine<B, Yield = (), Return = ()> {
        if black_box(true) {
            panic!();
        }
        yield_!();
    }

    // panic-safe.rs / coroutine-resume-after-panic.rs
    #[stackless::coroutine]
    fn panics_first() -> impl Coroutine<(), Yield = (), Return = ()> {
        if black_box(true) {
            panic!("first");
        }
        yield_!();
    }

    // resume-after-return.rs
    #[stackless::coroutine]
    fn returns_early() -> impl Coroutine<(), Yield = (), Return = ()> {
        if black_box(true) {
            return;
        }
        yield_!();
    }

    // gen_block_panic.rs
    #[stackless::coroutine]
    fn gen_panics() -> impl Iterator<Item = i32> {
        yield_!(42);
        if black_box(true) {
            panic!("foo");
        }
        yield_!(69);
    }

    #[test]
    fn panicking_coroutines() {
        quietly(|| {
            // panic-drops.rs
            let n = Counter::new();
            let mut c = panic_before_using_arg(n.make());
            assert_eq!(n.get(), 0);
            assert!(catch(|| resume(&mut c, ())).is_err());
            assert_eq!(n.get(), 1, "the argument is dropped while unwinding");
            drop(c);
            assert_eq!(n.get(), 1, "and not again with the poisoned coroutine");

            let mut c = panic_before_building(n.clone());
            assert!(catch(|| resume(&mut c, ())).is_err());
            assert_eq!(n.get(), 1, "the never-built value is not dropped");
            drop(c);
            assert_eq!(n.get(), 1);

            let n = Counter::new();
            let mut c = panic_after_yield(n.clone(), n.make());
            assert_eq!(resume(&mut c, ()), CoroutineState::Yielded(()));
            assert_eq!(n.get(), 0);
            assert_eq!(catch(|| resume(&mut c, ())).unwrap_err(), "boom");
            assert_eq!(n.get(), 3, "x, y and the argument are dropped while unwinding");
            assert_eq!(catch(|| resume(&mut c, ())).unwrap_err(), AFTER_PANIC);
            drop(c);
            assert_eq!(n.get(), 3);

            // panic-drops-resume.rs
            let n = Counter::new();
            let mut c = panic_holding_resume_arg();
            assert_eq!(n.get(), 0);
            assert!(catch(|| resume(&mut c, n.make())).is_err());
            assert_eq!(n.get(), 1, "the first resume argument is dropped while unwinding");
            drop(c);
            assert_eq!(n.get(), 1);
            let mut c = panic_after_discarding_resume_arg();
            assert!(catch(|| resume(&mut c, n.make())).is_err());
            assert_eq!(n.get(), 2);
            drop(c);
            assert_eq!(n.get(), 2);

            // panic-safe.rs
            let mut c = panics_first();
            assert_eq!(catch(|| resume(&mut c, ())).unwrap_err(), "first");
            for _ in 0..10 {
                assert_eq!(catch(|| resume(&mut c, ())).unwrap_err(), AFTER_PANIC);
            }

            // coroutine-resume-after-panic.rs (pinned in a box, as there)
            let mut c = Box::pin(panics_first());
            assert!(catch(|| c.as_mut().resume(())).is_err());
            assert_eq!(catch(|| c.as_mut().resume(())).unwrap_err(), AFTER_PANIC);

            // resume-after-return.rs
            let mut c = returns_early();
            match resume(&mut c, ()) {
                CoroutineState::Complete(()) => {}
                s => panic!("bad state: {s:?}"),
            }
            match catch(move || resume(&mut c, ())) {
                Ok(_) => panic!("coroutine successfully resumed"),
                Err(msg) => assert_eq!(msg, AFTER_COMPLETION),
            }

            // gen_block_panic.rs: a generator that panicked panics again on `next()`.
            let mut g = gen_panics();
            assert_eq!(g.next(), Some(42));
            assert_eq!(catch(|| g.next()).unwrap_err(), "foo");
            assert_eq!(catch(|| g.next()).unwrap_err(), GEN_AFTER_PANIC);
        });
    }
}

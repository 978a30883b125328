//! Drop order and timing: the plain fn's, at every suspension point, on completion, cancellation and panic.
mod common;
use common::{Noisy, cancelled_after, drained, events, log, run, step, strs};
use stackless::{Coroutine, CoroutineState};

#[stackless::coroutine]
fn guard_held_across_yields() -> impl Iterator<Item = u8> {
    let _guard = Noisy("guard");
    yield_!(1);
    log("between");
    yield_!(2);
}

#[test]
fn an_unused_guard_lives_to_the_end_of_its_scope() {
    let log = events(|| {
        let mut g = guard_held_across_yields();
        assert_eq!(g.next(), Some(1));
        log("resumed once");
        assert_eq!(g.next(), Some(2));
        assert_eq!(g.next(), None);
        log("done");
    });
    assert_eq!(log, strs(&["resumed once", "between", "drop guard", "done"]));
}

#[stackless::coroutine]
fn underscore_drops_at_once() -> impl Iterator<Item = u8> {
    let _ = Noisy("wild");
    log("after wild");
    yield_!(1);
}

#[test]
fn let_underscore_drops_immediately() {
    let log = events(|| {
        let mut g = underscore_drops_at_once();
        g.next();
        log("suspended");
    });
    assert_eq!(log, strs(&["drop wild", "after wild", "suspended"]));
}

#[stackless::coroutine]
fn reverse_declaration_order() -> impl Iterator<Item = u8> {
    let _a = Noisy("a");
    let _b = Noisy("b");
    {
        let _c = Noisy("c");
        yield_!(1);
        let _d = Noisy("d");
        yield_!(2);
    }
    let _e = Noisy("e");
    yield_!(3);
}

#[test]
fn locals_drop_in_reverse_declaration_order_at_scope_ends() {
    let log = events(|| assert_eq!(reverse_declaration_order().count(), 3));
    assert_eq!(log, strs(&["drop d", "drop c", "drop e", "drop b", "drop a"]));
}

#[test]
fn cancelling_at_every_suspension_point_drops_what_is_in_scope() {
    let expected: [&[&str]; 4] = [
        &[],
        &["drop c", "drop b", "drop a"],
        &["drop d", "drop c", "drop b", "drop a"],
        &["drop e", "drop b", "drop a"],
    ];
    for (k, want) in expected.iter().enumerate() {
        let log = events(|| {
            let mut g = reverse_declaration_order();
            for _ in 0..k {
                g.next();
            }
            log("cancel");
            drop(g);
        });
        let cancel = log.iter().position(|e| e == "cancel").unwrap();
        assert_eq!(&log[cancel + 1..], &strs(want)[..], "cancelled after {k} yields");
    }
}

#[stackless::coroutine]
fn moved_values(a: Noisy, b: Noisy) -> impl Iterator<Item = u8> {
    let c = Noisy("c");
    let moved = c;
    yield_!(1);
    drop(moved);
    log("dropped moved");
    yield_!(2);
    let _keep = b;
    yield_!(3);
    let _ = &a;
}

#[test]
fn moved_values_are_dropped_once() {
    let log = events(|| {
        let g = moved_values(Noisy("a"), Noisy("b"));
        assert_eq!(g.count(), 3);
    });
    assert_eq!(log, strs(&["drop c", "dropped moved", "drop b", "drop a"]));
}

#[test]
fn arguments_of_an_unresumed_coroutine_are_dropped_with_it() {
    let log = events(|| drop(moved_values(Noisy("a"), Noisy("b"))));
    assert_eq!(log, strs(&["drop b", "drop a"]));
}

#[stackless::coroutine]
fn conditional_drop(cond: bool) -> impl Iterator<Item = u8> {
    let b = Noisy("b");
    if cond {
        drop(b);
    }
    yield_!(1);
    log("after yield");
}

#[test]
fn conditionally_moved_values_get_drop_flags() {
    let log = events(|| assert_eq!(conditional_drop(true).count(), 1));
    assert_eq!(log, strs(&["drop b", "after yield"]));
    let log = events(|| assert_eq!(conditional_drop(false).count(), 1));
    assert_eq!(log, strs(&["after yield", "drop b"]));
    let log = events(|| {
        let mut g = conditional_drop(false);
        g.next();
        drop(g);
    });
    assert_eq!(log, strs(&["drop b"]));
}

#[stackless::coroutine]
fn loop_with_guards(n: u8) -> impl Iterator<Item = u8> {
    let _outer = Noisy("outer");
    for i in 0..n {
        let _inner = Noisy(if i == 0 { "inner0" } else { "inner1" });
        yield_!(i);
        log("body end");
    }
    log("loop done");
}

#[test]
fn loop_body_locals_drop_every_iteration() {
    let log = events(|| assert_eq!(loop_with_guards(2).count(), 2));
    assert_eq!(log, strs(&["body end", "drop inner0", "body end", "drop inner1", "loop done", "drop outer"]));
    let log = events(|| {
        let mut g = loop_with_guards(2);
        g.next();
        g.next();
        drop(g);
    });
    assert_eq!(log, strs(&["body end", "drop inner0", "drop inner1", "drop outer"]));
}

#[stackless::coroutine(resume = _)]
fn reassign_after_resume() -> impl Coroutine<Noisy, Yield = (), Return = Noisy> {
    let mut x = Noisy("first");
    x = yield_!();
    log("reassigned");
    x
}

#[test]
fn the_old_value_is_dropped_when_reassigned_after_resumption() {
    let log = events(|| {
        let mut c = reassign_after_resume();
        assert_eq!(step(&mut c, Noisy("ignored")), CoroutineState::Yielded(()));
        log("suspended");
        let CoroutineState::Complete(x) = step(&mut c, Noisy("second")) else { panic!() };
        assert_eq!(x.0, "second");
        log("returned");
    });
    assert_eq!(log, strs(&["drop ignored", "suspended", "drop first", "reassigned", "returned", "drop second"]));
}

// The resume binding is the body's first local, so it drops after every other: also when it is moved before a
// suspension and assigned again after it, while a local declared after it is held across that suspension.
#[stackless::coroutine(resume = mut r)]
fn resume_binding_assigned_after_a_move() -> impl Coroutine<Noisy, Yield = (), Return = ()> {
    drop(r);
    let _a = Noisy("a");
    r = yield_!();
    log(format!("got {}", r.0));
}

#[test]
fn a_resume_binding_assigned_after_resumption_drops_after_later_locals() {
    let log = events(|| {
        let mut c = resume_binding_assigned_after_a_move();
        assert_eq!(step(&mut c, Noisy("first")), CoroutineState::Yielded(()));
        assert_eq!(step(&mut c, Noisy("second")), CoroutineState::Complete(()));
        log("returned");
    });
    assert_eq!(log, strs(&["drop first", "got second", "drop a", "drop second", "returned"]));
}

#[stackless::coroutine]
fn panics_inside(flag: bool) -> impl Iterator<Item = u8> {
    let _a = Noisy("a");
    yield_!(1);
    let _b = Noisy("b");
    assert!(!flag, "boom");
    yield_!(2);
}

#[test]
fn a_panic_drops_everything_live_once_and_poisons() {
    let log = events(|| {
        let mut g = panics_inside(true);
        assert_eq!(g.next(), Some(1));
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| g.next()));
        assert!(r.is_err());
        log("caught");
        let again = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| g.next()));
        let message = again.unwrap_err();
        assert_eq!(message.downcast_ref::<&str>(), Some(&"`gen fn` should just keep returning `None` after panicking"));
        drop(g);
        log("dropped");
    });
    assert_eq!(log, strs(&["drop b", "drop a", "caught", "dropped"]));
}

#[test]
fn a_finished_generator_keeps_returning_none() {
    let mut g = panics_inside(false);
    assert_eq!((g.next(), g.next(), g.next(), g.next()), (Some(1), Some(2), None, None));
}

#[stackless::coroutine]
fn temporaries_end_with_their_statement() -> impl Iterator<Item = usize> {
    let n = Noisy("temp").0.len();
    log("after statement");
    yield_!(n);
}

#[test]
fn statement_temporaries_are_not_held_across_later_yields() {
    let log = events(|| assert_eq!(run_gen(temporaries_end_with_their_statement()), [4]));
    assert_eq!(log, strs(&["drop temp", "after statement"]));
}

fn run_gen<I: Iterator>(i: I) -> Vec<I::Item> {
    i.collect()
}

#[stackless::coroutine]
fn match_arm_bindings(v: Option<Noisy>) -> impl Iterator<Item = u8> {
    match v {
        Some(n) => {
            yield_!(1);
            log(format!("still have {}", n.0));
        }
        None => yield_!(0),
    }
    log("after match");
}

#[test]
fn match_bindings_live_to_the_end_of_their_arm() {
    let log = events(|| assert_eq!(match_arm_bindings(Some(Noisy("n"))).count(), 1));
    assert_eq!(log, strs(&["still have n", "drop n", "after match"]));
}

#[stackless::coroutine]
fn complete_value_drops(v: Vec<Noisy>) -> impl Coroutine<Yield = usize, Return = Vec<Noisy>> {
    let mut kept = Vec::new();
    for n in v {
        yield_!(n.0.len());
        kept.push(n);
    }
    kept
}

#[test]
fn values_moved_into_the_return_value_are_not_dropped() {
    let log = events(|| {
        let (ys, kept) = run(complete_value_drops(vec![Noisy("x"), Noisy("yy")]));
        assert_eq!(ys, [1, 2]);
        log("returned");
        drop(kept);
    });
    assert_eq!(log, strs(&["returned", "drop x", "drop yy"]));
}

/// `*` of a guard or an `Rc` reads through it: the guard is held to the end of its scope, across the `yield_!`,
/// as in the plain fn (a `*b` of a `Box` still moves out of it).
mod read_through_deref {
    use std::cell::RefCell;
    use std::rc::Rc;
    use std::sync::Mutex;

    #[stackless::coroutine]
    fn bump(m: &Mutex<u32>) -> impl Iterator<Item = u32> + '_ {
        let mut guard = m.lock().unwrap();
        *guard += 1;
        yield_!(*guard);
    }

    #[test]
    fn a_lock_guard_read_at_its_last_use_is_held_while_suspended() {
        let m = Mutex::new(0);
        let mut it = bump(&m);
        assert_eq!(it.next(), Some(1));
        assert!(m.try_lock().is_err(), "the guard is held across the yield_!, as in the plain fn");
        assert_eq!(it.next(), None);
        assert!(m.try_lock().is_ok());
    }

    #[stackless::coroutine]
    fn count_up(cell: &RefCell<u32>) -> impl Iterator<Item = u32> + '_ {
        let mut n = cell.borrow_mut();
        *n += 1;
        yield_!(*n);
    }

    #[test]
    fn a_refcell_borrow_read_at_its_last_use_is_held_while_suspended() {
        let cell = RefCell::new(5);
        let mut it = count_up(&cell);
        assert_eq!(it.next(), Some(6));
        assert!(cell.try_borrow().is_err());
        assert_eq!(it.next(), None);
        assert_eq!(*cell.borrow(), 6);
    }

    #[stackless::coroutine]
    fn shared(counter: Rc<()>) -> impl Iterator<Item = usize> {
        let rc = Rc::clone(&counter);
        let () = *rc;
        yield_!(Rc::strong_count(&counter));
    }

    #[test]
    fn an_rc_read_at_its_last_use_is_held_while_suspended() {
        let counter = Rc::new(());
        let mut it = shared(Rc::clone(&counter));
        // Three: the caller's, the argument, and `rc`, still held.
        assert_eq!(it.next(), Some(3));
        drop(it);
        assert_eq!(Rc::strong_count(&counter), 1);
    }
}

/// What a wildcard discards is dropped at once, as in the plain fn: the resume value of `let _ = yield_!(..)`,
/// `_ = yield_!(..)` and `let _: T = yield_!(..)`, and nothing at all of `x` in `_ = x;`.
mod wildcards {
    use super::*;
    use core::pin::Pin;

    #[stackless::coroutine(resume = _)]
    fn discarded_resume_values() -> impl Coroutine<Noisy, Yield = i32, Return = ()> {
        let _ = yield_!(1);
        log("after let _");
        _ = yield_!(2);
        log("after _ =");
        let _: Noisy = yield_!(3);
        log("after let _: Noisy");
        yield_!(4);
    }

    #[test]
    fn a_discarded_resume_value_drops_at_the_end_of_its_statement() {
        let log = events(|| {
            let mut c = discarded_resume_values();
            let mut c = Pin::new(&mut c);
            for (i, name) in ["r0", "r1", "r2", "r3"].into_iter().enumerate() {
                let expected = CoroutineState::Yielded(i32::try_from(i).unwrap() + 1);
                assert_eq!(c.as_mut().resume(Noisy(name)), expected);
            }
        });
        assert_eq!(
            log,
            strs(&["drop r0", "drop r1", "after let _", "drop r2", "after _ =", "drop r3", "after let _: Noisy"])
        );
    }

    #[stackless::coroutine]
    fn assigned_to_a_wildcard() -> impl Iterator<Item = i32> {
        let x = Noisy("x");
        _ = x;
        log("after _ = x");
        yield_!(1);
        log("resumed");
    }

    #[test]
    fn a_local_assigned_to_a_wildcard_stays_to_the_end_of_its_scope() {
        let log = events(|| assert_eq!(assigned_to_a_wildcard().count(), 1));
        assert_eq!(log, strs(&["after _ = x", "resumed", "drop x"]));
    }
}

/// A `match` on a temporary whose suspending arm binds nothing (`Some(_)`, `Err(_) if ..`, `_`): the temporary
/// lives to the end of the `match`, across the arm's `yield_!` (it was dropped at the `yield_!`; found by the
/// fourth helper probe).
mod scrutinee_left_in_place {
    use super::*;

    fn attempt(n: u8) -> Result<u8, Noisy> {
        if n < 2 { Err(Noisy("err")) } else { Ok(n) }
    }

    #[stackless::coroutine]
    fn retries() -> impl Iterator<Item = u8> {
        let mut n = 0;
        loop {
            match attempt(n) {
                Ok(v) => {
                    log(format!("ok {v}"));
                    break;
                }
                Err(_) if n < 5 => {
                    let _m = Noisy("m");
                    yield_!(n);
                    log("resumed");
                }
                Err(_) => break,
            }
            log("next");
            n += 1;
        }
        let mut stack = vec![Noisy("popped"), Noisy("kept")];
        match (stack.pop(), 1) {
            (Some(_), _) => {
                yield_!(10);
                log("resumed after pop");
            }
            _ => {}
        }
        match stack.pop() {
            _ => {
                yield_!(11);
                log("resumed after the last pop");
            }
        }
    }

    #[allow(clippy::single_match)] // as written in the coroutine: an `if let` would end its temporary earlier
    fn retries_plain() {
        let mut n = 0;
        loop {
            match attempt(n) {
                Ok(v) => {
                    log(format!("ok {v}"));
                    break;
                }
                Err(_) if n < 5 => {
                    let _m = Noisy("m");
                    log(format!("yield {n}"));
                    log("resumed");
                }
                Err(_) => break,
            }
            log("next");
            n += 1;
        }
        let mut stack = vec![Noisy("popped"), Noisy("kept")];
        match (stack.pop(), 1) {
            (Some(_), _) => {
                log("yield 10");
                log("resumed after pop");
            }
            _ => {}
        }
        #[allow(clippy::match_single_binding)]
        match stack.pop() {
            _ => {
                log("yield 11");
                log("resumed after the last pop");
            }
        }
    }

    #[test]
    fn the_temporary_drops_at_the_end_of_the_match() {
        let got = drained(retries());
        assert_eq!(got, events(retries_plain));
        assert!(got.starts_with(&strs(&["yield 0", "resumed", "drop m", "drop err", "next"])), "{got:?}");
        // Cancelled at each suspension point: what the arm holds drops with the coroutine, the arm's own local
        // first.
        let cancelled = cancelled_after(retries(), 1);
        assert_eq!(cancelled, strs(&["cancel", "drop m", "drop err"]));
    }
}

/// A `match` on a temporary with a suspending arm that binds by `ref`: the binding borrows the temporary, which
/// lives to the end of the `match` (it was dropped at the `yield_!`; found by the fourth and fifth helper probes).
/// And a binding read only by its arm's guard, in a loop, is not live at the arm's `yield_!` (the guard's read
/// counted as a read after the next iteration's binding; the fifth helper probe found it rejected).
mod scrutinee_borrowed_by_ref {
    use super::*;

    struct Named(#[allow(dead_code)] Noisy, String); // the `Noisy` only logs its drop

    fn make(name: &'static str) -> Named {
        Named(Noisy(name), String::from("go"))
    }

    #[stackless::coroutine]
    fn borrowed() -> impl Iterator<Item = u8> {
        let mut n = 0;
        loop {
            n += 1;
            match make("scrut") {
                Named(_, ref s) if s == "go" && n < 3 => {
                    let _m = Noisy("m");
                    yield_!(1);
                    log("resumed");
                }
                _ => break,
            }
            log("next");
        }
    }

    fn borrowed_plain() {
        let mut n = 0;
        loop {
            n += 1;
            match make("scrut") {
                Named(_, ref s) if s == "go" && n < 3 => {
                    let _m = Noisy("m");
                    log("yield 1");
                    log("resumed");
                }
                _ => break,
            }
            log("next");
        }
    }

    #[test]
    fn the_borrowed_temporary_drops_at_the_end_of_the_match() {
        let got = drained(borrowed());
        assert_eq!(got, events(borrowed_plain));
        let cancelled = cancelled_after(borrowed(), 1);
        assert_eq!(cancelled, strs(&["cancel", "drop m", "drop scrut"]));
    }
}

/// A guarded arm of a `match` on a temporary that binds by value and leaves a `_` part (`Ok((a, _)) if ..`): the
/// part left stays in the temporary to the end of the `match` (it dropped at the `yield_!`: the `_` parts of a
/// guarded pattern weren't held, since the guard reads the user's names; found by the sixth helper probe).
mod guarded_arm_leaving_a_part {
    use super::*;

    #[allow(clippy::unnecessary_wraps)] // the shape found: a `Result` matched by a guarded `Ok` arm
    fn make() -> Result<(Noisy, Noisy), Noisy> {
        Ok((Noisy("a"), Noisy("b")))
    }

    #[stackless::coroutine]
    fn guarded() -> impl Iterator<Item = u8> {
        match make() {
            Ok((a, _)) if a.0 == "a" => {
                yield_!(1);
                log(format!("resumed {}", a.0));
            }
            Ok(_) | Err(_) => {}
        }
        log("end");
    }

    #[test]
    fn the_part_left_drops_at_the_end_of_the_match() {
        let got = events(|| assert_eq!(guarded().count(), 1));
        assert_eq!(got, strs(&["resumed a", "drop a", "drop b", "end"]));
        let cancelled = cancelled_after(guarded(), 1);
        assert_eq!(cancelled, strs(&["cancel", "drop a", "drop b"]));
    }
}

/// What a pattern leaves of a `match` temporary, held to the end of the `match` and dropped in the value's
/// field order: a pattern that binds nothing (`(_, _)`, `Some(_) | None`, a type of one's own with `Drop`) holds
/// the whole temporary; one that binds leaves its `_` parts, which drop after the arm's bindings, in their order
/// (`(_, _)` dropped `b` before `a`, and an or-pattern or a `Drop` type dropped at the `yield_!`; found by the
/// eighth helper probe).
mod temporary_parts_in_order {
    use super::*;

    fn three() -> (Noisy, Noisy, Noisy) {
        (Noisy("a"), Noisy("b"), Noisy("c"))
    }

    fn maybe(some: bool) -> Option<Noisy> {
        some.then(|| Noisy("o"))
    }

    enum Shape {
        Circle(#[allow(dead_code)] Noisy), // only dropped, which logs
    }

    impl Drop for Shape {
        fn drop(&mut self) {
            log("drop shape");
        }
    }

    #[stackless::coroutine]
    fn parts() -> impl Iterator<Item = u8> {
        match three() {
            (_, _, _) => yield_!(1),
        }
        log("end 1");
        match maybe(true) {
            Some(_) | None => yield_!(2),
        }
        log("end 2");
        match Shape::Circle(Noisy("c")) {
            Shape::Circle(_) => yield_!(3),
        }
        log("end 3");
        match three() {
            (_, b, _) => {
                yield_!(4);
                log(format!("resumed {}", b.0));
            }
        }
        log("end 4");
    }

    #[test]
    fn the_parts_drop_at_the_end_of_the_match_in_their_order() {
        let got = events(|| assert_eq!(parts().count(), 4));
        let want = [
            "drop a",
            "drop b",
            "drop c",
            "end 1",
            "drop o",
            "end 2",
            "drop shape",
            "drop c",
            "end 3",
            "resumed b",
            "drop b",
            "drop a",
            "drop c",
            "end 4",
        ];
        assert_eq!(got, strs(&want));
    }
}

/// A resume value destructured by a pattern that leaves parts of it (`(_, c)`), by `let` or by assignment: the
/// parts drop at the statement's end, as the plain fn drops the rest of the value its call returned.
#[stackless::coroutine(resume = _)]
fn destructured_resume_values() -> impl Coroutine<(Noisy, Noisy), Yield = (), Return = ()> {
    let _g = Noisy("g");
    {
        let (_, c) = yield_!(());
        log("inner");
        drop(c);
    }
    let mut a = Noisy("a0");
    (a, _) = yield_!(());
    log("assigned");
    drop(a);
}

#[test]
fn the_parts_of_a_resume_value_a_pattern_leaves_drop_at_the_statements_end() {
    let log = events(|| {
        let mut c = destructured_resume_values();
        step(&mut c, (Noisy("x"), Noisy("y")));
        step(&mut c, (Noisy("l"), Noisy("c")));
        step(&mut c, (Noisy("a1"), Noisy("b1")));
    });
    let expected = [
        // `(a, _) = ..` binds the value's parts first (the rest drops there), then assigns `a` (the old one drops).
        "drop x", "drop y", "drop l", "inner", "drop c", "drop b1", "drop a0", "assigned", "drop a1", "drop g",
    ];
    assert_eq!(log, strs(&expected));
}

/// `resume = (a, _)`: the part the pattern leaves drops at once, as all of it does with `resume = _`.
#[stackless::coroutine(resume = (a, _))]
fn resume_pattern_leaving_a_part() -> impl Coroutine<(Noisy, Noisy), Yield = (), Return = ()> {
    log("body starts");
    yield_!(());
    drop(a);
}

#[test]
fn the_part_of_the_first_resume_argument_a_pattern_leaves_drops_at_once() {
    let log = events(|| {
        let mut c = resume_pattern_leaving_a_part();
        step(&mut c, (Noisy("a"), Noisy("b")));
        log("suspended");
    });
    assert_eq!(log, strs(&["drop b", "body starts", "suspended", "drop a"]));
}

/// `for (a, _) in v` with a `yield_!` in the body: the item's `_` part drops after the body, after `a`, as the
/// plain fn's loop drops its item.
#[stackless::coroutine]
fn loop_pattern_leaving_a_part(v: Vec<(Noisy, Noisy)>) -> impl Iterator<Item = &'static str> {
    for (a, _) in v {
        yield_!(a.0);
        log("body end");
    }
}

#[test]
fn the_part_of_a_loop_item_a_pattern_leaves_drops_after_the_body() {
    let items = || vec![(Noisy("a0"), Noisy("b0")), (Noisy("a1"), Noisy("b1"))];
    let drained_log = ["yield a0", "body end", "drop a0", "drop b0", "yield a1", "body end", "drop a1", "drop b1"];
    assert_eq!(drained(loop_pattern_leaving_a_part(items())), strs(&drained_log));
    let cancelled = ["cancel", "drop a0", "drop b0", "drop a1", "drop b1"];
    assert_eq!(cancelled_after(loop_pattern_leaving_a_part(items()), 1), strs(&cancelled));
}

/// A local last assigned by a destructuring assignment (`(a, b) = ..`) lives to the end of its scope, as after
/// `a = ..` (Rust desugars it to a `let` and one assignment per place): it dropped at the next `yield_!`.
#[stackless::coroutine]
fn assigned_by_destructuring() -> impl Iterator<Item = u8> {
    let (a, b);
    (a, b) = (Noisy("a"), Noisy("b"));
    let mut c = Noisy("c0");
    log(c.0);
    (c, _) = (Noisy("c1"), Noisy("rest"));
    yield_!(1);
    log("end");
    let _ = (&a, &b, &c);
}

#[test]
fn a_local_assigned_by_destructuring_lives_to_its_scope_end() {
    let expected = ["c0", "drop rest", "drop c0", "yield 1", "end", "drop c1", "drop b", "drop a"];
    assert_eq!(drained(assigned_by_destructuring()), strs(&expected));
    let cancelled = ["c0", "drop rest", "drop c0", "cancel", "drop c1", "drop b", "drop a"];
    assert_eq!(cancelled_after(assigned_by_destructuring(), 1), strs(&cancelled));
}

/// `match yield_!(..) { (a, _) => { yield_!(..) } }`: the resume value is the `match`'s temporary, so what the
/// pattern leaves of it drops at the end of the `match` (it dropped at the arm's first `yield_!`).
#[stackless::coroutine(resume = _first)]
fn matched_resume_value() -> impl Coroutine<(Noisy, Noisy), Yield = u8, Return = ()> {
    match yield_!(1) {
        (_a, _) => {
            yield_!(2);
            log("end of arm");
        }
    }
    log("after");
}

#[test]
fn the_part_of_a_matched_resume_value_a_pattern_leaves_drops_after_the_match() {
    let log = events(|| {
        let mut c = matched_resume_value();
        step(&mut c, (Noisy("x"), Noisy("x2")));
        step(&mut c, (Noisy("a"), Noisy("b")));
        log("suspended in the arm");
        step(&mut c, (Noisy("z"), Noisy("z2")));
    });
    let expected =
        ["suspended in the arm", "drop z", "drop z2", "end of arm", "drop a", "drop b", "after", "drop x", "drop x2"];
    assert_eq!(log, strs(&expected));
}

/// A method called on a local the state holds, with an argument that reads the local too (`v.get(.. v.len())`):
/// the arguments are evaluated first (no two-phase borrow through the state), and their temporaries still live
/// to the end of the statement (difftest seed 0x5eed84, program 1026: they dropped before the call).
#[stackless::coroutine]
fn method_argument_temporaries(v: Vec<usize>) -> impl Iterator<Item = usize> {
    yield_!(0);
    let got = v.get(Noisy("t").0.len() + v.len() - 2).copied().inspect(|_| log("used"));
    yield_!(got.unwrap_or(9));
    yield_!(v.len());
}

#[test]
fn the_temporaries_of_a_method_argument_live_to_the_end_of_the_statement() {
    let expected = ["yield 0", "used", "drop t", "yield 2", "yield 2"];
    assert_eq!(drained(method_argument_temporaries(vec![1, 2])), strs(&expected));
}

//! Closures held across suspension points, wherever they are created. A closure literal has a type of its own,
//! and the state has one field for it: where several resume arms would emit the same literal (code after a loop
//! that suspends, a loop body), the macro puts a join point before its `let`, so that the literal is emitted
//! once. Join points are not suspensions: nothing about them is observable.
mod common;
use common::{Noisy, events, log, run, strs};

#[stackless::coroutine]
fn closure_after_a_loop_with_a_yield(n: i64) -> impl Iterator<Item = i64> {
    for i in 0..n {
        yield_!(i);
    }
    let f = |z: i64| z + 100;
    yield_!(f(1));
    yield_!(f(2));
}

#[test]
fn a_closure_created_after_a_loop_that_suspends() {
    assert_eq!(closure_after_a_loop_with_a_yield(2).collect::<Vec<_>>(), [0, 1, 101, 102]);
    // The loop doesn't run: the closure is created in the first step.
    assert_eq!(closure_after_a_loop_with_a_yield(0).collect::<Vec<_>>(), [101, 102]);
}

#[stackless::coroutine]
fn closure_in_a_loop(n: i64) -> impl Iterator<Item = i64> {
    let mut i = 0;
    while i < n {
        let add = move |z: i64| z + i;
        yield_!(add(10));
        yield_!(add(20));
        i += 1;
    }
}

#[test]
fn a_closure_created_in_each_iteration_of_a_loop_that_suspends() {
    assert_eq!(closure_in_a_loop(3).collect::<Vec<_>>(), [10, 20, 11, 21, 12, 22]);
}

#[stackless::coroutine]
fn adapters_after_a_suspension(n: i64) -> impl Iterator<Item = i64> {
    if n > 1 {
        yield_!(-1);
    }
    let scaled = (0..3).map(move |x| x * n).filter(|x| x % 2 == 0);
    for m in scaled {
        yield_!(m);
    }
}

#[test]
fn an_iterator_adapter_holding_a_closure_after_a_branch_that_suspends() {
    assert_eq!(adapters_after_a_suspension(2).collect::<Vec<_>>(), [-1, 0, 2, 4]);
    assert_eq!(adapters_after_a_suspension(1).collect::<Vec<_>>(), [0, 2]);
}

#[stackless::coroutine]
fn closure_held_through_another_local() -> impl Iterator<Item = i64> {
    for k in 0..2 {
        yield_!(k);
    }
    let f = |z: i64| z * 3;
    let g = Some(f);
    yield_!(g.map_or(0, |g| g(5)));
}

#[test]
fn a_closure_moved_into_another_local_held_across_a_yield() {
    assert_eq!(closure_held_through_another_local().collect::<Vec<_>>(), [0, 1, 15]);
}

#[stackless::coroutine]
fn nested_loops() -> impl Iterator<Item = u32> {
    for a in 0..2_u32 {
        for b in 0..2_u32 {
            yield_!(a * 10 + b);
        }
        let tag = move |x: u32| x + 100 * (a + 1);
        yield_!(tag(0));
        yield_!(tag(1));
    }
}

#[test]
fn closures_in_nested_loops() {
    assert_eq!(nested_loops().collect::<Vec<_>>(), [0, 1, 100, 101, 10, 11, 200, 201]);
}

#[stackless::coroutine]
fn capturing_a_value_with_drop_glue() -> impl Iterator<Item = usize> {
    for _ in 0..1 {
        yield_!(0);
    }
    let noisy = Noisy("captured");
    let f = move || {
        let whole = &noisy;
        whole.0.len()
    };
    yield_!(f());
    log("after the last yield");
}

#[test]
fn a_closure_is_dropped_with_its_captures_where_the_plain_fn_drops_it() {
    let log = events(|| assert_eq!(capturing_a_value_with_drop_glue().collect::<Vec<_>>(), [0, 8]));
    assert_eq!(log, strs(&["after the last yield", "drop captured"]));
    // Cancelled at the suspension point after the join point: dropped once.
    let log = events(|| {
        let mut c = capturing_a_value_with_drop_glue();
        assert_eq!(c.next(), Some(0));
        assert_eq!(c.next(), Some(8));
    });
    assert_eq!(log, strs(&["drop captured"]));
}

#[stackless::coroutine]
fn closure_assigned_after_a_loop(n: i64) -> impl Iterator<Item = i64> {
    let f;
    for i in 0..n {
        yield_!(i);
    }
    f = move |z: i64| z + 100 * n;
    yield_!(f(1));
    yield_!(f(2));
}

#[test]
fn a_closure_assigned_to_a_declared_local_after_a_loop_that_suspends() {
    assert_eq!(closure_assigned_after_a_loop(1).collect::<Vec<_>>(), [0, 101, 102]);
    assert_eq!(closure_assigned_after_a_loop(0).collect::<Vec<_>>(), [1, 2]);
}

/// A closure in the iterator of a loop that suspends, inside another loop: each outer iteration creates the inner
/// loop's iterator again, from the start and from the inner `yield_!`; the iterator (and so the closure) is held
/// there, so it needs one type: a join point before the inner loop.
#[stackless::coroutine]
fn closure_in_an_inner_loop_header(n: u32) -> impl Iterator<Item = u32> {
    for a in 0..n {
        for x in (0..a).map(move |x| x * 10 + a) {
            yield_!(x);
        }
    }
}

/// The same, with a capture that has drop glue, and a `break` out of both loops: the closure is dropped with the
/// inner loop's iterator, when that loop ends, and with the state when the coroutine is dropped while suspended.
#[stackless::coroutine]
fn closure_with_a_capture_in_an_inner_loop_header() -> impl Iterator<Item = usize> {
    'outer: for round in 0..3_usize {
        let note = Noisy(["round 0", "round 1", "round 2"][round]);
        for x in (0..2).filter(move |x| note.0.len() + x > 7) {
            if round == 2 {
                break 'outer;
            }
            yield_!(round * 10 + x);
        }
        log("inner loop done");
    }
}

#[test]
fn a_closure_in_the_iterator_of_an_inner_loop_that_suspends() {
    assert_eq!(closure_in_an_inner_loop_header(4).collect::<Vec<_>>(), [1, 2, 12, 3, 13, 23]);
    let log = events(|| assert_eq!(closure_with_a_capture_in_an_inner_loop_header().collect::<Vec<_>>(), [1, 11]));
    assert_eq!(log, strs(&["drop round 0", "inner loop done", "drop round 1", "inner loop done", "drop round 2"]));
    let log = events(|| {
        let mut g = closure_with_a_capture_in_an_inner_loop_header();
        assert_eq!(g.next(), Some(1));
    });
    assert_eq!(log, strs(&["drop round 0"]));
}

/// A closure stored by a call (`push`), after a loop that suspends and held across a later `yield_!`: the
/// statement gets a join point as a `let` would, so the literal has one type.
#[stackless::coroutine]
fn closure_pushed_after_a_loop(n: i64) -> impl Iterator<Item = i64> {
    let mut fs = Vec::new();
    for i in 0..n {
        yield_!(i);
    }
    for k in 0..2 {
        fs.push(move |z: i64| z + 10 * n + k);
    }
    yield_!(fs[0](1));
    yield_!(fs[1](2));
}

#[test]
fn a_closure_stored_by_a_call_after_a_loop_that_suspends() {
    assert_eq!(closure_pushed_after_a_loop(2).collect::<Vec<_>>(), [0, 1, 21, 23]);
    assert_eq!(closure_pushed_after_a_loop(0).collect::<Vec<_>>(), [1, 3]);
}

/// A closure assigned to a local declared before a `loop`, inside the loop just before its `break`, and called
/// after the loop: the assignment gets a join point, so the start arm's `loop` is left only through it and the
/// call after the loop must not be emitted there, before the closure's type is known.
#[stackless::coroutine]
fn closure_assigned_before_a_break(n: u32) -> impl Iterator<Item = u32> {
    let f;
    let mut i = 0;
    loop {
        if i == n {
            f = move |x: u32| x + i;
            break;
        }
        yield_!(i);
        i += 1;
    }
    yield_!(f(10));
}

#[test]
fn a_closure_assigned_just_before_a_break_and_called_after_the_loop() {
    assert_eq!(closure_assigned_before_a_break(3).collect::<Vec<_>>(), [0, 1, 2, 13]);
    assert_eq!(closure_assigned_before_a_break(0).collect::<Vec<_>>(), [10]);
}

/// The workaround for a closure that can only be called once, held across a `yield_!` (README, Limitations;
/// `tests/ui/limits/fn_once_closure_called_after_a_yield.rs`): call it in a block of its own.
#[stackless::coroutine]
fn closure_called_once_after_a_yield(name: String) -> impl Iterator<Item = String> {
    let f = move || name;
    yield_!(String::from("first"));
    let got = {
        let once = f;
        once()
    };
    yield_!(got);
}

#[test]
fn a_closure_called_once_after_a_yield_is_moved_out_first() {
    assert_eq!(closure_called_once_after_a_yield("n".into()).collect::<Vec<_>>(), ["first", "n"]);
}

/// An `async` block has a type of its own too: held across a `yield_!` in a loop body, it gets a join point.
#[stackless::coroutine]
fn async_block_in_a_loop(n: i64) -> impl Iterator<Item = i64> {
    for i in 0..n {
        let f = async move { i * 10 };
        yield_!(i);
        yield_!(ready_value(f));
    }
}

/// The value of a future that is ready at its first poll.
fn ready_value<F: core::future::Future<Output = i64>>(f: F) -> i64 {
    let mut f = core::pin::pin!(f);
    let mut cx = core::task::Context::from_waker(core::task::Waker::noop());
    match f.as_mut().poll(&mut cx) {
        core::task::Poll::Ready(v) => v,
        core::task::Poll::Pending => unreachable!("the block doesn't await"),
    }
}

#[test]
fn an_async_block_created_in_each_iteration_of_a_loop_that_suspends() {
    assert_eq!(async_block_in_a_loop(3).collect::<Vec<_>>(), [0, 0, 1, 10, 2, 20]);
}

/// A closure yielded in a loop: each arm that would emit the `yield_!` has a literal of its own type, where the
/// generator yields one type; a join point before the `yield_!` makes it one (probe 44).
#[stackless::coroutine]
fn yields_closures(n: i64) -> impl Iterator<Item = Box<dyn Fn(i64) -> i64>> {
    for i in 0..n {
        yield_!(Box::new(move |x| x + i));
    }
}

#[stackless::coroutine]
fn yields_bare_closures(n: i64) -> impl Iterator<Item = impl Fn(i64) -> i64> {
    for i in 0..n {
        yield_!(move |x: i64| x * i);
    }
}

#[test]
fn closures_yielded_in_a_loop() {
    assert_eq!(yields_closures(3).map(|f| f(10)).collect::<Vec<_>>(), [10, 11, 12]);
    assert_eq!(yields_bare_closures(3).map(|f| f(10)).collect::<Vec<_>>(), [0, 10, 20]);
}

/// `return (move || ..)()` in a loop: the closure takes a value the loop holds in place, on the path that returns
/// (on the path that goes on, the value is still needed). The arm takes it out of the state there; it used to copy
/// it out of the state instead (E0507: cannot move out of a mutable reference).
#[stackless::coroutine]
fn returns_a_move_closure_call(rounds: i64) -> impl stackless::Coroutine<Yield = i64, Return = usize> {
    let s = Noisy("s");
    let mut i = 0;
    loop {
        yield_!(i);
        i += 1;
        if i == rounds {
            log("returning");
            // `&s`, not `s.0`: the closure takes all of `s` (a field alone would be copied out of it).
            return (move || {
                let whole = &s;
                whole.0.len()
            })();
        }
    }
}

#[test]
fn a_move_closure_called_in_a_return_takes_a_value_held_in_place() {
    let trace = events(|| {
        assert_eq!(run(returns_a_move_closure_call(2)), (vec![0, 1], 1));
        log("done");
    });
    // The closure (and `s` in it) drops at the end of the `return`'s statement, before the fn ends.
    assert_eq!(trace, strs(&["returning", "drop s", "done"]));
}

/// The same with an `async move` block in the `return`: the future takes the value held in place.
#[stackless::coroutine]
fn returns_an_async_move_block(
    rounds: i64,
) -> impl stackless::Coroutine<Yield = i64, Return = core::pin::Pin<Box<dyn Future<Output = usize>>>> {
    let s = Noisy("s");
    let mut i = 0;
    loop {
        yield_!(i);
        i += 1;
        if i == rounds {
            return Box::pin(async move {
                let whole = &s;
                whole.0.len()
            });
        }
    }
}

#[test]
fn an_async_move_block_in_a_return_takes_a_value_held_in_place() {
    let trace = events(|| {
        let (yields, mut future) = run(returns_an_async_move_block(2));
        assert_eq!(yields, [0, 1]);
        log("returned");
        let mut cx = core::task::Context::from_waker(core::task::Waker::noop());
        assert_eq!(future.as_mut().poll(&mut cx), core::task::Poll::Ready(1));
        drop(future);
        log("done");
    });
    // `s` is in the future: it drops when the future's body ends, not when the coroutine returns.
    assert_eq!(trace, strs(&["returned", "drop s", "done"]));
}

/// A `move` closure made on a path that returns later, with a `let ... else { return }` between them: the closure
/// takes the value held in place (the `let ... else` may only return, so the value is dead after the closure on
/// every path). It copied the value out of the state instead (E0507; difftest seed 0x5eeda6, program 172).
#[stackless::coroutine]
fn move_closure_before_a_let_else(round: i64) -> impl stackless::Coroutine<Yield = i64, Return = usize> {
    let s = Noisy("s");
    yield_!(round);
    if round == 2 {
        let f = move || {
            let whole = &s;
            whole.0.len()
        };
        let Some(n) = Some(f()).filter(|n| *n > 0) else { return 0 };
        log("returning");
        return n;
    }
    log("going on");
    s.0.len() + 1
}

#[test]
fn a_move_closure_before_a_let_else_takes_a_value_held_in_place() {
    let trace = events(|| {
        assert_eq!(run(move_closure_before_a_let_else(2)), (vec![2], 1));
        log("done");
    });
    // In the closure, `s` drops when `f` does, at the `return`.
    assert_eq!(trace, strs(&["returning", "drop s", "done"]));
    let trace = events(|| {
        assert_eq!(run(move_closure_before_a_let_else(1)), (vec![1], 2));
        log("done");
    });
    assert_eq!(trace, strs(&["going on", "drop s", "done"]));
}

// ----- closures in the iterator of a `for` loop that suspends -----
// The loop's iterator is in the state at its `yield_!`s, so a closure in it can't borrow the coroutine's own locals.
// One that names only locals surely `Copy` (numbers, `bool`s, `char`s, shared references) and changes none of them
// is made `move`: a copy is the same value, since the plain fn's borrow keeps the local unchanged while the loop
// runs. Each is compared with the plain loop.

#[stackless::coroutine]
fn above(v: Vec<i32>, limit: i32) -> impl Iterator<Item = i32> {
    let step = 2;
    for x in v.into_iter().filter(|x| *x > limit).map(|x| x * step) {
        yield_!(x);
    }
    yield_!(limit + step);
}

#[stackless::coroutine]
fn other_than<'a>(words: Vec<&'a str>, sep: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let upper = false;
    for w in words.into_iter().filter(|w| *w != sep && (upper || !w.is_empty())) {
        yield_!(w);
    }
}

#[test]
fn loop_closures_naming_only_copy_locals_capture_copies() {
    let plain_above = |v: Vec<i32>, limit: i32| {
        let mut out = Vec::new();
        let step = 2;
        for x in v.into_iter().filter(|x| *x > limit).map(|x| x * step) {
            out.push(x);
        }
        out.push(limit + step);
        out
    };
    assert_eq!(above(vec![5, 1, 9, 3], 4).collect::<Vec<_>>(), plain_above(vec![5, 1, 9, 3], 4));
    assert_eq!(other_than(vec!["a", ",", "", "b"], ",").collect::<Vec<_>>(), ["a", "b"]);
}

// A closure bound by `let` that only reads numbers or shared references by value (`x * factor`, `factor.pow(2)`,
// `w != sep`) is made `move` too, so it can be held across a `yield_!`. One that uses a number by reference is
// left as written: it compiles where it isn't held (`ref_to_a_number_used_before_the_yield`).

#[stackless::coroutine]
fn scaled_by_closures(factor: i32, xs: Vec<i32>, sep: &str) -> impl Iterator<Item = i32> + '_ {
    let base = 10 + 2;
    let scale = |x: i32| x * factor + factor.pow(2);
    let shift = |x: i32| x + base;
    let other = |w: &str| w != sep;
    for x in xs {
        yield_!(shift(scale(x)));
    }
    yield_!(i32::from(other("a")) + base);
}

#[stackless::coroutine]
fn ref_to_a_number_used_before_the_yield(factor: i32) -> impl Iterator<Item = i32> {
    let first = {
        let at = || &factor;
        *at() + 1
    };
    yield_!(first);
    yield_!(factor);
}

#[test]
fn let_closures_reading_copy_locals_capture_copies() {
    let plain = |factor: i32, xs: Vec<i32>, sep: &str| {
        let mut out = Vec::new();
        let base = 10 + 2;
        let scale = |x: i32| x * factor + factor.pow(2);
        let shift = |x: i32| x + base;
        let other = |w: &str| w != sep;
        for x in xs {
            out.push(shift(scale(x)));
        }
        out.push(i32::from(other("a")) + base);
        out
    };
    assert_eq!(scaled_by_closures(3, vec![1, 2], "a").collect::<Vec<_>>(), plain(3, vec![1, 2], "a"));
    assert_eq!(scaled_by_closures(-2, vec![5], ",").collect::<Vec<_>>(), plain(-2, vec![5], ","));
    assert_eq!(ref_to_a_number_used_before_the_yield(4).collect::<Vec<_>>(), [5, 4]);
}

// A generic argument compared by a closure: with `move` (the macro's help where it is missing), the closure owns
// it and may be held across the `yield_!`s; without, used before the first `yield_!` only, it borrows it there.
#[stackless::coroutine]
fn split_on<T: PartialEq + Clone + Default>(items: Vec<T>, sep: T) -> impl Iterator<Item = Vec<T>> {
    let seps = {
        let is_sep = |x: &T| *x == sep;
        items.iter().filter(|x| is_sep(x)).count()
    };
    let is_sep = move |x: &T| *x == sep;
    let mut part = Vec::new();
    for x in items {
        if is_sep(&x) {
            yield_!(std::mem::take(&mut part));
        } else {
            part.push(x);
        }
    }
    yield_!(part);
    yield_!(vec![part_of_nothing(); seps]);
}

fn part_of_nothing<T: Default>() -> T {
    T::default()
}

#[test]
fn a_move_closure_owns_a_generic_argument() {
    let parts: Vec<Vec<u8>> = split_on(vec![1, 0, 2, 3, 0], 0).collect();
    assert_eq!(parts, [vec![1], vec![2, 3], vec![], vec![0, 0]]);
}

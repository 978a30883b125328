//! The suspension points of a loop (and those outside loops) share a variant: what they all hold stays in its
//! fields, and `at` holds what only the current point holds. Drop order on cancellation, on panic and on
//! completion is still the plain fn's: the point's own locals (declared later) first, then the shared ones,
//! newest first.
mod common;
use common::{Noisy, events, log, step, strs};
use stackless::CoroutineState;

#[stackless::coroutine]
fn two_points_in_a_loop(rounds: u32) -> impl stackless::Coroutine<Yield = u32, Return = ()> {
    let _outer = Noisy("outer");
    let mut buf = [0u32; 64];
    let mut i = 0;
    while i < rounds {
        let _own = Noisy("own");
        buf[i as usize % 64] += i;
        yield_!(i);
        // `_own` is held here too (dropped at the end of the iteration), with `_second`.
        let _second = Noisy("second");
        yield_!(buf[i as usize % 64]);
        i += 1;
    }
}

#[test]
fn cancelled_at_each_point_drops_own_then_shared() {
    // At the first point: `_own`, then `_outer`.
    let dropped = events(|| {
        let mut c = two_points_in_a_loop(3);
        assert_eq!(step(&mut c, ()), CoroutineState::Yielded(0));
        log("cancel");
    });
    assert_eq!(dropped, strs(&["cancel", "drop own", "drop outer"]));
    // At the second point: `_second`, `_own`, then `_outer`.
    let dropped = events(|| {
        let mut c = two_points_in_a_loop(3);
        step(&mut c, ());
        step(&mut c, ());
        log("cancel");
    });
    assert_eq!(dropped, strs(&["cancel", "drop second", "drop own", "drop outer"]));
}

#[test]
fn going_round_the_loop_drops_each_iteration_s_locals_in_order() {
    let dropped = events(|| {
        let mut c = two_points_in_a_loop(2);
        let mut yields = Vec::new();
        while let CoroutineState::Yielded(y) = step(&mut c, ()) {
            yields.push(y);
            log(format!("yield {y}"));
        }
        assert_eq!(yields, [0, 0, 1, 1]);
    });
    assert_eq!(
        dropped,
        strs(&[
            "yield 0",
            "yield 0",
            "drop second",
            "drop own",
            "yield 1",
            "yield 1",
            "drop second",
            "drop own",
            "drop outer",
        ])
    );
}

/// Points outside loops share a variant too: `held` stays in place from the first to the last.
#[stackless::coroutine]
fn straight_line() -> impl Iterator<Item = usize> {
    let held = vec![Noisy("held")];
    let a = Noisy("a");
    yield_!(held.len());
    drop(a);
    let b = Noisy("b");
    yield_!(held.len() + 1);
    drop(b);
    yield_!(held.len() + 2);
}

#[test]
fn straight_line_points_share_what_they_hold() {
    for cancel_after in 1..=3 {
        let dropped = events(|| {
            let mut c = straight_line();
            for _ in 0..cancel_after {
                c.next();
            }
            log("cancel");
        });
        let expected: &[&str] = match cancel_after {
            1 => &["cancel", "drop a", "drop held"],
            2 => &["drop a", "cancel", "drop b", "drop held"],
            _ => &["drop a", "drop b", "cancel", "drop held"],
        };
        assert_eq!(dropped, strs(expected), "cancelled after {cancel_after} yields");
    }
}

/// A panic between two points of a loop: the point's own locals (moved out of `at` by the arm) unwind first,
/// then the state is poisoned, dropping the shared ones.
#[stackless::coroutine]
fn panics_between_points(fail_at: u32) -> impl Iterator<Item = u32> {
    let _shared = Noisy("shared");
    let mut i = 0;
    loop {
        let own = Noisy("own");
        yield_!(i);
        assert!(i != fail_at, "fail at {i}");
        yield_!(i + 100);
        drop(own);
        i += 1;
    }
}

#[test]
fn a_panic_between_points_unwinds_own_then_poisons_shared() {
    let dropped = events(|| {
        let mut c = panics_between_points(1);
        assert_eq!(c.next(), Some(0));
        assert_eq!(c.next(), Some(100));
        assert_eq!(c.next(), Some(1));
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| c.next()));
        assert!(caught.is_err());
        log("caught");
    });
    assert_eq!(dropped, strs(&["drop own", "drop own", "drop shared", "caught"]));
}

/// The points of a `for` loop share one arm: each resume runs its point's partial iteration (the pattern's
/// binding restored from `at`), then the loop's next iterations, written once. Drops as the plain fn: the
/// iteration's locals at the end of each iteration, the loop's iterator when the loop ends (by `break` too).
#[stackless::coroutine]
fn for_loop_with_two_points(words: Vec<&'static str>) -> impl Iterator<Item = String> {
    let _outer = Noisy("outer");
    for (i, word) in words.into_iter().enumerate() {
        let _item = Noisy(word);
        yield_!(format!("{i}:{word}"));
        if word == "stop" {
            break;
        }
        let _after = Noisy("after");
        yield_!(word.to_uppercase());
    }
    log("after the loop");
    yield_!(String::from("end"));
}

#[test]
fn a_for_loop_s_points_resume_in_one_arm() {
    let dropped = events(|| {
        let seen: Vec<String> = for_loop_with_two_points(vec!["a", "stop", "b"]).collect();
        assert_eq!(seen, ["0:a", "A", "1:stop", "end"]);
    });
    assert_eq!(dropped, strs(&["drop after", "drop a", "drop stop", "after the loop", "drop outer"]));
    // Cancelled at the second point of the first iteration.
    let dropped = events(|| {
        let mut g = for_loop_with_two_points(vec!["a", "b"]);
        assert_eq!(g.next().as_deref(), Some("0:a"));
        assert_eq!(g.next().as_deref(), Some("A"));
        log("cancel");
    });
    assert_eq!(dropped, strs(&["cancel", "drop after", "drop a", "drop outer"]));
}

/// A `while let` whose binding is held across both points, and a `continue` out of the first point's partial
/// iteration.
#[stackless::coroutine]
fn while_let_with_two_points(mut stack: Vec<u32>) -> impl Iterator<Item = u32> {
    while let Some(top) = stack.pop() {
        yield_!(top);
        if top % 2 == 0 {
            continue;
        }
        yield_!(top * 100);
        if top > 1 {
            stack.push(top - 1);
        }
    }
}

#[test]
fn a_while_let_s_points_resume_in_one_arm() {
    assert_eq!(while_let_with_two_points(vec![4, 3]).collect::<Vec<_>>(), [3, 300, 2, 4]);
}

/// `for (i, w) in v.into_iter().enumerate()`: the index is a `usize`, so it is left out of the state where it is
/// dead, and the loop's points run in place in one arm (it used to make both arms move the state).
#[stackless::coroutine]
fn enumerated(v: Vec<String>) -> impl Iterator<Item = String> + std::fmt::Debug {
    let n = v.len();
    for (i, w) in v.into_iter().enumerate() {
        yield_!(format!("{i}/{n}"));
        yield_!(w);
    }
}

#[test]
fn an_enumerate_index_is_not_held_where_it_is_dead() {
    let mut g = enumerated(vec!["a".into(), "b".into()]);
    assert_eq!(g.next().as_deref(), Some("0/2"));
    // At the first point `w` is held, the dead index is not.
    let state = format!("{g:?}");
    assert!(state.contains("w: \"a\"") && !state.contains("i:"), "{state}");
    assert_eq!(g.collect::<Vec<_>>(), ["a", "1/2", "b"]);
}

/// The addresses of the coroutine boxed in `g`: a value that stays in place is within them from the first resume
/// that runs in place on.
fn state_addresses<T>(g: &T) -> std::ops::Range<usize> {
    let start = std::ptr::from_ref(g).addr();
    start..start + std::mem::size_of_val(g)
}

/// Checks that each `(value, address)` has its address inside `range`.
fn all_inside(values: &[(usize, usize)], range: &std::ops::Range<usize>) {
    for &(v, addr) in values {
        assert!(range.contains(&addr), "value {v}: the table at {addr:#x} is outside the state {range:x?}");
    }
}

/// A loop, then points after it ("flush what is left"): the points after the loop share the loop's variant, so
/// resuming inside the loop keeps what the loop holds in place instead of moving it out and back on every
/// resume (seen here as the table's address, inside the boxed coroutine from the second resume on). The arms of
/// the points after the loop, resumed once each, move the state.
#[stackless::coroutine]
fn flush_after_a_loop(n: usize) -> impl Iterator<Item = (usize, usize)> {
    let _outer = Noisy("outer");
    let mut pending = vec![Noisy("pending")];
    let mut table = [0usize; 64];
    for i in 0..n {
        let _item = Noisy("item");
        table[i % 64] += i;
        yield_!((i, std::ptr::from_ref(&table).addr()));
    }
    pending.push(Noisy("flushed"));
    yield_!((pending.len(), std::ptr::from_ref(&table).addr()));
    drop(pending);
    yield_!((table.iter().sum(), std::ptr::from_ref(&table).addr()));
}

#[test]
fn points_after_a_loop_keep_the_loop_in_place() {
    let mut g = Box::new(flush_after_a_loop(4));
    let range = state_addresses(&*g);
    let first = g.next().expect("a first value");
    assert_eq!(first.0, 0);
    let rest: Vec<(usize, usize)> = g.by_ref().collect();
    assert_eq!(rest.iter().map(|(v, _)| *v).collect::<Vec<_>>(), [1, 2, 3, 2, 6]);
    // The last value is computed by the arm of the first point after the loop, which runs once and moves the state.
    all_inside(&rest[..4], &range);
}

#[test]
fn points_after_a_loop_drop_as_the_plain_fn() {
    // Cancelled in the loop: the iteration's local, `pending` (the table has no drop glue), then `_outer`.
    let dropped = events(|| {
        let mut g = flush_after_a_loop(3);
        g.next();
        g.next();
        log("cancel");
    });
    assert_eq!(dropped, strs(&["drop item", "cancel", "drop item", "drop pending", "drop outer"]));
    // Cancelled at the first point after the loop, then run to completion.
    let dropped = events(|| {
        let mut g = flush_after_a_loop(1);
        assert_eq!(g.next().map(|(v, _)| v), Some(0));
        assert_eq!(g.next().map(|(v, _)| v), Some(2));
        log("cancel");
    });
    assert_eq!(dropped, strs(&["drop item", "cancel", "drop pending", "drop flushed", "drop outer"]));
    let dropped = events(|| {
        let seen: Vec<usize> = flush_after_a_loop(1).map(|(v, _)| v).collect();
        assert_eq!(seen, [0, 2, 0]);
    });
    assert_eq!(dropped, strs(&["drop item", "drop pending", "drop flushed", "drop outer"]));
}

/// What only the loop's point holds (its range, an array dead after the loop) stays in `at` too, when none of it
/// has drop glue: resuming in the loop moves nothing.
#[stackless::coroutine]
fn own_locals_in_place(n: usize) -> impl Iterator<Item = usize> {
    let names = vec![String::from("a"), String::from("b")];
    let mut window = [0usize; 8];
    for i in 0..n {
        window[i % 8] += i;
        yield_!(std::ptr::from_ref(&window).addr());
    }
    yield_!(names.len());
}

#[test]
fn own_locals_without_drop_glue_stay_in_place() {
    let mut g = Box::new(own_locals_in_place(5));
    let range = state_addresses(&*g);
    g.next();
    let addrs: Vec<usize> = g.by_ref().take(4).collect();
    for addr in addrs {
        assert!(range.contains(&addr), "the window at {addr:#x} is outside the state {range:x?}");
    }
    assert_eq!(g.collect::<Vec<_>>(), [2]);
}

/// A loop right after another: when what the second holds alone has no drop glue, it joins the first's variant,
/// so resuming in either loop keeps the table where it is, and leaving the first loop writes only `at`.
#[stackless::coroutine]
fn consecutive_loops(n: usize) -> impl Iterator<Item = (usize, usize)> {
    let _outer = Noisy("outer");
    let mut table = [0usize; 64];
    for x in 0..n {
        table[x % 64] += x;
        yield_!((x, std::ptr::from_ref(&table).addr()));
    }
    log("between");
    for y in 0..n {
        table[y % 64] += y;
        yield_!((table[y % 64], std::ptr::from_ref(&table).addr()));
    }
}

#[test]
fn consecutive_loops_keep_what_they_hold_in_place() {
    let mut g = Box::new(consecutive_loops(3));
    let range = state_addresses(&*g);
    g.next();
    let rest: Vec<(usize, usize)> = g.by_ref().collect();
    assert_eq!(rest.iter().map(|(v, _)| *v).collect::<Vec<_>>(), [1, 2, 0, 2, 4]);
    all_inside(&rest, &range);
}

#[test]
fn consecutive_loops_drop_as_the_plain_fn() {
    let dropped = events(|| {
        let mut g = consecutive_loops(2);
        g.next();
        g.next();
        g.next();
        log("cancel");
    });
    assert_eq!(dropped, strs(&["between", "cancel", "drop outer"]));
}

/// A point after a loop where the loop's table is dead still keeps it (a plain array: keeping it costs nothing),
/// and so does it keep the loop's range (no drop glue; lowered into the block around the loop), so that both stay
/// shared fields of the group the point joins: only the iteration's locals move out of `at` and back on each
/// resume. (Without the table at that point, joining would make the table the loop points' own, moved on every
/// resume; apart, the loop's arms moved the whole state.)
#[stackless::coroutine]
fn loop_state_outlives_the_point_after(n: usize) -> impl Iterator<Item = u64> + std::fmt::Debug {
    let outer = String::from("outer");
    let mut table = [0u64; 4];
    for i in 0..n {
        table[i % 4] += i as u64;
        yield_!(table[i % 4]);
        table[(i * 7) % 4] ^= 1;
        yield_!(table[(i * 3) % 4]);
    }
    yield_!(outer.len() as u64);
}

#[test]
fn a_point_after_a_loop_keeps_the_loop_s_plain_table_shared() {
    let mut g = loop_state_outlives_the_point_after(3);
    g.next();
    assert_eq!(
        format!("{g:?}"),
        r#"Group0 { at: Suspend0 { i: 0 }, for_i: 1..3, table: [0, 0, 0, 0], outer: "outer" }"#
    );
    assert_eq!(g.collect::<Vec<_>>(), [1, 1, 1, 2, 3, 5]);
}

/// Found in review of the points that join a loop's group: a value the loop keeps is stored where it is dead
/// only when it is `Copy` and never assigned again. An iterator consumed by a method the macro doesn't know
/// (`it.take(2)`) is moved there; a reference assigned after the loop may borrow a local held with it. Both are
/// valid Rust and must compile.
#[stackless::coroutine]
fn view_consumed_after_the_loop(text: &'static str) -> impl Iterator<Item = char> {
    let mut it = text.chars();
    while let Some(c) = it.next() {
        if c == ',' {
            break;
        }
        yield_!(c);
    }
    let rest: String = it.take(2).collect();
    yield_!('x');
    for b in rest.into_bytes() {
        yield_!(char::from(b));
    }
}

#[stackless::coroutine]
fn reference_reassigned_after_the_loop(arg: &'static str, n: usize) -> impl Iterator<Item = usize> {
    let mut r: &str = arg;
    for i in 0..n {
        yield_!(r.len() + i);
    }
    yield_!(100);
    let line = String::from(" hi ");
    r = line.trim();
    let k = r.len();
    yield_!(k);
    yield_!(line.len());
}

#[test]
fn values_a_loop_keeps_are_stored_dead_only_when_copy_and_never_reassigned() {
    assert_eq!(view_consumed_after_the_loop("ab,cde").collect::<String>(), "abxcd");
    assert_eq!(reference_reassigned_after_the_loop("ab", 2).collect::<Vec<_>>(), [2, 3, 100, 2, 4]);
}

/// A plain local of the loop body held at two of the loop's points (`len`: the macro knows that a primitive's
/// `from` makes a plain value) is one shared slot of the group, as rustc keeps a local held at several points,
/// and stays there at the point where it is dead: going from one point to another writes only `at`.
#[stackless::coroutine(resume = mut byte)]
fn frames() -> impl stackless::Coroutine<u8, Yield = usize, Return = ()> + std::fmt::Debug {
    let mut payload = Vec::new();
    loop {
        let len = usize::from(byte);
        byte = yield_!(0);
        payload.clear();
        while payload.len() < len {
            payload.push(byte);
            byte = yield_!(0);
        }
        byte = yield_!(payload.iter().map(|&b| usize::from(b)).sum());
    }
}

#[test]
fn a_plain_local_held_at_several_points_of_a_loop_is_one_slot() {
    let mut c = frames();
    let mut out = Vec::new();
    for byte in [2, 5, 6, 7, 0, 9] {
        match step(&mut c, byte) {
            CoroutineState::Yielded(v) => out.push(v),
            CoroutineState::Complete(()) => unreachable!("the decoder is endless"),
        }
        if out.len() == 2 {
            assert_eq!(format!("{c:?}"), "Group0 { at: Suspend1, len: 2, payload: [5] }");
        }
    }
    // Length 2, payload 5 6, check byte 7 (the sum 11), then an empty frame: length 0, check byte 9.
    assert_eq!(out, [0, 0, 0, 11, 0, 0]);
    assert_eq!(format!("{c:?}"), "Group0 { at: Suspend2, len: 0, payload: [] }");
}

/// A `for` loop over a range keeps its iterator in the block around the loop (no drop glue), so the point after
/// the loop joins the loop's group with the iterator still shared: resuming in the loop moves nothing. The
/// drops are the plain fn's.
#[stackless::coroutine]
fn range_then_a_point(n: usize) -> impl Iterator<Item = usize> + std::fmt::Debug {
    let _outer = Noisy("outer");
    for i in 0..n {
        let _item = Noisy("item");
        yield_!(i);
        yield_!(i + 10);
    }
    log("after the loop");
    yield_!(100);
}

#[test]
fn a_range_s_iterator_stays_shared_with_the_point_after_the_loop() {
    let dropped = events(|| {
        let mut g = range_then_a_point(2);
        assert_eq!(g.next(), Some(0));
        assert_eq!(
            format!("{g:?}"),
            r#"Group0 { at: Suspend0 { _item: Noisy("item"), i: 0 }, for_i: 1..2, _outer: Noisy("outer") }"#
        );
        let rest: Vec<usize> = g.by_ref().take(4).collect();
        assert_eq!(rest, [10, 1, 11, 100]);
        log("cancel");
    });
    assert_eq!(dropped, strs(&["drop item", "drop item", "after the loop", "cancel", "drop outer"]));
}

/// A range whose endpoint makes a temporary (`Noisy` borrowed by the call) is not lowered so: the temporary lives
/// to the end of the `for` statement, after the loop, as in the plain fn.
fn noisy_len(n: &Noisy, len: usize) -> usize {
    let _ = n;
    len
}

#[stackless::coroutine]
fn range_with_a_temporary(n: usize) -> impl Iterator<Item = usize> {
    for i in 0..noisy_len(&Noisy("temporary"), n) {
        log(format!("item {i}"));
        yield_!(i);
    }
    log("after the loop");
}

#[test]
fn a_range_s_temporary_lives_until_the_end_of_the_loop() {
    let dropped = events(|| {
        let got: Vec<usize> = range_with_a_temporary(2).collect();
        assert_eq!(got, [0, 1]);
    });
    assert_eq!(dropped, strs(&["item 0", "item 1", "drop temporary", "after the loop"]));
}

/// Found in review: a field of a value made in the endpoint (`make().v.len()`) is not a place of locals, so the
/// range is not lowered into the block, and the value lives to the end of the `for` statement.
struct Made {
    v: Vec<usize>,
    _noisy: Noisy,
}

fn make() -> Made {
    Made { v: vec![1, 2], _noisy: Noisy("made") }
}

#[stackless::coroutine]
fn range_over_a_field_of_a_temporary() -> impl Iterator<Item = usize> {
    for i in 0..make().v.len() {
        log(format!("item {i}"));
        yield_!(i);
    }
    log("after the loop");
}

#[test]
fn a_range_over_a_field_of_a_temporary_keeps_it_to_the_loop_s_end() {
    let dropped = events(|| {
        assert_eq!(range_over_a_field_of_a_temporary().collect::<Vec<_>>(), [0, 1]);
    });
    assert_eq!(dropped, strs(&["item 0", "item 1", "drop made", "after the loop"]));
}

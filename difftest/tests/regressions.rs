//! Macro bugs found by the differential tester, each as the smallest program reproducing it, compared exactly as
//! the generated programs are (`compare::check`: every resume script, every cancellation point).
//!
//! A runtime mismatch that is still open is an `#[ignore = "macro bug: .."]` test (run them with
//! `cargo test -p stackless-difftest --test regressions -- --include-ignored`; unignore each once fixed). All the
//! ones found so far are fixed and run normally.
//! Programs that the macro fails to compile (while the plain fn compiles) cannot be ignored tests, so they sit behind
//! the `compile-bugs` feature: `cargo test -p stackless-difftest --features compile-bugs --test regressions`
//! shows their errors; once one compiles and passes, move it out of `compile_bugs`.
#![allow(clippy::all, clippy::pedantic)]

use stackless_difftest::compare::{Case, check, report};
#[allow(unused_imports)]
use stackless_difftest::rt::*;
use stackless_difftest::twins;

fn assert_same(case: Case) {
    std::panic::set_hook(Box::new(|_| {}));
    let result = check(&case);
    let _ = std::panic::take_hook();
    if let Some(m) = result {
        panic!("{}", report(&case, &m));
    }
}

// ---- Runtime mismatches (fixed by 2542af6) ---------------------------------------------------------------

// A local held in the state (or with a drop flag) whose last by-value read is inside a loop without yields: the
// read is treated as the last use and moves the value out of its slot, so the loop's second iteration panics with
// "stackless internal error: a moved-out local was used". (difftest feature `loop-last-use`.)
twins!(opt last_read_inside_a_loop_without_yields(r;) {
    let v = yield_!(1);
    let mut c = 0i64;
    while c < 3 {
        c += 1;
        opt("o", v);
    }
    yield_!(2);
    Some(1)
});

#[test]
fn last_read_inside_a_loop_without_yields() {
    assert_same(last_read_inside_a_loop_without_yields::case());
}

// The same with the resume binding, before the first yield.
twins!(opt resume_binding_read_in_loop_before_first_yield(r;) {
    for _i in 0..2 {
        fx("a", r);
    }
    yield_!(1);
    Some(2)
});

#[test]
fn resume_binding_read_in_loop_before_first_yield() {
    assert_same(resume_binding_read_in_loop_before_first_yield::case());
}

// A local assigned from a yield inside a loop and read on the loop's exit path, then again after the loop: the
// read on the exit path moves it out, the read after the loop panics with "stackless internal error: a moved-out
// local was used". (difftest feature `resume-assign-nested`.)
twins!(opt resume_assigned_in_a_loop_read_on_exit_and_after(r;) {
    let mut c = 0i64;
    loop {
        if c >= 2 {
            fx("f9", r);
            break;
        }
        c += 1;
        r = yield_!(c);
    }
    Some(md(r, 4))
});

#[test]
fn resume_assigned_in_a_loop_read_on_exit_and_after() {
    assert_same(resume_assigned_in_a_loop_read_on_exit_and_after::case());
}

// ---- Fixed (were compile failures before c3155dc; keep them passing) ------------------------------------------

// Was E0277 "cannot add `i32` to `!`" (E0282 with a `String` tail): a `let` initializer block with two yields
// before its tail gives the local the wrong type. Feature `value-multi-yield`.
twins!(opt initializer_with_two_yields(r;) {
    let v = {
        yield_!(1);
        yield_!(2);
        5
    };
    let w = v + 1;
    Some(w)
});

#[test]
fn initializer_with_two_yields() {
    assert_same(initializer_with_two_yields::case());
}

// Was E0284 "type annotations needed": in the resume arm of the first yield, the code after the second yield
// (here: after the `if`) is emitted after the second suspension as unreachable code in which `x` is
// declared without a value, so `x + 1` cannot be type-checked. The same inside loops (`loop { yield_!(x + 1);
// x = yield_!(2); }`, the loop re-entry is the unreachable code), and after an unconditional `break` that
// leaves a loop right after a yield. Features `resume-assign-nested`, `assign-outer`, `loop-exit`.
twins!(opt resume_assign_after_a_yield_in_a_branch(r; x: i64 = 3) {
    if r > 0 {
        yield_!(1);
        x = yield_!(2);
    }
    fx("a", x + 1);
    Some(x)
});

#[test]
fn resume_assign_after_a_yield_in_a_branch() {
    assert_same(resume_assign_after_a_yield_in_a_branch::case());
}

twins!(opt resume_assign_in_a_loop(r;) {
    let mut x = 1;
    let mut k = 0;
    while k < 2 {
        k += 1;
        yield_!(x + 1);
        x = yield_!(2);
    }
    Some(x)
});

#[test]
fn resume_assign_in_a_loop() {
    assert_same(resume_assign_in_a_loop::case());
}

twins!(gen initializer_with_two_yields_and_a_string_tail(;) {
    let v = {
        yield_!(1);
        yield_!(2);
        String::new()
    };
    yield_!(lens(&v));
});

#[test]
fn initializer_with_two_yields_and_a_string_tail() {
    assert_same(initializer_with_two_yields_and_a_string_tail::case());
}

// ---- Fixed by 2542af6 (were compile failures) ------------------------------------------------------------

// E0382 "use of moved value": a local moved in one branch and used in a later branch is stored at the next
// yield without a drop flag. (Moved in the `else` and used in the `then` branch compiles.) Feature `branch-reuse`.
twins!(gen moved_in_one_branch_used_in_a_later_one(; c: bool = true) {
    let s = String::new();
    if c { drop(s); } else { s.len(); }
    yield_!(1);
});

#[test]
fn moved_in_one_branch_used_in_a_later_one() {
    assert_same(moved_in_one_branch_used_in_a_later_one::case());
}

// E0277 "cannot add `i32` to `!`": a labeled block with a yield as a `let` initializer. (With a
// `break 'b value` after the yield: E0381.) Feature `labeled-block-yield`.
twins!(gen labeled_block_initializer_with_a_yield(;) {
    let v = 'b: {
        yield_!(1);
        5
    };
    yield_!(v + 1);
});

#[test]
fn labeled_block_initializer_with_a_yield() {
    assert_same(labeled_block_initializer_with_a_yield::case());
}

// E0382 "use of moved value: `c`" (`c` has type `&mut i64`): a `move` closure in a resume arm captures the
// `&mut` through which a held local is kept in place instead of copying the value. Feature `closure-capture`.
twins!(gen move_closure_captures_a_held_local(;) {
    let mut c = 0i64;
    while c < 4 {
        c += 1;
        if c > 2 { yield_!(1); } else {
            let v: Vec<i64> = (0..3i64).map(move |z| z * c).collect();
            fx("v", sumv(&v));
        }
    }
});

#[test]
fn move_closure_captures_a_held_local() {
    assert_same(move_closure_captures_a_held_local::case());
}

// "right curly brace `}` before `else` in a `let...else` statement not allowed": a yield inside the initializer
// of `let ... else` (the expression-yield pass turns the initializer into a block). With a larger program the
// error is "`yield_!` in the `else` block of `let ... else` is not supported yet" although the else block has
// none. Feature `subexpr-yield`.
twins!(opt let_else_initializer_with_a_yield(r;) {
    let Some(v) = opt("e", yield_!(1)) else { return None; };
    Some(v)
});

#[test]
fn let_else_initializer_with_a_yield() {
    assert_same(let_else_initializer_with_a_yield::case());
}

// E0614 "type `Option<i64>` cannot be dereferenced": the binding of a `while let` read under a condition
// before a yield in the loop body (found with DIFFTEST_SEED=42). Feature `while-let-binding`.
twins!(gen while_let_binding_read_conditionally(;) {
    let mut it = 0..2i64;
    while let Some(x) = it.next() {
        if fx("c", 0) > 0 {
            fx("x", x);
        }
        yield_!(1);
    }
});

#[test]
fn while_let_binding_read_conditionally() {
    assert_same(while_let_binding_read_conditionally::case());
}

// ---- Compile failures (the plain twin compiles) -------------------------------------------------------------

// Was E0284 "type annotations needed" (fixed after 2542af6): `x = yield_!(..)` in a labeled block inside a loop
// (program 23 of the default seed with `resume-assign-nested` on). Feature `resume-assign-nested`.
twins!(res resume_assign_in_a_labeled_block_in_a_loop(r; p1: i64 = 0) {
    let v1 = D::new("d2", 8);
    let mut it = (p1..1i64).rev();
    while let Some(v3) = it.next() {
        let v6 = yield_!((v3 + v1.get()) + md(r, 3));
        {
            let v7 = 'b8: {
                p1 = yield_!(v6 + fx("f9", 9));
            };
        }
    }
    let v19 = res("q18", p1 - v1.get())?;
    Ok(md(r, 2))
});

#[test]
fn resume_assign_in_a_labeled_block_in_a_loop() {
    assert_same(resume_assign_in_a_labeled_block_in_a_loop::case());
}

// ---- Found by the seed-42 sweep of 2026-11-26 ------------------------------------------------------------

// A use followed by `return` in its leaf counts as the local's last use; two such uses before the same return
// (`r + fx(.., r)`) both moved the drop-flagged `r` out of its flag: the second panicked with "stackless internal
// error: a moved-out local was used" (seed 42, program 1110).
twins!(res two_reads_before_a_return(r;) {
    let mut v1 = D::new("d2", 4);
    {
        {
            let mut v3 = String::from("s4");
            yield_!(fx("f5", fx("f6", r)));
        }
        if r < v1.get() { return Ok((r + fx("f7", r))); }
        r += v1.get();
    }
    let mut v8 = ((md(v1.get(), 4)..md(yield_!(r), 4) + 1).count() as i64);
    match md(v8, 3) { 0 => {
        let mut v9 = 'b10: {
            let mut v12 = yield_!(fx("f11", v1.get()));
            let mut v15 = yield_!((if yield_!(v12) >= (if cnd("c13", fx("f14", 1)) { v12 } else { r }) { [r, v1.get()][md(v1.get(), 2) as usize] } else { yield_!(v12) }));
            (v1.get() - v15)
        };
    } 1 => {
        fx("f16", lens(&format!("{}.", v8)));
    } _ => {
        let mut c17 = 0;
        'l18: while c17 < 2 {
            c17 += 1;
            let mut v19 = D::new("d20", c17);
        }
    } }
    Err(sv("e22", fx("f21", v8)))
});

#[test]
fn two_reads_before_a_return() {
    assert_same(two_reads_before_a_return::case());
}

// Cancelled at the `yield_!` inside the second element of a `for` iterator's `vec!`: the plain fn unwinds the
// half-built operands (`d5`) before the statement's temporary (`t7`); the state dropped them in reverse
// declaration order instead (seed 42, program 5725, trimmed to its first statements).
twins!(opt temporary_and_operand_spilled_before_a_yield(r; p0: String = String::from("x")) {
    let v1 = D::new("d2", lens(&p0) + r);
    for v4 in vec![D::new("d5", md(lens(&p0), 5)), D::new("d6", D::new("t7", 8).get() + yield_!(9))] {
        let v8 = yield_!(lens(&format!("{}.", 4)));
    }
    Some(v1.get())
});

#[test]
fn temporary_and_operand_spilled_before_a_yield() {
    assert_same(temporary_and_operand_spilled_before_a_yield::case());
}

// Was E0308 "no two closures, even if identical, have the same type": the code after a loop that contains a yield
// was emitted once per resume arm, so a closure defined there and held across a later yield got two types.
// Fixed: a join point before the closure's `let` makes the arms that reach it go on in one arm of its own.
// Feature `closure-anywhere`.
twins!(gen closure_after_a_loop_with_a_yield(;) {
    for _i in 0..2 { yield_!(0); }
    let f = |z: i64| z + 1;
    while f(1) > 5 {
        yield_!(1);
    }
});

#[test]
fn closure_after_a_loop_with_a_yield() {
    assert_same(closure_after_a_loop_with_a_yield::case());
}

// Was E0502 "cannot borrow as mutable because it is also borrowed as immutable" (seed 42, program 2676): inside
// formatting arguments, which read a local with a drop flag through a shared borrow, the operands of a method's
// rvalue receiver (`(0..lens(&p0)).count()`) were reached mutably, as a place receiver is (`it.next()`). Fixed:
// only a place receiver is. Feature `closure-anywhere` (the closure's move gives `p0` its drop flag).
twins!(opt flagged_local_in_a_receiver_operand_inside_format_args(r; k: i64 = 0, p0: String = String::from("ab")) {
    match md(k, 2) {
        1 => {
            let mut g = move |z: i64| z - lens(&p0);
            yield_!(g(1));
        }
        _ => {
            yield_!(1);
            let mut s = format!("{}-{}", p0, (0..lens(&p0)).count() as i64);
            yield_!(lens(&s));
        }
    }
    yield_!(9);
    Some(r)
});

#[test]
fn flagged_local_in_a_receiver_operand_inside_format_args() {
    assert_same(flagged_local_in_a_receiver_operand_inside_format_args::case());
}

// Was E0277 "the size for values of type `str` cannot be known" (seed 7, program 2776): in the arm of the first
// `yield_!`, both branches of `v3`'s initializer suspend (a loop left only by `break yield_!(..)`, a `match` whose
// arms all suspend), but only the `match` was seen to: `v3` was bound to the `if`'s `!` there, and
// `lens(&v3)` typed it `str`. Fixed: an initializer with a loop that never completes in the arm, in any of its
// branches, binds nothing, as a bare such loop already did.
twins!(res initializer_whose_branches_all_suspend_one_in_a_loop(r; p1: i64 = 2, p2: String = String::from("ab")) {
    yield_!(1);
    let mut v3 = if cnd("c4", p1) {
        let mut c6 = 0;
        let mut v5 = 'l7: loop {
            if c6 >= 1 { break yield_!(7); }
            c6 += 1;
            yield_!(2);
        };
        String::from("s24")
    } else {
        match md(p1, 2) { 0 => { yield_!(3); } _ => { yield_!(4); } }
        p2.clone()
    };
    Err(sv("e30", (r - lens(&v3))))
});

#[test]
fn initializer_whose_branches_all_suspend_one_in_a_loop() {
    assert_same(initializer_whose_branches_all_suspend_one_in_a_loop::case());
}

// Was a runtime mismatch (seed 7, program 5401): a temporary in the scrutinee of a `match` that is itself an
// operand of a `match` scrutinee (`match md(match T.get() { .. }, 3) { .. }`) was dropped before the outer arms'
// suspension points; a scrutinee is no terminating scope, so in the plain fn it lives to the end of the outer
// `match`. Fixed: temporaries are hoisted out of a nested `match`'s scrutinee too. Feature `expr-forms`.
twins!(gen temporary_in_a_nested_match_scrutinee(; v5: i64 = 13) {
    yield_!(1);
    match md((match md((D::new("t8", v5).get() + v5), 2) { 0 => v5, _ => fx("f9", v5) }), 3) {
        0 => { yield_!(2); }
        _ => { yield_!(v5 + v5); }
    }
});

#[test]
fn temporary_in_a_nested_match_scrutinee() {
    assert_same(temporary_in_a_nested_match_scrutinee::case());
}

// Were runtime mismatches (seed 7, programs 2903 and 3071): `format!` (like `print!`s and `assert!`) ends its
// arguments' temporaries inside its own expansion, but they were hoisted to live to the end of the statement
// (past the `match` arms' suspension points), and with a `yield_!` in the arguments the spilled temporary was
// dropped after the rest of the statement. Fixed: no hoisting out of such a macro, and one that suspends is
// evaluated in a block of its own. Feature `expr-forms`.
twins!(opt temporary_in_format_arguments(r; v1: i64 = 2) {
    match md(lens(&format!("{}.", (D::new("t4", v1).get() + 3))), 3) {
        0 => { yield_!(v1); }
        _ => { yield_!(2); }
    }
    fx("f7", lens(&format!("{}.", (D::new("t8", 4).get() + yield_!(v1)))));
    Some(r)
});

#[test]
fn temporary_in_format_arguments() {
    assert_same(temporary_in_format_arguments::case());
}

// Was a runtime mismatch on cancellation (seed 7, program 2882): in `vec![d11, D::new("d13", (D::new("t14",
// yield_!(..)).get() + yield_!(..)))]`, the receiver `D::new("t14", ..)` of the borrowing `get` suspends, so it
// was evaluated into an operand local and dropped before `d11` when cancelled at the second `yield_!`; it is a
// temporary of the statement, which an unwinding plain fn drops after the evaluated operands. Fixed: a
// borrowed rvalue receiver evaluated before a suspension is a `__temporary`.
twins!(opt borrowed_receiver_that_suspends(r;) {
    let mut v1 = D::new("d2", r);
    let mut v10 = vec![D::new("d11", fx("f12", r)), D::new("d13", (D::new("t14", yield_!(v1.get())).get() + yield_!(v1.get())))];
    None
});

#[test]
fn borrowed_receiver_that_suspends() {
    assert_same(borrowed_receiver_that_suspends::case());
}

// Was E0308 "no two closures have the same type" (seed 7, program 8279): a closure in the tail of a block
// assigned to a deferred local (`v10 = { let dd = D::new(.., if c { 4 } else { yield_!(r) }); move |z| .. };`)
// was emitted by two arms and got no join point: only a `let`'s block tail had one. Fixed: an assignment's
// block tail too. Features `deferred-init`, `closure-anywhere`.
twins!(opt closure_assigned_from_a_block_that_suspends(r; v7: i64 = 1) {
    let mut v10;
    v10 = { let dd = D::new("d11", (if r < (D::new("t12", v7).get() + r) { 4 } else { yield_!(r) })); move |z: i64| z + dd.get() + 1 };
    yield_!(v10(1));
    Some(v10(2))
});

#[test]
fn closure_assigned_from_a_block_that_suspends() {
    assert_same(closure_assigned_from_a_block_that_suspends::case());
}

// Was E0499 "cannot borrow as mutable more than once": a local with a drop flag is reached through a `&mut`
// helper, so `v.push(lenv(&v))` (which plain Rust accepts through a two-phase borrow) borrowed it mutably twice.
// Fixed: the arguments are evaluated first. Feature `multi-use`.
twins!(gen two_reads_of_a_conditionally_moved_local(; c: bool = false, v: Vec<i64> = vec![1]) {
    v.push(lenv(&v));
    if c { drop(v); }
    yield_!(1);
});

#[test]
fn two_reads_of_a_conditionally_moved_local() {
    assert_same(two_reads_of_a_conditionally_moved_local::case());
}

// ---- Temporaries after a suspension point inside aggregates (issue 16) -----------------------------------------

// Seed 0x7ea, program 740, shrunk: an operand after the suspension point of an array that is indexed created a
// temporary (`D::new("t14", ..)`, borrowed by `get`); the indexed array was evaluated into a hidden local, whose
// `let` ended the temporary before `fx` ran. In the plain fn it lives to the end of the statement. The same for
// every aggregate that is then projected (indexed, a field taken), nested or not.
twins!(opt temporary_after_a_suspension_in_an_indexed_array(r; p1: i64 = 3) {
    let v3 = String::from("abc");
    fx("f13", [yield_!(lens(&v3)), (D::new("t14", p1).get() + r)][md(r, 2) as usize]);
    Some(r)
});

#[test]
fn temporary_after_a_suspension_in_an_indexed_array() {
    assert_same(temporary_after_a_suspension_in_an_indexed_array::case());
}

twins!(opt temporary_after_a_suspension_in_a_projected_tuple(r;) {
    fx("f1", ({ yield_!(1); 0 }, D::new("t2", r).get()).1);
    fx("f3", ({ yield_!(2); 0 }, (D::new("t4", r).get(), D::new("t5", 5).get())).1.0);
    Some(r)
});

#[test]
fn temporary_after_a_suspension_in_a_projected_tuple() {
    assert_same(temporary_after_a_suspension_in_a_projected_tuple::case());
}

twins!(opt temporary_after_a_suspension_in_a_struct_literal_field(r;) {
    fx("f1", P { a: yield_!(1), b: D::new("t2", r).get() }.b);
    fx("f3", pts(P { a: yield_!(2), b: [D::new("t4", r).get(), 1][0] }));
    Some(r)
});

#[test]
fn temporary_after_a_suspension_in_a_struct_literal_field() {
    assert_same(temporary_after_a_suspension_in_a_struct_literal_field::case());
}

// The aggregate holding the suspension point is itself an operand evaluated before a later one: its
// temporaries must outlive the second suspension too.
twins!(opt temporary_in_an_aggregate_before_a_second_suspension(r;) {
    let t = fx("f1", [[yield_!(1), D::new("t2", r).get()][1], yield_!(2)][0] + ([{ yield_!(3); 1 }, D::new("t4", 4).get()], yield_!(4)).0[1]);
    Some(t)
});

#[test]
fn temporary_in_an_aggregate_before_a_second_suspension() {
    assert_same(temporary_in_an_aggregate_before_a_second_suspension::case());
}

twins!(gen temporary_after_a_suspension_in_a_nested_array(; x: i64 = 2) {
    fx("f1", [[0, { yield_!(1); 1 }, D::new("t2", x).get()][2], 5][0]);
    let v = vec![fx("f3", [(yield_!(2), D::new("t4", x).get()).1][0])];
    consume("v", v);
});

#[test]
fn temporary_after_a_suspension_in_a_nested_array() {
    assert_same(temporary_after_a_suspension_in_a_nested_array::case());
}

// ---- A held local moved out by `break` (found by the parity corpus) --------------------------------------------

// In a loop whose body suspends, `break v` (and `let w = v; break w;`) with `v` held across the `yield_!` was
// E0507: the use wasn't taken for `v`'s last one, since `v` is live on the path that goes round the loop, so the
// arm kept working on `v` in place and tried to move out of it. After a `break`, what counts is what is live
// after the loop. (`return v` already worked: nothing follows a return.)
twins!(opt break_with_a_held_local_as_its_value(r;) {
    let mut v = vec![D::new("d1", 1)];
    let got = loop {
        if md(r, 3) == 0 {
            break v;
        }
        v.push(D::new("d2", r));
        r = yield_!(lenv(&v));
    };
    Some(lenv(&got))
});

#[test]
fn break_with_a_held_local_as_its_value() {
    assert_same(break_with_a_held_local_as_its_value::case());
}

twins!(opt break_with_a_local_moved_just_before(r;) {
    let d = D::new("d1", 1);
    let mut n = 0;
    let got = 'outer: loop {
        loop {
            n += 1;
            if n > 2 {
                let w = d;
                break 'outer w;
            }
            r = yield_!(d.get() + r);
        }
    };
    Some(got.get())
});

#[test]
fn break_with_a_local_moved_just_before() {
    assert_same(break_with_a_local_moved_just_before::case());
}

// ---- Drop order of a deferred-initialized local assigned after a suspension (seed 0x5151, program 535) ---------

// `v16` is declared (without a value) before `v1`, so the plain fn drops `v1`'s `d2` before the `d17` captured by
// the closure later assigned to `v16`; the coroutine dropped `d17` first.
twins!(opt deferred_init_local_assigned_after_a_suspension_drops_after_later_locals(r;) {
    let mut v16;
    let mut v1 = D::new("d2", r - 4);
    r = yield_!(r);
    v16 = {
        let dd = D::new("d17", r);
        move |z: i64| z + dd.get() + (-2)
    };
    Some(r - fx("f18", r))
});

#[test]
fn deferred_init_local_assigned_after_a_suspension_drops_after_later_locals() {
    assert_same(deferred_init_local_assigned_after_a_suspension_drops_after_later_locals::case());
}

// ---- Runaway programs -----------------------------------------------------------------------------------

// A program that doubles a `Vec` on each time round a loop, between two yields (seed 0x9a13f, program 2479, a
// generator flaw rather than a macro bug): both twins stop at `MAX_EVENTS` trace entries with `too many events`
// instead of running out of memory, and their traces still compare.
twins!(opt doubling_between_two_yields(r; p: Vec<i64> = vec![5, 6]) {
    yield_!(1);
    loop {
        for v in p.clone() {
            fx("v", v);
            p.push(v);
        }
    }
});

#[test]
fn a_runaway_program_stops_at_the_event_limit() {
    assert_same(doubling_between_two_yields::case());
}

// ---- A local typed from an `if` whose both branches suspend in their conditions (seed 7, program 20595) -------

twins!(res a_local_typed_after_suspensions_in_both_branches_of_its_if(r; p0: String = String::from("ab"), p1: i64 = 2, p2: String = String::from("c")) {
    let mut v1 = D::new("d2", (r + lens(&p2)));
    let mut v3 = if fx("f4", v1.get()) >= v1.get() {
        ((P { a: yield_!(p1), b: (D::new("t14", r).get() + 0) }).b - (D::new("t15", p1).get() + 3))
    } else {
        let mut v17 = if (match md(yield_!(v1.get()), 2) { 0 => p1, _ => r }) < lens(&p0) {
            let mut v18 = yield_!((match md(((-1) - p1), 2) { 0 => (yield_!(r) + r), _ => md(p1, 2) }));
            let mut c20 = 0;
            let mut v19 = 'l21: loop {
                if c20 >= 2 { break (r - yield_!(v18)); }
                c20 += 1;
            };
            sv("s25", (r - 8))
        } else {
            match md(yield_!(5), 3) { 0 => {
            } 1 => {
            } _ => {
            } }
            format!("{}-{}", p0, (lens(&p0) + p1))
        };
        md(lens(&v17), 4)
    };
    Ok(lens(&p0))
});

#[test]
fn a_local_typed_after_suspensions_in_both_branches_of_its_if() {
    assert_same(a_local_typed_after_suspensions_in_both_branches_of_its_if::case());
}

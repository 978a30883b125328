//! Bugs found by the differential tester, the examples and the ported tests, each pinned by the smallest
//! program that showed it.
mod common;
use common::step;
use core::pin::Pin;
use stackless::{Coroutine, CoroutineState};

/// A local matched by value inside a loop, one arm breaking out, and the local read after the loop: the match
/// must not move it (it is live on the `break` edge).
#[stackless::coroutine(resume = mut input)]
fn last_was_none() -> impl Coroutine<Option<u8>, Yield = (), Return = bool> {
    loop {
        input = yield_!();
        match input {
            Some(_c) => {}
            None => break,
        }
    }
    input.is_none()
}

#[test]
fn a_value_used_after_a_break_is_not_moved_by_the_match_before_it() {
    let mut c = last_was_none();
    assert_eq!(step(&mut c, Some(0)), CoroutineState::Yielded(()));
    assert_eq!(step(&mut c, Some(1)), CoroutineState::Yielded(()));
    assert_eq!(step(&mut c, Some(2)), CoroutineState::Yielded(()));
    assert_eq!(step(&mut c, None), CoroutineState::Complete(true));
}

/// A flagged local read twice in a loop inside one expression (`x - x` in one iteration, `p += x` in the
/// same loop): the last textual use is not the last use, the loop reads it again.
#[allow(clippy::eq_op, dropping_copy_types)] // the shape the differential tester generated
#[stackless::coroutine(resume = mut r)]
fn reread_in_a_loop(mut p: i64) -> impl Coroutine<i64, Yield = i64, Return = i64> {
    let v = Some(r + 3).filter(|v| *v > 0).unwrap_or(1);
    if p > 100 {
        drop(v);
        return 0;
    }
    let mut c = 0;
    let w = loop {
        if c >= 2 {
            break v - v;
        }
        c += 1;
        p += v;
    };
    r = yield_!(p);
    p + w + r
}

#[test]
fn a_use_inside_a_loop_of_an_expression_is_never_its_last() {
    let mut c = reread_in_a_loop(1);
    assert_eq!(step(&mut c, 1), CoroutineState::Yielded(9));
    assert_eq!(step(&mut c, 5), CoroutineState::Complete(14));
}

/// Two exclusive moves of one local in the branches of an `if` (the tokenizer's `Kind::Ident(text)` /
/// `Kind::Number(text)`): each is the last use on its path.
#[stackless::coroutine]
fn either_branch_moves(words: Vec<String>) -> impl Iterator<Item = Result<String, String>> {
    for w in words {
        let text = w.clone();
        yield_!(Ok(w));
        let kind = if text.len() > 2 { Ok(text) } else { Err(text) };
        yield_!(kind);
    }
}

#[test]
fn moves_in_exclusive_branches_are_each_the_last_use() {
    let out: Vec<_> = either_branch_moves(vec!["abc".into(), "x".into()]).collect();
    assert_eq!(out, [Ok("abc".into()), Ok("abc".into()), Ok("x".into()), Err("x".into())]);
}

/// A suspension inside the initializer of `let ... else` (the initializer becomes a block, which `let ... else`
/// only accepts in parentheses).
#[stackless::coroutine(resume = r)]
fn let_else_with_a_yield_inside() -> impl Coroutine<i64, Yield = i64, Return = Option<i64>> {
    let Some(v) = Some(yield_!(r)).filter(|v| *v > 0) else {
        return None;
    };
    Some(v * 2)
}

#[test]
fn a_suspension_in_a_let_else_initializer() {
    let mut c = let_else_with_a_yield_inside();
    assert_eq!(step(&mut c, 4), CoroutineState::Yielded(4));
    assert_eq!(step(&mut c, 5), CoroutineState::Complete(Some(10)));
    let mut c = let_else_with_a_yield_inside();
    assert_eq!(step(&mut c, 4), CoroutineState::Yielded(4));
    assert_eq!(step(&mut c, -1), CoroutineState::Complete(None));
}

/// A `move` closure using a local held in the state captures a copy of its value, not the reference the resume
/// arm reaches it through (difftest `closure-capture`).
#[stackless::coroutine]
fn move_closure_over_a_held_local() -> impl Iterator<Item = i64> {
    let mut c = 0i64;
    while c < 4 {
        c += 1;
        if c > 2 {
            yield_!(-1);
        } else {
            let v: Vec<i64> = (0..3i64).map(move |z| z * c).collect();
            yield_!(v.iter().sum());
        }
    }
}

#[test]
fn move_closures_capture_values_of_held_locals() {
    assert_eq!(move_closure_over_a_held_local().collect::<Vec<_>>(), [3, 6, -1, -1]);
}

/// A labeled block with a suspension point as an initializer, left by `break 'label` or by its tail
/// (difftest `labeled-block-yield`).
#[stackless::coroutine]
fn labeled_block_initializer(early: bool) -> impl Iterator<Item = i32> {
    let v = 'b: {
        yield_!(1);
        if early {
            break 'b 10;
        }
        yield_!(2);
        5
    };
    yield_!(v + 1);
}

#[test]
fn labeled_blocks_with_suspension_points() {
    assert_eq!(labeled_block_initializer(true).collect::<Vec<_>>(), [1, 11]);
    assert_eq!(labeled_block_initializer(false).collect::<Vec<_>>(), [1, 2, 6]);
}

/// Or-patterns bind each name once, in every alternative (the diagnostics suite's bug A).
#[stackless::coroutine]
fn or_patterns(v: Vec<Result<u8, u8>>) -> impl Iterator<Item = u8> {
    for r in v {
        match r {
            Ok(x) | Err(x) => {
                yield_!(x);
                yield_!(x + 1);
            }
        }
    }
    for Ok(y) | Err(y) in vec![Ok::<u8, u8>(7)] {
        yield_!(y);
    }
}

#[test]
fn or_patterns_bind_once() {
    assert_eq!(or_patterns(vec![Ok(1), Err(5)]).collect::<Vec<_>>(), [1, 2, 5, 6, 7]);
}

/// A loop whose resumed rest always breaks: its next iterations are unreachable from that arm, and must not be
/// emitted there, where the dead locals they read are declared without a value (the diagnostics suite's bug B).
#[stackless::coroutine]
fn always_breaks_after_resuming() -> impl Iterator<Item = i32> {
    let a = 10;
    let b = 100;
    loop {
        yield_!(a + b);
        break;
    }
    for i in 0..2 {
        if i == 0 {
            yield_!(i);
            break;
        }
    }
}

#[test]
fn loops_left_right_after_resuming() {
    assert_eq!(always_breaks_after_resuming().collect::<Vec<_>>(), [110, 0]);
}

/// A suspension point inside the `else` block of `let ... else` (the block diverges after it).
#[stackless::coroutine(resume = r)]
fn let_else_block_suspends() -> impl Coroutine<Option<i64>, Yield = i64, Return = i64> {
    let Some(mut v) = r else {
        let why = yield_!(-1);
        return why.unwrap_or(-2);
    };
    v += 1;
    yield_!(v);
    v
}

#[test]
fn a_suspension_in_a_let_else_block() {
    let mut c = let_else_block_suspends();
    assert_eq!(step(&mut c, Some(1)), CoroutineState::Yielded(2));
    assert_eq!(step(&mut c, None), CoroutineState::Complete(2));
    let mut c = let_else_block_suspends();
    assert_eq!(step(&mut c, None), CoroutineState::Yielded(-1));
    assert_eq!(step(&mut c, Some(7)), CoroutineState::Complete(7));
}

/// A local with a drop flag used as a method receiver and in the arguments (`v.push(v.len())`): the arguments
/// are evaluated first, as the plain fn's two-phase borrow allows (the difftest's `multi-use`).
#[stackless::coroutine]
fn receiver_in_its_own_arguments(c: bool, mut v: Vec<usize>) -> impl Iterator<Item = usize> {
    v.push(v.len());
    if c {
        drop(v);
    }
    yield_!(1);
}

#[test]
fn a_drop_flagged_receiver_read_in_its_arguments() {
    assert_eq!(receiver_in_its_own_arguments(false, vec![7]).collect::<Vec<_>>(), [1]);
    assert_eq!(receiver_in_its_own_arguments(true, vec![]).collect::<Vec<_>>(), [1]);
}

/// A value-producing `if`/`match` whose other branches jump away without suspending (`else { continue }`,
/// `_ => return ..`) and a labeled block left by a `break` outside the resumed path: the value is only bound
/// where it arrives (the seed-42 sweep).
#[stackless::coroutine]
fn branches_that_jump_away(v: Vec<i64>) -> impl Coroutine<Yield = i64, Return = Option<i64>> {
    let mut total = 0;
    for x in v {
        let doubled = if x > 0 {
            yield_!(x);
            x * 2
        } else {
            continue;
        };
        let kind = match doubled % 3 {
            0 => {
                yield_!(0);
                30
            }
            1 => 10,
            _ => return Some(total),
        };
        let bonus = 'b: {
            if kind == 10 {
                break 'b 1;
            }
            yield_!(kind);
            2
        };
        total += doubled + kind + bonus;
    }
    None
}

#[test]
fn branches_without_suspension_points_that_jump_away() {
    let (ys, ret) = common::run(branches_that_jump_away(vec![3, -1, 2, 1]));
    // 3: yields 3, doubled 6 (% 3 == 0): yields 0, kind 30, yields 30, bonus 2; -1: skipped; 2: yields 2,
    // doubled 4 (% 3 == 1): kind 10, bonus 1; 1: yields 1, doubled 2 (% 3 == 2): returns the total.
    assert_eq!(ys, [3, 0, 30, 2, 1]);
    assert_eq!(ret, Some(6 + 30 + 2 + 4 + 10 + 1));
}

/// A value-producing `loop` whose only `break` carries a yield: resumed inside it at the other suspension point,
/// the loop never completes in that arm, so the code after it must not be type-checked there with the loop's
/// `!` as the value (it was: "cannot add `!` to `i64`").
#[stackless::coroutine(resume = mut r)]
fn loop_broken_only_by_a_yield(mut n: i64) -> impl Coroutine<i64, Yield = i64, Return = i64> {
    let mut c = 0;
    let v = loop {
        if c >= 2 {
            break yield_!(100);
        }
        c += 1;
        n += yield_!(c);
    };
    v + n + r
}

#[test]
fn a_loop_left_only_through_a_yielding_break_binds_its_value_where_it_arrives() {
    let mut c = loop_broken_only_by_a_yield(0);
    assert_eq!(step(&mut c, 0), CoroutineState::Yielded(1));
    assert_eq!(step(&mut c, 10), CoroutineState::Yielded(2));
    assert_eq!(step(&mut c, 20), CoroutineState::Yielded(100));
    assert_eq!(step(&mut c, 7), CoroutineState::Complete(7 + 30));
}

fn text(n: i64) -> String {
    format!("<{n}>")
}

/// A local whose value arrives in two arms (the `else` branch binds `None` where the coroutine starts, the
/// `then` branch `Some(..)` where it resumes): each arm alone can't infer `Option<_>`'s parameter (E0282), the
/// plain fn infers it from the whole body.
#[stackless::coroutine(resume = mut r)]
fn typed_by_another_arm() -> impl Coroutine<i64, Yield = i64, Return = i64> {
    let mut n = 0;
    while n < 3 {
        n += 1;
        let v = if n % 2 == 1 { Some(text(yield_!(n + r))) } else { None };
        drop(v);
    }
    n
}

#[test]
fn a_local_typed_only_by_the_branch_that_suspends_is_inferred_across_arms() {
    let mut c = typed_by_another_arm();
    assert_eq!(step(&mut c, 10), CoroutineState::Yielded(11));
    assert_eq!(step(&mut c, 1), CoroutineState::Yielded(13));
    assert_eq!(step(&mut c, 3), CoroutineState::Complete(3));
}

/// The last use of a held local as the receiver of a method the macro doesn't know that takes `self`
/// (`Option::map_or`): the arm resuming before it must own the local (it read it in place: E0507).
#[stackless::coroutine(resume = r)]
fn consumed_by_an_unknown_method() -> impl Coroutine<i64, Yield = (), Return = usize> {
    let v = Some(text(r));
    yield_!();
    v.map_or(0, |s| s.len())
}

#[test]
fn a_held_local_consumed_by_a_method_of_any_name_at_its_last_use() {
    let mut c = consumed_by_an_unknown_method();
    assert_eq!(step(&mut c, 12), CoroutineState::Yielded(()));
    assert_eq!(step(&mut c, 0), CoroutineState::Complete(4));
}

fn count(v: &[String]) -> usize {
    v.len()
}

/// A suspension point in dead code (after a labeled block that always returns): its state is never built, so
/// its arm must not be emitted as a continuation typed from nothing (`v` was inferred as `[_]`: E0277).
#[allow(unreachable_code)]
#[stackless::coroutine]
fn yield_after_a_block_that_returns() -> impl Iterator<Item = usize> {
    let v = vec![String::new()];
    'b: {
        for _ in 0..2 {
            yield_!(count(&v));
        }
        return;
    };
    yield_!(count(&v));
}

#[test]
fn a_suspension_point_in_dead_code_compiles_and_never_runs() {
    assert_eq!(yield_after_a_block_that_returns().collect::<Vec<_>>(), [1, 1]);
}

/// A receiver chain with a suspension point in its first call's arguments (`v.get(yield_!(..)).copied()`)
/// before another suspension point in the statement: the hidden local holding `v.get(..)` borrows `v`, and was
/// held across the second suspension as if it could need dropping (E0505).
#[stackless::coroutine(resume = r)]
fn spilled_receiver_consumed_by_the_chain(v: Vec<i64>) -> impl Coroutine<i64, Yield = i64, Return = i64> {
    v.get(usize::try_from(yield_!(0)).unwrap_or(0)).copied().unwrap_or(yield_!(1)) + r
}

#[test]
fn a_spilled_rvalue_receiver_is_consumed_by_its_method() {
    let mut c = spilled_receiver_consumed_by_the_chain(vec![10, 20]);
    assert_eq!(step(&mut c, 5), CoroutineState::Yielded(0));
    assert_eq!(step(&mut c, 1), CoroutineState::Yielded(1));
    assert_eq!(step(&mut c, 7), CoroutineState::Complete(25));
}

/// A method on a drop-flagged local inside formatting arguments (`format!("{}", it.next()..)`): formatting reads
/// are shared, but the method needs its receiver mutably (E0596).
#[stackless::coroutine]
fn method_in_formatting_arguments() -> impl Iterator<Item = String> {
    for n in 0..2 {
        let mut it = (0..n + 2).rev();
        yield_!(format!("{} {}", it.next().unwrap_or(0), it.next().unwrap_or(0)));
    }
}

#[test]
fn a_method_in_formatting_arguments_may_borrow_mutably() {
    assert_eq!(method_in_formatting_arguments().collect::<Vec<_>>(), ["1 0", "2 1"]);
}

/// An iterator over a borrowed argument held across suspension points: the borrow is not into the state, so
/// the check for borrows of owned locals (`let it = v.iter();` with `let v = vec![..];`) must let it through.
#[stackless::coroutine]
fn iterator_over_a_borrowed_argument(v: &[u32]) -> impl Iterator<Item = u32> + '_ {
    let s = v;
    let mut it = s.iter().rev();
    yield_!(0);
    while let Some(x) = it.next() {
        yield_!(*x);
    }
}

#[test]
fn an_iterator_over_borrowed_data_can_be_held() {
    assert_eq!(iterator_over_a_borrowed_argument(&[1, 2]).collect::<Vec<_>>(), [0, 2, 1]);
}

/// A local whose type only the suspending branch of its initializer fixes, used (a method call, a coercion) in
/// the arm rustc checks first: that arm keeps the branch's rest after the suspension as dead code, typed with
/// the resume type, so it infers the type itself (E0282, or `Option<str>` from `&v` coerced to `&str`).
#[stackless::coroutine(resume = r)]
fn typed_by_the_dead_rest_of_a_branch() -> impl Coroutine<i64, Yield = (), Return = (usize, usize)> {
    let v = if r > 0 { None } else { Some(text(yield_!())) };
    let w = if r > 1 { None } else { Some(format!("{}{}", yield_!(), yield_!())) };
    let first = v.unwrap_or_default().len();
    (first, w.as_deref().map_or(0, str::len))
}

#[test]
fn a_local_typed_by_its_suspending_branch_is_usable_before_that_arm() {
    let mut c = typed_by_the_dead_rest_of_a_branch();
    assert_eq!(step(&mut c, 0), CoroutineState::Yielded(()));
    assert_eq!(step(&mut c, 123), CoroutineState::Yielded(()));
    assert_eq!(step(&mut c, 4), CoroutineState::Yielded(()));
    assert_eq!(step(&mut c, 56), CoroutineState::Complete((5, 3)));
    let mut c = typed_by_the_dead_rest_of_a_branch();
    assert_eq!(step(&mut c, 9), CoroutineState::Complete((0, 0)));
}

/// The dead rest of a suspending path is emitted only where its value is the initializer's: here the
/// suspension is in a statement (a `match` on a yield) before the branch's tail, and its rest's `()` became the
/// branch's value ("`match` arms have incompatible types").
#[stackless::coroutine(resume = r)]
fn suspension_in_a_statement_of_a_typed_initializer(c: bool) -> impl Coroutine<i64, Yield = i64, Return = i64> {
    let v = if c {
        let mut n = 0;
        match yield_!(1) - 4 {
            0 => n += 1,
            1 => n += 2,
            _ => {}
        }
        yield_!(2) + r + n
    } else {
        3
    };
    v
}

#[test]
fn a_suspension_before_the_tail_of_a_typed_initializer() {
    let mut c = suspension_in_a_statement_of_a_typed_initializer(true);
    assert_eq!(step(&mut c, 10), CoroutineState::Yielded(1));
    assert_eq!(step(&mut c, 4), CoroutineState::Yielded(2));
    assert_eq!(step(&mut c, 5), CoroutineState::Complete(16));
    assert_eq!(step(&mut suspension_in_a_statement_of_a_typed_initializer(false), 0), CoroutineState::Complete(3));
}

struct Token(i64);

impl Drop for Token {
    fn drop(&mut self) {}
}

/// A drop-flagged local moved in a branch that returns, inside a leaf whose continuation still uses it: the move
/// is its last use on that path (it was read through the flag in place: E0507).
#[stackless::coroutine]
fn moved_in_a_returning_branch(stop: bool, again: bool) -> impl Iterator<Item = i64> {
    let t = Token(1);
    if stop {
        drop(t);
        return;
    }
    yield_!(t.0);
    if again {
        drop(t);
    }
    yield_!(2);
}

#[test]
fn a_local_moved_in_a_branch_that_returns() {
    assert_eq!(moved_in_a_returning_branch(true, false).count(), 0);
    assert_eq!(moved_in_a_returning_branch(false, true).collect::<Vec<_>>(), [1, 2]);
}

/// A local typed across arms whose `let` is dead code (after a block that always returns): no arm ties its
/// type witness, which must then not be declared (E0282 at the attribute).
#[allow(unreachable_code, clippy::diverging_sub_expression)]
#[stackless::coroutine(resume = r)]
fn typed_local_in_dead_code() -> impl Coroutine<i64, Yield = i64, Return = i64> {
    'b: {
        yield_!(1);
        return r;
    };
    let v = if r > 0 { Some(yield_!(2)) } else { None };
    v.unwrap_or(0)
}

#[test]
fn a_typed_local_in_dead_code() {
    let mut c = typed_local_in_dead_code();
    assert_eq!(step(&mut c, 7), CoroutineState::Yielded(1));
    assert_eq!(step(&mut c, 0), CoroutineState::Complete(7));
}

/// `?` at the start of a block's tail expression (`{ r? + 1 }`): rewritten to a `match`, which in statement
/// position ends the expression unless parenthesized (the output didn't parse; found by the expansion fuzzer).
#[stackless::coroutine(resume = r)]
fn question_mark_starting_a_tail() -> impl Coroutine<Option<i64>, Yield = (), Return = Option<i64>> {
    yield_!();
    let v = { r? + 1 };
    Some(v)
}

#[test]
fn a_question_mark_at_the_start_of_a_tail_expression() {
    let mut c = question_mark_starting_a_tail();
    assert_eq!(step(&mut c, Some(1)), CoroutineState::Yielded(()));
    assert_eq!(step(&mut c, None), CoroutineState::Complete(Some(2)));
    let mut c = question_mark_starting_a_tail();
    assert_eq!(step(&mut c, None), CoroutineState::Yielded(()));
    assert_eq!(step(&mut c, None), CoroutineState::Complete(None));
}

/// A local declared without a value before a `yield_!` and assigned after it (`let x; yield_!(); x = 5;`): the
/// arm that declares it never assigns it, so rustc couldn't type it there (E0282). Each arm now ties its type to
/// a witness shared by the arms. A tuple pattern of such locals, one of them with a drop flag, declared only the
/// first (E0425).
#[stackless::coroutine]
fn declared_before_assigned_after(c: bool) -> impl Iterator<Item = String> {
    let late;
    let (x, y);
    let z: u8;
    yield_!(String::new());
    late = 5;
    if c {
        x = String::from("a");
    } else {
        x = String::from("b");
    }
    y = x.len();
    z = 3;
    yield_!(format!("{x}{y}{z}{late}"));
    if c {
        drop(x);
    }
    yield_!(String::from("end"));
}

#[test]
fn locals_declared_before_a_suspension_and_assigned_after_it() {
    assert_eq!(declared_before_assigned_after(true).collect::<Vec<_>>(), ["", "a135", "end"]);
    assert_eq!(declared_before_assigned_after(false).collect::<Vec<_>>(), ["", "b135", "end"]);
}

/// A `&mut` argument moved into a local after a suspension point: it has no drop glue but isn't `Copy`, so it
/// was taken for a plain value (copied out of the state, E0507 "cannot move out of a mutable reference").
#[stackless::coroutine]
fn reborrowed_after_a_yield(v: &mut Vec<u8>) -> impl Iterator<Item = usize> + '_ {
    yield_!(1);
    let w = v;
    w.push(1);
}

#[test]
fn a_mut_reference_argument_moved_after_a_yield() {
    let mut v = vec![7];
    assert_eq!(reborrowed_after_a_yield(&mut v).collect::<Vec<_>>(), [1]);
    assert_eq!(v, [7, 1]);
}

/// A local named `at`, held at two points of a loop, next to the field that says which point the loop is at.
#[stackless::coroutine]
fn local_named_at(n: u32) -> impl Iterator<Item = u32> + Clone + std::fmt::Debug {
    let mut at = 0;
    while at < n {
        let step = at * 10;
        yield_!(at);
        yield_!(step);
        at += 1;
    }
}

#[test]
fn a_local_named_at_is_its_own_field() {
    let mut g = local_named_at(2);
    assert_eq!(g.next(), Some(0));
    assert_eq!(format!("{g:?}"), "Group0 { at: Suspend0 { step: 0 }, at_2: 0, n: 2 }");
    assert_eq!(g.collect::<Vec<_>>(), [0, 1, 10]);
}

/// A local matched out of one typed across arms (`v` gets its type from the arm that resumes inside its
/// initializer), dead at a later `yield_!`: stored as it is, since `Hold` would guess its type before rustc knows
/// it (difftest seed 7, program 3535).
#[stackless::coroutine]
fn matched_out_of_a_late_typed_value(flag: bool) -> impl Iterator<Item = usize> {
    let v = if flag {
        Some(format!("<{}>", {
            yield_!(1);
            5
        }))
    } else {
        None
    };
    match v {
        Some(_s) => {
            yield_!(2);
        }
        None => yield_!(3),
    }
}

#[test]
fn a_local_matched_out_of_a_late_typed_value_is_held_as_it_is() {
    assert_eq!(matched_out_of_a_late_typed_value(true).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(matched_out_of_a_late_typed_value(false).collect::<Vec<_>>(), [3]);
}

/// A local declared without a value whose only assignment is dead code, after a labeled block that always leaves
/// the loop: no arm runs the assignment, yet it types the local, as in the plain fn (difftest seed 42, program
/// 5002).
#[stackless::coroutine]
fn assigned_only_in_dead_code(mut v: Vec<u32>) -> impl Iterator<Item = u32> {
    'outer: while let Some(x) = v.pop() {
        let described;
        'inner: {
            yield_!(x);
            break 'outer;
        };
        yield_!(0);
        described = format!("{x}");
        yield_!(u32::try_from(described.len()).unwrap_or(0));
    }
    yield_!(u32::try_from(v.len()).unwrap_or(0));
}

/// The same, declared with its type.
#[stackless::coroutine]
fn typed_and_assigned_only_in_dead_code(mut v: Vec<u32>) -> impl Iterator<Item = u32> {
    'outer: while let Some(x) = v.pop() {
        let described: String;
        'inner: {
            yield_!(x);
            break 'outer;
        };
        described = format!("{x}");
        yield_!(u32::try_from(described.len()).unwrap_or(0));
    }
    yield_!(u32::try_from(v.len()).unwrap_or(0));
}

#[test]
fn a_local_assigned_only_in_dead_code_is_typed_by_it() {
    assert_eq!(assigned_only_in_dead_code(vec![1, 2, 3]).collect::<Vec<_>>(), [3, 2]);
    assert_eq!(typed_and_assigned_only_in_dead_code(vec![1, 2, 3]).collect::<Vec<_>>(), [3, 2]);
}

/// A local declared without a value, assigned a value that suspends in one branch (`x = if c { Some(f(yield_!(..)))
/// } else { None };`), then matched: the arm that takes the other branch types the value from the suspending one too,
/// as the plain fn does (difftest seed 42, program 9465).
#[stackless::coroutine(resume = first)]
fn assigned_a_suspending_value() -> impl Coroutine<usize, Yield = usize, Return = usize> {
    let described;
    yield_!(6);
    described = if first == 9 { Some(format!("<{}>", yield_!(1))) } else { None };
    match described {
        Some(text) => {
            yield_!(text.len());
            first
        }
        None => 0,
    }
}

#[test]
fn a_local_assigned_a_suspending_value_is_typed_from_every_branch() {
    let mut co = assigned_a_suspending_value();
    assert_eq!(step(&mut co, 9), CoroutineState::Yielded(6));
    assert_eq!(step(&mut co, 0), CoroutineState::Yielded(1));
    assert_eq!(step(&mut co, 123), CoroutineState::Yielded(5));
    assert_eq!(step(&mut co, 0), CoroutineState::Complete(9));
    let mut co = assigned_a_suspending_value();
    assert_eq!(step(&mut co, 1), CoroutineState::Yielded(6));
    assert_eq!(step(&mut co, 0), CoroutineState::Complete(0));
}

/// In an arm that suspends inside a local's initializer, whose value is typed across arms: a later `let` whose
/// value suspends before control flow (`let text = if yield_!(..) < 5 { .. } else { .. };`) has no dead
/// continuation to type it, so it isn't bound there (bound to a block that never completes, `text` had no type and
/// `text.len()` made it `str`; difftest seed 0x9a9a, program 1826).
#[stackless::coroutine(resume = r)]
fn typed_after_a_suspending_condition() -> impl Coroutine<i64, Yield = i64, Return = i64> {
    let n = match r {
        0 => 1,
        _ => {
            let text = if yield_!(1) < 5 {
                yield_!(2);
                format!("{r}")
            } else {
                String::from("big")
            };
            i64::try_from(text.len()).unwrap_or(0)
        }
    };
    n * 10
}

#[test]
fn a_local_typed_after_a_suspending_condition() {
    let mut co = typed_after_a_suspending_condition();
    assert_eq!(step(&mut co, 12), CoroutineState::Yielded(1));
    assert_eq!(step(&mut co, 9), CoroutineState::Complete(30));
    let mut co = typed_after_a_suspending_condition();
    assert_eq!(step(&mut co, 345), CoroutineState::Yielded(1));
    assert_eq!(step(&mut co, 0), CoroutineState::Yielded(2));
    assert_eq!(step(&mut co, 0), CoroutineState::Complete(30));
    let mut co = typed_after_a_suspending_condition();
    assert_eq!(step(&mut co, 0), CoroutineState::Complete(10));
}

/// A local whose initializer, resumed in its condition, goes on into a branch that suspends and a branch whose
/// loop only leaves through `break yield_!(..)`: in that arm the value never arrives, so nothing is bound and
/// nothing after it is emitted (bound to a block of type `!`, the local had no type and `&v3` made it `str`;
/// difftest seed 0xf6f6, program 1519, failing since before the session that fixed it).
#[stackless::coroutine(resume = mut r)]
fn value_that_never_arrives_in_one_arm() -> impl Coroutine<usize, Yield = usize, Return = usize> {
    let text = if yield_!(1) == 0 {
        r = yield_!(5);
        format!("r{r}")
    } else {
        let mut n = 0;
        let last = loop {
            if n >= 1 {
                break yield_!(n);
            }
            n += 1;
            if n > 5 {
                yield_!(n);
                return 5;
            }
        };
        format!("l{last}{r}")
    };
    text.len()
}

#[test]
fn a_value_that_never_arrives_in_one_arm_is_not_bound_there() {
    let mut co = value_that_never_arrives_in_one_arm();
    assert_eq!(step(&mut co, 0), CoroutineState::Yielded(1));
    assert_eq!(step(&mut co, 0), CoroutineState::Yielded(5));
    assert_eq!(step(&mut co, 123), CoroutineState::Complete(4));
    let mut co = value_that_never_arrives_in_one_arm();
    assert_eq!(step(&mut co, 0), CoroutineState::Yielded(1));
    assert_eq!(step(&mut co, 7), CoroutineState::Yielded(1));
    assert_eq!(step(&mut co, 99), CoroutineState::Complete(4));
}

/// A local held in place written as a struct field shorthand (`Tok { line }`): its use is `(*line)`, so the
/// shorthand is written out. Found by the examples (tokenizer.rs) once more arms ran in place.
#[derive(Debug, PartialEq)]
struct Tok {
    line: u32,
    n: u64,
}

#[stackless::coroutine]
fn toks(n: u64) -> impl Iterator<Item = Tok> {
    let mut line = 1;
    for i in 0..n {
        line += 1;
        yield_!(Tok { line, n: i });
    }
    yield_!(Tok { line, n });
}

#[test]
fn a_struct_field_shorthand_of_a_local_held_in_place() {
    let toks: Vec<Tok> = toks(2).collect();
    assert_eq!(toks, [Tok { line: 2, n: 0 }, Tok { line: 3, n: 1 }, Tok { line: 3, n: 2 }]);
}

/// A shorthand field of a local the macro renames (here the second `line`, shadowing the first, held across the
/// `yield_!` in the literal): the shorthand is written out with the renamed local. Found by the difftest's
/// shorthand form (E0425 at 4ad712b).
#[stackless::coroutine]
fn shadowed_shorthand(first: u32) -> impl Iterator<Item = Tok> {
    let line = first;
    let line = line + 1;
    let t = Tok {
        line,
        n: {
            yield_!(Tok { line: 0, n: 0 });
            7
        },
    };
    yield_!(t);
}

#[test]
fn a_struct_field_shorthand_of_a_renamed_local() {
    let toks: Vec<Tok> = shadowed_shorthand(4).collect();
    assert_eq!(toks, [Tok { line: 0, n: 0 }, Tok { line: 5, n: 7 }]);
}

/// A struct pattern's shorthand field binding a local the macro renames (`let P { x, y } = ..` shadowing held
/// locals): the pattern is written out (`P { x: x_2, .. }`), else rustc looks for a field named after the
/// renamed local (E0026). Found in review.
struct Pt {
    x: usize,
    y: usize,
}

#[stackless::coroutine]
fn shadowed_pattern_shorthand() -> impl Iterator<Item = usize> {
    let x = 0usize;
    let y = 7usize;
    yield_!(x + y);
    let Pt { x, y } = Pt { x: 1, y };
    yield_!(x + y);
    let Pt { ref x, mut y } = Pt { x: 2, y };
    y += 1;
    yield_!(*x + y);
}

#[test]
fn a_struct_pattern_shorthand_of_a_renamed_local() {
    assert_eq!(shadowed_pattern_shorthand().collect::<Vec<_>>(), [7, 8, 10]);
}

/// A local moved in a branch that then returns from inside a nested block (`drop(v); { return None; }`), the
/// condition suspending: the move is the local's last use on that path, so the arm resumed in place must
/// run by value instead of moving out of the state (E0507). Difftest seed 0x0f0f, program 1375.
#[stackless::coroutine(resume = r)]
fn moved_then_returns_from_a_nested_block() -> impl Coroutine<i64, Yield = i64, Return = Option<i64>> {
    let v = String::from("v");
    if yield_!(r) == 0 {
        drop(v);
        {
            return None;
        }
    }
    Some(i64::from(v.len() == 1))
}

#[test]
fn a_move_before_a_return_in_a_nested_block_is_the_last_use() {
    let mut c = moved_then_returns_from_a_nested_block();
    assert_eq!(step(&mut c, 5), CoroutineState::Yielded(5));
    assert_eq!(step(&mut c, 0), CoroutineState::Complete(None));
    let mut c = moved_then_returns_from_a_nested_block();
    step(&mut c, 5);
    assert_eq!(step(&mut c, 1), CoroutineState::Complete(Some(1)));
}

/// A loop's local moved in a branch that then `continue`s, read in the other branch and moved or kept after the
/// `if`, with a suspension point later in the iteration: the move before `continue` is the local's last use on
/// that path (it is dead at the loop's head), so it moves the value out of its drop flag instead of out of a
/// reference (E0507). Difftest seed 0x9a13f, program 1094.
#[stackless::coroutine]
#[allow(clippy::redundant_else)] // the shape that failed: the read is in the branch exclusive with the move
fn moved_then_continues(n: u32) -> impl Iterator<Item = String> {
    let mut i = 0;
    while i < n {
        i += 1;
        let pair = (i, format!("p{i}"));
        if i % 3 == 0 {
            let taken = pair;
            common::log(taken.1);
            continue;
        } else {
            common::log(format!("read {}", pair.0));
        }
        if pair.0 % 2 == 0 {
            common::log("kept");
        } else {
            common::log(pair.1);
        }
        yield_!(format!("at {i}"));
    }
}

#[test]
fn a_move_before_continue_is_the_last_use() {
    let log = common::events(|| {
        let got: Vec<String> = moved_then_continues(4).collect();
        assert_eq!(got, ["at 1", "at 2", "at 4"]);
    });
    assert_eq!(log, common::strs(&["read 1", "p1", "read 2", "kept", "p3", "read 4", "kept"]));
}

/// A `let` whose initializer suspends in both branches, one of which then leaves through an `if` whose branches
/// both `return`: that branch's value never arrives, so it must not type the local (it typed `&v` as `&str`:
/// E0277 on valid Rust). Difftest seed 0xff0c7, program 1400.
#[stackless::coroutine]
#[allow(clippy::redundant_else, clippy::if_same_then_else)] // the shape that failed: both branches return
fn initializer_branch_leaving_through_an_if(flags: Vec<bool>) -> impl Iterator<Item = usize> {
    let mut it = flags.into_iter();
    while let Some(first) = it.next() {
        let word = if first {
            yield_!(1);
            if it.next().unwrap_or(false) {
                return;
            } else {
                return;
            }
        } else {
            yield_!(2);
            String::from("word")
        };
        let n = if word.is_empty() {
            drop(word);
            0
        } else {
            word.len()
        };
        yield_!(n);
    }
}

#[test]
fn a_branch_leaving_through_an_if_does_not_type_the_initializer() {
    assert_eq!(initializer_branch_leaving_through_an_if(vec![false, false]).collect::<Vec<_>>(), [2, 4, 2, 4]);
    assert_eq!(initializer_branch_leaving_through_an_if(vec![false, true, true]).collect::<Vec<_>>(), [2, 4, 1]);
}

/// Found in review of session 8: a call `u32::checked_label(3)` of a user's extension trait was taken for the
/// primitive's own `checked_*` (a plain value), so its `Drop` value was dropped at the first suspension instead
/// of at the end of its scope. Only names the primitive has itself make a plain value now.
trait Labelled {
    fn checked_label(self) -> common::Noisy;
}

impl Labelled for u32 {
    fn checked_label(self) -> common::Noisy {
        common::Noisy("label")
    }
}

#[stackless::coroutine]
fn extension_method_on_a_primitive() -> impl Iterator<Item = u32> {
    let _label = u32::checked_label(3);
    yield_!(1);
    common::log("between");
    yield_!(2);
    common::log("end");
}

#[test]
fn an_extension_method_on_a_primitive_is_not_taken_for_a_plain_value() {
    let log = common::events(|| {
        assert_eq!(extension_method_on_a_primitive().collect::<Vec<_>>(), [1, 2]);
    });
    assert_eq!(log, common::strs(&["between", "end", "drop label"]));
}

/// Found in review of session 8: a call in parentheses (`(make()).0.len()`) in a `for` loop's header was not
/// taken for a temporary, so it dropped before the loop instead of after it.
#[stackless::coroutine]
fn parenthesized_call_in_a_for_header() -> impl Iterator<Item = usize> {
    for i in (common::Noisy("header")).0.len()..7 {
        common::log(format!("item {i}"));
        yield_!(i);
    }
    common::log("end");
}

#[test]
fn a_parenthesized_call_in_a_for_header_lives_until_the_loop_ends() {
    let log = common::events(|| {
        assert_eq!(parenthesized_call_in_a_for_header().collect::<Vec<_>>(), [6]);
    });
    assert_eq!(log, common::strs(&["item 6", "drop header", "end"]));
}

/// Difftest seed 0x4975b, program 276 (failing since before session 9): a local read by value, then captured
/// by a `move` closure, then `return`, in one leaf. The closure's uses counted as not followed by the
/// `return`, so the read took the local out of its drop flag and the closure found it gone ("a moved-out local
/// was used").
#[stackless::coroutine]
fn read_then_captured_before_return() -> impl Iterator<Item = i64> {
    for v in (1..4).rev() {
        if v == 5 {
            yield_!(v);
            common::log(format!("{v}"));
        } else {
            let first = Some(v);
            let captured = move || v;
            common::log(format!("{first:?} {}", captured()));
            return;
        }
    }
}

#[test]
fn a_local_read_then_captured_by_a_move_closure_before_a_return_is_still_there() {
    let log = common::events(|| assert_eq!(read_then_captured_before_return().count(), 0));
    assert_eq!(log, common::strs(&["Some(3) 3"]));
}

/// Difftest seed 0xe7e7d, program 1183 (failing since before session 9, E0282): a closure bound after a
/// suspension point inside a labeled block's value, which another arm leaves early. The arm that types the
/// block's value from its dead continuation re-emitted the closure's block up to its join point (where the arm
/// leaves the step), so the closure's local had no type where the dead code called it.
#[stackless::coroutine(resume = mut r)]
fn closure_after_a_suspension_in_a_labeled_block() -> impl Coroutine<i64, Yield = i64, Return = i64> {
    let v = 'b: {
        if r == 7 {
            break 'b r;
        }
        let add = {
            let q = yield_!(1);
            move |z: i64| z + q
        };
        yield_!(add(2))
    };
    v
}

#[test]
fn a_closure_bound_after_a_suspension_in_a_labeled_block_is_typed() {
    let mut c = closure_after_a_suspension_in_a_labeled_block();
    assert!(matches!(step(&mut c, 0), CoroutineState::Yielded(1)));
    assert!(matches!(step(&mut c, 10), CoroutineState::Yielded(12)));
    assert!(matches!(step(&mut c, 5), CoroutineState::Complete(5)));
    let mut c = closure_after_a_suspension_in_a_labeled_block();
    assert!(matches!(step(&mut c, 7), CoroutineState::Complete(7)));
}

/// Found in review of session 9's leaf contexts: a `match` arm's value was classified in the scrutinee's
/// context (a read, when the patterns move nothing), so a drop-flagged local that the arm moves out was read in
/// place (E0507); and `let _ = if c { x } else { .. };` read `x` where the `if` moves it.
#[stackless::coroutine]
fn arm_moves_a_flagged_local(k: Vec<i64>) -> impl Iterator<Item = i64> {
    for i in k {
        let x = common::Noisy("x");
        let _y = match i {
            0 => x,
            _ => {
                yield_!(i);
                common::Noisy("z")
            }
        };
        common::log(format!("after {i}"));
        let w = common::Noisy("w");
        let _ = if i > 0 { w } else { common::Noisy("o") };
        yield_!(i + 10);
    }
}

fn arm_moves_a_flagged_local_plain(k: Vec<i64>) {
    for i in k {
        let x = common::Noisy("x");
        let _y = match i {
            0 => x,
            _ => {
                common::log(format!("yield {i}"));
                common::Noisy("z")
            }
        };
        common::log(format!("after {i}"));
        let w = common::Noisy("w");
        let _ = if i > 0 { w } else { common::Noisy("o") };
        common::log(format!("yield {}", i + 10));
    }
}

#[test]
fn a_match_arm_or_an_if_moves_a_flagged_local() {
    let got = common::drained(arm_moves_a_flagged_local(vec![0, 1]));
    let want = common::events(|| arm_moves_a_flagged_local_plain(vec![0, 1]));
    assert_eq!(got, want);
}

/// A match scrutinee's temporary held across a `yield_!` in an arm, borrowed mutably by the scrutinee's method
/// (`m.lock().unwrap().pop()`): the hoisted temporary was declared without `mut` (E0596 where the plain fn
/// compiles, as the third helper probe found). The guard is held to the end of the `match`, as in the plain fn.
#[stackless::coroutine]
fn pop_under_lock(m: &std::sync::Mutex<Vec<i32>>) -> impl Iterator<Item = i32> + '_ {
    match m.lock().unwrap().pop() {
        Some(x) => {
            yield_!(x);
        }
        None => {}
    }
}

#[test]
fn a_scrutinee_temporary_borrowed_mutably_across_a_yield() {
    let m = std::sync::Mutex::new(vec![1, 2]);
    let mut it = pop_under_lock(&m);
    assert_eq!(it.next(), Some(2));
    assert!(m.try_lock().is_err(), "the scrutinee's guard lives to the end of the match");
    assert_eq!(it.next(), None);
    assert_eq!(*m.lock().unwrap(), [1]);
}

/// A held local moved and assigned again in one statement after a `yield_!` (`cur = renamed(cur)`, or
/// `drop(cur); cur = ..` in a branch): the move was not taken for the value's last use, because the local is live
/// after the statement, and the arm moved out of the state (E0507 where the plain fn compiles, as the third
/// helper probe found).
fn renamed(n: common::Noisy) -> common::Noisy {
    common::log(format!("rename {}", n.0));
    common::Noisy(if n.0 == "a" { "b" } else { "c" })
}

impl common::Noisy {
    /// A method the macro doesn't know, taking `self`.
    fn renamed_by_self(self) -> Self {
        renamed(self)
    }
}

#[stackless::coroutine]
fn moved_and_assigned_again(rounds: u32) -> impl Iterator<Item = &'static str> {
    let mut cur = common::Noisy("a");
    for i in 0..rounds {
        yield_!(cur.0);
        cur = renamed(cur);
        if i == 1 {
            drop(cur);
            cur = common::Noisy("d");
        }
        if i == 2 {
            let old = cur;
            cur = renamed(old);
        }
        if i == 3 {
            cur = cur.renamed_by_self();
        }
    }
}

fn moved_and_assigned_again_plain(rounds: u32) {
    let mut cur = common::Noisy("a");
    for i in 0..rounds {
        common::log(format!("yield {}", cur.0));
        cur = renamed(cur);
        if i == 1 {
            drop(cur);
            cur = common::Noisy("d");
        }
        if i == 2 {
            let old = cur;
            cur = renamed(old);
        }
        if i == 3 {
            cur = cur.renamed_by_self();
        }
    }
}

#[test]
fn a_held_local_moved_and_assigned_again_in_one_statement() {
    let got = common::drained(moved_and_assigned_again(5));
    let want = common::events(|| moved_and_assigned_again_plain(5));
    assert_eq!(got, want);
    // Cancelled after the second `yield_!`: `cur` drops with the coroutine.
    let got = common::cancelled_after(moved_and_assigned_again(4), 2);
    assert_eq!(got, common::strs(&["rename a", "drop a", "cancel", "drop b"]));
}

/// A `Copy` local used by a `break` and assigned after it in the same loop: the `break` leaves with the value
/// before the assignment, so the use is not the value's last. The first version of the rule above took it for a
/// move, and the read of `p` after the `yield_!` panicked as a read of a moved local (difftest seed 0x5eed,
/// program 45).
#[allow(clippy::cast_possible_wrap, clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_lossless)]
#[stackless::coroutine]
fn copied_by_a_break(mut p: i64, q: i64) -> impl Iterator<Item = i64> {
    let d = common::Noisy("d");
    let mut c = 0;
    let v = loop {
        if c >= 2 {
            break p;
        }
        c += 1;
        p = (d.0.len() as i64 + c) % 4;
    };
    let _w = 'value: {
        yield_!(v - q);
        break 'value (-(p as i64)) as u8 as i64;
    };
}

#[test]
fn a_copy_used_by_a_break_and_assigned_after_it() {
    let got = common::drained(copied_by_a_break(1, 1));
    assert_eq!(got, common::strs(&["yield 2", "drop d"]));
}

/// An outer local moved in a loop just before a `break`, with a `yield_!` after the loop: the initialisation
/// analysis took the local for live after the move (it is, at the loop's head) instead of where the `break`
/// goes, so it was stored at the later `yield_!` as if still there (E0382 where the plain fn compiles; found by
/// the fourth helper probe). It has a drop flag now.
fn consume(n: common::Noisy) {
    common::log(format!("consume {}", n.0));
}

#[stackless::coroutine]
fn moved_before_a_break(stop: u32) -> impl Iterator<Item = u32> {
    let outer = common::Noisy("outer");
    let mut found = None;
    let kept = common::Noisy("kept");
    for i in 0..3u32 {
        yield_!(i);
        if i == stop {
            consume(outer);
            break;
        }
    }
    let mut j = 0;
    while j < 3 {
        yield_!(10 + j);
        if j == stop {
            found = Some(kept);
            break;
        }
        j += 1;
    }
    yield_!(9);
    common::log(format!("found {}", found.is_some()));
}

fn moved_before_a_break_plain(stop: u32) {
    let outer = common::Noisy("outer");
    let mut found = None;
    let kept = common::Noisy("kept");
    for i in 0..3u32 {
        common::log(format!("yield {i}"));
        if i == stop {
            consume(outer);
            break;
        }
    }
    let mut j = 0;
    while j < 3 {
        common::log(format!("yield {}", 10 + j));
        if j == stop {
            found = Some(kept);
            break;
        }
        j += 1;
    }
    common::log("yield 9");
    common::log(format!("found {}", found.is_some()));
}

#[test]
fn a_local_moved_before_a_break_with_a_yield_after_the_loop() {
    for stop in 0..4 {
        let got = common::drained(moved_before_a_break(stop));
        assert_eq!(got, common::events(|| moved_before_a_break_plain(stop)), "stop = {stop}");
        // Cancelled at each suspension point: what is still there drops once.
        for k in 0..8 {
            let got = common::cancelled_after(moved_before_a_break(stop), k);
            let dropped = |name: &str| got.iter().filter(|e| **e == format!("drop {name}")).count();
            assert!(k == 0 || (dropped("outer"), dropped("kept")) == (1, 1), "stop = {stop}, k = {k}: {got:?}");
        }
    }
}

/// A local moved by a macro of the user's own (`consume!(x)`) after a `yield_!`: its tokens were taken for a
/// read in place, and the arm moved out of the state (E0507; found by the fourth helper probe). A local named in
/// a macro the transform doesn't know is used as the receiver of a method it doesn't know: borrowed, or moved at
/// its last use.
macro_rules! consume {
    ($e:expr) => {
        consume($e)
    };
}

macro_rules! show {
    ($e:expr) => {
        common::log(format!("show {}", $e.0))
    };
}

#[stackless::coroutine]
fn moved_by_a_macro_of_ones_own() -> impl Iterator<Item = u8> {
    let x = common::Noisy("x");
    let y = common::Noisy("y");
    for i in 0..2 {
        yield_!(i);
        show!(y);
    }
    consume!(x);
    common::log("after consume!");
}

#[test]
fn a_local_moved_by_a_macro_of_ones_own() {
    let got = common::events(|| assert_eq!(moved_by_a_macro_of_ones_own().count(), 2));
    assert_eq!(got, common::strs(&["show y", "show y", "consume x", "drop x", "after consume!", "drop y"]));
}

/// A `&mut` into a map from its `Entry` (`counts.entry(w).or_default()`), dead at a `yield_!` in the loop: it
/// was stored in the state, a borrow of the state inside the state (E0521 at the attribute where the plain fn
/// compiles; found by the fourth helper probe). It is a view of the map now, as `get_mut` is.
#[stackless::coroutine]
fn entry_views() -> impl Iterator<Item = usize> {
    let mut counts: std::collections::HashMap<&str, Vec<u8>> = std::collections::HashMap::new();
    for w in ["a", "b", "a"] {
        let e = counts.entry(w).or_default();
        e.push(1);
        if e.len() == 2 {
            yield_!(2);
        }
    }
    let mut seen = std::collections::BTreeMap::new();
    for w in ["x", "y", "x"] {
        let c = seen.entry(w).or_insert(0);
        *c += 1;
        yield_!(*c);
    }
}

#[test]
fn a_dead_mut_reference_from_a_map_entry() {
    assert_eq!(entry_views().collect::<Vec<_>>(), [2, 1, 1, 2]);
}

/// A binding of `opt.as_mut()` (or `as_deref()`) dead at a `yield_!` in the `if let`'s body: it was stored in the
/// state, a borrow of the state inside it (E0521, E0502 where the plain fn compiles; found by the fourth helper
/// probe). `as_ref`, `as_mut`, `as_deref` and `as_deref_mut` return references (or `Option`s of them): views.
#[stackless::coroutine]
fn as_mut_views() -> impl Iterator<Item = usize> {
    let mut count = Some(5);
    let mut name = Some(String::from("a"));
    for _ in 0..2 {
        if let Some(x) = count.as_mut() {
            *x += 1;
            yield_!(1);
        }
        if let Some(s) = name.as_mut() {
            s.push('b');
            yield_!(2);
        }
        match name.as_deref() {
            Some(t) => {
                let n = t.len();
                yield_!(n);
            }
            None => {}
        }
    }
    yield_!(count.unwrap_or(0));
}

#[test]
fn a_dead_binding_of_an_as_mut_view() {
    assert_eq!(as_mut_views().collect::<Vec<_>>(), [1, 2, 2, 1, 2, 3, 7]);
}

/// A held local moved by a `return` (or `Err(v)?`) that is a match arm's whole body, without braces: the value
/// was not taken for the local's last use (the `return` ended no statement list), and the arm moved out of the
/// state (E0507 where the plain fn compiles; found by the fifth helper probe).
#[stackless::coroutine(resume = _)]
fn returned_by_a_braceless_arm() -> impl Coroutine<u8, Yield = u8, Return = Result<Vec<u8>, Vec<u8>>> {
    let mut v = Vec::new();
    loop {
        v.push(yield_!(0));
        match yield_!(1) {
            2 => return Ok(v),
            3 => Err(v)?,
            4 => {
                return {
                    v.push(4);
                    Ok(v)
                };
            }
            _ => {}
        }
    }
}

#[test]
fn a_held_local_returned_by_a_braceless_match_arm() {
    for (last, expected) in [(2, Ok(vec![1, 5])), (3, Err(vec![1, 5])), (4, Ok(vec![1, 5, 4]))] {
        let mut c = returned_by_a_braceless_arm();
        assert_eq!(step(&mut c, 0), CoroutineState::Yielded(0));
        assert_eq!(step(&mut c, 1), CoroutineState::Yielded(1));
        assert_eq!(step(&mut c, 9), CoroutineState::Yielded(0));
        assert_eq!(step(&mut c, 5), CoroutineState::Yielded(1));
        assert_eq!(step(&mut c, last), CoroutineState::Complete(expected));
    }
}

/// A field of a resume value compared or formatted with a later one (`yield_!().1 == yield_!().1`): the first
/// operand, a place, was evaluated into a hidden local by value, moving the field out of the held value (E0277
/// "cannot move a field ... out of a local held across a `yield_!`", or E0509 for a type with `Drop`, where the
/// plain fn compiles; found by the fifth helper probe). It stays a place.
#[stackless::coroutine(resume = _)]
fn compares_fields_of_resume_values() -> impl Coroutine<(u8, Box<u8>), Yield = (), Return = bool> {
    yield_!().1 == yield_!().1
}

struct Line(&'static str, String);

impl Drop for Line {
    fn drop(&mut self) {
        common::log(format!("drop {}", self.0));
    }
}

#[stackless::coroutine(resume = _)]
fn formats_fields_of_resume_values() -> impl Coroutine<Line, Yield = (), Return = String> {
    format!("{} {}", yield_!().1, yield_!().1)
}

#[test]
fn fields_of_resume_values_used_in_place() {
    let mut c = compares_fields_of_resume_values();
    for (arg, expected) in [(1, CoroutineState::Yielded(())), (2, CoroutineState::Yielded(()))] {
        assert_eq!(step(&mut c, (arg, Box::new(arg))), expected);
    }
    assert_eq!(step(&mut c, (3, Box::new(2))), CoroutineState::Complete(true));
    let got = common::events(|| {
        let mut c = formats_fields_of_resume_values();
        for name in ["a", "b"] {
            assert_eq!(step(&mut c, Line(name, name.to_uppercase())), CoroutineState::Yielded(()));
        }
        assert_eq!(step(&mut c, Line("c", "C".into())), CoroutineState::Complete("B C".to_string()));
    });
    // As the plain fn's statement drops its temporaries: the later one first.
    assert_eq!(got, common::strs(&["drop a", "drop c", "drop b"]));
}

/// Code after a labeled block that always returns, with a `yield_!` in it: the block wasn't known to diverge, so
/// the analysis took the dead `yield_!` for reachable, with `r` moved by the `return` (E0381 in the emitted arm,
/// where the plain fn compiles with an unreachable-code warning; difftest seed 0x5eed73, program 1140).
#[allow(unreachable_code, unused_labels)]
#[stackless::coroutine(resume = mut r)]
fn returns_from_a_labeled_block() -> impl Coroutine<i64, Yield = i64, Return = Result<i64, String>> {
    let v = common::Noisy("v");
    'b: {
        return Ok(r + i64::from(v.0 == "v"));
    };
    drop(v);
    r += yield_!(4);
    Ok(r)
}

#[test]
fn code_after_a_labeled_block_that_returns_is_dead() {
    let got = common::events(|| {
        let mut c = returns_from_a_labeled_block();
        assert_eq!(step(&mut c, 7), CoroutineState::Complete(Ok(8)));
    });
    assert_eq!(got, common::strs(&["drop v"]));
}

/// The state-machine idiom `st = match st { .. }` after a `yield_!` (a move of `st` and its assignment in one
/// statement): rejected with E0507 before the rule of `moved_and_assigned_again`; in place now, with a drop flag.
#[derive(Debug, PartialEq)]
enum Phase {
    Idle,
    Busy(String),
    Done(Vec<u8>),
}

#[stackless::coroutine]
fn phases(rounds: usize) -> impl Iterator<Item = String> {
    let mut st = Phase::Idle;
    for _ in 0..rounds {
        yield_!(format!("{st:?}"));
        st = match st {
            Phase::Idle => Phase::Busy(String::from("b")),
            Phase::Busy(s) if s.len() > 2 => Phase::Done(s.into_bytes()),
            Phase::Busy(s) => Phase::Busy(s + "x"),
            Phase::Done(v) => Phase::Done(v),
        };
    }
}

#[test]
fn a_state_replaced_by_a_match_on_itself() {
    let got: Vec<String> = phases(6).collect();
    assert_eq!(
        got,
        ["Idle", "Busy(\"b\")", "Busy(\"bx\")", "Busy(\"bxx\")", "Done([98, 120, 120])", "Done([98, 120, 120])"]
    );
}

/// A labeled block that either breaks out or returns a local, and the local used after the block: the `return`'s
/// move was applied to the state past the block, where only the `break` goes (E0381 at the later `yield_!`;
/// difftest seed 0x5eed73, program 1689). A use followed by a jump out of its statement counts as conditional.
#[stackless::coroutine(resume = _)]
fn breaks_or_returns(stop: bool) -> impl Coroutine<i64, Yield = usize, Return = Result<String, String>> {
    let name = String::from("name");
    'b: {
        if stop {
            break 'b;
        }
        return Ok(name);
    };
    let n = yield_!(name.len());
    Err(format!("{name} {n}"))
}

#[test]
fn a_local_returned_on_one_path_and_used_past_the_block_on_the_other() {
    let mut c = breaks_or_returns(true);
    assert_eq!(step(&mut c, 0), CoroutineState::Yielded(4));
    assert_eq!(step(&mut c, 5), CoroutineState::Complete(Err("name 5".to_string())));
    let mut c = breaks_or_returns(false);
    assert_eq!(step(&mut c, 0), CoroutineState::Complete(Ok("name".to_string())));
}

/// A held local moved out and moved back in on both paths of a loop that suspends in between (`let t = x; if c {
/// x = t; continue; } yield_!(..); x = t;`): the `if` was one leaf, whose assignment on the `continue` path was a
/// conditional write that left `x` live after the move, so the move wasn't its last use and the arm moved out of
/// the state (E0507; found by the sixth helper probe). An `if` statement that jumps is lowered as a node.
#[stackless::coroutine]
fn moved_out_and_back(rounds: u32) -> impl Iterator<Item = u32> {
    let mut x = common::Noisy("x");
    for i in 0..rounds {
        let t = x;
        if i == 1 {
            x = t;
            continue;
        }
        yield_!(i);
        x = t;
    }
    common::log(format!("end {}", x.0));
}

#[test]
fn a_local_moved_out_and_back_around_a_continue() {
    let got = common::events(|| assert_eq!(moved_out_and_back(3).collect::<Vec<_>>(), [0, 2]));
    assert_eq!(got, common::strs(&["end x", "drop x"]));
    let cancelled = common::cancelled_after(moved_out_and_back(3), 1);
    assert_eq!(cancelled, common::strs(&["cancel", "drop x"]));
}

/// A guard with a macro in it, on an arm whose pattern binds and leaves a `_` part of a `match` temporary: the
/// guard's names were renamed with the pattern's bindings, which macro tokens hide from the renaming (E0425; a
/// review of the session's change found it). Such an arm keeps the pattern as written.
#[stackless::coroutine]
fn guard_with_a_macro() -> impl Iterator<Item = &'static str> {
    let pair = || (common::Noisy("a"), common::Noisy("b"));
    match pair() {
        (a, _) if matches!(a.0, "a") => {
            yield_!(a.0);
            drop(a);
        }
        _ => {}
    }
}

#[test]
fn a_guard_with_a_macro_on_an_arm_that_leaves_a_part() {
    assert_eq!(guard_with_a_macro().collect::<Vec<_>>(), ["a"]);
}

/// A local passed to a macro of the user's as an `ident` fragment, where the arm owns it: it was passed as a
/// parenthesised access (`(x)`), which `$x:ident` doesn't accept ("no rules expected `(`"; the sixth helper
/// probe).
macro_rules! name_of {
    ($x:ident) => {
        $x.0
    };
}

#[stackless::coroutine]
fn ident_fragment() -> impl Iterator<Item = &'static str> {
    let a = common::Noisy("a");
    yield_!("start");
    let n = name_of!(a);
    yield_!(n);
}

#[test]
fn a_local_passed_as_an_ident_fragment() {
    assert_eq!(ident_fragment().collect::<Vec<_>>(), ["start", "a"]);
}

/// `yield_! { v }` with braces, before other statements: a statement without `;`, as any macro invoked with braces.
#[stackless::coroutine]
fn braced_yields(n: u32) -> impl Iterator<Item = u32> {
    yield_! { n }
    let m = n + 1;
    yield_! { m }
    yield_![m + 1];
}

#[test]
fn a_yield_invoked_with_braces_is_a_statement() {
    assert_eq!(braced_yields(1).collect::<Vec<_>>(), [1, 2, 3]);
}

#[derive(Debug)]
enum Command {
    Say(String),
    Bump(i32),
    Stop,
}

/// Bindings of a pattern matched against a borrow (`match &cmd`, `if let .. = &mut cmd`) are references, no longer
/// used at the `yield_!` that assigns `cmd` again: left out of the state, as the plain fn's borrow ends there
/// (was rejected as a borrow held across the `yield_!`).
#[stackless::coroutine(resume = mut cmd)]
fn commands() -> impl Coroutine<Command, Yield = String, Return = i32> {
    let mut total = 0;
    loop {
        match &cmd {
            Command::Say(s) => {
                let t = s.clone();
                cmd = yield_!(t);
            }
            Command::Bump(_) => cmd = yield_!(String::from("bump")),
            Command::Stop => break,
        }
        if let Command::Bump(n) = &mut cmd {
            *n += 1;
            total += *n;
            cmd = yield_!(format!("{n}"));
        }
        while let Command::Say(s) = &cmd {
            let t = s.to_uppercase();
            cmd = yield_!(t);
        }
    }
    total
}

#[test]
fn bindings_of_a_borrowed_scrutinee_end_before_the_yield_that_assigns_it() {
    let mut c = commands();
    let mut out = Vec::new();
    let inputs = [Command::Say("a".into()), Command::Bump(1), Command::Bump(5), Command::Say("x".into())];
    for cmd in inputs.into_iter().chain([Command::Say("y".into()), Command::Stop]) {
        match Pin::new(&mut c).resume(cmd) {
            CoroutineState::Yielded(y) => out.push(y),
            CoroutineState::Complete(r) => out.push(format!("returned {r}")),
        }
    }
    assert_eq!(out, ["a", "2", "bump", "X", "Y", "returned 2"]);
}

/// A local used only as a format string's width or precision (`{name:>width$}`, `{:.prec$}`) is a use of it,
/// held across the `yield_!` (was E0425: not in scope in the resume arm).
#[stackless::coroutine]
fn padded(names: Vec<String>) -> impl Iterator<Item = String> {
    let width = 4;
    let prec = 2;
    for name in names {
        yield_!(format!("{name:>width$}|{:.prec$}", 1.0 / 3.0));
    }
}

#[test]
fn a_local_named_as_a_width_or_precision_in_a_format_string() {
    assert_eq!(padded(vec!["a".into(), "bc".into()]).collect::<Vec<_>>(), ["   a|0.33", "  bc|0.33"]);
}

/// `let .. else` whose `else` block suspends, binding a borrow of a local that is held across a later
/// `yield_!` where the binding is no longer used: the binding's value only arrives from the arm that runs the
/// `let`, so it is typed there and left out of the state (was E0597/E0505 naming the state's guard).
#[stackless::coroutine]
fn names(first: String, rest: Vec<String>) -> impl Iterator<Item = String> {
    let Some(name) = first.strip_prefix('x') else {
        yield_!(String::from("no prefix"));
        return;
    };
    yield_!(name.to_string());
    for r in rest {
        let Some((key, value)) = r.split_once('=') else {
            yield_!(format!("skipped {r}"));
            continue;
        };
        let pair = format!("{key}:{value}");
        yield_!(pair);
        yield_!(first.clone());
    }
}

#[test]
fn a_let_else_binding_a_borrow_whose_else_block_suspends() {
    assert_eq!(names("ab".into(), vec![]).collect::<Vec<_>>(), ["no prefix"]);
    let all = names("xy".into(), vec!["a=1".into(), "b".into()]).collect::<Vec<_>>();
    assert_eq!(all, ["y", "a:1", "xy", "skipped b"]);
}

/// `match it.peek()` on a `Peekable`, advancing it in the arm before a `yield_!` (the lexer idiom), and a parser's
/// own `peek` returning a reference, bound by `while let` and dead at the `yield_!`: `peek`'s result is a view,
/// left out of the state once no longer used (was E0499/E0502: held to the `yield_!`).
#[stackless::coroutine]
fn digits_then_rest(src: &str) -> impl Iterator<Item = String> + '_ {
    let mut it = src.chars().peekable();
    let mut run = String::new();
    while let Some(&c) = it.peek() {
        if !c.is_ascii_digit() {
            break;
        }
        run.push(c);
        it.next();
    }
    yield_!(run);
    match it.peek() {
        Some(_) => {
            it.next();
            yield_!(it.collect());
        }
        None => yield_!(String::from("end")),
    }
}

struct Tokens {
    words: Vec<String>,
    at: usize,
}

impl Tokens {
    fn peek(&self) -> Option<&str> {
        self.words.get(self.at).map(String::as_str)
    }

    fn bump(&mut self) {
        self.at += 1;
    }

    #[stackless::coroutine]
    fn shouted(&mut self) -> impl Iterator<Item = String> + '_ {
        while let Some(word) = self.peek() {
            let loud = word.to_uppercase();
            self.bump();
            yield_!(loud);
        }
    }
}

#[test]
fn a_peeked_reference_is_dead_at_the_yield_after_the_iterator_advances() {
    assert_eq!(digits_then_rest("12;ab").collect::<Vec<_>>(), ["12", "ab"]);
    assert_eq!(digits_then_rest("7").collect::<Vec<_>>(), ["7", "end"]);
    let mut tokens = Tokens { words: vec!["a".into(), "b".into()], at: 0 };
    assert_eq!(tokens.shouted().collect::<Vec<_>>(), ["A", "B"]);
    assert_eq!(tokens.at, 2);
}

/// `it.take(2)`, `it.fuse()`, `it.max()` on a local iterator move it (as `Iterator`'s methods do), while
/// `opt.take()` borrows (`Option::take`): told apart by their arguments (was E0382 at the `yield_!` after the
/// move).
#[stackless::coroutine]
fn iterator_consumers(v: Vec<u32>) -> impl Iterator<Item = u32> {
    let it = v.clone().into_iter();
    for x in it.take(2) {
        yield_!(x);
    }
    let odd = v.clone().into_iter().filter(|x| x % 2 == 1);
    for x in odd.fuse() {
        yield_!(x);
    }
    let all = v.into_iter();
    let mut max = Some(all.max().unwrap_or(0));
    yield_!(max.take().unwrap_or(0));
    yield_!(max.unwrap_or(100));
}

#[test]
fn iterator_methods_that_take_self_move_a_local_iterator() {
    assert_eq!(iterator_consumers(vec![1, 2, 3]).collect::<Vec<_>>(), [1, 2, 1, 3, 3, 100]);
}

/// Locals whose type later code completes (`let mut last = None;` then `last = Some(x)` after a `yield_!` in a
/// loop, `let mut seen = Vec::new();` then `seen.push(..)`), used after the loop, or dead at a `yield_!` before
/// the assignment (`keep`): typed as in the plain fn (was E0282 at the use after the loop, and for `keep` an
/// error about `Copy` naming the macro's helpers).
// The closure's parameter is what needs the type (`String::len` names it).
#[allow(clippy::redundant_closure_for_method_calls)]
#[stackless::coroutine]
fn typed_by_later_code(items: Vec<String>, prev: Option<String>) -> impl Iterator<Item = usize> {
    let mut last = None;
    let mut seen = Vec::new();
    for x in items {
        yield_!(x.len());
        seen.push(x.to_uppercase());
        last = Some(x);
    }
    if let Some(s) = last {
        yield_!(s.len() * 10);
    }
    yield_!(seen.iter().map(|s| s.len()).sum());
    let mut keep = None;
    if prev.is_some() {
        yield_!(0);
        keep = prev;
    }
    yield_!(format!("{keep:?}").len());
}

/// The same, completed in an `if` that `break`s out of the loop after the `yield_!`. (As a user writes it: the
/// closure's parameter is what needs the type.)
#[allow(clippy::map_unwrap_or, clippy::redundant_closure_for_method_calls)]
#[stackless::coroutine]
fn found_after_a_yield(data: Vec<&'static str>) -> impl Iterator<Item = usize> {
    let mut found = None;
    for cell in data {
        yield_!(1);
        if cell.starts_with('t') {
            found = Some(cell);
            break;
        }
    }
    yield_!(found.map(|n| n.len()).unwrap_or(0));
}

#[test]
fn locals_typed_by_code_after_a_yield() {
    assert_eq!(found_after_a_yield(vec!["a", "two", "c"]).collect::<Vec<_>>(), [1, 1, 3]);
    assert_eq!(found_after_a_yield(vec![]).collect::<Vec<_>>(), [0]);
    let got = typed_by_later_code(vec!["ab".into(), "c".into()], Some("x".into())).collect::<Vec<_>>();
    assert_eq!(got, [2, 1, 10, 3, 0, 9]);
    assert_eq!(typed_by_later_code(vec![], None).collect::<Vec<_>>(), [0, 4]);
}

/// `handle.join()` moves the handle (`JoinHandle::join(self)`), while `parts.join(",")` borrows: a thread's handle
/// joined in a `yield_!` before another one is no longer held there (was E0382 at the second `yield_!`).
#[stackless::coroutine]
fn joined() -> impl Iterator<Item = String> {
    let parts = vec!["a", "b"];
    let h = std::thread::spawn(|| 5);
    yield_!(h.join().unwrap().to_string());
    yield_!(parts.join(","));
    yield_!(parts.concat());
}

#[test]
fn a_joined_thread_handle_is_moved() {
    assert_eq!(joined().collect::<Vec<_>>(), ["5", "a,b", "ab"]);
}

/// `x = match c { Greater => break, _ => v };` in a loop, `x` used after the loop: the write may not happen (the
/// `break` leaves before it), so the value from before is what the loop's exit sees (was E0381: the write was
/// taken to end the old value's liveness).
#[stackless::coroutine]
fn assigned_unless_broken(n: u32) -> impl Iterator<Item = u32> {
    let mut x = 100;
    let mut i = 0;
    loop {
        i += 1;
        x = match i.cmp(&n) {
            std::cmp::Ordering::Greater => break,
            _ => i * 10,
        };
        yield_!(x);
    }
    yield_!(x);
}

#[test]
fn an_assignment_a_break_may_skip() {
    assert_eq!(assigned_unless_broken(0).collect::<Vec<_>>(), [100]);
    assert_eq!(assigned_unless_broken(2).collect::<Vec<_>>(), [10, 20, 20]);
}

fn by_value(x: i64) -> i64 {
    x
}

// The loops never loop: the shape difftest generated.
#[allow(clippy::never_loop)]
/// A local used by value in a condition whose branch breaks out of a loop, before a `return` (also inside a
/// block): the `break` path goes on past the loop, where the local is used again (difftest seed 0x5eed83,
/// program 1936: taken for moved there, the coroutine panicked reading it after the `yield_!`).
#[stackless::coroutine(resume = mut r)]
fn used_before_a_break_or_a_return(
    p: i64,
    items: Vec<String>,
) -> impl Coroutine<i64, Yield = i64, Return = Result<i64, String>> {
    let v = yield_!(1);
    for _item in items.clone() {
        if by_value(p) != 3 {
            break;
        }
        return Err(String::from("three"));
    }
    for _item in items {
        {
            if by_value(p) != 3 {
                break;
            }
            return Err(String::from("three again"));
        }
    }
    let pair = (p, yield_!(v));
    Ok(r + pair.0 + pair.1)
}

#[test]
fn a_local_used_before_a_break_that_skips_a_return() {
    let mut c = used_before_a_break_or_a_return(5, vec![String::from("a")]);
    assert_eq!(step(&mut c, 10), CoroutineState::Yielded(1));
    assert_eq!(step(&mut c, 20), CoroutineState::Yielded(20));
    assert_eq!(step(&mut c, 30), CoroutineState::Complete(Ok(10 + 5 + 30)));
    let mut c = used_before_a_break_or_a_return(3, vec![String::from("a")]);
    assert_eq!(step(&mut c, 10), CoroutineState::Yielded(1));
    assert_eq!(step(&mut c, 20), CoroutineState::Complete(Err(String::from("three"))));
}

/// A local moved at the top of each round and assigned again by a `yield_!` in a guarded arm (a retry loop): a
/// failed guard goes on to the next arm, not past the `match`, so the moved local isn't live there (it was taken
/// for live, so held in place, and the move was E0507).
#[stackless::coroutine(resume = first)]
fn retry(max: u32) -> impl Coroutine<Option<String>, Yield = u32, Return = String> {
    let mut attempt = 0;
    let mut result = first;
    loop {
        let current = result;
        match current {
            Some(v) => return v,
            None if attempt < max => {
                attempt += 1;
                result = yield_!(attempt);
            }
            None => return String::from("gave up"),
        }
    }
}

#[test]
fn a_local_moved_each_round_and_assigned_in_a_guarded_arm() {
    let mut c = retry(2);
    assert_eq!(step(&mut c, None), CoroutineState::Yielded(1));
    assert_eq!(step(&mut c, Some(String::from("ok"))), CoroutineState::Complete(String::from("ok")));
    let mut c = retry(1);
    assert_eq!(step(&mut c, None), CoroutineState::Yielded(1));
    assert_eq!(step(&mut c, None), CoroutineState::Complete(String::from("gave up")));
}

/// `if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* "))` with a `yield_!` in the
/// body: `item` is a reference (a view of `line` kept through `or_else`), dead at the `yield_!`, so it is left
/// out of the state (it was held there with a drop flag, borrowing `line`: E0716 at the attribute).
#[stackless::coroutine]
fn bullets(doc: Vec<String>) -> impl Iterator<Item = String> {
    for line in doc {
        if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
            yield_!(item.to_string());
        }
        let first = line.split_whitespace().next().unwrap_or_default();
        yield_!(first.to_uppercase());
    }
}

#[test]
fn a_view_kept_through_an_options_methods_is_a_reference() {
    let doc = vec![String::from("- a"), String::from("b c"), String::from("* d")];
    assert_eq!(bullets(doc).collect::<Vec<_>>(), ["a", "-", "B", "d", "*"]);
}

/// A `let` initialized by a `match` whose arms all suspend, one under a guard: the start arm never binds the
/// value (a failed guard goes on to another arm, which suspends too); it was bound there from nothing (E0282).
#[stackless::coroutine]
fn guarded_arms_that_all_suspend(x: Option<u32>) -> impl Iterator<Item = usize> {
    let r = match x {
        Some(n) if n > 3 => {
            yield_!(1);
            String::from("big")
        }
        _ => {
            yield_!(3);
            String::from("other")
        }
    };
    yield_!(r.len());
}

#[test]
fn a_let_whose_guarded_match_arms_all_suspend() {
    assert_eq!(guarded_arms_that_all_suspend(Some(4)).collect::<Vec<_>>(), [1, 3]);
    assert_eq!(guarded_arms_that_all_suspend(Some(1)).collect::<Vec<_>>(), [3, 5]);
}

/// `&mut` items walked by a loop with a `yield_!`: a `for` loop over `iter_mut()` binds `&mut`s, and a `let`
/// that moves a `&mut` argument keeps one; no longer used where the inner loop's iterator reborrows through them,
/// they are left out of the state (they were moved into it while borrowed: E0505, E0716 at the attribute).
#[stackless::coroutine]
fn cells<'a>(grid: &'a mut Vec<Vec<u32>>) -> impl Iterator<Item = &'a mut u32> + 'a {
    for row in grid.iter_mut() {
        for x in row.iter_mut() {
            yield_!(x);
        }
    }
}

#[stackless::coroutine]
fn via_let<'a>(s: &'a mut Vec<u32>) -> impl Iterator<Item = &'a mut u32> + 'a {
    let t = s;
    for (i, x) in t.iter_mut().enumerate() {
        *x += u32::try_from(i).unwrap_or(0);
        yield_!(x);
    }
}

#[test]
fn mutable_items_walked_through_a_mutable_reference() {
    let mut g = vec![vec![1], vec![2, 3]];
    for x in cells(&mut g) {
        *x *= 10;
    }
    assert_eq!(g, [vec![10], vec![20, 30]]);
    let mut v = vec![1, 2];
    for x in via_let(&mut v) {
        *x += 1;
    }
    assert_eq!(v, [2, 4]);
}

/// `if let Some(v) = m.get_mut(&k)` on a `&mut HashMap` argument, then `v.iter_mut()` across a `yield_!`: `v` is
/// a `&mut` into the map the argument points to, not into the state (it was held there while the loop's
/// iterator reborrowed it: E0505).
#[stackless::coroutine]
fn bumped(m: &mut std::collections::HashMap<u32, Vec<u32>>, k: u32) -> impl Iterator<Item = u32> + '_ {
    if let Some(v) = m.get_mut(&k) {
        for x in v.iter_mut() {
            *x += 1;
            yield_!(*x);
        }
    }
}

#[test]
fn a_mutable_view_of_a_collection_an_argument_points_to() {
    let mut m = std::collections::HashMap::from([(1, vec![1, 2])]);
    assert_eq!(bumped(&mut m, 1).collect::<Vec<_>>(), [2, 3]);
    assert_eq!(m[&1], [2, 3]);
}

/// A `match` whose scrutinee suspends (normalization spills it: `match { __spill1 } { .. }`) and whose `_` arm
/// suspends too: the block moves the spilled value into the scrutinee's temporary, which the `_` arm holds until
/// the end of the `match`; the spilled local was taken for still held (E0382 at the arm's `yield_!`; found by
/// porting async-stream's tests, where the scrutinee was an `.await`).
#[stackless::coroutine]
fn match_on_a_suspending_scrutinee() -> impl Iterator<Item = u32> {
    match {
        yield_!(0);
        common::Noisy("scrutinee")
    } {
        _ => {
            common::log("arm");
            yield_!(1);
        }
    }
    common::log("after");
}

#[test]
fn a_suspending_scrutinee_is_held_until_the_end_of_the_match() {
    let events = common::events(|| assert_eq!(match_on_a_suspending_scrutinee().collect::<Vec<_>>(), [0, 1]));
    assert_eq!(events, common::strs(&["arm", "drop scrutinee", "after"]));
}

/// A formatting macro's named argument whose value suspends: the name stays, the value is spilled (the
/// argument became positional, "named argument never used" and E0425; probe 35).
#[stackless::coroutine]
fn named_format_argument() -> impl Iterator<Item = String> {
    let x = String::from("outer");
    let s = format!(
        "{x}-{}-{y:>3}",
        2,
        x = {
            yield_!(String::from("a"));
            5
        },
        y = 7
    );
    yield_!(s);
    yield_!(x);
}

#[test]
fn a_named_format_argument_that_suspends() {
    assert_eq!(named_format_argument().collect::<Vec<_>>(), ["a", "5-2-  7", "outer"]);
}

/// `dbg!` of an expression that suspends: taken apart as `dbg!` expands, it prints the expression as written
/// (`syntax::stringified`, unit-tested against `stringify!`), not the spilled local's name (`__spill1 = 3`;
/// probe 35), and returns its value (several as a tuple).
#[stackless::coroutine]
fn dbg_of_a_suspension() -> impl Iterator<Item = i64> {
    let one = dbg!(
        {
            yield_!(5);
            2
        } + 1
    );
    let (a, b) = dbg!(one * 2, {
        yield_!(6);
        one
    });
    yield_!(a + b);
}

#[test]
fn dbg_of_a_suspension_returns_its_values() {
    assert_eq!(dbg_of_a_suspension().collect::<Vec<_>>(), [5, 6, 9]);
}

/// A local whose type its later code completes (`let mut best = None;` ... `best = Some(w);`), where that code
/// follows a `yield_!` in a loop that an arm resumed before the loop enters: the arm's copy of the loop ends at
/// that `yield_!`, so the assignment was missing from it, and code after the loop (`best.unwrap().len()`, a
/// closure given `best`) needed the type before any arm had given it (E0282, probe 46). The rest of the
/// iteration follows the `yield_!` as dead code in every arm, as in the start arm.
#[stackless::coroutine]
fn best_so_far(s: &str) -> impl Iterator<Item = usize> + '_ {
    let mut v = Vec::new();
    let mut best = None;
    yield_!(0);
    for w in s.split(' ') {
        yield_!(v.len());
        v.push(1u8);
        best = Some(w);
    }
    yield_!(best.unwrap().len());
}

#[stackless::coroutine]
#[allow(clippy::redundant_closure_for_method_calls)] // The closure is the case: its parameter's type is `best`'s.
fn best_through_a_closure(s: &str) -> impl Iterator<Item = usize> + '_ {
    let mut best = None;
    yield_!(0);
    for w in s.split(' ') {
        yield_!(1);
        best = Some(w);
    }
    yield_!(best.map_or(0, |b| b.len()));
}

#[test]
fn a_type_completed_after_a_suspension_in_a_later_loop() {
    assert_eq!(best_so_far("a bb").collect::<Vec<_>>(), [0, 0, 1, 2]);
    assert_eq!(best_through_a_closure("a bb").collect::<Vec<_>>(), [0, 1, 1, 2]);
    assert_eq!(best_through_a_closure("").collect::<Vec<_>>(), [0, 1, 0]);
}

/// A resume argument matched by value in a `while let` and assigned again in both branches of an `if` with a
/// `yield_!` each: the value was taken for still in use before the `if` (liveness went past an `if` with an
/// `else` as if its condition could skip both branches), so the `while let`'s partial move of `x` counted as a
/// copy and the state stored the partly moved `x` (E0382; probe 48).
#[stackless::coroutine(resume = mut x)]
fn lengths() -> impl stackless::Coroutine<Option<String>, Yield = usize, Return = ()> {
    while let Some(s) = x {
        if s.is_empty() {
            x = yield_!(0);
        } else {
            x = yield_!(s.len());
        }
    }
}

#[test]
fn a_resume_argument_assigned_in_both_branches_after_a_partial_move() {
    use stackless::{Coroutine, CoroutineState};
    let mut c = lengths();
    let mut out = Vec::new();
    for arg in [Some("ab".to_string()), Some(String::new()), Some("xyz".to_string()), None] {
        match core::pin::Pin::new(&mut c).resume(arg) {
            CoroutineState::Yielded(n) => out.push(n),
            CoroutineState::Complete(()) => out.push(99),
        }
    }
    assert_eq!(out, [2, 0, 3, 99]);
}

/// An `if` whose branches both suspend or leave (here the `else` through a labeled block that breaks out of the
/// enclosing one), followed by the block's value: the arm stops after the `if`, which became the block's value
/// and was typed as `()` against `i64` (E0308; difftest seed 42, program 9248). It stays a statement.
#[stackless::coroutine]
fn leaves_by_a_labeled_block(mut p2: i64, p1: i64) -> impl Iterator<Item = i64> {
    let v = 'outer: {
        if let Some(x) = (p1 % 3 != 0).then_some(p1) {
            yield_!(x + p2)
        } else {
            'inner: {
                p2 += 1;
                break 'outer p2;
            };
            if p1 > p2 {
                break 'outer p1;
            }
        }
        p1 + p2
    };
    yield_!(v);
}

#[test]
fn a_diverging_if_before_a_block_value() {
    assert_eq!(leaves_by_a_labeled_block(1, 4).collect::<Vec<_>>(), [5, 5]);
    assert_eq!(leaves_by_a_labeled_block(1, 3).collect::<Vec<_>>(), [2]);
}

/// A labeled block as a `let` initializer whose only `break` comes after the suspension point in its first
/// statement: in the start arm the value never arrives, so nothing after the `let` is emitted there. (Emitted,
/// `pair` was typed from a block of type `!` before the arm that gives `v` its type, and `pair.0` needed the type:
/// E0282; difftest seed 0x5eeda4, program 777, failing since before the session that found it.)
#[stackless::coroutine(resume = mut r)]
fn labeled_block_left_after_resuming(p: Vec<i64>) -> impl Coroutine<i64, Yield = i64, Return = i64> {
    let one = 1i64;
    let v = 'b: {
        if !(yield_!(one) >= r) {
            break 'b r;
        }
        p.iter().sum()
    };
    let pair = (v + one, String::from("s"));
    let x = if one > 2 { one } else { pair.0 };
    r = yield_!(1 + pair.0);
    x + r + i64::try_from(pair.1.len()).unwrap()
}

#[test]
fn a_labeled_block_that_breaks_only_after_resuming() {
    let mut co = labeled_block_left_after_resuming(vec![4, 5]);
    assert_eq!(step(&mut co, 0), CoroutineState::Yielded(1));
    assert_eq!(step(&mut co, 3), CoroutineState::Yielded(11));
    assert_eq!(step(&mut co, 100), CoroutineState::Complete(111));
    let mut co = labeled_block_left_after_resuming(vec![4, 5]);
    assert_eq!(step(&mut co, 0), CoroutineState::Yielded(1));
    assert_eq!(step(&mut co, -2), CoroutineState::Yielded(2));
    assert_eq!(step(&mut co, 7), CoroutineState::Complete(9));
}

/// A format argument named like a local held in place (`format!("{x}", x = x + 1)`): `{x}` is the named argument,
/// so no second `x = (*x)` is added for the local ("duplicate argument named `x`"). Found by a user-style test
/// program (`format!("{:>width$}", n, width = width)` in a loop).
#[stackless::coroutine]
#[allow(clippy::uninlined_format_args)] // `x = x` is the shape under test.
fn named_format_arguments(x: usize, width: usize) -> impl Iterator<Item = String> {
    for n in 0..2 {
        yield_!(format!("{x}|{n:>width$}|{x}", x = x + 1, width = width));
    }
    loop {
        yield_!(format!("{x}", x = x));
        break;
    }
}

#[test]
fn format_arguments_named_like_held_locals() {
    assert_eq!(named_format_arguments(1, 3).collect::<Vec<_>>(), ["2|  0|2", "2|  1|2", "1"]);
}

/// `Peekable::peek` takes `&mut self`: on a `Peekable` declared in a loop and held across a suspension point (so
/// reached through its drop flag) it was read through a shared reference (E0596). Found by a user-style test
/// program (a char-by-char number parser).
#[stackless::coroutine]
fn numbers_in_lines(lines: Vec<&'static str>) -> impl Iterator<Item = u32> {
    for line in lines {
        let mut chars = line.chars().peekable();
        while chars.peek().is_some() {
            let mut n = 0;
            while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                n = n * 10 + d;
                chars.next();
            }
            yield_!(n);
            chars.next();
        }
    }
}

#[test]
fn peek_on_a_peekable_held_across_a_suspension() {
    assert_eq!(numbers_in_lines(vec!["12 3", "", "45"]).collect::<Vec<_>>(), [12, 3, 45]);
}

/// A `match` on a tuple (or array) of shared references, numbers and locals, whose arm changes what the tuple
/// borrowed and then suspends: the tuple is `Copy` without drop glue, so nothing of it is held across the arm's
/// `yield_!` (held, the part the pattern left kept `left` or `st` borrowed: E0499, E0502, E0506). Found by
/// user-style test programs (merging two sorted `Peekable`s, a state machine on `(&state, event)`).
#[stackless::coroutine]
fn merged(a: Vec<i32>, b: Vec<i32>) -> impl Iterator<Item = i32> {
    let mut left = a.into_iter().peekable();
    let mut right = b.into_iter().peekable();
    loop {
        match (left.peek(), right.peek()) {
            (Some(x), Some(y)) => {
                if x <= y {
                    yield_!(left.next().unwrap());
                } else {
                    yield_!(right.next().unwrap());
                }
            }
            (Some(_), None) => yield_!(left.next().unwrap()),
            (None, Some(_)) => yield_!(right.next().unwrap()),
            (None, None) => break,
        }
    }
}

#[derive(Debug)]
enum Stage {
    Idle,
    Running,
}

#[stackless::coroutine]
fn stages(events: Vec<u8>, mut spare: Option<String>) -> impl Iterator<Item = String> {
    let mut stage = Stage::Idle;
    for event in events {
        match (&stage, event) {
            (Stage::Idle, 1) => {
                stage = Stage::Running;
                yield_!(String::from("start"));
            }
            _ => yield_!(format!("{stage:?}")),
        }
    }
    match [&spare, &None] {
        [Some(_), _] => {
            let taken = spare.take().unwrap();
            yield_!(taken);
        }
        _ => yield_!(String::from("none")),
    }
}

#[test]
fn a_tuple_scrutinee_of_borrows_is_not_held_across_an_arm() {
    assert_eq!(merged(vec![1, 4, 5], vec![2, 3, 6]).collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6]);
    assert_eq!(stages(vec![0, 1, 1], Some(String::from("s"))).collect::<Vec<_>>(), ["Idle", "start", "Running", "s"]);
}

/// A resume argument used mutably where it arrives (`yield_!(..).push(c)`, `&mut yield_!(..)`, `if let Some(ref
/// mut t) = Some(yield_!(..))`): the hidden local it is spilled into is `mut` (E0596, "cannot borrow as mutable");
/// and an inline format capture named twice beside a suspension point (`"{a}{}{a}"`) gets one named argument
/// ("duplicate argument named `a`"). Found by a user-style test program.
#[stackless::coroutine(resume = _first)]
fn resume_arguments_used_mutably() -> impl Coroutine<String, Yield = u8, Return = String> {
    let a = 1;
    let mut s = yield_!(0);
    yield_!(1).push('x');
    s.push_str(&format!("{a}{}{a}", yield_!(2)));
    append_b(&mut yield_!(3));
    if let Some(t) = Some(yield_!(4)).as_mut() {
        t.push('!');
        s.push_str(t);
    }
    if let Some(ref mut t) = Some(yield_!(5)) {
        t.push('?');
        s.push_str(t);
    }
    s
}

fn append_b(s: &mut String) {
    s.push('b');
}

#[test]
fn resume_arguments_used_mutably_where_they_arrive() {
    let mut co = resume_arguments_used_mutably();
    for (k, expected) in (0..6).map(|k| (k, CoroutineState::Yielded(k))) {
        assert_eq!(step(&mut co, format!("r{k}")), expected);
    }
    assert_eq!(step(&mut co, String::from("r6")), CoroutineState::Complete(String::from("r11r31r5!r6?")));
}

/// A borrow made by an initializer that suspends (`let r = &v[yield_!(..)];`) and no longer used at the next
/// `yield_!` is a reference, left out of the state once dead, as `let r = &v[i];` is (held, it borrowed `v` in the
/// state: E0521 at the attribute). Found by a user-style test program.
#[stackless::coroutine(resume = _first)]
fn borrow_made_after_resuming() -> impl Coroutine<usize, Yield = (), Return = usize> {
    let v = vec![String::from("ab"), String::from("cde")];
    let r = &v[yield_!()];
    let k = r.len();
    yield_!();
    k + v.len()
}

#[test]
fn a_borrow_made_after_resuming_is_not_held_once_dead() {
    let mut co = borrow_made_after_resuming();
    assert_eq!(step(&mut co, 0), CoroutineState::Yielded(()));
    assert_eq!(step(&mut co, 1), CoroutineState::Yielded(()));
    assert_eq!(step(&mut co, 9), CoroutineState::Complete(5));
}

/// A struct pattern with a shorthand field and a `_` (`Pair { x, y: _ }`), as an argument or an arm that
/// suspends: the shorthand binding, renamed to keep the `_` part's drop order, is written out (`x: __bound1`; it
/// named a field `__bound1`: E0026). Found by a user-style test program.
pub struct Pair {
    pub x: String,
    pub y: String,
}

#[stackless::coroutine]
fn shorthand_beside_a_wildcard(Pair { mut x, y: _ }: Pair, rest: Vec<Pair>) -> impl Iterator<Item = usize> {
    x.push('!');
    yield_!(x.len());
    for pair in rest {
        match pair {
            Pair { x: _, y } => yield_!(y.len()),
        }
    }
}

#[test]
fn a_shorthand_field_beside_a_wildcard() {
    let pair = |x: &str, y: &str| Pair { x: x.into(), y: y.into() };
    let out = shorthand_beside_a_wildcard(pair("ab", "c"), vec![pair("d", "efg")]).collect::<Vec<_>>();
    assert_eq!(out, [3, 3]);
}

/// A suspension under a configuration test, written as `if cfg!(..)` (a `#[cfg]` on the statement is rejected:
/// the suspension happened whatever it said; found by a user-style test program), beside `#[cfg]` statements
/// without suspension points, which stay rustc's.
#[stackless::coroutine]
fn configured_suspensions() -> impl Iterator<Item = u32> {
    if cfg!(not(test)) {
        yield_!(100);
    }
    #[cfg(test)]
    let x = 1;
    #[cfg(not(test))]
    let y = 2;
    #[cfg(not(test))]
    println!("{y}");
    yield_!(x);
    if cfg!(test) {
        yield_!(3);
    }
}

#[test]
fn suspensions_under_a_configuration_test() {
    assert_eq!(configured_suspensions().collect::<Vec<_>>(), [1, 3]);
}

/// A `let` of a capitalised name (`let N = 3;`, with `non_snake_case` allowed, as maths code writes) binds a local
/// held across suspension points like any other (it was taken for a constant's pattern: E0425 at its later use),
/// while `let Marker = Marker;` still matches a unit struct. Found by a user-style test program.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Marker;

#[stackless::coroutine]
#[allow(non_snake_case)]
fn capitalised_locals(k: u32) -> impl Iterator<Item = u32> {
    let N = 3u32;
    let M: u32 = k;
    let Marker = Marker;
    yield_!(0);
    yield_!(N + M);
    yield_!(u32::from(format!("{Marker:?}") == "Marker"));
}

#[test]
fn a_capitalised_let_binds_a_local() {
    assert_eq!(capitalised_locals(4).collect::<Vec<_>>(), [0, 7, 1]);
}

/// Iterator adapters that take `self` though the macro didn't know them (`take_while`, `skip_while`, `scan`,
/// `map_while`, `inspect`), and `Option::is_some_and(self, ..)`, on a local or argument: the receiver was taken
/// for borrowed and stayed in the state (E0382 at the `yield_!`). Found by a user-style test program.
#[stackless::coroutine]
fn consuming_adapters<I: Iterator<Item = i32>>(
    v: Vec<i32>,
    more: I,
    name: Option<String>,
) -> impl Iterator<Item = i32> {
    let it = v.into_iter();
    for x in it.take_while(|&x| x < 3) {
        yield_!(x);
    }
    let rest = more.skip_while(|&x| x < 2);
    for x in rest.scan(0, |sum, x| {
        *sum += x;
        Some(*sum)
    }) {
        yield_!(x);
    }
    if name.is_some_and(|n| n.len() > 2) {
        yield_!(100);
    }
}

/// More of them: `map_while`, `inspect`, `copied`, `Option::map_or` and `Result::is_ok_and` on locals still in
/// scope at later suspension points.
#[stackless::coroutine]
fn more_consuming_methods(v: Vec<i32>, found: Option<i32>, parsed: Result<i32, String>) -> impl Iterator<Item = i32> {
    let it = v.into_iter();
    for x in it.map_while(|x| (x < 5).then_some(x * 2)).inspect(|x| assert!(*x > 0)) {
        yield_!(x);
    }
    let firsts = [found.unwrap_or(0), 1];
    let copies = firsts.iter();
    yield_!(copies.copied().sum::<i32>());
    let n = found.map_or(-1, |f| f + 1);
    yield_!(n);
    if parsed.is_ok_and(|p| p > 0) {
        yield_!(n * 10);
    }
}

#[test]
fn adapters_and_methods_that_take_self_consume_their_receiver() {
    let got: Vec<i32> = consuming_adapters(vec![1, 2, 5, 1], vec![1, 2, 5].into_iter(), Some("abc".into())).collect();
    assert_eq!(got, [1, 2, 2, 7, 100]);
    let got: Vec<i32> = more_consuming_methods(vec![1, 3, 7, 2], Some(4), Ok(3)).collect();
    assert_eq!(got, [2, 6, 5, 5, 50]);
}

/// A local bound from a search whose predicate is a closure (`seen.iter().find(|s| ..)`, `max_by_key`) can't hold
/// the closure: it was stored at a suspension where it is dead as one that might (a borrow of `seen` in the
/// state: E0521, E0597 at the attribute). Found by a user-style test program.
#[stackless::coroutine]
fn found_by_a_predicate(words: Vec<&'static str>) -> impl Iterator<Item = String> {
    let mut seen: Vec<String> = Vec::new();
    for w in words {
        let hit = seen.iter().find(|s| s.len() == w.len());
        let longest = seen.iter().max_by_key(|s| s.len()).cloned();
        if let Some(s) = hit {
            yield_!(s.clone());
        }
        if let Some(l) = longest {
            yield_!(l);
        }
        seen.push(w.to_string());
    }
}

/// Not when the searched items are made by a closure: `max_by_key` over `split(|c| ..)` iterators gives one of them,
/// which holds that closure (its local still needs the join point of a closure statement: E0308 without it).
#[stackless::coroutine]
#[allow(clippy::manual_pattern_char_comparison)] // The split's pattern must be a closure here.
fn longest_split(lines: Vec<&'static str>) -> impl Iterator<Item = usize> {
    for i in 0..lines.len() {
        let parts = lines.iter().map(|l| l.split(|c: char| c == ',')).max_by_key(|p| p.clone().count());
        yield_!(i);
        if let Some(p) = parts {
            yield_!(p.count());
        }
    }
}

#[test]
fn a_search_among_items_made_by_a_closure_may_hold_it() {
    assert_eq!(longest_split(vec!["a,b", "c"]).collect::<Vec<_>>(), [0, 2, 1, 2]);
}

#[test]
fn a_search_with_a_closure_predicate_holds_no_closure() {
    let got: Vec<String> = found_by_a_predicate(vec!["ab", "cde", "fg"]).collect();
    assert_eq!(got, ["ab", "ab", "cde"]);
}

/// A `for` loop over a view of a local (`line.char_indices()`) whose suspension points are each followed by a
/// jump out of it (`yield_!(i); break;`): the iterator is dead at them and has no drop glue, so no suspension
/// point holds it and nothing is borrowed across one (it was rejected as a loop borrowing `line`). Found by a
/// user-style test program.
#[stackless::coroutine]
fn first_marks(lines: Vec<String>) -> impl Iterator<Item = usize> {
    'lines: for line in lines {
        for (i, ch) in line.char_indices() {
            if ch == '#' {
                yield_!(i);
                continue 'lines;
            }
            if ch == '!' {
                yield_!(i + 100);
                break;
            }
        }
        yield_!(1000);
    }
}

#[test]
fn a_loop_left_after_each_suspension_holds_no_borrowing_iterator() {
    let lines = vec!["ab#c".to_string(), "x".into(), "q!".into(), "#".into()];
    assert_eq!(first_marks(lines).collect::<Vec<_>>(), [2, 1000, 101, 1000, 0]);
}

/// An item popped from a `Vec<String>` is known to own its value (so that a borrow of it held across a
/// `yield_!` is the macro's error, tests/ui/borrow); borrows of it that end before a suspension still work.
#[stackless::coroutine]
fn popped_words(mut stack: Vec<String>) -> impl Iterator<Item = usize> {
    while let Some(s) = stack.pop() {
        let t = s.trim();
        yield_!(t.len());
        let first = s.chars().next();
        yield_!(usize::from(first.is_some()));
        if let Some(w) = s.split_whitespace().next() {
            yield_!(w.len());
        }
    }
}

#[test]
fn borrows_of_a_popped_item_that_end_before_a_suspension_work() {
    assert_eq!(popped_words(vec![" a b ".into(), "xy".into()]).collect::<Vec<_>>(), [2, 1, 2, 3, 1, 1]);
}

/// A loop over a borrowing iterator of a local the macro can't type, held across a `yield_!`, compiles when the
/// local is a reference (rustc checks it: `tests/ui/borrow/loop_over_a_local_of_unknown_type`), also when the local
/// has a drop flag.
fn words_of() -> &'static str {
    "c d"
}

#[stackless::coroutine]
fn words_through_references(c: bool) -> impl Iterator<Item = String> {
    let text = words_of();
    for w in text.split(' ').rev() {
        yield_!(w.to_string());
    }
    let other;
    if c {
        other = words_of();
    } else {
        other = "p q";
    }
    yield_!(String::new());
    for w in other.split_whitespace() {
        yield_!(w.to_string());
    }
}

/// The same for a `let`'s view of such a local (`s.trim()`), held across a `yield_!`, and for one that is dead there.
fn owned_words() -> String {
    String::from(" e f ")
}

#[stackless::coroutine]
fn views_of_unknown_locals() -> impl Iterator<Item = usize> {
    let s = words_of();
    let t = s.trim();
    yield_!(t.len());
    yield_!(t.len() + 1);
    let o = owned_words();
    let u = o.trim();
    yield_!(u.len());
    yield_!(o.len());
}

#[test]
fn a_loop_over_a_reference_local_of_unknown_type_compiles() {
    assert_eq!(words_through_references(false).collect::<Vec<_>>(), ["d", "c", "", "p", "q"]);
    assert_eq!(views_of_unknown_locals().collect::<Vec<_>>(), [3, 4, 3, 5]);
}

/// The temporary of a `match` on a value whose type later code infers (`w.parse()`), held by an arm across its
/// suspension point: it is stored as it is, where `Hold` would ask rustc whether it is `Copy` before rustc knows
/// its type (a helper's program: `ParseIntError: Copy` at the attribute).
#[stackless::coroutine]
fn parsed_later<'a>(words: &'a [&'a str]) -> impl Iterator<Item = Result<u32, String>> + 'a {
    for w in words {
        let n = match w.parse() {
            Ok(n) => n,
            Err(_) => {
                yield_!(Err(w.to_string()));
                continue;
            }
        };
        yield_!(Ok(n));
    }
    let parsed = words[0].parse();
    yield_!(Err(String::from("between")));
    let first: u32 = parsed.unwrap_or(0);
    yield_!(Ok(first));
}

#[test]
fn values_typed_by_later_code_are_held_as_they_are() {
    let got: Vec<_> = parsed_later(&["1", "x", "3"]).collect();
    assert_eq!(got, [Ok(1), Err(String::from("x")), Ok(3), Err(String::from("between")), Ok(1)]);
}

/// A `let` resumed inside the initializer of another `let`'s block, whose `match` suspends again in every arm
/// (one through a loop left by `break yield_!(..)`, which only the emitted loop shows): resumed there, the outer
/// block never completes either, so `word` is not bound and nothing after it is emitted in that arm. (Emitted,
/// `lens(&word)` typed `word` as `str` before the arms that give it its type: E0277; difftest seed 0x5eedb8,
/// program 570.)
#[stackless::coroutine(resume = mut r)]
fn every_arm_suspends_again(p: i64) -> impl Coroutine<i64, Yield = i64, Return = i64> {
    fn lens(s: &str) -> i64 {
        i64::try_from(s.len()).unwrap_or(i64::MAX)
    }
    let word = {
        let n = match yield_!(p) % 3 {
            0 => {
                let a = yield_!(r);
                a + 1
            }
            1 => {
                let mut c = 0;
                loop {
                    if c >= 1 {
                        break yield_!(yield_!(3));
                    }
                    c += 1;
                }
            }
            _ => yield_!(r * 2),
        };
        format!("word{n}")
    };
    lens(&word)
}

#[test]
fn a_block_resumed_where_every_arm_suspends_again() {
    let mut c = every_arm_suspends_again(7);
    assert_eq!(step(&mut c, 5), CoroutineState::Yielded(7));
    assert_eq!(step(&mut c, 3), CoroutineState::Yielded(5));
    assert_eq!(step(&mut c, 40), CoroutineState::Complete(6));
    let mut c = every_arm_suspends_again(7);
    assert_eq!(step(&mut c, 5), CoroutineState::Yielded(7));
    assert_eq!(step(&mut c, 4), CoroutineState::Yielded(3));
    assert_eq!(step(&mut c, 0), CoroutineState::Yielded(0));
    assert_eq!(step(&mut c, 123), CoroutineState::Complete(7));
    let mut c = every_arm_suspends_again(7);
    assert_eq!(step(&mut c, 5), CoroutineState::Yielded(7));
    assert_eq!(step(&mut c, 2), CoroutineState::Yielded(10));
    assert_eq!(step(&mut c, 1), CoroutineState::Complete(5));
}

/// A value whose one branch suspends twice inside a call's arguments (`Some(sv({ let a = yield_!(..); pts(a,
/// yield_!(r)) }))`, the second suspension in a block of its own after the normalizer), the other `None`, and a
/// later use that would type it otherwise (`lens(&word)` takes a `&str`): the start arm types the value from the
/// branch's dead continuation, through the inner block too. (Without it, `word` was typed `Option<str>` from the
/// `None` branch and `lens`: E0277; difftest seed 0x5eedbf, program 2214, failing since before the session that
/// found it.)
#[stackless::coroutine(resume = mut r)]
fn typed_through_a_nested_block(c: i64, mut total: i64) -> impl Coroutine<i64, Yield = i64, Return = i64> {
    fn lens(s: &str) -> i64 {
        i64::try_from(s.len()).unwrap_or(i64::MAX)
    }
    fn sum(a: i64, b: i64) -> String {
        (a + b).to_string()
    }
    let word = if c > 0 {
        Some(sum({ r }, {
            let a = yield_!(1);
            a * 10 + yield_!(r)
        }))
    } else {
        None
    };
    if let Some(word) = word {
        total = yield_!(lens(&word));
    }
    total
}

#[test]
fn a_value_typed_through_a_nested_block_of_suspensions() {
    let mut c = typed_through_a_nested_block(1, 0);
    assert_eq!(step(&mut c, 5), CoroutineState::Yielded(1));
    assert_eq!(step(&mut c, 3), CoroutineState::Yielded(5));
    assert_eq!(step(&mut c, 4), CoroutineState::Yielded(2));
    assert_eq!(step(&mut c, 9), CoroutineState::Complete(9));
    let mut c = typed_through_a_nested_block(0, 7);
    assert_eq!(step(&mut c, 5), CoroutineState::Complete(7));
}

/// A local typed by its initializer (`1i32`, `1.0f64`), dead at a `yield_!` (assigned again after it) and so not
/// in the state there: the arm after the point declares it again, and its assignments with unsuffixed literals
/// left its type ambiguous (E0689 at `dir.signum()`, with a help at the attribute). Its `let` now ties the type
/// for that declaration. Found by a user-style test program.
#[stackless::coroutine]
fn directions(moves: Vec<i32>) -> impl Iterator<Item = i32> {
    let mut dir = 1i32;
    for m in moves {
        yield_!(m);
        dir = if m < 0 { -1 } else { 1 };
        yield_!(dir.signum());
    }
}

#[stackless::coroutine]
fn halves(n: u32) -> impl Iterator<Item = f64> {
    let mut scale = 1.0f64;
    for i in 0..n {
        yield_!(f64::from(i));
        scale = 0.25;
        yield_!(scale.sqrt());
    }
}

#[test]
fn a_local_declared_again_after_a_point_keeps_its_initializers_type() {
    assert_eq!(directions(vec![3, -2]).collect::<Vec<_>>(), [3, 1, -2, -1]);
    assert_eq!(halves(2).collect::<Vec<_>>(), [0.0, 0.5, 1.0, 0.5]);
}

/// A local whose initializer is an `if` that suspends in both branches, one of them in a loop whose only `break`
/// comes after a suspension point (`break { let _ = yield_!(8); }`): the arm resumed before the loop bound the
/// local to the branch's value, the loop's `!` in that arm, and `str_len(&v)` typed it `str` (E0277). It is no
/// longer bound in that arm, where its value never arrives. Difftest seed 7, program 20595, shrunk.
#[stackless::coroutine(resume = mut r)]
fn typed_past_a_loop_left_after_a_suspension() -> impl Coroutine<i64, Yield = i64, Return = usize> {
    let v = if r < 3 {
        yield_!(7);
        loop {
            if r >= 2 {
                break {
                    let _ = yield_!(8);
                };
            }
            r += 1;
        }
        r.to_string()
    } else {
        yield_!(5);
        let _n = loop {
            break yield_!(6);
        };
        String::from("else")
    };
    str_len(&v)
}

fn str_len(s: &str) -> usize {
    s.len()
}

#[test]
fn a_value_typed_past_a_loop_left_after_a_suspension() {
    let mut c = typed_past_a_loop_left_after_a_suspension();
    assert_eq!(step(&mut c, 1), CoroutineState::Yielded(7));
    assert_eq!(step(&mut c, 0), CoroutineState::Yielded(8));
    assert_eq!(step(&mut c, 0), CoroutineState::Complete(1));
    let mut c = typed_past_a_loop_left_after_a_suspension();
    assert_eq!(step(&mut c, 4), CoroutineState::Yielded(5));
    assert_eq!(step(&mut c, 0), CoroutineState::Yielded(6));
    assert_eq!(step(&mut c, 0), CoroutineState::Complete(4));
}

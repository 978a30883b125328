//! The documented deviations from the plain fn (README, "Limitations and deliberate deviations"), pinned so
//! that a change to any of them is noticed and the README updated.
mod common;
use common::{Noisy, events, log, strs};

#[stackless::coroutine]
fn yielded_value_temporary() -> impl Iterator<Item = usize> {
    yield_!(Noisy("temp").0.len());
    log("resumed");
}

#[test]
fn temporaries_of_a_yielded_value_drop_before_suspending() {
    // The plain fn would drop `temp` after "resumed"'s statement starts (at the end of the yield statement).
    let log = events(|| assert_eq!(yielded_value_temporary().count(), 1));
    assert_eq!(log, strs(&["drop temp", "resumed"]));
}

impl Noisy {
    /// A borrowing method whose name the macro doesn't know as borrowing.
    fn width(&self) -> usize {
        self.0.len()
    }
}

#[stackless::coroutine]
fn temporary_borrowed_by_an_unknown_method() -> impl Iterator<Item = usize> {
    let n = (Noisy("temp").width(), yield_!(1)).0;
    log("resumed");
    yield_!(n);
}

#[test]
fn temporaries_borrowed_by_an_unknown_method_drop_before_suspending() {
    // The plain fn would drop `temp` at the end of the `let` statement, after resuming.
    let log = events(|| assert_eq!(temporary_borrowed_by_an_unknown_method().count(), 2));
    assert_eq!(log, strs(&["drop temp", "resumed"]));
}

#[stackless::coroutine]
fn match_scrutinee_borrowed_by_an_unknown_method() -> impl Iterator<Item = usize> {
    match Noisy("temp").width() {
        n => {
            yield_!(n);
            log("resumed");
        }
    }
}

#[test]
fn a_match_scrutinees_temporary_borrowed_by_an_unknown_method_drops_before_the_arms_suspension() {
    // The plain fn would drop `temp` at the end of the `match`, after "resumed" (as it does here with `len`).
    let log = events(|| assert_eq!(match_scrutinee_borrowed_by_an_unknown_method().count(), 1));
    assert_eq!(log, strs(&["drop temp", "resumed"]));
}

#[stackless::coroutine]
fn temporary_in_an_if_let_scrutinee() -> impl Iterator<Item = usize> {
    if let Some(n) = Some(Noisy("temp").0.len()) {
        yield_!(n);
        log("resumed");
    }
}

#[test]
fn temporaries_of_an_if_let_scrutinee_drop_before_a_suspension_in_its_body() {
    // The plain fn would drop `temp` at the end of the `if let`, after "resumed".
    let log = events(|| assert_eq!(temporary_in_an_if_let_scrutinee().count(), 1));
    assert_eq!(log, strs(&["drop temp", "resumed"]));
}

#[stackless::coroutine]
fn local_matched_leaving_a_part() -> impl Iterator<Item = u8> {
    let pair = (Noisy("a"), Noisy("b"));
    match pair {
        (a, _) => {
            yield_!(1);
            log("resumed");
            drop(a);
        }
    }
    log("after match");
}

#[test]
fn the_unbound_part_of_a_matched_local_drops_at_the_first_suspension() {
    // The plain fn would drop `b` with `pair`, at the end of the fn (after "after match").
    let log = events(|| assert_eq!(local_matched_leaving_a_part().count(), 1));
    assert_eq!(log, strs(&["drop b", "resumed", "drop a", "after match"]));
}

/// The same parts, when the first suspension comes after the `match`, in the value that assigns the local again
/// (`pair = (Noisy(yield_!(..)), ..)`): they drop before suspending, where the plain fn drops them when the
/// assignment replaces them, after resuming. (Found by a user-style test program: `msg = yield_!(reply)` after a
/// `match msg` whose arm left parts of it.)
#[stackless::coroutine(resume = first)]
#[allow(clippy::match_single_binding)] // The `match` is the shape under test.
fn local_matched_leaving_a_part_then_assigned() -> impl stackless::Coroutine<&'static str, Yield = u8, Return = ()> {
    log(format!("started with {first}"));
    let mut pair = (Noisy("a"), Noisy("b"));
    match pair {
        (a, _) => drop(a),
    }
    pair = (Noisy(yield_!(1)), Noisy("d"));
    log("assigned");
    drop(pair);
}

#[test]
fn the_unbound_part_of_a_matched_local_drops_at_a_suspension_after_the_match() {
    use core::pin::Pin;
    use stackless::Coroutine;
    let log = events(|| {
        let mut co = local_matched_leaving_a_part_then_assigned();
        let _ = Pin::new(&mut co).resume("x");
        log("suspended");
        let _ = Pin::new(&mut co).resume("c");
    });
    // The plain fn drops `b` after resuming, when `pair` is assigned (after "suspended").
    assert_eq!(log, strs(&["started with x", "drop a", "drop b", "suspended", "assigned", "drop c", "drop d"]));
}

fn attempt(fail: bool) -> Result<u8, Noisy> {
    if fail { Err(Noisy("err")) } else { Ok(1) }
}

#[stackless::coroutine]
fn local_matched_by_an_arm_that_binds_nothing(fail: bool) -> impl Iterator<Item = u8> {
    let r = attempt(fail);
    match r {
        Ok(v) => yield_!(v),
        Err(_) => {
            yield_!(0);
            log("resumed");
        }
    }
    log("after match");
}

#[test]
fn a_local_matched_by_an_arm_that_binds_nothing_drops_at_its_first_suspension_when_another_arm_moves_it() {
    // The plain fn would drop `err` with `r`, at the end of the fn (after "after match").
    let log = events(|| assert_eq!(local_matched_by_an_arm_that_binds_nothing(true).count(), 1));
    assert_eq!(log, strs(&["drop err", "resumed", "after match"]));
}

#[stackless::coroutine]
fn argument_matched_by_an_arm_that_binds_nothing(r: Result<u8, Noisy>) -> impl Iterator<Item = u8> {
    match r {
        Ok(v) => yield_!(v),
        Err(_) => {
            yield_!(0);
            log("resumed");
        }
    }
    log("after match");
}

#[test]
fn an_argument_matched_by_an_arm_that_binds_nothing_drops_at_its_first_suspension_too() {
    // The plain fn would drop `err` with `r`, at the end of the fn (after "after match").
    let log = events(|| assert_eq!(argument_matched_by_an_arm_that_binds_nothing(Err(Noisy("err"))).count(), 1));
    assert_eq!(log, strs(&["drop err", "resumed", "after match"]));
}

fn three_noisy() -> (Noisy, Noisy, Noisy) {
    (Noisy("a"), Noisy("b"), Noisy("c"))
}

#[stackless::coroutine]
fn temporary_matched_by_a_rest_pattern() -> impl Iterator<Item = u8> {
    match three_noisy() {
        (a, ..) => {
            yield_!(1);
            drop(a);
        }
    }
    log("after match");
}

#[test]
fn the_rest_of_a_temporary_matched_by_a_rest_pattern_drops_at_the_first_suspension() {
    // The plain fn would drop `b` and `c` at the end of the `match`, after `a`.
    let log = events(|| assert_eq!(temporary_matched_by_a_rest_pattern().count(), 1));
    assert_eq!(log, strs(&["drop b", "drop c", "drop a", "after match"]));
}

#[stackless::coroutine]
fn loop_item_matched_by_a_rest_pattern(v: Vec<(Noisy, Noisy, Noisy)>) -> impl Iterator<Item = u8> {
    for (a, ..) in v {
        yield_!(1);
        drop(a);
    }
    log("after loop");
}

#[test]
fn the_rest_of_a_loop_item_matched_by_a_rest_pattern_drops_at_the_first_suspension() {
    // The plain fn would drop `b` and `c` at the end of the iteration, after `a`.
    let log = events(|| assert_eq!(loop_item_matched_by_a_rest_pattern(vec![three_noisy()]).count(), 1));
    assert_eq!(log, strs(&["drop b", "drop c", "drop a", "after loop"]));
}

#[stackless::coroutine]
fn part_left_under_a_guard_with_a_macro() -> impl Iterator<Item = u8> {
    match three_noisy() {
        (a, _, _) if matches!(a.0, "a") => {
            yield_!(1);
            drop(a);
        }
        _ => {}
    }
}

#[test]
fn the_parts_left_under_a_guard_with_a_macro_drop_at_the_first_suspension() {
    // The plain fn would drop `b` and `c` at the end of the `match`, after `a`.
    let log = events(|| assert_eq!(part_left_under_a_guard_with_a_macro().count(), 1));
    assert_eq!(log, strs(&["drop b", "drop c", "drop a"]));
}

fn maybe_noisy(some: bool) -> Option<Noisy> {
    some.then(|| Noisy("p"))
}

#[stackless::coroutine]
fn temporary_matched_by_ref_and_by_value_arms() -> impl Iterator<Item = usize> {
    match maybe_noisy(true) {
        Some(ref a) if a.0 == "p" => {
            yield_!(a.0.len());
            log("resumed");
        }
        Some(a) => yield_!(a.0.len() + 1),
        None => {}
    }
    log("after match");
}

#[test]
fn a_temporary_matched_by_a_ref_arm_beside_a_by_value_arm_drops_at_the_ref_arms_suspension() {
    // The plain fn would drop `p` at the end of the `match` (after "resumed").
    let log = events(|| assert_eq!(temporary_matched_by_ref_and_by_value_arms().count(), 1));
    assert_eq!(log, strs(&["drop p", "resumed", "after match"]));
}

struct Counter(Noisy);

impl Counter {
    /// Named like a consuming method, but borrows (the shape the deviation is about).
    #[allow(clippy::wrong_self_convention)]
    fn into_len(&self) -> usize {
        self.0.0.len()
    }
}

#[stackless::coroutine]
fn borrowing_method_named_like_a_consuming_one() -> impl Iterator<Item = usize> {
    let c = Counter(Noisy("counter"));
    let n = c.into_len();
    yield_!(n);
    log("resumed");
}

#[test]
fn a_borrowing_into_method_counts_as_a_move() {
    // The plain fn would drop `counter` at the end of the fn (after "resumed").
    let log = events(|| assert_eq!(borrowing_method_named_like_a_consuming_one().count(), 1));
    assert_eq!(log, strs(&["drop counter", "resumed"]));
}

/// A type of one's own with a borrowing `lines`, the name of `str`'s view and of `BufRead`'s consuming method.
struct Document {
    text: &'static str,
    _tag: Noisy,
}

impl Document {
    fn lines(&self) -> std::str::Lines<'static> {
        self.text.lines()
    }
}

#[stackless::coroutine]
fn borrowing_lines_of_ones_own() -> impl Iterator<Item = usize> {
    let doc = Document { text: "a\nb", _tag: Noisy("document") };
    for line in doc.lines() {
        yield_!(line.len());
    }
    log("after the loop");
}

#[test]
fn a_borrowing_lines_method_counts_as_a_move() {
    // `lines` and `bytes` are taken to consume their receiver (a reader) unless it is known to own a `String`.
    // The plain fn would drop `document` at the end of the fn (after "after the loop").
    let log = events(|| assert_eq!(borrowing_lines_of_ones_own().count(), 2));
    assert_eq!(log, strs(&["drop document", "after the loop"]));
}

fn index(i: usize) -> usize {
    log(format!("index {i}"));
    i
}

#[stackless::coroutine(resume = _)]
fn compound_assignment_index() -> impl stackless::Coroutine<i32, Yield = (), Return = [i32; 2]> {
    let mut v = [0, 0];
    v[index(1)] += yield_!(());
    v
}

#[test]
fn a_compound_assignments_index_is_evaluated_after_resuming() {
    let log = events(|| {
        let mut c = compound_assignment_index();
        assert_eq!(common::step(&mut c, 0), stackless::CoroutineState::Yielded(()));
        log("resumed");
        assert_eq!(common::step(&mut c, 5), stackless::CoroutineState::Complete([0, 5]));
    });
    assert_eq!(log, strs(&["resumed", "index 1"]));
}

/// A type of one's own with a method named like `str`'s `trim`, returning a value with drop glue.
struct Padded(&'static str);

impl Padded {
    fn trim(&self) -> Noisy {
        Noisy(self.0)
    }
}

#[stackless::coroutine]
fn own_method_named_like_a_str_view() -> impl Iterator<Item = u8> {
    let p = Padded("trimmed");
    let t = p.trim();
    let _ = &t;
    yield_!(1);
    log("resumed");
}

#[test]
fn a_value_returned_by_a_method_named_like_a_str_view_drops_at_the_next_suspension() {
    // `trim`, `strip_prefix`, `chars`… are taken for `str`'s, whose results have no drop glue: once no longer used,
    // the value is left out of the state. The plain fn would drop `trimmed` at the end of the fn (after "resumed").
    let log = events(|| assert_eq!(own_method_named_like_a_str_view().count(), 1));
    assert_eq!(log, strs(&["drop trimmed", "resumed"]));
}

#[stackless::coroutine]
fn move_closure_using_a_field() -> impl Iterator<Item = usize> {
    let noisy = Noisy("owner");
    let len = move || noisy.0.len();
    yield_!(len());
    log("resumed");
}

#[test]
fn a_move_closure_using_only_a_field_counts_as_moving_the_local() {
    // Rust 2021 captures just `noisy.0` (a `&str`, copied), so the plain fn drops `noisy` at its end, after
    // "resumed". The macro takes the closure to move all of `noisy`, holds nothing for it, and the value drops
    // at the suspension point.
    let log = events(|| assert_eq!(move_closure_using_a_field().count(), 1));
    assert_eq!(log, strs(&["drop owner", "resumed"]));
}

#[stackless::coroutine]
fn field_moved_twice() -> impl Iterator<Item = usize> {
    let page = (vec![1u8, 2], Noisy("rest"));
    let first = page.0;
    yield_!(first.len());
    // The plain fn doesn't compile: E0382, use of moved value `page.0`.
    let second = page.0;
    yield_!(second.len());
}

#[test]
fn a_field_moved_twice_out_of_a_held_local_reads_its_empty_value() {
    let log = events(|| assert_eq!(field_moved_twice().collect::<Vec<_>>(), [2, 0]));
    assert_eq!(log, strs(&["drop rest"]));
}

struct Items {
    v: Vec<u32>,
}

impl Items {
    #[stackless::coroutine]
    fn then_count(self) -> impl Iterator<Item = usize> {
        for x in self.v {
            yield_!(x as usize);
        }
        // The plain fn doesn't compile: E0382, borrow of moved value `self.v`.
        yield_!(self.v.len());
    }
}

#[test]
fn a_field_read_after_it_was_moved_out_of_a_held_local_reads_its_empty_value() {
    assert_eq!(Items { v: vec![7, 8] }.then_count().collect::<Vec<_>>(), [7, 8, 0]);
}

/// A unit struct whose `Drop` logs.
struct Token;

impl Token {
    #[allow(clippy::unused_self, reason = "a method borrowing the unit struct is the shape pinned")]
    fn width(&self) -> usize {
        2
    }
}

impl Drop for Token {
    fn drop(&mut self) {
        log("drop token");
    }
}

#[stackless::coroutine]
fn unit_struct_in_a_for_header() -> impl Iterator<Item = usize> {
    for i in 0..Token.width() {
        log(format!("item {i}"));
        yield_!(i);
    }
    log("end");
}

#[test]
fn a_unit_struct_borrowed_in_a_for_header_drops_before_the_loop() {
    // The plain fn would drop `Token` after the loop, before "end": the macro takes `Token` for a place.
    let log = events(|| assert_eq!(unit_struct_in_a_for_header().count(), 2));
    assert_eq!(log, strs(&["drop token", "item 0", "item 1", "end"]));
}

#[stackless::coroutine]
fn extended_literal_temporary() -> impl Iterator<Item = usize> {
    // `Noisy("literal")` could be a constant, were its type without `Drop`: the macro leaves the `let` as it is.
    let r = &Noisy("literal");
    let n = r.0.len();
    yield_!(n);
    log("resumed");
}

#[test]
fn a_temporary_that_may_be_a_constant_drops_at_the_next_suspension() {
    // The plain fn would drop it at the end of the block, after "resumed".
    let log = events(|| assert_eq!(extended_literal_temporary().count(), 1));
    assert_eq!(log, strs(&["drop literal", "resumed"]));
}

fn labelled(label: &str) -> Noisy {
    Noisy(if label.is_empty() { "empty" } else { "labelled" })
}

#[stackless::coroutine]
fn extended_temporary_made_from_a_borrow() -> impl Iterator<Item = usize> {
    let label = String::from("x");
    // Made from a borrow of `label`, the value may hold it: the macro leaves the `let` as it is.
    let r = &labelled(&label);
    let n = r.0.len();
    yield_!(n);
    log("resumed");
}

#[test]
fn a_temporary_made_from_a_borrow_drops_at_the_next_suspension() {
    // The plain fn would drop it at the end of the block, after "resumed".
    let log = events(|| assert_eq!(extended_temporary_made_from_a_borrow().count(), 1));
    assert_eq!(log, strs(&["drop labelled", "resumed"]));
}

#[stackless::coroutine]
fn read_where_maybe_unset(c: bool) -> impl Iterator<Item = u32> {
    let x: u32;
    if c {
        x = 1;
    }
    yield_!(0);
    yield_!(x);
}

#[test]
fn a_read_of_a_maybe_unset_local_across_a_yield_panics_instead_of_e0381() {
    // The plain fn is rustc's E0381; each arm alone is fine, so it compiles, and the read finds no value.
    assert_eq!(read_where_maybe_unset(true).collect::<Vec<_>>(), [0, 1]);
    let panic = std::panic::catch_unwind(|| read_where_maybe_unset(false).collect::<Vec<_>>()).unwrap_err();
    let message = panic.downcast_ref::<String>().map(String::as_str).or_else(|| panic.downcast_ref::<&str>().copied());
    assert!(message.is_some_and(|m| m.contains("may be uninitialised or moved")), "{message:?}");
}

#[stackless::coroutine]
fn push_without_mut() -> impl Iterator<Item = usize> {
    let v = Vec::new();
    yield_!(0);
    v.push(1);
    yield_!(v.len());
}

#[test]
fn a_mut_method_on_a_local_without_mut_after_a_yield_compiles() {
    // The plain fn is rustc's E0596 (cannot borrow `v` as mutable).
    assert_eq!(push_without_mut().collect::<Vec<_>>(), [0, 1]);
}

#[stackless::coroutine]
fn assign_without_mut() -> impl Iterator<Item = u32> {
    let x = 1;
    yield_!(x);
    x = 5;
    yield_!(x);
}

#[test]
fn an_assignment_to_a_local_without_mut_after_a_yield_compiles() {
    // The plain fn is rustc's E0384 (cannot assign twice to immutable variable `x`).
    assert_eq!(assign_without_mut().collect::<Vec<_>>(), [1, 5]);
}

fn lock_of(m: &std::sync::Mutex<u32>) -> std::sync::MutexGuard<'_, u32> {
    m.lock().unwrap()
}

#[stackless::coroutine]
fn guard_from_a_fn_of_its_own(m: &std::sync::Mutex<u32>) -> impl Iterator<Item = u32> + '_ {
    let guard = lock_of(m);
    yield_!(*guard);
}

#[test]
fn a_guard_the_macro_does_not_recognise_is_released_at_its_last_deref() {
    // The plain fn holds `guard` to its end, across the `yield_!`; read by its last `*guard`, it is taken for
    // moved and dropped there.
    let m = std::sync::Mutex::new(7);
    let mut it = guard_from_a_fn_of_its_own(&m);
    assert_eq!(it.next(), Some(7));
    assert!(m.try_lock().is_ok());
}

#[stackless::coroutine]
fn destructured_leaving_a_part() -> impl Iterator<Item = u32> {
    let t = (Noisy("t0"), Noisy("t1"), Noisy("t2"));
    let (a, _, c) = t;
    yield_!(1);
    drop(c);
    yield_!(2);
    drop(a);
}

#[test]
fn a_part_a_let_leaves_in_a_local_drops_at_the_next_suspension() {
    // The plain fn drops `t1` with `t` at the end of the body, after `t0` (`a`); here it goes at the first yield.
    let log = events(|| assert_eq!(destructured_leaving_a_part().count(), 2));
    assert_eq!(log, strs(&["drop t1", "drop t2", "drop t0"]));
}

/// A table whose indexing logs.
struct Table(Vec<Vec<u8>>);

impl std::ops::Index<usize> for Table {
    type Output = Vec<u8>;
    fn index(&self, i: usize) -> &Vec<u8> {
        log("index");
        &self.0[i]
    }
}

impl std::ops::IndexMut<usize> for Table {
    fn index_mut(&mut self, i: usize) -> &mut Vec<u8> {
        log("index_mut");
        &mut self.0[i]
    }
}

fn pick(i: usize) -> usize {
    log(format!("pick {i}"));
    i
}

#[stackless::coroutine(resume = _first)]
fn indexed_receiver_before_a_yield() -> impl stackless::Coroutine<u8, Yield = u8, Return = Vec<Vec<u8>>> {
    let mut table = Table(vec![Vec::new()]);
    table[pick(0)].push(yield_!(1));
    table.0
}

#[test]
fn an_indexed_receiver_is_indexed_after_resuming() {
    use core::pin::Pin;
    use stackless::Coroutine;
    let log = events(|| {
        let mut co = indexed_receiver_before_a_yield();
        let _ = Pin::new(&mut co).resume(0);
        log("suspended");
        let _ = Pin::new(&mut co).resume(7);
    });
    // The plain fn: "pick 0", "index_mut", then the suspension.
    assert_eq!(log, strs(&["pick 0", "suspended", "index_mut"]));
}

/// A type of one's own with a method named like a std collection's view (`front`, `first`, `get(&k)`…) that
/// returns an owned value, called on a field of a reference argument: taken for std's, its result is taken for a
/// reference (no drop glue), so, dead at a suspension point, it drops there rather than at the end of its scope.
struct Line(Vec<&'static str>);

impl Line {
    fn front(&self) -> Option<Noisy> {
        self.0.first().map(|&name| Noisy(name))
    }
}

struct Desk {
    line: Line,
}

#[stackless::coroutine]
fn owned_front_of_a_field(desk: &Desk) -> impl Iterator<Item = u8> + '_ {
    if let Some(first) = desk.line.front() {
        log(first.0);
        yield_!(1);
        log("resumed");
    }
}

#[test]
fn an_owned_value_of_a_std_named_method_on_a_field_drops_at_the_next_suspension() {
    let desk = Desk { line: Line(vec!["ticket"]) };
    // The plain fn drops `first` at the end of the `if let` block, after "resumed".
    let log = events(|| assert_eq!(owned_front_of_a_field(&desk).count(), 1));
    assert_eq!(log, strs(&["ticket", "drop ticket", "resumed"]));
}

/// With its type written (not a reference), the value is the method's own: held, and dropped at its scope's end.
#[stackless::coroutine]
fn owned_front_of_a_field_typed(desk: &Desk) -> impl Iterator<Item = u8> + '_ {
    let first: Option<Noisy> = desk.line.front();
    yield_!(1);
    log("resumed");
    drop(first);
}

#[test]
fn an_owned_value_of_a_std_named_method_with_its_type_written_is_held() {
    let desk = Desk { line: Line(vec!["ticket"]) };
    let log = events(|| assert_eq!(owned_front_of_a_field_typed(&desk).count(), 1));
    assert_eq!(log, strs(&["resumed", "drop ticket"]));
}

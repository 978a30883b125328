//! State sizes, compared with rustc's own coroutine layout tests (ours must be no larger).
#![allow(clippy::let_unit_value)]
use std::mem::size_of_val;

#[stackless::coroutine]
fn overlap_locals() -> impl Iterator<Item = ()> {
    {
        let w: i32 = 4;
        yield_!();
        std::hint::black_box(w);
    }
    {
        let x: i32 = 5;
        yield_!();
        std::hint::black_box(x);
    }
    {
        let y: i32 = 6;
        yield_!();
        std::hint::black_box(y);
    }
    {
        let z: i32 = 7;
        yield_!();
        std::hint::black_box(z);
    }
}

#[test]
fn locals_of_disjoint_scopes_overlap() {
    // rustc: 8 bytes.
    let g = overlap_locals();
    assert!(size_of_val(&g) <= 8, "{}", size_of_val(&g));
    assert_eq!(g.count(), 4);
}

#[allow(dropping_copy_types)] // as in rustc's test: `drop` of a `Copy` value still ends its liveness
#[stackless::coroutine(resume = mut x)]
fn resume_arg_not_live() -> impl stackless::Coroutine<u8, Yield = (), Return = ()> {
    loop {
        drop(x);
        x = yield_!();
    }
}

#[test]
fn an_overwritten_resume_argument_is_not_stored() {
    // rustc: 1 byte.
    assert!(size_of_val(&resume_arg_not_live()) <= 1);
}

struct Big(#[allow(dead_code)] [u8; 1024]);

impl Drop for Big {
    fn drop(&mut self) {}
}

#[stackless::coroutine]
fn moved_before_yield() -> impl Iterator<Item = ()> {
    let first = Big([0; 1024]);
    let second = first;
    yield_!();
    drop(second);
}

#[stackless::coroutine]
fn moved_to_another_local_across_yields() -> impl Iterator<Item = ()> {
    let first = Big([0; 1024]);
    yield_!();
    let second = first;
    yield_!();
    drop(second);
}

#[test]
fn a_moved_value_takes_one_slot() {
    // rustc: 1025 and 2051 (the second keeps two overlapping copies).
    assert!(size_of_val(&moved_before_yield()) <= 1025, "{}", size_of_val(&moved_before_yield()));
    let two = moved_to_another_local_across_yields();
    assert!(size_of_val(&two) <= 2051, "{}", size_of_val(&two));
}

#[stackless::coroutine]
fn niche_holder(v: Vec<u8>) -> impl Iterator<Item = u8> {
    for x in v {
        yield_!(x);
    }
}

#[test]
fn option_of_a_coroutine_uses_the_niche() {
    let g = niche_holder(vec![1]);
    assert_eq!(size_of_val(&g), size_of_val(&Some(niche_holder(vec![1]))));
}

/// Two points in a loop share a variant; the states that aren't suspended are one variant beside it, whose tag
/// goes into a niche of the group's (the `Vec`'s capacity, or `at`'s tag): an `Option` of either still fits.
#[stackless::coroutine]
fn grouped_niche_holder(v: Vec<u8>) -> impl Iterator<Item = u8> {
    for x in v {
        yield_!(x);
        yield_!(x.wrapping_add(1));
    }
}

#[stackless::coroutine]
fn grouped_bytes(n: u8) -> impl Iterator<Item = u8> {
    let mut i = 0u8;
    while i < n {
        yield_!(i);
        yield_!(n);
        i += 1;
    }
}

#[test]
fn option_of_a_grouped_coroutine_uses_the_niche() {
    let g = grouped_niche_holder(vec![1]);
    assert_eq!(size_of_val(&g), size_of_val(&Some(grouped_niche_holder(vec![1]))));
    let b = grouped_bytes(3);
    assert_eq!(size_of_val(&b), size_of_val(&Some(grouped_bytes(3))));
    // rustc's coroutine holds `n`, `i` and its tag: 3 bytes.
    assert!(size_of_val(&b) <= 3, "{}", size_of_val(&b));
    assert_eq!(grouped_bytes(2).collect::<Vec<_>>(), [0, 2, 1, 2]);
}

/// A depth-first walk over a slice of references: the item popped from a `Vec<&T>` (known to be plain from the
/// written type) is left out of the state once read, as is the `&str` view of a line.
#[stackless::coroutine]
fn walk<'a>(roots: &'a [u64], text: &'a str) -> impl Iterator<Item = u64> {
    let mut stack: Vec<&'a u64> = roots.iter().collect();
    loop {
        let Some(item) = stack.pop() else { break };
        let line = text.trim();
        yield_!(*item + line.len() as u64);
    }
}

#[test]
fn plain_items_and_views_are_not_held_once_dead() {
    let roots = [1, 2];
    let mut w = walk(&roots, " ab ");
    assert_eq!(w.next(), Some(4));
    // The state holds the `Vec` and `text` (read again in the next iteration); not `item`, `line`, or `roots`
    // (dead after the first statement).
    assert!(size_of_val(&w) <= size_of::<Vec<&u64>>() + size_of::<&str>() + 8, "{}", size_of_val(&w));
    assert_eq!(w.collect::<Vec<_>>(), [3]);
}

/// Two points in a loop holding a `Vec` and words only: `at` takes a pointer-sized tag, so that the states that
/// aren't suspended go into that tag rather than into the `Vec`'s capacity (one test per resume instead of two),
/// in no more room than a one-byte tag, which would be padded to a word beside them.
/// (The same with a `Vec` and a range: `tests/expand/wide_tag.rs`.)
#[stackless::coroutine]
fn buffer_and_words(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut line = String::new();
    let mut count: usize = 0;
    while count < text.len() {
        line.push('x');
        yield_!(count);
        count += 1;
        yield_!(line.len());
    }
}

/// The same with fields smaller than a word beside the `String`: a one-byte tag shares their word.
#[stackless::coroutine]
fn buffer_and_small_fields(n: u32) -> impl Iterator<Item = u32> {
    let mut text = String::new();
    let mut count = 0u32;
    let mut flag = false;
    while count < n {
        text.push('x');
        yield_!(count);
        flag = !flag;
        yield_!(u32::from(flag));
        count += 1;
    }
}

#[test]
fn a_wider_tag_takes_no_room() {
    let g = buffer_and_words("ab");
    // The hand-written machine: the `String`, `count`, `text` and a one-byte tag (padded to a word).
    assert!(size_of_val(&g) <= size_of::<(String, usize, &str, u8)>(), "{}", size_of_val(&g));
    assert_eq!(size_of_val(&g), size_of_val(&Some(buffer_and_words("ab"))));
    assert_eq!(g.collect::<Vec<_>>(), [0, 1, 1, 2]);
    let s = buffer_and_small_fields(2);
    // `text`, `count`, `n`, `flag` and a one-byte tag, as rustc lays it out; a word-sized tag would add a word.
    assert!(size_of_val(&s) <= size_of::<(String, u32, u32, bool, u8)>(), "{}", size_of_val(&s));
    assert_eq!(size_of_val(&s), size_of_val(&Some(buffer_and_small_fields(2))));
    assert_eq!(s.collect::<Vec<_>>(), [0, 1, 1, 0]);
}

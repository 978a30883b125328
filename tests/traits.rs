//! What the returned value is: `Send`/`Sync` exactly as what it holds, `Clone`/`Debug` when asked for,
//! always `Unpin`, generators `FusedIterator`.
mod common;
use common::step;
use stackless::{Coroutine, CoroutineState};
use std::iter::FusedIterator;
use std::rc::Rc;

fn assert_send_sync<T: Send + Sync>(_: &T) {}
fn assert_unpin<T: Unpin>(_: &T) {}
fn assert_fused<T: FusedIterator>(_: &T) {}

#[stackless::coroutine]
fn plain(v: Vec<u32>) -> impl FusedIterator<Item = u32> + Send + Sync {
    for x in v {
        yield_!(x);
    }
}

#[stackless::coroutine]
fn holds_rc_only_before_yield() -> impl Iterator<Item = u32> + Send {
    let rc = Rc::new(5);
    let value = *rc;
    drop(rc);
    yield_!(value);
}

#[test]
fn send_and_sync_follow_what_is_held() {
    let g = plain(vec![1, 2]);
    assert_send_sync(&g);
    assert_unpin(&g);
    assert_fused(&g);
    let g = holds_rc_only_before_yield();
    let handle = std::thread::spawn(move || g.collect::<Vec<_>>());
    assert_eq!(handle.join().unwrap(), [5]);
}

#[stackless::coroutine(resume = _)]
fn resumed_elsewhere() -> impl Coroutine<u32, Yield = u32, Return = u32> + Send {
    let mut total = 0;
    loop {
        let next = yield_!(total);
        if next == 0 {
            return total;
        }
        total += next;
    }
}

#[test]
fn resuming_on_another_thread() {
    let mut c = resumed_elsewhere();
    assert_eq!(step(&mut c, 0), CoroutineState::Yielded(0));
    let handle = std::thread::spawn(move || {
        assert_eq!(step(&mut c, 5), CoroutineState::Yielded(5));
        c
    });
    let mut c = handle.join().unwrap();
    assert_eq!(step(&mut c, 0), CoroutineState::Complete(5));
}

#[stackless::coroutine]
fn clonable() -> impl Iterator<Item = u64> + Clone + std::fmt::Debug {
    let (mut a, mut b) = (0, 1);
    loop {
        yield_!(a);
        (a, b) = (b, a + b);
    }
}

#[test]
fn a_suspended_coroutine_clones_and_both_copies_resume() {
    let mut g = clonable();
    assert_eq!(g.by_ref().take(4).collect::<Vec<_>>(), [0, 1, 1, 2]);
    let h = g.clone();
    assert_eq!(g.take(3).collect::<Vec<_>>(), [3, 5, 8]);
    assert_eq!(h.take(3).collect::<Vec<_>>(), [3, 5, 8]);
}

#[test]
fn debug_shows_the_suspension_point_and_its_locals() {
    let mut g = clonable();
    assert_eq!(format!("{g:?}"), "Unresumed");
    g.next();
    g.next();
    assert_eq!(format!("{g:?}"), "Suspend0 { b: 1, a: 1 }");
}

/// Two points in a loop share a variant: `at` says which one, with what only that point holds.
#[stackless::coroutine]
fn pairs_clonable(words: Vec<String>) -> impl Iterator<Item = String> + Clone + std::fmt::Debug {
    for word in words {
        let loud = word.to_uppercase();
        yield_!(word);
        yield_!(loud);
    }
}

#[test]
fn a_coroutine_suspended_in_a_loop_clones_and_prints() {
    let mut g = pairs_clonable(vec!["a".into(), "b".into()]);
    // Not started, a state with a group keeps its arguments in its one variant of the states that aren't
    // suspended.
    assert_eq!(format!("{g:?}"), r#"Idle(Unresumed { words: ["a", "b"] })"#);
    assert_eq!(g.next().as_deref(), Some("a"));
    assert_eq!(format!("{g:?}"), r#"Group0 { at: Suspend0 { loud: "A" }, for_word: IntoIter(["b"]) }"#);
    let h = g.clone();
    assert_eq!(g.by_ref().collect::<Vec<_>>(), ["A", "b", "B"]);
    assert_eq!(format!("{g:?}"), "Idle(Returned)");
    assert_eq!(h.collect::<Vec<_>>(), ["A", "b", "B"]);
}

#[stackless::coroutine]
fn lines_reversed(lines: Vec<&'static str>) -> impl Iterator<Item = &'static str> + std::fmt::Debug {
    for line in lines.into_iter().rev() {
        yield_!(line);
    }
}

#[test]
fn debug_names_a_for_loops_iterator_after_the_loop() {
    let mut g = lines_reversed(vec!["a", "b"]);
    g.next();
    assert_eq!(format!("{g:?}"), r#"Suspend0 { for_line: Rev { iter: IntoIter(["a"]) } }"#);
}

#[stackless::coroutine(resume = _first)]
fn holds_hidden_values() -> impl stackless::Coroutine<usize, Yield = usize, Return = ()> + std::fmt::Debug {
    let n = String::from("ab").len() + yield_!(1);
    let r = &String::from("xyz");
    let m = r.len();
    yield_!(n + m);
    yield_!(m);
}

#[test]
fn debug_names_hidden_values_after_the_line_of_their_expression() {
    use core::pin::Pin;
    use stackless::Coroutine;
    let mut c = holds_hidden_values();
    let _ = Pin::new(&mut c).resume(0);
    // The operand `String::from("ab").len()` and its temporary, evaluated before the `yield_!` of the same line.
    assert_eq!(format!("{c:?}"), r#"Suspend0 { operand_line130: 2, temporary_line130: "ab" }"#);
    let _ = Pin::new(&mut c).resume(2);
    // The temporary that `let r = &..` extends to the end of the block.
    assert_eq!(format!("{c:?}"), r#"Suspend1 { m: 3, temporary_line131: "xyz" }"#);
}

#[stackless::coroutine]
fn holds_a_pinned_thing() -> impl Iterator<Item = u8> {
    let marker = std::marker::PhantomPinned;
    yield_!(1);
    let _ = &marker;
}

#[test]
fn unpin_even_when_holding_something_that_is_not() {
    let mut g = holds_a_pinned_thing();
    assert_unpin(&g);
    assert_eq!(std::pin::Pin::new(&mut g).next(), Some(1));
}

//! `yield_from!`: delegation to another coroutine or, in a generator, to anything iterable; recursion through
//! boxed signatures; drop order and panics across the delegation.
mod common;
use common::{Noisy, events, log, run, step, strs};
use core::pin::Pin;
use stackless::{Coroutine, CoroutineState};

#[stackless::coroutine]
fn inner(n: u32) -> impl Coroutine<Yield = u32, Return = &'static str> {
    for i in 0..n {
        yield_!(i);
    }
    "inner done"
}

#[stackless::coroutine]
fn outer() -> impl Coroutine<Yield = u32, Return = (&'static str, &'static str)> {
    yield_!(100);
    let a = yield_from!(inner(2));
    let b = yield_from!(inner(3));
    yield_!(200);
    (a, b)
}

#[test]
fn delegation_sequence() {
    let (ys, ret) = run(outer());
    assert_eq!(ys, [100, 0, 1, 0, 1, 2, 200]);
    assert_eq!(ret, ("inner done", "inner done"));
}

#[stackless::coroutine]
fn flatten(groups: Vec<Vec<u8>>) -> impl Iterator<Item = u8> {
    for group in groups {
        yield_from!(group);
    }
    yield_from!(7..9);
}

#[stackless::coroutine]
fn chained() -> impl Iterator<Item = u8> {
    yield_from!(flatten(vec![vec![1], vec![2, 3]]));
    yield_!(4);
}

#[test]
fn generators_delegate_to_iterables_and_other_generators() {
    assert_eq!(flatten(vec![vec![1, 2], vec![], vec![3]]).collect::<Vec<_>>(), [1, 2, 3, 7, 8]);
    assert_eq!(chained().collect::<Vec<_>>(), [1, 2, 3, 7, 8, 4]);
}

#[stackless::coroutine(resume = first)]
fn echo_inner() -> impl Coroutine<String, Yield = String, Return = usize> {
    let mut seen = 0;
    let mut current = first;
    while current != "stop" {
        seen += 1;
        current = yield_!(current.to_uppercase());
    }
    seen
}

#[stackless::coroutine(resume = x)]
fn echo_outer() -> impl Coroutine<String, Yield = String, Return = usize> {
    let count = yield_from!(echo_inner(), x);
    count * 10
}

#[test]
fn resume_arguments_are_passed_on_exactly_once() {
    let mut c = echo_outer();
    assert_eq!(step(&mut c, "a".to_string()), CoroutineState::Yielded("A".to_string()));
    assert_eq!(step(&mut c, "b".to_string()), CoroutineState::Yielded("B".to_string()));
    assert_eq!(step(&mut c, "stop".to_string()), CoroutineState::Complete(20));
}

#[stackless::coroutine(resume = n)]
fn noisy_inner() -> impl Coroutine<Noisy, Yield = (), Return = ()> {
    let mut n = n;
    loop {
        log(format!("inner got {}", n.0));
        if n.0 == "last" {
            return;
        }
        n = yield_!();
    }
}

#[stackless::coroutine(resume = first)]
fn noisy_outer() -> impl Coroutine<Noisy, Yield = (), Return = ()> {
    yield_from!(noisy_inner(), first);
    log("outer done");
}

#[test]
fn every_resume_argument_is_dropped_once() {
    let log = events(|| {
        let mut c = noisy_outer();
        step(&mut c, Noisy("one"));
        step(&mut c, Noisy("two"));
        step(&mut c, Noisy("last"));
    });
    assert_eq!(
        log,
        strs(&["inner got one", "drop one", "inner got two", "drop two", "inner got last", "drop last", "outer done"])
    );
}

#[stackless::coroutine]
fn guarded_inner() -> impl Iterator<Item = u8> {
    let _g = Noisy("inner guard");
    yield_!(1);
    yield_!(2);
}

#[stackless::coroutine]
fn guarded_outer() -> impl Iterator<Item = u8> {
    let _g = Noisy("outer guard");
    yield_from!(guarded_inner());
}

#[test]
fn cancelling_inside_a_delegation_drops_the_inner_first() {
    let log = events(|| {
        let mut g = guarded_outer();
        assert_eq!(g.next(), Some(1));
        drop(g);
    });
    assert_eq!(log, strs(&["drop inner guard", "drop outer guard"]));
}

#[stackless::coroutine]
fn panicking_inner() -> impl Iterator<Item = u8> {
    yield_!(1);
    panic!("inner");
}

#[stackless::coroutine]
fn poisoned_outer() -> impl Iterator<Item = u8> {
    let _g = Noisy("outer guard");
    yield_from!(panicking_inner());
}

#[test]
fn a_panic_inside_the_inner_poisons_the_outer() {
    let log = events(|| {
        let mut g = poisoned_outer();
        assert_eq!(g.next(), Some(1));
        assert!(std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| g.next())).is_err());
        log("caught");
        assert!(std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| g.next())).is_err());
    });
    assert_eq!(log, strs(&["drop outer guard", "caught"]));
}

struct Node {
    value: i32,
    left: Option<Box<Node>>,
    right: Option<Box<Node>>,
}

#[stackless::coroutine]
fn walk<'a>(node: Option<&'a Node>) -> Box<dyn Iterator<Item = i32> + 'a> {
    if let Some(n) = node {
        yield_from!(walk(n.left.as_deref()));
        yield_!(n.value);
        yield_from!(walk(n.right.as_deref()));
    }
}

#[stackless::coroutine]
fn countdown(n: u32) -> Pin<Box<dyn Coroutine<Yield = u32, Return = u32>>> {
    if n == 0 {
        return 0;
    }
    yield_!(n);
    let below = yield_from!(countdown(n - 1));
    below + n
}

#[test]
fn recursion_through_boxed_signatures() {
    let leaf = |v| Some(Box::new(Node { value: v, left: None, right: None }));
    let tree = Node { value: 2, left: leaf(1), right: Some(Box::new(Node { value: 4, left: leaf(3), right: None })) };
    assert_eq!(walk(Some(&tree)).collect::<Vec<_>>(), [1, 2, 3, 4]);
    let (ys, sum) = run(countdown(3));
    assert_eq!((ys, sum), (vec![3, 2, 1], 6));
}

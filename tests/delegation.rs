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
fn inner_clonable(n: u32) -> impl Coroutine<Yield = u32, Return = &'static str> + Clone + std::fmt::Debug {
    for i in 0..n {
        yield_!(i);
    }
    "inner done"
}

/// A generator delegating to a coroutine gets its return value, and can clone and print while inside it.
#[stackless::coroutine]
fn generator_using_a_return_value() -> impl Iterator<Item = u32> + Clone + std::fmt::Debug {
    let done = yield_from!(inner_clonable(2));
    yield_!(u32::try_from(done.len()).unwrap_or(0));
}

#[test]
fn a_generator_gets_the_return_value_of_the_coroutine_it_delegates_to() {
    assert_eq!(generator_using_a_return_value().collect::<Vec<_>>(), [0, 1, 10]);
    let mut g = generator_using_a_return_value();
    assert_eq!(g.next(), Some(0));
    assert_eq!(format!("{g:?}"), "Suspend0 { yield_from: Suspend0 { for_i: 1..2 } }");
    let copy = g.clone();
    assert_eq!(g.collect::<Vec<_>>(), [1, 10]);
    assert_eq!(copy.collect::<Vec<_>>(), [1, 10]);
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

// `+ Clone` and `+ Debug` through a delegation: the delegate is held by value in the state, so a coroutine
// suspended inside a `yield_from!` clones it (both copies resume independently) and prints it.

#[stackless::coroutine]
fn tens_then_range(n: u32) -> impl Iterator<Item = u32> + Clone + std::fmt::Debug {
    yield_!(10);
    yield_from!(0..n);
    yield_!(20);
}

#[test]
fn a_generator_suspended_inside_an_iterable_delegation_clones() {
    let mut g = tens_then_range(5);
    assert_eq!(g.by_ref().take(3).collect::<Vec<_>>(), [10, 0, 1]);
    let mut h = g.clone();
    assert_eq!(h.next(), Some(2));
    assert_eq!(g.collect::<Vec<_>>(), [2, 3, 4, 20]);
    assert_eq!(h.collect::<Vec<_>>(), [3, 4, 20]);
}

#[stackless::coroutine]
fn squares(n: u32) -> impl Iterator<Item = u32> + Clone + std::fmt::Debug {
    for i in 1..=n {
        let square = i * i;
        yield_!(square);
    }
}

#[stackless::coroutine]
fn squares_twice(n: u32) -> impl Iterator<Item = u32> + Clone + std::fmt::Debug {
    yield_from!(squares(n));
    yield_!(0);
    yield_from!(squares(n));
}

#[test]
fn a_generator_suspended_inside_a_generator_delegation_clones() {
    let mut g = squares_twice(3);
    assert_eq!(g.next(), Some(1));
    let h = g.clone();
    assert_eq!(g.by_ref().take(4).collect::<Vec<_>>(), [4, 9, 0, 1]);
    let mut i = g.clone();
    assert_eq!(h.collect::<Vec<_>>(), [4, 9, 0, 1, 4, 9]);
    assert_eq!(i.next(), Some(4));
    assert_eq!(g.collect::<Vec<_>>(), [4, 9]);
    assert_eq!(i.collect::<Vec<_>>(), [9]);
}

#[stackless::coroutine(resume = first)]
fn summing(limit: u32) -> impl Coroutine<u32, Yield = u32, Return = u32> + Clone + std::fmt::Debug {
    let mut total = first;
    while total < limit {
        total += yield_!(total);
    }
    total
}

#[stackless::coroutine(resume = first)]
fn summing_outer() -> impl Coroutine<u32, Yield = u32, Return = (u32, u32)> + Clone + std::fmt::Debug {
    let start = yield_!(first);
    let total = yield_from!(summing(100), start);
    let last = yield_!(total);
    (total, last)
}

#[test]
fn a_coroutine_suspended_inside_a_delegation_clones() {
    let mut c = summing_outer();
    assert_eq!(step(&mut c, 1), CoroutineState::Yielded(1));
    assert_eq!(step(&mut c, 5), CoroutineState::Yielded(5));
    assert_eq!(step(&mut c, 10), CoroutineState::Yielded(15));
    let mut d = c.clone();
    // The copies take different resume arguments from here: each has its own inner coroutine.
    assert_eq!(step(&mut c, 90), CoroutineState::Yielded(105));
    assert_eq!(step(&mut d, 1), CoroutineState::Yielded(16));
    assert_eq!(step(&mut d, 84), CoroutineState::Yielded(100));
    assert_eq!(step(&mut c, 7), CoroutineState::Complete((105, 7)));
    assert_eq!(step(&mut d, 8), CoroutineState::Complete((100, 8)));
}

#[test]
fn debug_shows_the_delegate_it_is_suspended_in() {
    let mut g = tens_then_range(5);
    g.next();
    g.next();
    assert_eq!(format!("{g:?}"), "Suspend1 { yield_from: 1..5 }");

    let mut c = summing_outer();
    step(&mut c, 1);
    step(&mut c, 5);
    assert_eq!(format!("{c:?}"), "Suspend1 { yield_from: Suspend0 { total: 5, limit: 100 } }");
    step(&mut c, 10);
    assert_eq!(format!("{c:?}"), "Suspend1 { yield_from: Suspend0 { total: 15, limit: 100 } }");
}

#[stackless::coroutine]
fn noisy_items() -> impl Iterator<Item = Noisy> + Clone {
    let _guard = Noisy("inner guard");
    yield_!(Noisy("one"));
    yield_!(Noisy("two"));
}

#[stackless::coroutine]
fn noisy_delegations() -> impl Iterator<Item = Noisy> + Clone {
    yield_from!(vec![Noisy("a"), Noisy("b")]);
    yield_from!(noisy_items());
}

#[test]
fn a_cloned_suspended_delegate_drops_once_per_copy() {
    // Inside the delegation to the `Vec`: each copy holds its own `b`.
    let first = events(|| {
        let mut g = noisy_delegations();
        drop(g.next());
        let h = g.clone();
        log("cloned");
        drop(h);
        log("copy dropped");
        drop(g);
    });
    assert_eq!(first, strs(&["drop a", "cloned", "drop b", "copy dropped", "drop b"]));

    // Inside the delegation to the generator: each copy holds its own guard, and finishing one copy drops only
    // its own.
    let second = events(|| {
        let mut g = noisy_delegations();
        g.by_ref().take(3).for_each(drop);
        let h = g.clone();
        log("cloned");
        for item in h {
            log(format!("copy yielded {}", item.0));
        }
        log("copy done");
        drop(g);
    });
    assert_eq!(
        second,
        strs(&[
            "drop a",
            "drop b",
            "drop one",
            "cloned",
            "copy yielded two",
            "drop two",
            "drop inner guard",
            "copy done",
            "drop inner guard",
        ])
    );
}

/// A `#[stackless::coroutine]` fn declared inside another's body, and a method of a local type: their `yield_!`s
/// are their own.
#[stackless::coroutine]
fn with_nested_coroutines(n: u32) -> impl Iterator<Item = u32> {
    #[stackless::coroutine]
    fn evens(n: u32) -> impl Iterator<Item = u32> {
        for i in 0..n {
            yield_!(i * 2);
        }
    }
    struct Counter(u32);
    impl Counter {
        #[stackless::coroutine]
        fn up(&self) -> impl Iterator<Item = u32> + '_ {
            for i in 0..self.0 {
                yield_!(100 + i);
            }
        }
    }
    yield_from!(evens(n));
    let c = Counter(n);
    for x in c.up().collect::<Vec<_>>() {
        yield_!(x);
    }
}

#[test]
fn nested_coroutine_fns_suspend_in_their_own_bodies() {
    assert_eq!(with_nested_coroutines(2).collect::<Vec<_>>(), [0, 2, 100, 101]);
}

//! Generated code is warning-free: user crates compiled with every warning denied, `unsafe` forbidden and clippy's
//! pedantic group denied accept a variety of coroutines. `cargo clippy --workspace --all-targets -- -D warnings`
//! checks the clippy half; `cargo test` the rustc half. Each coroutine is also run, so none is dead code.
#![deny(warnings)]
#![forbid(unsafe_code)]
#![deny(clippy::pedantic)]

use core::pin::Pin;
use stackless::{Coroutine, CoroutineState};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Debug;

/// A generator with arithmetic on locals held across the suspension.
#[stackless::coroutine]
fn fibonacci() -> impl Iterator<Item = u64> {
    let (mut a, mut b) = (0, 1);
    loop {
        yield_!(a);
        (a, b) = (b, a + b);
    }
}

/// A resume coroutine with a `mut` resume binding reassigned by `yield_!`.
#[stackless::coroutine(resume = mut x)]
fn average() -> impl Coroutine<f64, Yield = f64, Return = u32> {
    let (mut sum, mut n) = (0.0, 0);
    while x >= 0.0 {
        sum += x;
        n += 1;
        x = yield_!(sum / f64::from(n));
    }
    n
}

/// Nested loops with labeled `continue`, and a labeled block left with `break` and a value.
#[stackless::coroutine]
fn pairs(limit: u32) -> impl Iterator<Item = (u32, u32)> {
    let found = 'search: {
        'outer: for i in 0..limit {
            for j in 0..limit {
                if j > i {
                    continue 'outer;
                }
                if i + j == 3 {
                    break 'search (i, j);
                }
                yield_!((i, j));
            }
        }
        (0, 0)
    };
    yield_!(found);
}

/// `match` with yields in arms, `if let`, shadowing and early `return`.
#[stackless::coroutine]
fn describe(values: Vec<Option<i32>>) -> impl Iterator<Item = String> {
    for value in values {
        match value {
            Some(n) if n < 0 => {
                yield_!(format!("negative {n}"));
            }
            Some(n) => {
                let n = n * 2;
                yield_!(format!("doubled {n}"));
                let n = n.to_string();
                yield_!(n);
            }
            None => return,
        }
    }
    yield_!(String::from("end"));
}

/// `?` on `Result` and `Option`, `let ... else`.
#[stackless::coroutine]
fn parse(words: Vec<String>) -> impl Coroutine<Yield = i64, Return = Result<usize, std::num::ParseIntError>> {
    let mut count = 0;
    for word in words {
        let Some(parsed) = word.strip_prefix('#').map(str::parse::<i64>) else {
            continue;
        };
        let n = parsed?;
        yield_!(n);
        count += 1;
    }
    Ok(count)
}

#[stackless::coroutine]
fn first_chars(words: Vec<String>) -> impl Coroutine<Yield = char, Return = Option<usize>> {
    let mut total = 0;
    for word in words {
        let c = word.chars().next()?;
        yield_!(c);
        total += word.len();
    }
    Some(total)
}

thread_local! {
    static EVENTS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn event(e: &str) {
    EVENTS.with(|l| l.borrow_mut().push(e.to_owned()));
}

/// A value that records when it is dropped.
struct Guard(&'static str);

impl Drop for Guard {
    fn drop(&mut self) {
        event(self.0);
    }
}

/// Drop guards held across suspensions: an underscore-prefixed guard and a dropped-at-once `let _`.
#[stackless::coroutine]
fn guarded() -> impl Iterator<Item = u32> {
    let _outer = Guard("outer");
    let _ = Guard("temporary");
    {
        let _inner = Guard("inner");
        yield_!(1);
    }
    yield_!(2);
}

/// A coroutine whose signature asks for `Clone`, `Debug` and `Send`.
#[stackless::coroutine]
fn countdown(from: u8) -> impl Iterator<Item = u8> + Clone + Debug + Send {
    let mut n = from;
    while n > 0 {
        yield_!(n);
        n -= 1;
    }
}

/// Delegation to an iterable and to another generator, `Clone` and `Debug` through the delegates.
#[stackless::coroutine]
fn countdowns(from: u8) -> impl Iterator<Item = u8> + Clone + Debug {
    yield_from!(0..from);
    yield_from!(countdown(from));
}

/// A resume coroutine that counts its arguments until a negative one, `Clone` and `Debug`.
#[stackless::coroutine(resume = mut x)]
fn count_until_negative() -> impl Coroutine<f64, Yield = f64, Return = u32> + Clone + Debug {
    let mut n = 0;
    while x >= 0.0 {
        n += 1;
        x = yield_!(x);
    }
    n
}

/// Delegation to a coroutine resumed with a value, passing it the first resume argument.
#[stackless::coroutine(resume = first)]
fn delegating_count() -> impl Coroutine<f64, Yield = f64, Return = u32> + Clone + Debug {
    let n = yield_from!(count_until_negative(), first);
    n * 2
}

/// Generic over the item, with a `where` clause and an `impl Trait` argument.
#[stackless::coroutine]
fn repeat_each<T>(items: impl IntoIterator<Item = T>, times: usize) -> impl Iterator<Item = T>
where
    T: Clone,
{
    for item in items {
        for _ in 0..times {
            yield_!(item.clone());
        }
    }
}

struct Inventory {
    stock: HashMap<&'static str, u32>,
    names: Vec<&'static str>,
}

impl Inventory {
    /// A `&self` method borrowing from outside the state.
    #[stackless::coroutine]
    fn in_stock(&self) -> impl Iterator<Item = (&'static str, u32)> + '_ {
        for name in self.names.iter().copied() {
            if let Some(&n) = self.stock.get(name) {
                yield_!((name, n));
            }
        }
    }

    /// A `&mut self` resume coroutine: takes orders until one can't be served.
    #[stackless::coroutine(resume = order)]
    fn serve(&mut self) -> impl Coroutine<(&'static str, u32), Yield = u32, Return = &'static str> + '_ {
        let (mut name, mut amount) = order;
        loop {
            let Some(left) = self.stock.get_mut(name) else {
                return name;
            };
            if *left < amount {
                return name;
            }
            *left -= amount;
            (name, amount) = yield_!(*left);
        }
    }
}

trait Numbers {
    fn numbers(self) -> impl Iterator<Item = u32>;
}

impl Numbers for Vec<u32> {
    /// A trait-impl method taking `self` by value.
    #[stackless::coroutine]
    fn numbers(self) -> impl Iterator<Item = u32> {
        for n in self {
            if n % 2 == 0 {
                yield_!(n);
            }
        }
    }
}

/// `while let`, a value-producing `if` with a yield as an initializer, and a trailing yield.
#[stackless::coroutine]
fn drain(mut stack: Vec<u32>) -> impl Iterator<Item = u32> {
    while let Some(top) = stack.pop() {
        let shown = if top > 10 {
            yield_!(top);
            top / 10
        } else {
            top
        };
        yield_!(shown);
    }
    yield_!(0)
}

fn resume_all<C: Coroutine<R> + Unpin, R>(
    c: &mut C,
    args: impl IntoIterator<Item = R>,
) -> Vec<CoroutineState<C::Yield, C::Return>> {
    args.into_iter().map(|arg| Pin::new(&mut *c).resume(arg)).collect()
}

#[test]
fn generators_run() {
    assert_eq!(fibonacci().take(6).collect::<Vec<_>>(), [0, 1, 1, 2, 3, 5]);
    assert_eq!(pairs(4).collect::<Vec<_>>(), [(0, 0), (1, 0), (1, 1), (2, 0), (2, 1)]);
    assert_eq!(describe(vec![Some(-1), Some(2), None, Some(3)]).collect::<Vec<_>>(), ["negative -1", "doubled 4", "4"]);
    assert_eq!(describe(vec![Some(1)]).collect::<Vec<_>>(), ["doubled 2", "2", "end"]);
    assert_eq!(repeat_each(["a", "b"], 2).collect::<Vec<_>>(), ["a", "a", "b", "b"]);
    assert_eq!(vec![1, 2, 3, 4].numbers().collect::<Vec<_>>(), [2, 4]);
    assert_eq!(drain(vec![5, 42]).collect::<Vec<_>>(), [42, 4, 5, 0]);
}

#[test]
fn resume_coroutines_run() {
    let mut avg = average();
    assert_eq!(
        resume_all(&mut avg, [2.0, 4.0, -1.0]),
        [CoroutineState::Yielded(2.0), CoroutineState::Yielded(3.0), CoroutineState::Complete(2)]
    );

    let mut p = parse(vec!["#1".into(), "skip".into(), "#x".into()]);
    assert_eq!(Pin::new(&mut p).resume(()), CoroutineState::Yielded(1));
    assert!(matches!(Pin::new(&mut p).resume(()), CoroutineState::Complete(Err(_))));

    let mut f = first_chars(vec!["ab".into(), String::new()]);
    assert_eq!(resume_all(&mut f, [(), ()]), [CoroutineState::Yielded('a'), CoroutineState::Complete(None)]);
}

/// A closure created after a loop that suspends (a join point), and a local declared before a suspension point
/// and assigned after it (a type tie in the arm that declares it).
#[stackless::coroutine]
fn scaled_after_counting(n: u32) -> impl Iterator<Item = u32> {
    let label;
    for i in 0..n {
        yield_!(i);
    }
    label = n * 10;
    let scale = move |x: u32| x * n + label;
    yield_!(scale(1));
    yield_!(scale(2));
}

#[test]
fn joined_and_deferred_locals_run() {
    assert_eq!(scaled_after_counting(2).collect::<Vec<_>>(), [0, 1, 22, 24]);
    assert_eq!(scaled_after_counting(0).collect::<Vec<_>>(), [0, 0]);
}

#[test]
fn methods_run() {
    let mut inventory =
        Inventory { stock: HashMap::from([("apple", 3), ("pear", 1)]), names: vec!["pear", "fig", "apple"] };
    assert_eq!(inventory.in_stock().collect::<Vec<_>>(), [("pear", 1), ("apple", 3)]);
    let mut serve = inventory.serve();
    assert_eq!(
        resume_all(&mut serve, [("apple", 2), ("pear", 1), ("apple", 2)]),
        [CoroutineState::Yielded(1), CoroutineState::Yielded(0), CoroutineState::Complete("apple")]
    );
}

#[test]
fn guards_drop_in_order() {
    let mut g = guarded();
    assert_eq!(g.next(), Some(1));
    assert_eq!(EVENTS.with(|l| l.borrow().clone()), ["temporary"]);
    assert_eq!(g.next(), Some(2));
    assert_eq!(EVENTS.with(|l| l.borrow().clone()), ["temporary", "inner"]);
    assert_eq!(g.next(), None);
    assert_eq!(EVENTS.with(|l| l.borrow().clone()), ["temporary", "inner", "outer"]);
}

#[test]
fn derived_traits_work() {
    fn assert_send<T: Send>(_: &T) {}
    let mut c = countdown(3);
    assert_send(&c);
    assert_eq!(c.next(), Some(3));
    let copy = c.clone();
    assert!(!format!("{c:?}").is_empty());
    assert_eq!(c.collect::<Vec<_>>(), [2, 1]);
    assert_eq!(copy.collect::<Vec<_>>(), [2, 1]);

    let mut g = countdowns(2);
    assert_eq!(g.next(), Some(0));
    let copy = g.clone();
    assert!(format!("{g:?}").contains("yield_from"));
    assert_eq!(g.collect::<Vec<_>>(), [1, 2, 1]);
    assert_eq!(copy.collect::<Vec<_>>(), [1, 2, 1]);

    let mut c = delegating_count();
    assert!(matches!(Pin::new(&mut c).resume(2.0), CoroutineState::Yielded(_)));
    let mut copy = c.clone();
    assert!(!format!("{c:?}").is_empty());
    assert_eq!(Pin::new(&mut c).resume(-1.0), CoroutineState::Complete(2));
    assert!(matches!(Pin::new(&mut copy).resume(4.0), CoroutineState::Yielded(_)));
    assert_eq!(Pin::new(&mut copy).resume(-1.0), CoroutineState::Complete(4));
}

/// A page of results, some of whose fields are moved out while the page is held.
pub struct Page {
    items: Vec<String>,
    next: Option<usize>,
    title: String,
}

/// Fields moved out of a local held across suspension points: a `Copy` field copied, others taken out.
#[stackless::coroutine]
fn pages(count: usize) -> impl Iterator<Item = String> {
    let mut cursor = Some(0);
    while let Some(c) = cursor {
        let page = Page {
            items: vec![format!("{c}a"), format!("{c}b")],
            next: (c + 1 < count).then_some(c + 1),
            title: format!("p{c}"),
        };
        cursor = page.next;
        for item in page.items {
            yield_!(item);
        }
        yield_!(page.title);
    }
}

/// Fields moved out at the start of a block's value and as a call's argument (the moves are parenthesized).
#[stackless::coroutine]
fn page_summary(page: Page) -> impl Iterator<Item = String> {
    let count = {
        yield_!(String::new());
        page.items.len() + 1
    };
    yield_!(String::from_utf8_lossy(page.title.as_bytes()).into_owned());
    let title = {
        yield_!(format!("{count}"));
        page.title
    };
    yield_!(title);
    yield_!(words(page.items));
}

fn words(items: Vec<String>) -> String {
    items.into_iter().reduce(|a, b| a + " " + &b).unwrap_or_default()
}

#[test]
fn partial_moves_run() {
    assert_eq!(pages(2).collect::<Vec<_>>(), ["0a", "0b", "p0", "1a", "1b", "p1"]);
    let page = Page { items: vec!["a".into(), "b".into()], next: None, title: "t".into() };
    assert_eq!(page_summary(page).collect::<Vec<_>>(), ["", "t", "3", "t", "a b"]);
}

/// An async generator that awaits (the `Context` is read after some suspension points and not after others), one
/// that delegates and polls a stream it holds, and one that never awaits.
#[stackless::coroutine]
fn ticks(n: u32) -> impl stackless::Stream<Item = u32> + Send {
    for i in 0..n {
        let v = core::future::ready(i).await;
        yield_!(v * 2);
    }
}

#[stackless::coroutine]
fn relayed(n: u32) -> impl stackless::Stream<Item = u32> {
    let mut own = ticks(n);
    while let Some(x) = own.next().await {
        yield_!(x + 1);
    }
    yield_from!(ticks(1));
}

#[stackless::coroutine]
fn ready_only() -> impl stackless::Stream<Item = &'static str> {
    yield_!("a");
}

/// A `?` whose error already is the items' error type (clippy's `useless_conversion` must not see a conversion).
#[stackless::coroutine]
fn checked(n: u32) -> impl stackless::Stream<Item = Result<u32, String>> {
    for i in 0..n {
        let v = if i < 2 { Ok(i) } else { Err(format!("{i} is too big")) }?;
        yield_!(Ok(v));
    }
}

fn poll_all<S: stackless::Stream + Unpin>(mut s: S) -> Vec<S::Item> {
    let mut cx = core::task::Context::from_waker(core::task::Waker::noop());
    let mut out = Vec::new();
    while let core::task::Poll::Ready(Some(x)) = Pin::new(&mut s).poll_next(&mut cx) {
        out.push(x);
    }
    out
}

#[test]
fn async_generators_run() {
    assert_eq!(poll_all(relayed(2)), [1, 3, 0]);
    assert_eq!(poll_all(ready_only()), ["a"]);
    assert_eq!(poll_all(checked(3)), [Ok(0), Ok(1), Err("2 is too big".to_string())]);
}

/// A local read after a later assignment, dead where the first arm suspends: that arm declares it and never
/// reads it, which rustc reported as an unused variable (with a `_k` suggestion that breaks the other arms). The
/// plain fn says only that the first value is never read.
#[stackless::coroutine]
#[allow(unused_assignments)]
fn reassigned_before_its_read(n: u64) -> impl Iterator<Item = u64> {
    let mut k = 5;
    yield_!(n);
    k = n + 1;
    yield_!(k);
}

/// The same with the resume binding, whose first value a dialogue often never reads (`line = yield_!(prompt)`).
#[stackless::coroutine(resume = mut line)]
#[allow(unused_assignments)]
fn dialogue<'a>() -> impl Coroutine<&'a str, Yield = &'static str, Return = usize> {
    line = yield_!("name?");
    line.len()
}

#[test]
fn a_local_unread_in_one_arm_runs() {
    assert_eq!(reassigned_before_its_read(3).collect::<Vec<_>>(), [3, 4]);
    let mut d = dialogue();
    assert_eq!(Pin::new(&mut d).resume(""), CoroutineState::Yielded("name?"));
    assert_eq!(Pin::new(&mut d).resume("Ada"), CoroutineState::Complete(3));
}

/// A lint attribute on a statement that suspends applies to its yielded value, which the step evaluates in a
/// statement of its own (the cast here is clippy's `cast_possible_truncation`, denied by this file).
#[stackless::coroutine(resume = _first)]
fn allowed_on_a_suspending_statement(n: u64) -> impl Coroutine<u8, Yield = u32, Return = Option<u8>> {
    #[allow(clippy::cast_possible_truncation)]
    let got = yield_!(n as u32);
    #[allow(clippy::cast_possible_truncation)]
    yield_!((n + 1) as u32);
    #[expect(clippy::cast_possible_truncation)]
    yield_!((n + 2) as u32);
    #[expect(clippy::cast_possible_truncation)]
    let again = yield_!((n + 3) as u32);
    #[allow(clippy::cast_possible_truncation)]
    below_100(yield_!((n + 4) as u32))?;
    Some(got + again)
}

fn below_100(v: u8) -> Option<u8> {
    (v < 100).then_some(v)
}

#[test]
fn lint_attributes_on_suspending_statements_run() {
    let mut co = allowed_on_a_suspending_statement(7);
    assert_eq!(Pin::new(&mut co).resume(0), CoroutineState::Yielded(7));
    assert_eq!(Pin::new(&mut co).resume(5), CoroutineState::Yielded(8));
    assert_eq!(Pin::new(&mut co).resume(0), CoroutineState::Yielded(9));
    assert_eq!(Pin::new(&mut co).resume(2), CoroutineState::Yielded(10));
    assert_eq!(Pin::new(&mut co).resume(1), CoroutineState::Yielded(11));
    assert_eq!(Pin::new(&mut co).resume(0), CoroutineState::Complete(Some(6)));
}

/// A lint attribute on a `for`, an `if` or a block that suspends applies to the statements inside it, which the
/// transform takes apart: `let`s and call statements, as in the plain fn (unused variables, clippy's casts).
#[stackless::coroutine]
fn allowed_on_a_suspending_compound(n: u64) -> impl Iterator<Item = u32> {
    #[allow(unused_variables, clippy::cast_possible_truncation)]
    for i in 0..n {
        let unused = i;
        yield_!(1);
        let narrowed = i as u32;
        yield_!(narrowed);
        below_100(i as u8);
    }
    #[allow(clippy::cast_possible_truncation)]
    if n > 1 {
        yield_!(2);
        let narrowed = n as u32;
        yield_!(narrowed);
    }
    #[expect(unused_variables)]
    {
        let unused = n;
        yield_!(3);
    }
}

#[test]
fn lint_attributes_on_suspending_compounds_run() {
    assert_eq!(allowed_on_a_suspending_compound(2).collect::<Vec<_>>(), [1, 0, 1, 1, 2, 2, 3]);
}

/// Loops by position over a `String` argument's lines and chars, and over the words of a line of a `&str`
/// argument, a `&str` the macro can't type (no `needless_borrows_for_generic_args` in the user's code).
#[stackless::coroutine]
fn word_lengths(text: String, notes: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    for (i, line) in text.lines().enumerate() {
        yield_!((i, line.len()));
    }
    for line in notes.lines() {
        for word in line.split_whitespace() {
            yield_!((word.len(), 0));
        }
    }
    for c in text.chars() {
        if c == '!' {
            yield_!((0, 0));
        }
    }
}

#[test]
fn loops_by_position_run() {
    let lengths = word_lengths(String::from("ab c\nd!"), "xy z").collect::<Vec<_>>();
    assert_eq!(lengths, [(0, 4), (1, 2), (2, 0), (1, 0), (0, 0)]);
}

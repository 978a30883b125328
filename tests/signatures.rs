//! Free fns, methods with every receiver, trait impls, generics, lifetimes (elided too), `where` clauses,
//! `impl Trait` arguments and destructuring argument patterns.
mod common;
use common::{run, step};
use stackless::{Coroutine, CoroutineState};
use std::fmt::Display;

struct Counter {
    start: u32,
    names: Vec<String>,
}

impl Counter {
    #[stackless::coroutine]
    fn by_ref(&self) -> impl Iterator<Item = u32> + '_ {
        for i in 0..3 {
            yield_!(self.start + i);
        }
    }

    #[stackless::coroutine]
    fn names(&self) -> impl Iterator<Item = &str> {
        for n in self.names.iter() {
            yield_!(n.as_str());
        }
    }

    #[stackless::coroutine]
    fn by_mut(&mut self) -> impl Iterator<Item = u32> + '_ {
        loop {
            self.start += 1;
            yield_!(self.start);
            if self.start >= 3 {
                break;
            }
        }
    }

    #[stackless::coroutine]
    fn by_value(self) -> impl Iterator<Item = String> {
        let Counter { names, start } = self;
        for n in names {
            yield_!(format!("{start}:{n}"));
        }
    }

    #[stackless::coroutine]
    fn boxed(self: Box<Self>) -> impl Iterator<Item = u32> {
        yield_!(self.start);
        let moved = *self;
        yield_!(u32::try_from(moved.names.len()).unwrap_or(u32::MAX));
    }

    #[stackless::coroutine]
    fn mut_self(mut self) -> impl Iterator<Item = usize> {
        self.names.push("last".into());
        yield_!(self.names.len());
    }
}

#[test]
fn methods_with_every_receiver() {
    let mut c = Counter { start: 10, names: vec!["a".into(), "b".into()] };
    assert_eq!(c.by_ref().collect::<Vec<_>>(), [10, 11, 12]);
    assert_eq!(c.names().collect::<Vec<_>>(), ["a", "b"]);
    c.start = 0;
    assert_eq!(c.by_mut().collect::<Vec<_>>(), [1, 2, 3]);
    assert_eq!(c.start, 3);
    let c2 = Counter { start: 1, names: vec!["x".into()] };
    assert_eq!(Box::new(c2).boxed().collect::<Vec<_>>(), [1, 1]);
    let c3 = Counter { start: 0, names: vec![] };
    assert_eq!(c3.mut_self().collect::<Vec<_>>(), [1]);
    assert_eq!(c.by_value().collect::<Vec<_>>(), ["3:a", "3:b"]);
}

trait Walk {
    fn walk(&self) -> impl Iterator<Item = u8>;
}

struct Three;

impl Walk for Three {
    #[stackless::coroutine]
    fn walk(&self) -> impl Iterator<Item = u8> {
        yield_!(1);
        yield_!(2);
        yield_!(3);
    }
}

#[test]
fn trait_impl_methods() {
    assert_eq!(Three.walk().sum::<u8>(), 6);
}

#[stackless::coroutine]
fn generic<T: Clone + Display, U>(items: Vec<T>, extra: U) -> impl Iterator<Item = String>
where
    U: Into<String>,
{
    let extra: String = extra.into();
    for item in items {
        yield_!(format!("{item}{extra}"));
    }
}

#[test]
fn generics_and_where_clauses() {
    assert_eq!(generic(vec![1, 2], "!").collect::<Vec<_>>(), ["1!", "2!"]);
}

#[stackless::coroutine]
fn elided(text: &str) -> impl Iterator<Item = &str> {
    for word in text.split(' ') {
        yield_!(word);
    }
}

#[stackless::coroutine]
fn explicit<'a, 'b>(a: &'a str, b: &'b str) -> impl Iterator<Item = &'a str> + use<'a, 'b> {
    yield_!(a);
    if b.is_empty() {
        yield_!(a);
    }
}

#[test]
fn lifetimes_elided_and_explicit() {
    assert_eq!(elided("a b c").collect::<Vec<_>>(), ["a", "b", "c"]);
    assert_eq!(explicit("x", "").count(), 2);
}

#[stackless::coroutine]
fn impl_trait_arg(it: impl Iterator<Item = u8>, (a, b): (u8, u8), _: Vec<u8>) -> impl Iterator<Item = u8> {
    yield_!(a);
    for x in it {
        yield_!(x + b);
    }
}

#[test]
fn impl_trait_and_destructuring_arguments() {
    assert_eq!(impl_trait_arg([1, 2].into_iter(), (7, 10), vec![]).collect::<Vec<_>>(), [7, 11, 12]);
}

struct Marker;

/// Every parameter binds its own names: the alternatives of an or-pattern bind theirs once, a unit struct
/// pattern binds nothing.
#[stackless::coroutine(resume = r)]
#[allow(clippy::needless_pass_by_value)]
fn distinct_bindings(
    a: u32,
    (b, [c, d]): (u32, [u32; 2]),
    (Ok(e) | Err(e)): Result<u32, u32>,
    Marker: Marker,
    (Marker, f): (Marker, u32),
) -> impl Coroutine<u32, Yield = u32, Return = u32> {
    let sum = yield_!(a + b + c + d + e + f + r);
    sum * 2
}

#[test]
fn distinct_bindings_in_argument_patterns() {
    let mut c = distinct_bindings(1000, (100, [10, 1]), Err(20), Marker, (Marker, 3));
    assert_eq!(step(&mut c, 5), CoroutineState::Yielded(1139));
    assert_eq!(step(&mut c, 7), CoroutineState::Complete(14));
}

#[stackless::coroutine(resume = (a, b))]
fn destructured_resume() -> impl Coroutine<(u8, u8), Yield = u8, Return = u8> {
    let (c, d) = yield_!(a + b);
    c * d
}

#[test]
fn resume_pattern_destructures() {
    let mut c = destructured_resume();
    assert_eq!(step(&mut c, (1, 2)), CoroutineState::Yielded(3));
    assert_eq!(step(&mut c, (3, 4)), CoroutineState::Complete(12));
}

#[stackless::coroutine]
fn returns_value(v: Vec<u32>) -> impl stackless::Coroutine<Yield = u32, Return = u32> {
    let mut sum = 0;
    for x in v {
        sum += x;
        yield_!(sum);
    }
    sum
}

#[test]
fn coroutine_with_return_value() {
    assert_eq!(run(returns_value(vec![1, 2, 3])), (vec![1, 3, 6], 6));
}

//! Yields at statement level anywhere in control flow.
mod common;
use common::{run, step};
use stackless::{Coroutine, CoroutineState};

#[stackless::coroutine]
fn branches(n: u32) -> impl Iterator<Item = &'static str> {
    if n > 2 {
        yield_!("big");
    } else if n == 2 {
        yield_!("two");
        yield_!("two again");
    } else {
        yield_!("small");
    }
    if let Some(half) = (n % 2 == 0).then_some(n / 2)
        && half > 0
    {
        yield_!("even");
    }
    match n {
        0 => yield_!("zero"),
        1 | 2 => {
            yield_!("one or two");
        }
        _ => {}
    }
}

#[test]
fn if_else_if_let_chains_and_match() {
    assert_eq!(branches(0).collect::<Vec<_>>(), ["small", "zero"]);
    assert_eq!(branches(2).collect::<Vec<_>>(), ["two", "two again", "even", "one or two"]);
    assert_eq!(branches(5).collect::<Vec<_>>(), ["big"]);
}

#[stackless::coroutine]
fn loops(n: u32) -> impl Iterator<Item = u32> {
    let mut i = 0;
    loop {
        if i == n {
            break;
        }
        yield_!(i);
        i += 1;
    }
    while i > 0 {
        i -= 1;
        if i % 2 == 1 {
            continue;
        }
        yield_!(100 + i);
    }
    let mut stack = vec![1, 2, 3];
    while let Some(top) = stack.pop() {
        yield_!(200 + top);
    }
    for j in 0..n {
        yield_!(300 + j);
    }
}

#[test]
fn loop_while_while_let_for() {
    assert_eq!(loops(3).collect::<Vec<_>>(), [0, 1, 2, 102, 100, 203, 202, 201, 300, 301, 302]);
    assert_eq!(loops(0).collect::<Vec<_>>(), [203, 202, 201]);
}

#[stackless::coroutine]
fn labeled() -> impl Iterator<Item = (u32, u32)> {
    'outer: for i in 0..4 {
        for j in 0..4 {
            if j > i {
                continue 'outer;
            }
            if i == 3 {
                break 'outer;
            }
            yield_!((i, j));
        }
    }
}

#[test]
fn labeled_break_and_continue() {
    assert_eq!(labeled().collect::<Vec<_>>(), [(0, 0), (1, 0), (1, 1), (2, 0), (2, 1), (2, 2)]);
}

#[stackless::coroutine]
fn values() -> impl Coroutine<Yield = u32, Return = u32> {
    let v = if true {
        yield_!(1);
        10
    } else {
        20
    };
    let mut count = 0;
    let t = loop {
        yield_!(2);
        count += 1;
        if count == 2 {
            break count * v;
        }
    };
    let u = {
        yield_!(3);
        t + 1
    };
    let w = match u {
        21 => {
            yield_!(4);
            u * 2
        }
        _ => 0,
    };
    w
}

#[test]
fn value_producing_control_flow() {
    assert_eq!(run(values()), (vec![1, 2, 2, 3, 4], 42));
}

#[stackless::coroutine]
fn early(n: u32) -> impl Coroutine<Yield = u32, Return = Result<u32, String>> {
    let parsed: u32 = format!("{n}").parse().map_err(|_| "bad".to_string())?;
    yield_!(parsed);
    if parsed > 5 {
        return Err("too big".into());
    }
    let small = Some(parsed).filter(|p| *p < 3).ok_or_else(|| "not small".to_string())?;
    yield_!(small);
    Ok(small * 10)
}

#[test]
fn return_and_question_mark() {
    assert_eq!(run(early(1)), (vec![1, 1], Ok(10)));
    assert_eq!(run(early(4)), (vec![4], Err("not small".to_string())));
    assert_eq!(run(early(9)), (vec![9], Err("too big".to_string())));
}

#[derive(Debug, PartialEq)]
enum ParseError {
    NotANumber,
}

impl From<std::num::ParseIntError> for ParseError {
    fn from(_: std::num::ParseIntError) -> Self {
        ParseError::NotANumber
    }
}

/// `?` converts the error with `From`, as in a plain fn: to the user's own type, and to a boxed error.
#[stackless::coroutine]
fn converted(a: &'static str, b: &'static str) -> impl Coroutine<Yield = u32, Return = Result<u32, ParseError>> {
    let x: u32 = a.parse()?;
    yield_!(x);
    let boxed = || -> Result<u32, Box<dyn std::error::Error>> { Ok(b.parse::<u32>()?) };
    let y = boxed().map_err(|_| ParseError::NotANumber)?;
    yield_!(y);
    Ok(x + y)
}

#[stackless::coroutine]
fn boxed_error(a: &'static str) -> impl Coroutine<Yield = u32, Return = Result<u32, Box<dyn std::error::Error>>> {
    let x: u32 = a.parse()?;
    yield_!(x);
    Ok(x + 1)
}

#[stackless::coroutine]
fn control_flow_question(
    v: Vec<u32>,
) -> impl Coroutine<Yield = u32, Return = std::ops::ControlFlow<&'static str, u32>> {
    for x in v {
        let y = if x == 0 { std::ops::ControlFlow::Break("zero") } else { std::ops::ControlFlow::Continue(x) }?;
        yield_!(y);
    }
    std::ops::ControlFlow::Continue(7)
}

#[test]
fn question_mark_converts_the_error_with_from() {
    assert_eq!(run(converted("1", "2")), (vec![1, 2], Ok(3)));
    assert_eq!(run(converted("x", "2")), (vec![], Err(ParseError::NotANumber)));
    assert_eq!(run(converted("1", "y")), (vec![1], Err(ParseError::NotANumber)));
    let (ys, r) = run(boxed_error("5"));
    assert_eq!((ys, r.ok()), (vec![5], Some(6)));
    let (ys, r) = run(boxed_error("five"));
    assert_eq!((ys, r.map_err(|e| e.to_string())), (vec![], Err("invalid digit found in string".to_string())));
    assert_eq!(run(control_flow_question(vec![1, 2])), (vec![1, 2], std::ops::ControlFlow::Continue(7)));
    assert_eq!(run(control_flow_question(vec![1, 0, 2])), (vec![1], std::ops::ControlFlow::Break("zero")));
}

#[stackless::coroutine]
fn option_question(v: Vec<u32>) -> impl Coroutine<Yield = u32, Return = Option<u32>> {
    let mut it = v.into_iter();
    let first = it.next()?;
    yield_!(first);
    let second = it.next()?;
    yield_!(second);
    Some(first + second)
}

#[test]
fn question_mark_on_option() {
    assert_eq!(run(option_question(vec![])), (vec![], None));
    assert_eq!(run(option_question(vec![1])), (vec![1], None));
    assert_eq!(run(option_question(vec![1, 2])), (vec![1, 2], Some(3)));
}

#[stackless::coroutine]
fn let_else_and_shadowing(input: Option<&'static str>) -> impl Iterator<Item = String> {
    let Some(text) = input else {
        return;
    };
    let x = text.len();
    yield_!(format!("len {x}"));
    let x = text.to_uppercase();
    yield_!(x.clone());
    {
        let x = 7;
        yield_!(format!("inner {x}"));
    }
    yield_!(x);
}

#[test]
fn let_else_and_shadowing_keep_their_values() {
    assert_eq!(let_else_and_shadowing(None).count(), 0);
    assert_eq!(let_else_and_shadowing(Some("ab")).collect::<Vec<_>>(), ["len 2", "AB", "inner 7", "AB"]);
}

#[stackless::coroutine(resume = _)]
fn tail_yield() -> impl Coroutine<u8, Yield = u8, Return = u8> {
    yield_!(1)
}

#[stackless::coroutine(resume = _)]
fn tail_yield_with_resume() -> impl Coroutine<u8, Yield = u8, Return = u8> {
    let a = yield_!(1);
    let b = { yield_!(a) };
    b
}

#[test]
fn trailing_yield_is_the_return_value() {
    let mut c = tail_yield();
    assert_eq!(step(&mut c, 0), CoroutineState::Yielded(1));
    assert_eq!(step(&mut c, 9), CoroutineState::Complete(9));
    let mut c = tail_yield_with_resume();
    assert_eq!(step(&mut c, 0), CoroutineState::Yielded(1));
    assert_eq!(step(&mut c, 5), CoroutineState::Yielded(5));
    assert_eq!(step(&mut c, 6), CoroutineState::Complete(6));
}

#[stackless::coroutine]
fn nothing_runs_at_construction(flag: &std::cell::Cell<bool>) -> impl Iterator<Item = ()> + '_ {
    flag.set(true);
    yield_!();
}

#[test]
fn construction_runs_nothing() {
    let flag = std::cell::Cell::new(false);
    let mut g = nothing_runs_at_construction(&flag);
    assert!(!flag.get());
    assert_eq!(g.next(), Some(()));
    assert!(flag.get());
    assert_eq!(g.next(), None);
    assert_eq!(g.next(), None);
}

#[stackless::coroutine]
fn unnameable_locals(words: Vec<&'static str>) -> impl Iterator<Item = usize> {
    let lens = words.into_iter().map(str::len).filter(|n| *n > 1);
    let double = |n: usize| n * 2;
    for n in lens {
        yield_!(double(n));
    }
}

#[test]
fn closures_and_iterator_adapters_are_held_without_annotations() {
    assert_eq!(unnameable_locals(vec!["a", "bb", "ccc"]).collect::<Vec<_>>(), [4, 6]);
}

#[stackless::coroutine]
fn borrowed_slice(v: &mut Vec<u32>) -> impl Iterator<Item = u32> + '_ {
    for x in v.iter_mut() {
        *x += 1;
        yield_!(*x);
    }
}

#[test]
fn reborrowed_reference_argument() {
    let mut v = vec![1, 2, 3];
    assert_eq!(borrowed_slice(&mut v).collect::<Vec<_>>(), [2, 3, 4]);
    assert_eq!(v, [2, 3, 4]);
}

#[stackless::coroutine]
fn many_points() -> impl Iterator<Item = u32> {
    let mut total = 0;
    for i in 0..3 {
        total += i;
        yield_!(total);
        let doubled = total * 2;
        yield_!(doubled);
    }
    yield_!(total);
}

#[test]
fn several_suspension_points_in_a_loop() {
    assert_eq!(many_points().collect::<Vec<_>>(), [0, 0, 1, 2, 3, 6, 3]);
}

// Seeds for the expansion fuzzer: yields inside larger expressions, evaluated in Rust's order.

#[stackless::coroutine(resume = _)]
fn calls() -> impl Coroutine<i64, Yield = i64, Return = i64> {
    let mut v = vec![at("init", 0)];
    v.push(yield_!(1));
    v.push(yield_!(2) + at("after", 1));
    f3(at("a", 1), yield_!(10), at("b", 2))
}

#[stackless::coroutine(resume = _)]
fn operators() -> impl Coroutine<i64, Yield = i64, Return = i64> {
    let x = at("x", 5);
    let a = x + yield_!(1);
    let b = yield_!(2) * yield_!(3);
    let c = -yield_!(4);
    let d = i64::from(yield_!(5) > 3);
    let mut arr = [10, 20, 30];
    arr[usize::try_from(yield_!(6) % 3).unwrap_or(0)] = a;
    a + b + c + d + arr[0]
}

#[stackless::coroutine(resume = _)]
fn conditions(items: Vec<i64>) -> impl Coroutine<i64, Yield = i64, Return = Option<i64>> {
    if yield_!(0) > 3 && yield_!(1) < 10 {
        return None;
    }
    while yield_!(2) != 0 {}
    let total = match yield_!(3) {
        0 => 0,
        n => n + yield_!(4),
    };
    let pair = (yield_!(5), [yield_!(6), total]);
    let s = Wrapper { field: yield_!(7), other: pair.0 };
    Some(s.field + items.len() as i64 + pair.1[0])
}

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

// Temporaries around suspension points, `?` at the start of a tail, typed-across-arms initializers.
#[stackless::coroutine(resume = r)]
fn temporaries(v: Vec<i64>) -> impl Coroutine<Option<i64>, Yield = i64, Return = Option<i64>> {
    let n = (make().len() as i64) + yield_!(1)?;
    for x in [at("a", 1), yield_!(2)?, make().len() as i64] {
        yield_!(x);
    }
    let w = if n > 2 { Some(text(yield_!(3)?)) } else { None };
    let m = match (make().len()..3).count() { 0 => yield_!(4)?, _ => 2 };
    let Some(k) = v.get(yield_!(5)?.unsigned_abs() as usize).copied() else { return yield_!(6) };
    let t = { r? + 1 };
    Some(n + m + k + t + w.map_or(0, |s| s.len() as i64))
}

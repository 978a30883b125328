// Seeds for the expansion fuzzer: coroutines resumed with a value.

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

#[stackless::coroutine(resume = _)]
fn collect() -> impl stackless::Coroutine<String, Yield = usize, Return = Vec<String>> {
    let mut all = Vec::new();
    loop {
        let line = yield_!(all.len());
        if line.is_empty() {
            return all;
        }
        all.push(line);
    }
}

#[stackless::coroutine(resume = (a, b))]
fn pairs() -> impl Coroutine<(u32, u32), Yield = u32, Return = ()> {
    let mut total = a + b;
    loop {
        let (c, d) = yield_!(total);
        if c == 0 {
            break;
        }
        total += c * d;
    }
}

#[stackless::coroutine]
fn no_resume() -> impl Coroutine<Yield = &'static str, Return = i32> {
    yield_!("one");
    yield_!("two");
    3
}

#[stackless::coroutine(resume = first)]
fn echo() -> impl Coroutine<String, Yield = String, Return = usize> {
    let mut seen = 0;
    let mut current = first;
    while current != "stop" {
        seen += 1;
        current = yield_!(current.to_uppercase());
    }
    seen
}

// Seeds for the expansion fuzzer: control flow around suspension points.

#[stackless::coroutine]
fn labels(limit: u32) -> impl Iterator<Item = (u32, u32)> {
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
    let last = loop {
        yield_!(found);
        break 7;
    };
    yield_!((last, last));
}

#[stackless::coroutine]
fn matches(values: Vec<Option<i32>>) -> impl Iterator<Item = String> {
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

#[stackless::coroutine]
fn questions(words: Vec<String>) -> impl Coroutine<Yield = i64, Return = Result<usize, std::num::ParseIntError>> {
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
fn chains(a: Option<u8>, b: Option<u8>) -> impl Coroutine<Yield = u8, Return = Option<u8>> {
    if let Some(x) = a
        && let Some(y) = b
        && x < y
    {
        yield_!(x);
        yield_!(y);
    } else if a.is_none() {
        yield_!(0);
    } else {
        return None;
    }
    let z = a?;
    Some(z)
}

#[stackless::coroutine]
fn flags(names: Vec<String>, keep: bool) -> impl Iterator<Item = usize> {
    let first = names;
    let moved;
    if keep {
        moved = first;
        yield_!(moved.len());
    } else {
        yield_!(0);
        drop(first);
    }
    {
        let inner = String::from("x");
        yield_!(inner.len());
    }
    let _ = String::new();
    let _guard = String::from("held");
    yield_!(1);
}

#[stackless::coroutine]
fn nested() -> impl Iterator<Item = i32> {
    let mut v = vec![1, 2, 3];
    let mut i = 0;
    while i < v.len() {
        match v[i] {
            1 => {
                v.push(4);
                yield_!(1);
            }
            n if n > 3 => loop {
                yield_!(n);
                if i > 0 {
                    break;
                }
            },
            _ => {}
        }
        i += 1;
    }
    let r = &v;
    let total: i32 = r.iter().sum();
    yield_!(total);
}

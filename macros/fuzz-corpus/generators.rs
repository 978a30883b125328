// Seeds for the expansion fuzzer (macros/src/fuzz.rs): generators. Every fn marked `#[stackless::coroutine]` here
// must expand without errors; the fuzzer mutates them token by token.

#[stackless::coroutine]
fn fibonacci() -> impl Iterator<Item = u64> {
    let (mut a, mut b) = (0, 1);
    loop {
        yield_!(a);
        (a, b) = (b, a + b);
    }
}

#[stackless::coroutine]
fn evens(limit: u32) -> impl Iterator<Item = u32> + Clone {
    for i in 0..limit {
        if i % 2 == 0 {
            yield_!(i);
        }
    }
}

#[stackless::coroutine]
fn pairs(words: Vec<String>) -> impl Iterator<Item = String> {
    for word in words {
        let upper = word.to_uppercase();
        yield_!(word);
        if upper.is_empty() {
            break;
        }
        yield_!(upper);
    }
}

#[stackless::coroutine]
fn drain(mut stack: Vec<u32>) -> impl Iterator<Item = u32> + Send {
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

#[stackless::coroutine]
fn unit() -> impl core::iter::FusedIterator<Item = ()> + core::fmt::Debug {
    yield_!();
    yield_!(());
}

#[stackless::coroutine]
fn generic<T: Clone, const N: usize>(items: [T; N], times: usize) -> impl Iterator<Item = T>
where
    T: Default,
{
    for item in items {
        let mut n = 0;
        while n < times {
            yield_!(item.clone());
            n += 1;
        }
    }
    yield_!(T::default());
}

#[stackless::coroutine]
fn tuples((a, b): (u8, u8), [c, ..]: [u8; 3]) -> impl Iterator<Item = u8> {
    yield_!(a);
    yield_!(b);
    yield_!(c);
}

//! A coroutine delegating to another with `yield_from!(inner, first)`: the inner one reads a number (digits
//! resumed in) and returns it; the outer one collects numbers until a `;`.
use stackless::Coroutine;

#[stackless::coroutine(resume = mut c)]
fn number() -> impl Coroutine<char, Yield = (), Return = (u32, char)> {
    let mut n = 0;
    while let Some(d) = c.to_digit(10) {
        n = n * 10 + d;
        c = yield_!();
    }
    (n, c)
}

#[stackless::coroutine(resume = mut c)]
fn numbers() -> impl Coroutine<char, Yield = (), Return = Vec<u32>> {
    let mut out = Vec::new();
    loop {
        let (n, stop) = yield_from!(number(), c);
        out.push(n);
        if stop == ';' {
            break out;
        }
        c = yield_!();
    }
}

fn parity() {
    run!(numbers(), "12,7,345;".chars().collect());
}

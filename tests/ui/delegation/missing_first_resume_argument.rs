use stackless::Coroutine;

#[stackless::coroutine(resume = mut step)]
fn accumulate() -> impl Coroutine<u32, Yield = u32, Return = u32> {
    let mut total = 0;
    while step > 0 {
        total += step;
        step = yield_!(total);
    }
    total
}

#[stackless::coroutine(resume = first)]
fn outer() -> impl Coroutine<u32, Yield = u32, Return = u32> {
    let total = yield_from!(accumulate());
    total + first
}

fn main() {}

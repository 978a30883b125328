use stackless::Coroutine;

#[stackless::coroutine(resume = mut step)]
fn accumulate() -> impl Coroutine<u32, Yield = u32, Return = ()> {
    let mut total = 0;
    while step > 0 {
        total += step;
        step = yield_!(total);
    }
}

#[stackless::coroutine]
fn outer() -> impl Iterator<Item = u32> {
    yield_from!(accumulate());
}

fn main() {}

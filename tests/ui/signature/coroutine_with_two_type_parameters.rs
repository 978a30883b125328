use stackless::Coroutine;

#[stackless::coroutine(resume = step)]
fn two() -> impl Coroutine<u32, u64, Yield = u32, Return = ()> {
    yield_!(step);
}

fn main() {}

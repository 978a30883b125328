#[stackless::coroutine(resume = x, resume = y)]
fn echo() -> impl stackless::Coroutine<u32, Yield = u32, Return = ()> {
    yield_!(x);
}

fn main() {}

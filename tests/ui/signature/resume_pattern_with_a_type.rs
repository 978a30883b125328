use stackless::Coroutine;

#[stackless::coroutine(resume = x: u32)]
fn echo() -> impl Coroutine<u32, Yield = u32, Return = ()> {
    yield_!(x);
}

fn main() {}

#[stackless::coroutine(resume)]
fn echo() -> impl stackless::Coroutine<u32, Yield = u32, Return = ()> {
    yield_!(1);
}

fn main() {}

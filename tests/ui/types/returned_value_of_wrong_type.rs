#[stackless::coroutine]
fn count() -> impl stackless::Coroutine<Yield = u32, Return = usize> {
    yield_!(1);
    "done"
}

fn main() {}

#[stackless::coroutine]
fn count(stop: bool) -> impl stackless::Coroutine<Yield = u32, Return = usize> {
    yield_!(1);
    if stop {
        return -1i32;
    }
    yield_!(2);
    2
}

fn main() {}

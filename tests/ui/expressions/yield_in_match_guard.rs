#[stackless::coroutine(resume = _)]
fn guarded() -> impl stackless::Coroutine<u32, Yield = u32, Return = ()> {
    match 3 {
        x if yield_!(x) > 2 => {}
        _ => {}
    }
}

fn main() {}

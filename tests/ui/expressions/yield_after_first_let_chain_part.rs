#[stackless::coroutine(resume = _)]
fn chained(v: Option<u32>) -> impl stackless::Coroutine<u32, Yield = u32, Return = u32> {
    if let Some(x) = v
        && yield_!(x) > 3
    {
        return x;
    }
    0
}

fn main() {}

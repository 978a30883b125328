macro_rules! twice {
    ($e:expr) => {
        ($e, $e)
    };
}

#[stackless::coroutine(resume = _)]
fn pairs() -> impl stackless::Coroutine<u32, Yield = u32, Return = (u32, u32)> {
    twice!(yield_!(1))
}

fn main() {}

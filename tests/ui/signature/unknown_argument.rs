#[stackless::coroutine(resum = x)]
fn numbers() -> impl Iterator<Item = u32> {
    yield_!(1);
}

#[stackless::coroutine(resume = x, resume = y)]
fn twice() -> impl stackless::Coroutine<u8, Yield = u32, Return = ()> {
    yield_!(1);
}

fn main() {}

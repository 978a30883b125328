use stackless::Coroutine;

#[stackless::coroutine]
fn inner() -> impl Coroutine<Yield = u32, Return = String> {
    yield_!(1);
    String::new()
}

#[stackless::coroutine]
fn outer() -> impl Coroutine<Yield = u32, Return = u32> {
    let n: u32 = yield_from!(inner());
    n
}

fn main() {}

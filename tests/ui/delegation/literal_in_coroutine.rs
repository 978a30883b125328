use stackless::Coroutine;

#[stackless::coroutine]
fn outer() -> impl Coroutine<Yield = u32, Return = ()> {
    yield_from!(5u32);
}

fn main() {}

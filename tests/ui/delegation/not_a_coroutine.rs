use stackless::Coroutine;

#[stackless::coroutine]
fn outer(count: u32) -> impl Coroutine<Yield = u32, Return = ()> {
    yield_from!(count);
}

fn main() {}

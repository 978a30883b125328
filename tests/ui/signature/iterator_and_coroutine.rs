use stackless::Coroutine;

#[stackless::coroutine]
fn both() -> impl Iterator<Item = u32> + Coroutine<(), Yield = u32, Return = ()> {
    yield_!(1);
}

fn main() {}

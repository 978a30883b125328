use stackless::Coroutine;

// The return value ends with a `;`: at the body, with rustc's help to remove it.
#[stackless::coroutine]
fn sum() -> impl Coroutine<Yield = u32, Return = u32> {
    let total = 4;
    yield_!(1);
    total + 1;
}

fn main() {}

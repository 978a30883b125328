#[stackless::coroutine]
fn inner() -> impl Iterator<Item = u32> {
    yield_!(1);
}

#[stackless::coroutine]
fn outer() -> impl Iterator<Item = u32> {
    yield_from!(inner(), 0);
}

fn main() {}

// The pattern's `a` would silently shadow the argument: a plain fn gets E0415 here.
#[stackless::coroutine]
fn pairs(a: u32, (a, b): (u32, u32)) -> impl Iterator<Item = u32> {
    yield_!(a + b);
}

fn main() {}

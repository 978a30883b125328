// A generator's `return` with a value: its body returns `()`.
#[stackless::coroutine]
fn numbers(n: u32) -> impl Iterator<Item = u32> {
    if n == 0 {
        return 0;
    }
    yield_!(n);
    if n > 5 {
        return None;
    }
}

fn main() {}

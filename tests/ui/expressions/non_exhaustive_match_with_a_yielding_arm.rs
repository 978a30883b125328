// rustc's own error for a `match` that misses a case, with its suggestion placed after the last arm's `yield_!`.
#[stackless::coroutine]
fn values(o: Option<u32>) -> impl Iterator<Item = u32> {
    match o {
        Some(x) => yield_!(x),
    }
}

fn main() {}

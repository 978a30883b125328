#[stackless::coroutine]
fn counts(n: usize) -> impl Iterator<Item = usize> {
    let mut seen = vec![0u32; n];
    seen[yield_!(0)] += 1;
    yield_!(seen.len());
}

fn main() {}

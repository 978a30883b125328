#[stackless::coroutine]
fn lets(v: Option<u32>) -> impl Iterator<Item = u32> {
    let found = v.is_some() && let Some(x) = Some(yield_!(1));
    yield_!(u32::from(found));
}

fn main() {}

#[stackless::coroutine]
fn places() -> impl Iterator<Item = u32> {
    let mut pair = (1u32, 2u32);
    let v = vec![3u32];
    (if v.is_empty() { &mut pair } else { yield_!(v[0]); &mut pair }).0 = 5;
    yield_!(pair.0);
}

fn main() {}

#[stackless::coroutine]
fn push() -> impl Iterator<Item = usize> {
    let mut v = vec![1, 2, 3];
    let r = &mut v;
    yield_!(1);
    r.push(4);
    yield_!(v.len());
}

fn main() {}

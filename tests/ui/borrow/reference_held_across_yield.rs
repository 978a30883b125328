#[stackless::coroutine]
fn first() -> impl Iterator<Item = usize> {
    let v = vec![1, 2, 3];
    let r = &v;
    yield_!(1);
    yield_!(r.len());
}

fn main() {}

#[stackless::coroutine]
fn firsts() -> impl Iterator<Item = u32> {
    let v = vec![1, 2, 3];
    let mut it = v.iter();
    yield_!(0);
    yield_!(*it.next().unwrap());
}

fn main() {}

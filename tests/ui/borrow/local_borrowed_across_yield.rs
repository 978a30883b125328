#[stackless::coroutine]
fn sums() -> impl Iterator<Item = usize> {
    let v = vec![1, 2, 3];
    for x in &v {
        yield_!(*x);
    }
}

fn main() {}

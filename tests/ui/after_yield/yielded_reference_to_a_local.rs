// A yielded reference to a local: at the `yield_!`, with the borrow.
#[stackless::coroutine]
fn refs(v: &[u32]) -> impl Iterator<Item = &u32> {
    let x = 5;
    yield_!(&v[0]);
    yield_!(&x);
}

fn main() {}

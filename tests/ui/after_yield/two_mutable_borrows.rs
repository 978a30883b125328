// Two `&mut` of a local held in the state, after a `yield_!`: at the second borrow.
#[stackless::coroutine]
fn fill() -> impl Iterator<Item = u32> {
    let mut v = vec![1];
    yield_!(0);
    let a = &mut v;
    let b = &mut v;
    a.push(1);
    b.push(2);
}

fn main() {}

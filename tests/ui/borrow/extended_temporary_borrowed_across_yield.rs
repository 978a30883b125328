// A reference to a temporary that `let` extends to the end of the block, still used after a `yield_!`: the
// temporary is in the coroutine's state.
fn make() -> Vec<u32> {
    vec![1, 2]
}

#[stackless::coroutine]
fn shared() -> impl Iterator<Item = usize> {
    let v = &make();
    yield_!(1);
    yield_!(v.len());
}

#[stackless::coroutine]
fn exclusive_field() -> impl Iterator<Item = usize> {
    let v = &mut (make(), 3).0;
    yield_!(1);
    v.push(3);
    yield_!(v.len());
}

fn main() {}

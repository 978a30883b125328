// A documented limit (README): the closure's `let` runs after two suspension points (the loop's, and the start
// when the loop is empty), so it gets a join point, where the locals are stored in the state as at a `yield_!`;
// `r`, a borrow of the local `v`, is alive across it, which the state can't hold. Workaround: borrow after the
// closure's `let`.
#[stackless::coroutine]
fn counter() -> impl Iterator<Item = usize> {
    let v = vec![1, 2];
    for _ in 0..2 {
        yield_!(0);
    }
    let r = &v;
    let f = |z: usize| z + 1;
    let n = r.len();
    yield_!(f(n));
    yield_!(f(2));
}

fn main() {}

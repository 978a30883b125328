// A documented limit (README): a closure assigned to an existing local, in code that runs after two suspension
// points (the loop's, and the start when the loop is empty), gets no join point (only a `let` does), so each arm
// that emits it has its own closure type, and holding it across the later `yield_!` needs one. Workaround: bind
// it with `let f = |z: i64| z + 1;`.
#[stackless::coroutine]
fn counter() -> impl Iterator<Item = i64> {
    let f;
    for _ in 0..2 {
        yield_!(0);
    }
    f = |z: i64| z + 1;
    yield_!(f(1));
    yield_!(f(2));
}

fn main() {}

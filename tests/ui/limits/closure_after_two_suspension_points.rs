// A documented limit (README): the code after the loop runs after two suspension points (the loop's, and the
// start when the loop is empty), so it is emitted in two arms; the closure literal gets one type per arm, and
// holding it across the later `yield_!` needs one type. Workaround: create it before the first `yield_!`.
#[stackless::coroutine]
fn counter() -> impl Iterator<Item = i64> {
    for _ in 0..2 {
        yield_!(0);
    }
    let f = |z: i64| z + 1;
    yield_!(f(1));
    yield_!(f(2));
}

fn main() {}

// A documented limit (README): the closure is stored by a call, not bound by a `let` or an assignment, in code
// that runs after two suspension points (the loop's, and the start when the loop is empty); it gets no join
// point, so each arm that emits it has its own closure type, and holding `fs` across the later `yield_!` needs
// one. Workaround: `let add = move |z: i64| z + n; fs.push(add);`.
#[stackless::coroutine]
fn pushed(n: i64) -> impl Iterator<Item = i64> {
    let mut fs = Vec::new();
    for i in 0..n {
        yield_!(i);
    }
    fs.push(move |z: i64| z + n);
    yield_!(fs[0](1));
    yield_!(fs[0](2));
}

fn main() {}

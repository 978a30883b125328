// A documented limit (README): the closure is stored by the user's own fn, not bound by a `let`, an assignment
// or a call the macro knows stores its argument (`push`, `insert`…), in code that runs after two suspension points
// (the loop's, and the start when the loop is empty); it gets no join point, so each arm that emits it has its own
// closure type, and holding `fs` across the later `yield_!` needs one. Workaround:
// `let add = move |z: i64| z + n; store(&mut fs, add);`.
fn store<F>(fs: &mut Vec<F>, f: F) {
    fs.push(f);
}

#[stackless::coroutine]
fn stored(n: i64) -> impl Iterator<Item = i64> {
    let mut fs = Vec::new();
    for i in 0..n {
        yield_!(i);
    }
    store(&mut fs, move |z: i64| z + n);
    yield_!(fs[0](1));
    yield_!(fs[0](2));
}

fn main() {}

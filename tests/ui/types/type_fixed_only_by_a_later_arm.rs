// A documented limit: `v`'s type comes from the `else` branch, where control flow with another suspension
// point follows the first one; the arm that starts the coroutine is checked first and calls a method on `v`
// before any arm has fixed its type.
fn describe(n: i64) -> String {
    n.to_string()
}

#[stackless::coroutine(resume = r)]
fn lengths() -> impl stackless::Coroutine<i64, Yield = (), Return = usize> {
    let v = if r > 0 {
        None
    } else {
        let n = yield_!();
        if n > 0 { Some(describe(yield_!())) } else { None }
    };
    v.unwrap().len()
}

fn main() {}

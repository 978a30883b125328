// A documented limit: `v`'s type comes from the `else` branch, which the arm resuming at the `yield_!` checks;
// the arm that starts the coroutine is checked first and calls a method on `v` before knowing it.
fn describe(n: i64) -> String {
    n.to_string()
}

#[stackless::coroutine(resume = r)]
fn lengths() -> impl stackless::Coroutine<i64, Yield = (), Return = usize> {
    let v = if r > 0 { None } else { Some(describe(yield_!())) };
    v.unwrap().len()
}

fn main() {}

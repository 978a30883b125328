// A local matched by an arm that moves a part out of it, assigned again after a `yield_!` in that arm and read
// after the `match`: the macro takes the match for a copy (the local is used again) and stores it at the
// `yield_!` (README, "Limitations and deliberate deviations"; found by the eighth helper probe). `x.take()`
// compiles.
#[stackless::coroutine]
fn restores() -> impl Iterator<Item = bool> {
    let mut x = Some(String::from("x"));
    match x {
        Some(v) => {
            yield_!(true);
            x = Some(v);
        }
        None => {}
    }
    yield_!(x.is_some());
}

fn main() {
    let _ = restores().count();
}

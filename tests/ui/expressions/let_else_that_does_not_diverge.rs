// A `let ... else` whose `else` block suspends but doesn't diverge: rustc requires it to. The macro's own error, at the
// block's end (it was a mismatch against `Infallible` spanning generated code).

#[stackless::coroutine]
fn firsts(o: Option<u32>) -> impl Iterator<Item = u32> {
    yield_!(0);
    let Some(x) = o else { yield_!(1) };
    yield_!(x);
}

fn main() {}

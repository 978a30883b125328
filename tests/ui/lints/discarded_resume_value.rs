// A `yield_!(..);` statement discards the value it is resumed with: rustc's `unused_must_use` for a `Result`,
// as in the plain fn, at the `yield_!` with its `let _ = ` fix (it was at the attribute, with the fix
// `let _ = #[stackless::coroutine(..)]`).
#![deny(unused_must_use)]
use stackless::Coroutine;

#[stackless::coroutine(resume = _)]
fn ask() -> impl Coroutine<Result<u32, String>, Yield = u32, Return = ()> {
    yield_!(1);
}

fn main() {
    let _ = ask();
}

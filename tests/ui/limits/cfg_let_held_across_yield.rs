// A `let` under a `cfg` that doesn't hold, whose local would be in scope at a later `yield_!`: the macro can't
// evaluate the `cfg` and stores the local there (README, "Limitations and deliberate deviations").
#[stackless::coroutine]
fn timed() -> impl Iterator<Item = u8> {
    #[cfg(any())]
    let started = std::time::Instant::now();
    yield_!(1);
}

fn main() {}

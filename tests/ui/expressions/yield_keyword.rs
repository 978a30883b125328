// Nightly's `yield` keyword where `yield_!` is meant: one error, at `yield`, with the macro to write.
#[stackless::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    yield 1;
    let n = 2;
    yield n + 1;
}

fn main() {}

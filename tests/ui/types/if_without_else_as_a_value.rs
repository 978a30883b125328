// An `if` without `else` used as a value, with a `yield_!` in it: rustc's E0317, said by the macro.
#[stackless::coroutine]
fn g(c: bool) -> impl Iterator<Item = u32> {
    let x = if c {
        yield_!(1);
        5
    };
    yield_!(x);
}

fn main() {}

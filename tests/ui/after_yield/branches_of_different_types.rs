// An `if` whose branches have different types, one of them suspending: at the `let` that binds it.
#[stackless::coroutine]
fn pick(c: bool) -> impl Iterator<Item = u32> {
    let v = if c {
        yield_!(1);
        1
    } else {
        "a"
    };
    let _ = v;
}

fn main() {}

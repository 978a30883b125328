struct Token;

// `+ Debug` on a coroutine holding a type that isn't `Debug`: the user's type is named, and the state after the fn.
#[stackless::coroutine]
fn tokens() -> impl Iterator<Item = u32> + std::fmt::Debug {
    let t = Token;
    yield_!(1);
    drop(t);
}

fn main() {}

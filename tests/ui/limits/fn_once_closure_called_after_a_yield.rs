// A closure that can only be called once, held across a `yield_!` and called after it: rejected (README,
// Limitations). Calling it in a block of its own works (`closure_called_once_after_a_yield` in tests/closures.rs).
#[stackless::coroutine]
fn give_back(name: String) -> impl Iterator<Item = String> {
    let f = move || name;
    yield_!(String::from("first"));
    yield_!(f());
}

fn main() {}

//! `break value` out of a `for` loop that suspends: rustc's E0571 for the plain fn, the macro's own error here
//! (the loop is a `loop` in the expansion, where rustc would take the value and report a type mismatch instead).
#[stackless::coroutine]
fn first_five() -> impl Iterator<Item = u32> {
    let found = for i in 0..10 {
        yield_!(i);
        if i == 5 {
            break i;
        }
    };
    yield_!(found);
}

fn main() {
    let _ = first_five().count();
}

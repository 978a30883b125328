// `str::lines` borrows a `String` the coroutine owns: the loop holds the borrow across its `yield_!`.
#[stackless::coroutine]
fn lens(text: String) -> impl Iterator<Item = usize> {
    for line in text.lines() {
        yield_!(line.len());
    }
}

fn main() {}

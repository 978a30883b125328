// An iterator adapter chain over a `String` argument, held across a `yield_!`.
#[stackless::coroutine]
fn letters(word: String) -> impl Iterator<Item = char> {
    let mut backwards = word.chars().rev().skip(1);
    yield_!('<');
    while let Some(c) = backwards.next() {
        yield_!(c);
    }
}

fn main() {}

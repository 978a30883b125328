// A `str` iterator over a `String` argument held by a `let` across a `yield_!`: the help collects the items (a
// `String` has no `into_iter()`). Reported at the user's tokens, not "in this attribute macro expansion". (A loop
// over `n.to_string().chars()` or `format!(..).lines()` goes by position: tests/borrows.rs.)
#[stackless::coroutine]
fn words(src: String) -> impl Iterator<Item = char> {
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        yield_!(c);
    }
}

fn main() {}

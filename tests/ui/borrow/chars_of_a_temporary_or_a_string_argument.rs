// A `str` iterator over a temporary in a loop's header, or over a `String` argument held by a `let`, across a
// `yield_!`: the help collects the items (a `String` has no `into_iter()`, and a copy of the temporary bound
// first would be borrowed by the loop in turn). Reported at the user's tokens, not "in this attribute macro
// expansion".
#[stackless::coroutine]
fn digits(n: u64) -> impl Iterator<Item = u32> {
    for c in n.to_string().chars() {
        yield_!(c.to_digit(10).unwrap_or(0));
    }
}

#[stackless::coroutine]
fn words(src: String) -> impl Iterator<Item = char> {
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        yield_!(c);
    }
}

// A macro's value borrowed by the header (`format!(..).lines()`): the same, where it was rustc's E0716 naming the
// step's guard.
#[stackless::coroutine]
fn lines_of(n: u64) -> impl Iterator<Item = usize> {
    for line in format!("{n}\n{n}").lines() {
        yield_!(line.len());
    }
}

fn main() {}

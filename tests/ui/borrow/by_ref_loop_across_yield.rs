// `by_ref()` lends the iterator local to the loop, across the loop's `yield_!`.
#[stackless::coroutine]
fn rest(s: &'static str) -> impl Iterator<Item = char> {
    let mut it = s.chars();
    for c in it.by_ref() {
        yield_!(c);
    }
    yield_!(it.next().unwrap_or('.'));
}

fn main() {}

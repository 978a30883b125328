// `str::lines` of a `String` the coroutine owns, through `enumerate()`: the loop goes by position, but its item, a
// line of `text`, is held across the inner loop's `yield_!` by the inner loop.
#[stackless::coroutine]
fn shout() -> impl Iterator<Item = String> {
    let text = String::from("a b\nc");
    for (n, line) in text.lines().enumerate() {
        for word in line.split_whitespace() {
            yield_!(format!("{n}:{word}"));
        }
    }
}

fn main() {}

// `str::lines` of a `String` the coroutine owns, through `enumerate()`: the loop holds the borrow across the
// inner loop's `yield_!`.
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

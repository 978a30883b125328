// `line` is an item of a `Vec<String>` taken by value through `into_iter().enumerate()`: a `String` the coroutine
// owns, which the inner loop borrows across its `yield_!`.
#[stackless::coroutine]
fn shout(lines: Vec<String>) -> impl Iterator<Item = String> {
    for (n, line) in lines.into_iter().enumerate() {
        for word in line.split_whitespace() {
            yield_!(format!("{n}:{word}"));
        }
    }
}

fn main() {}

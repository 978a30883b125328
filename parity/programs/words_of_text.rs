//! Words of a text borrowed from the caller (`text.lines()` on a `&str` argument), uppercased.
#[stackless::coroutine]
fn shout(text: &str) -> impl Iterator<Item = String> + '_ {
    for (n, line) in text.lines().enumerate() {
        for word in line.split_whitespace() {
            yield_!(format!("{n}:{}", word.to_uppercase()));
        }
    }
}

fn parity() {
    let text = String::from("the quick brown\nfox\n\njumps over");
    run!(shout(&text));
}

#[stackless::coroutine]
fn pairs(words: Vec<String>) -> impl Iterator<Item = String> {
    for word in words {
        let upper = word.to_uppercase();
        yield_!(word);
        if upper.is_empty() {
            break;
        }
        yield_!(upper);
    }
}

//! Dropping consecutive duplicates: the last value seen is an `Option<String>` held across yields.
#[stackless::coroutine]
fn dedup(words: Vec<&'static str>) -> impl Iterator<Item = String> {
    let mut last: Option<String> = None;
    for w in words {
        if last.as_deref() == Some(w) {
            continue;
        }
        last = Some(w.to_string());
        yield_!(w.to_string());
    }
}

fn parity() {
    run!(dedup(vec!["a", "a", "b", "c", "c", "c", "a", "b", "b"]));
}

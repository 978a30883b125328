// A borrow taken inside the loop body, of a local of the loop body (a clone of an owned item, so owned too),
// held across a `yield_!`.
#[stackless::coroutine]
fn lens(words: Vec<String>) -> impl Iterator<Item = usize> {
    for word in words {
        let owned = word.clone();
        let view: &str = owned.as_str();
        yield_!(view.len());
        yield_!(view.len() + 1);
    }
}

fn main() {}

// A borrow of an element of a local that owns its items, taken in a loop body and held across a `yield_!`
// (rustc reported E0521 at the attribute, naming the step's parameter).
#[stackless::coroutine]
fn lens(words: Vec<String>) -> impl Iterator<Item = usize> {
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        yield_!(word.len());
        yield_!(word.len() + 1);
        i += 1;
    }
}

fn main() {}

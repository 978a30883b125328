// A loop over a borrow of a local `Vec` goes by index, but its item is a borrow of the `Vec`: it can't be in use
// at a `yield_!`.
#[stackless::coroutine]
fn lens(words: Vec<String>) -> impl Iterator<Item = usize> {
    for w in words.iter() {
        yield_!(0);
        yield_!(w.len());
    }
}

fn main() {}

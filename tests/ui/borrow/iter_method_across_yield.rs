#[stackless::coroutine]
fn lens(words: Vec<String>) -> impl Iterator<Item = usize> {
    for w in words.iter() {
        yield_!(w.len());
    }
}

fn main() {}

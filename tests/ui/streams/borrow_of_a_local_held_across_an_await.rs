// A borrow of the generator's own local still in use after an `.await`: the macro's message says the
// suspension may be an `.await`.
use stackless::Stream;

#[stackless::coroutine]
fn lengths(words: Vec<String>) -> impl Stream<Item = usize> {
    let first = &words[0];
    let n = core::future::ready(1usize).await;
    yield_!(first.len() + n);
}

fn main() {
    let _ = lengths(Vec::new());
}

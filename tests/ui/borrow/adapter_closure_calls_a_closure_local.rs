// An iterator held across a `yield_!` whose adapter's closure calls another closure, a local of the coroutine,
// by reference: the macro's error at the mention (it was rustc's E0597, naming the generated guard).
#[stackless::coroutine]
fn long_words<'a>(words: &'a [&'a str], min: &'a usize) -> impl Iterator<Item = &'a str> + 'a {
    let ok = |w: &str| w.len() > *min;
    let mut it = words.iter().copied().filter(|w| ok(w));
    while let Some(w) = it.next() {
        yield_!(w);
    }
}

fn main() {}

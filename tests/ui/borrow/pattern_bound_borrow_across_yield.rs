// The macro can't see that `word` owns its value (it doesn't know the items of a generic iterator), so rustc
// reports this one: its error must still point at the user's borrow and the `yield_!`.
#[stackless::coroutine]
fn numbers<I: IntoIterator<Item = String>>(words: I) -> impl Iterator<Item = u32> {
    for word in words {
        let Some(digits) = word.strip_prefix('#') else {
            continue;
        };
        yield_!(1);
        yield_!(digits.len() as u32);
    }
}

fn main() {}

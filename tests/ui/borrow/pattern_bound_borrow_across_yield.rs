// The macro can't see that `word` owns its value (it doesn't know the items of a generic iterator), so it asks
// rustc whether `word` is a reference: the bound's error points at the user's borrow.
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

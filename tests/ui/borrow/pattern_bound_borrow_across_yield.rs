// The macro can't see that `digits` borrows `word` (it doesn't know what `strip_prefix` returns), so rustc
// reports this one: its error must still point at the user's borrow.
#[stackless::coroutine]
fn numbers(words: Vec<String>) -> impl Iterator<Item = u32> {
    for word in words {
        let Some(digits) = word.strip_prefix('#') else {
            continue;
        };
        yield_!(1);
        yield_!(digits.len() as u32);
    }
}

fn main() {}

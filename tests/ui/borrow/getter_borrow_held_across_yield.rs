// `word` is a `String` (the items of a `Vec<String>` argument) and `strip_prefix` returns a borrow of it, held
// across a `yield_!`: the macro's error, at the borrow.
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

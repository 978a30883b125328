// A slice returned by the user's own fn borrows a local, and is still used after a `yield_!`: only rustc's
// borrow check sees through the fn, and it reports it at the borrow (E0597), then the move into the state at the
// `yield_!` (E0505). Its words are rustc's, without a fix: the macro can't see `first_word`'s signature (the same
// call returning an owned value compiles), and no stable attribute adds a note or help to a borrow-check error.
// The fix, as for the borrows the macro reports itself: hold something owned (`first_word(&text).to_string()`).
fn first_word(line: &str) -> &str {
    line.split(' ').next().unwrap_or("")
}

#[stackless::coroutine]
fn commands(lines: Vec<String>) -> impl Iterator<Item = usize> {
    for line in lines {
        let text = line.trim().to_string();
        let cmd = first_word(&text);
        yield_!(cmd.len());
        yield_!(cmd.len() + 1);
    }
}

fn main() {}

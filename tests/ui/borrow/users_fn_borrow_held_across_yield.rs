// A slice returned by the user's own fn borrows a local, and is still used after a `yield_!`: only rustc's
// borrow check sees through the fn, and it reports it at the borrow.
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

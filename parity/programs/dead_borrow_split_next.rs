//! Issue 12 item 3: `let key = line.split('=').next().unwrap_or("");` dead at the yield of its length.
#[stackless::coroutine]
fn key_lengths(lines: Vec<String>) -> impl Iterator<Item = usize> {
    for line in lines {
        let key = line.split('=').next().unwrap_or("");
        let n = key.len();
        yield_!(n);
    }
}

fn parity() {
    run!(key_lengths(vec!["name=x".into(), "=y".into(), "longer_key=z".into()]));
}

//! Issue 12 item 3: a borrow returned by the user's own fn, dead at the yield
//! (`let cmd = first_word(&line); yield_!(cmd.to_uppercase())`).
fn first_word(s: &str) -> &str {
    s.split_whitespace().next().unwrap_or("")
}

#[stackless::coroutine]
fn commands(script: Vec<String>) -> impl Iterator<Item = String> {
    for line in script {
        let cmd = first_word(&line);
        yield_!(cmd.to_uppercase());
    }
}

fn parity() {
    run!(commands(vec!["go north".into(), "take lamp".into(), "".into(), "quit now".into()]));
}

//! A sink resumed with `Option<String>`: `while let Some(x) = yield_!(..)` collects lines until `None`.
use stackless::Coroutine;

use crate::rt::log;

#[stackless::coroutine(resume = first)]
fn collect_lines(max: usize) -> impl Coroutine<Option<String>, Yield = usize, Return = Vec<String>> {
    let mut lines = Vec::new();
    if let Some(line) = first {
        lines.push(line);
    }
    while let Some(line) = yield_!(lines.len()) {
        if lines.len() == max {
            log(format!("full, dropping {line:?}"));
            continue;
        }
        lines.push(line);
    }
    lines
}

fn parity() {
    let script = vec![Some("a".to_string()), Some("b".to_string()), Some("c".to_string()), Some("d".to_string()), None];
    run!(collect_lines(2), script);
}

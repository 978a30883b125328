//! An early `return` from the middle of a generator: locals drop on the way out.
use crate::rt::{D, log};

#[stackless::coroutine]
fn until_blank(lines: Vec<&'static str>) -> impl Iterator<Item = &'static str> {
    let _guard = D::new("guard");
    for (i, line) in lines.into_iter().enumerate() {
        let _row = D::new(format!("row{i}"));
        if line.is_empty() {
            log("blank line: stop");
            return;
        }
        yield_!(line);
    }
    log("no blank line");
}

fn parity() {
    run!(until_blank(vec!["GET / HTTP/1.1", "Host: x", "", "body"]));
}

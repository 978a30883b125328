//! Rejected by both: `lines.iter()` borrows the generator's own local (its argument) across a yield. rustc's
//! `gen` block says E0626; stackless can't hold a pointer into its own state either. Iterate by value instead
//! (`programs/early_return.rs`).
use crate::rt::{D, log};

#[stackless::coroutine]
fn until_blank(lines: Vec<&'static str>) -> impl Iterator<Item = &'static str> {
    let _guard = D::new("guard");
    for (i, line) in lines.iter().enumerate() {
        let _row = D::new(format!("row{i}"));
        if line.is_empty() {
            log("blank line: stop");
            return;
        }
        yield_!(*line);
    }
    log("no blank line");
}

fn parity() {
    run!(until_blank(vec!["GET / HTTP/1.1", "Host: x", "", "body"]));
}

//! A loop over `lines.iter().enumerate()`, the generator's own `Vec` (its argument), with a yield in it: rustc's
//! `gen` block rejects it (E0626: the iterator borrows the generator's local across the yield); stackless goes by
//! index, which holds no borrow while suspended (the item is not in use at the yield).
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

//! A value moved on some paths only: it is dropped at the end of its scope when it wasn't moved, and only once.
use crate::rt::{D, log};

fn keep(d: D, into: &mut Vec<D>) {
    log(format!("keep {}", d.name()));
    into.push(d);
}

#[stackless::coroutine]
fn sort_out(names: Vec<&'static str>) -> impl Iterator<Item = usize> {
    let mut kept = Vec::new();
    for (i, name) in names.into_iter().enumerate() {
        let d = D::new(name);
        if i % 2 == 0 {
            keep(d, &mut kept);
        }
        yield_!(kept.len());
    }
    log(format!("kept {}", kept.len()));
}

fn parity() {
    run!(sort_out(vec!["p", "q", "r", "s", "t"]));
}

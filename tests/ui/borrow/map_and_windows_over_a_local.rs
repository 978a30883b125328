// A map has no index to go by; windows are slices of the sequence (probe 33: the helps said otherwise). A
// loop over `v.windows(k)` goes by index (tests/borrows.rs) unless its body changes `v`, as here.
use std::collections::HashMap;
#[stackless::coroutine]
fn report(words: Vec<String>) -> impl Iterator<Item = String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for w in words { *counts.entry(w).or_insert(0) += 1; }
    for (w, n) in &counts {
        yield_!(format!("{w}={n}"));
    }
}
#[stackless::coroutine]
fn rising(mut v: Vec<i32>) -> impl Iterator<Item = bool> {
    for w in v.windows(2) {
        yield_!(w[1] > w[0] && v.len() > 2);
        v.push(0);
    }
}
fn main() {}

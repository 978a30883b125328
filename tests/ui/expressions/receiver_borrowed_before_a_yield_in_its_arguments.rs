// A method's receiver that borrows a local (`m.entry(k).or_default()`, `v.get_mut(0).unwrap()`), evaluated before
// a `yield_!` in the call's arguments: the macro's error, saying to suspend first (the entry case was rustc's
// E0597 at the attribute, naming the generated guard).
use stackless::Coroutine;

#[stackless::coroutine(resume = _first)]
fn tally() -> impl Coroutine<u32, Yield = u32, Return = usize> {
    let mut counts: std::collections::HashMap<String, Vec<u32>> = Default::default();
    counts.entry(String::from("k")).or_default().push(yield_!(2));
    counts.len()
}

#[stackless::coroutine(resume = _first)]
fn rows() -> impl Coroutine<u32, Yield = u32, Return = usize> {
    let mut v: Vec<Vec<u32>> = vec![vec![]];
    v.get_mut(0).unwrap().push(yield_!(2));
    v.len()
}

fn main() {}

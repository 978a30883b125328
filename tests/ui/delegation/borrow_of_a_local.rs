// Delegating to an iterator over one of the coroutine's own locals: the delegate holds the borrow while it
// suspends, as a `for` loop over it would.
#[stackless::coroutine]
fn items_then_count(v: Vec<u32>) -> impl Iterator<Item = u32> {
    yield_from!(v.iter().copied());
    yield_!(v.len() as u32);
}

#[stackless::coroutine]
fn known(names: Vec<String>) -> impl Iterator<Item = String> {
    let all = vec![String::from("a"), String::from("b")];
    yield_from!(all.into_iter().filter(|n| names.contains(n)));
}

#[stackless::coroutine]
fn words(text: String) -> impl Iterator<Item = usize> {
    yield_from!(text.split_whitespace().map(str::len));
}

fn main() {}

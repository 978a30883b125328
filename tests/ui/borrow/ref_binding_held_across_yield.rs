// A `ref` binding still used after a `yield_!`: into a temporary (an `if let` scrutinee, a `for` loop's item, a
// `let`'s value) or into a local (`match opt { Some(ref x) => .. }`), the borrow is of the coroutine's state.
fn make() -> Option<String> {
    Some("ab".to_string())
}

#[stackless::coroutine]
fn scrutinee() -> impl Iterator<Item = usize> {
    if let Some(ref x) = make() {
        yield_!(1);
        yield_!(x.len());
    }
}

#[stackless::coroutine]
fn local() -> impl Iterator<Item = usize> {
    let opt = make();
    match opt {
        Some(ref x) => {
            yield_!(1);
            yield_!(x.len());
        }
        None => {}
    }
}

#[stackless::coroutine]
fn item(words: Vec<String>) -> impl Iterator<Item = usize> {
    for ref mut w in words {
        yield_!(1);
        w.push('!');
        yield_!(w.len());
    }
}

#[stackless::coroutine]
fn extended() -> impl Iterator<Item = usize> {
    let ref s = "text".to_string();
    yield_!(1);
    yield_!(s.len());
}

fn main() {}

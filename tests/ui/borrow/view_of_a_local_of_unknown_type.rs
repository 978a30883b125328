//! A `let` whose value is a view of a local the macro can't type (`s.trim()`, `s` from a fn of one's own), still in
//! use at a later `yield_!`: rustc checks that the local is a reference, and explains at it when it isn't.
fn load() -> String {
    " a ".into()
}

#[stackless::coroutine]
fn trimmed() -> impl Iterator<Item = usize> {
    let s = load();
    let t = s.trim();
    yield_!(t.len());
    yield_!(t.len() + 1);
}

fn main() {
    let _ = trimmed().count();
}

//! A loop whose iterator borrows a local the macro can't type (`load()` is a fn of one's own), held across a
//! `yield_!`: rustc checks that the local is a reference, and explains at it when it isn't (it was rustc's
//! borrow errors at the attribute, naming `state_guard`). A reference local compiles: tests/regressions.rs.
fn load() -> String {
    "a b".into()
}

#[stackless::coroutine]
fn words() -> impl Iterator<Item = String> {
    let text = load();
    for w in text.split(' ') {
        yield_!(w.to_string());
    }
}

fn main() {
    let _ = words().count();
}

//! An item popped from a sequence whose written item type owns its value (`Vec<String>`), borrowed across a
//! `yield_!`: the macro's own message at the borrow (it was rustc's, at the attribute, naming `state_guard`).
#[stackless::coroutine]
fn trims(mut stack: Vec<String>) -> impl Iterator<Item = usize> {
    while let Some(s) = stack.pop() {
        let t = s.trim();
        yield_!(t.len());
        yield_!(t.len() + 1);
    }
}

fn main() {
    let _ = trims(Vec::new()).count();
}

// A closure that can only be called once, called before a `yield_!` while still in scope there: the macro can't
// tell the call consumed it, and keeps it for its scope's end, which rustc rejects (README, Limitations). Calling it
// in a block of its own works (`let r = { let once = f; once() };`).
#[stackless::coroutine]
fn give_back(values: Vec<u32>) -> impl Iterator<Item = Vec<u32>> {
    let f = move || values;
    let r = f();
    yield_!(r);
}

fn main() {}

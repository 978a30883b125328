// A view of the first resume argument (a `String`, moved into a local of its own) held across a `yield_!`:
// reported with the name the user wrote.
use stackless::Coroutine;

#[stackless::coroutine(resume = line)]
fn lengths() -> impl Coroutine<String, Yield = usize, Return = usize> {
    let line = line;
    let t = line.trim();
    let n = yield_!(t.len());
    t.len() + n.len()
}

fn main() {}

// A borrow of a local made by an initializer that suspends (`&v[yield_!()]`), still in use at a later `yield_!`:
// the macro's error at the borrow (it was rustc's E0521 at the attribute, naming generated items).
use stackless::Coroutine;

#[stackless::coroutine(resume = _first)]
fn pick() -> impl Coroutine<usize, Yield = (), Return = usize> {
    let v = vec![String::new()];
    let r = &v[yield_!()];
    yield_!();
    r.len()
}

fn main() {}

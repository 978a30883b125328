// A delegate that reborrows a `&mut` the state holds, which is used again after the delegation: the state can't
// hold both (README, limitations). Write the delegate's body in place, or collect its items first.
use stackless::Coroutine;

#[stackless::coroutine]
fn fill<'a>(buf: &'a mut Vec<u32>, k: u32) -> impl Coroutine<Yield = u32, Return = usize> + 'a {
    for i in 0..k {
        buf.push(i);
        yield_!(i);
    }
    buf.len()
}

#[stackless::coroutine]
fn fill_twice<'a>(buf: &'a mut Vec<u32>) -> impl Coroutine<Yield = u32, Return = usize> + 'a {
    let a = yield_from!(fill(&mut *buf, 2));
    let b = yield_from!(fill(buf, 1));
    a + b
}

fn main() {}

// An item of a loop over a `&mut` argument's items, in use at a `yield_!`, with the argument used after the loop:
// the item reborrows through the `&mut` the state holds (probe 34: the note said the items were in the state).
use stackless::Coroutine;
#[stackless::coroutine]
fn f(buf: &mut [u8]) -> impl Coroutine<Yield = u8, Return = usize> {
    for b in buf.iter_mut() { yield_!(0); *b += 1; }
    buf.len()
}
#[stackless::coroutine]
fn g(v: &mut Vec<String>) -> impl Coroutine<Yield = usize, Return = usize> {
    for s in v.iter().rev() { yield_!(0); let n = s.len(); yield_!(n); }
    v.len()
}

fn main() {}

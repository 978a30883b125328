// A loop over `v.windows(k)` (or `chunks`, `iter().skip(n)`) of a local `Vec` goes by index; the window, a
// borrow of `v`, still in use after a `yield_!` in the body is the macro's error at the loop's iterator.
#[stackless::coroutine]
fn pairs() -> impl Iterator<Item = usize> {
    let v = vec![1u8, 2, 3];
    for w in v.windows(2) {
        yield_!(1);
        yield_!(w.len());
    }
}

fn main() {}

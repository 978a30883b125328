// A closure in a loop's iterator that changes the number it names (`FnMut`, capturing it by `&mut`) borrows it for
// as long as the loop holds the iterator across its `yield_!`: made `move`, it would count in a copy, which the
// plain fn's `seen` doesn't. The macro's error at the mention; the fix is the plain fn's too if `seen` is read
// after the loop (count in the body instead).
#[stackless::coroutine]
fn numbered(v: Vec<i32>) -> impl Iterator<Item = i32> {
    let mut seen = 0;
    for x in v.into_iter().inspect(|_| seen += 1) {
        yield_!(x);
    }
    yield_!(seen);
}

fn main() {}

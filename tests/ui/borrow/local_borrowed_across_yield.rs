// A loop whose body names the local it borrows holds an iterator borrowing it across the `yield_!`.
#[stackless::coroutine]
fn sums() -> impl Iterator<Item = usize> {
    let v = vec![1, 2, 3];
    for x in &v {
        yield_!(*x + v.len());
    }
}


// The same where the body names it only in a format string (`{v:?}`): the plain fn's loop borrows it mutably there.
#[stackless::coroutine]
fn printed() -> impl Iterator<Item = usize> {
    let mut v = vec![1, 2, 3];
    for x in v.iter_mut() {
        *x += 1;
        println!("{v:?}");
        yield_!(0);
    }
}

fn main() {}

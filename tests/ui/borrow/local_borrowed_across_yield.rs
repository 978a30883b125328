// A loop whose body changes the local it borrows (rustc's error in the plain fn too) holds an iterator borrowing
// it across the `yield_!`. (One that only reads it goes by index: tests/borrows.rs.)
#[stackless::coroutine]
fn sums() -> impl Iterator<Item = usize> {
    let mut v = vec![1, 2, 3];
    for x in &v {
        yield_!(*x + v.len());
        v.clear();
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

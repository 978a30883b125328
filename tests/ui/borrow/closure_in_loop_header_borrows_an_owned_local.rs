// A closure in a loop's iterator that names a local owning its value captures it by reference, and the loop holds
// the closure across its `yield_!`: the fix is `move`.
#[stackless::coroutine]
fn known(names: Vec<String>, n: usize) -> impl Iterator<Item = usize> {
    for x in (0..n).filter(|x| names.len() > *x) {
        yield_!(x);
    }
}

// Its parameter shadows the local: nothing is captured.
#[stackless::coroutine]
fn shadowed(names: Vec<String>) -> impl Iterator<Item = usize> {
    for x in (0..3).map(|names: usize| names + 1) {
        yield_!(x);
    }
    yield_!(names.len());
}

fn main() {}

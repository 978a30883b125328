// A closure without `move` that names a number (an argument, a local made by a literal), still called after a
// `yield_!`: it borrows the number to copy it, and the borrow would point into the state (probe 46: rustc's
// error named the step's guard).
#[stackless::coroutine]
fn scaled(factor: i32, xs: Vec<i32>) -> impl Iterator<Item = i32> {
    let scale = |x: i32| x * factor;
    for x in xs {
        yield_!(scale(x));
    }
}

#[stackless::coroutine]
fn offset(xs: Vec<i32>) -> impl Iterator<Item = i32> {
    let base = 10 + 2;
    let shift = |x: i32| x + base;
    for x in xs {
        yield_!(shift(x));
    }
}

// No longer called after the `yield_!`, but still in scope there: a closure is kept to its scope's end.
#[stackless::coroutine]
fn first_scaled(factor: i32, xs: Vec<i32>) -> impl Iterator<Item = i32> {
    let scale = |x: i32| x * factor;
    let first = scale(1);
    for x in xs {
        yield_!(x + first);
    }
}

// In a `for` loop's header: the loop's iterator holds the closure.
#[stackless::coroutine]
fn above(min: i32, xs: Vec<i32>) -> impl Iterator<Item = i32> {
    for x in xs.into_iter().filter(|x| *x > min) {
        yield_!(x);
    }
}

fn main() {}

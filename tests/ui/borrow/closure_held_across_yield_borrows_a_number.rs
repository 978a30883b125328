// A closure without `move` that names a number (an argument, a local made by a literal), still in use after a
// `yield_!`, and that needs the number itself, not a copy: it changes it, or returns a borrow of it. The borrow
// would point into the state (probe 46: rustc's error named the step's guard). (One that only reads the number,
// `let scale = |x: i32| x * factor;`, is made `move`, as a copy is the same value: tests/closures.rs.)
#[stackless::coroutine]
fn counted(xs: Vec<i32>) -> impl Iterator<Item = i32> {
    let mut seen = 0;
    let mut count = || seen += 1;
    for x in xs {
        count();
        yield_!(x);
    }
}

#[stackless::coroutine]
fn pointed(factor: i32, xs: Vec<i32>) -> impl Iterator<Item = i32> {
    let at = || &factor;
    for x in xs {
        yield_!(x * *at());
    }
}

// No longer called after the `yield_!`, but still in scope there: a closure is kept to its scope's end.
#[stackless::coroutine]
fn first_pointed(factor: i32, xs: Vec<i32>) -> impl Iterator<Item = i32> {
    let at = || &factor;
    let first = *at();
    for x in xs {
        yield_!(x + first);
    }
}

fn main() {}

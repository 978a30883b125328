// A reference into a local of the coroutine, from a std getter, bound by `while let`, `match` or a `let` through
// `unwrap()`, and still used after a `yield_!`: the macro's error at the borrow (these were rustc's errors at the
// attribute, naming the state and its guard; found by the seventh helper probe). A copy (`Some(&x)`) is fine.
#[stackless::coroutine]
fn top_of_stack() -> impl Iterator<Item = u32> {
    let mut stack = vec![1u32, 2];
    while let Some(top) = stack.last() {
        yield_!(*top);
        println!("{top}");
        stack.pop();
    }
}

#[stackless::coroutine]
fn first_unwrapped() -> impl Iterator<Item = u32> {
    let v = vec![1, 2, 3];
    let first = v.first().unwrap();
    yield_!(0);
    println!("{first}");
}

#[stackless::coroutine]
fn first_matched() -> impl Iterator<Item = u32> {
    let v = vec![1, 2, 3];
    match v.first() {
        Some(x) => {
            yield_!(0);
            println!("{x}");
        }
        None => {}
    }
    match v.first() {
        Some(&x) => {
            yield_!(0);
            yield_!(x);
        }
        None => {}
    }
}

fn main() {}

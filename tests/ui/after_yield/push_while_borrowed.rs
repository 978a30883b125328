// A push while an element is borrowed, after a `yield_!`: at the push, with the borrow and its use.
#[stackless::coroutine]
fn grow() -> impl Iterator<Item = u32> {
    let mut v = vec![1];
    yield_!(0);
    let first = &v[0];
    v.push(2);
    println!("{first}");
}

fn main() {}

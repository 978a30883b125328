// A closure without `move` that uses an argument of a type parameter by reference (`*x == sep` compares through
// references), held across a `yield_!`: it borrows the argument, which is in the state. The macro's error at the
// mention, with `move` as the fix (it was rustc's E0597, E0505 and E0310 at the attribute, naming the step's guard).
// An argument of a type that may be a reference's alias is left to rustc.
#[stackless::coroutine]
fn split_on<T: PartialEq + Clone>(items: Vec<T>, sep: T) -> impl Iterator<Item = Vec<T>> {
    let is_sep = |x: &T| *x == sep;
    let mut part = Vec::new();
    for x in items {
        if is_sep(&x) {
            yield_!(std::mem::take(&mut part));
        } else {
            part.push(x);
        }
    }
    yield_!(part);
}

fn main() {}

// `+ Clone` on a coroutine holding a `T` without `T: Clone`: at the user's `+ Clone`, with the bound to add, and
// the state named after the fn.
#[stackless::coroutine]
fn each<T>(v: Vec<T>) -> impl Iterator<Item = u8> + Clone {
    for _x in v {
        yield_!(1);
    }
}

fn main() {}

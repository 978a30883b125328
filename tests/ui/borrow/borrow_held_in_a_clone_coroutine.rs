// A `+ Clone` coroutine holding a `&mut` to its argument's data across a `yield_!`: `&mut` isn't `Clone`.
#[stackless::coroutine]
fn bump(counter: &mut u32) -> impl Iterator<Item = u32> + Clone + '_ {
    let r = &mut *counter;
    yield_!(*r);
    *r += 1;
    yield_!(*r);
}

fn main() {}

// `+ Send` on a coroutine holding a `T` without `T: Send`: at the user's `+ Send`, with the bound to add.
#[stackless::coroutine]
fn hold<T: Default>() -> impl Iterator<Item = u32> + Send {
    let t = T::default();
    yield_!(1);
    drop(t);
}

fn main() {}

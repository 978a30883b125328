//! Issue 12 item 4: `+ Clone` on a generator that delegates with `yield_from!(0..n)`.
#[stackless::coroutine]
fn twice(n: u32) -> impl Iterator<Item = u32> + Clone {
    yield_from!(0..n);
    yield_from!((0..n).rev());
}

fn parity() {
    run!(twice(3));
}

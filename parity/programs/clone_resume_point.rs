//! A `+ Clone` generator: the state holds a `String` and a counter, and derives `Clone`.
#[stackless::coroutine]
fn countdown(name: String, from: u32) -> impl Iterator<Item = String> + Clone {
    let mut n = from;
    while n > 0 {
        yield_!(format!("{name}: {n}"));
        n -= 1;
    }
    yield_!(format!("{name}: liftoff"));
}

fn parity() {
    run!(countdown(String::from("apollo"), 3));
}

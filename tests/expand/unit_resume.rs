/// A coroutine resumed with `()` that returns a value: its `yield_!(..);` statements leave no resume value behind
/// in the arms (no bare `__arg;`), and the step closure names its return type.
#[stackless::coroutine]
fn ticks(limit: u32) -> impl stackless::Coroutine<Yield = u32, Return = u32> {
    let mut n = 0;
    while n < limit {
        yield_!(n);
        n += 1;
    }
    n
}

// A loop's two points hold a `Vec` and words only: `at`'s tag is a word (`#[repr(usize)]`), where the state's
// `Idle` goes, instead of the `Vec`'s capacity; it takes the room a one-byte tag would take padded.
#[stackless::coroutine]
fn batches(n: u64) -> impl Iterator<Item = u64> {
    let mut pending: Vec<u64> = Vec::with_capacity(4);
    for i in 0..n {
        pending.push(i);
        yield_!(i);
        yield_!(pending.len() as u64);
    }
}

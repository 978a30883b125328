//! A loop over a lock guard's items, held across a `yield_!`: `guard.iter()` borrows the guard, which the state
//! holds (the poison-tolerant `unwrap_or_else(PoisonError::into_inner)` makes a guard too).
use std::sync::Mutex;

#[stackless::coroutine]
fn locked(m: &Mutex<Vec<u8>>) -> impl Iterator<Item = u8> + '_ {
    let guard = m.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    for b in guard.iter().copied() {
        yield_!(b);
    }
    drop(guard);
}

fn main() {
    let m = Mutex::new(vec![1]);
    let _ = locked(&m).count();
}

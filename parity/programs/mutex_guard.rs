//! A lock guard held across yields: the generator appends to a shared log while it runs, and the lock is
//! released when its scope ends (or when the generator is dropped).
use std::sync::Mutex;

use crate::rt::log;

#[stackless::coroutine]
fn record<'a>(shared: &'a Mutex<Vec<String>>, words: Vec<&'static str>) -> impl Iterator<Item = usize> + 'a {
    {
        let mut guard = shared.lock().unwrap();
        for w in words {
            guard.push(w.to_uppercase());
            yield_!(guard.len());
        }
    }
    log(format!("unlocked: try_lock ok = {}", shared.try_lock().is_ok()));
}

fn parity() {
    let shared = Mutex::new(vec![String::from("START")]);
    run!(record(&shared, vec!["one", "two", "three"]));
    log(format!("after: {:?}", shared.lock().map(|v| v.clone()).unwrap_or_else(|e| e.into_inner().clone())));
}

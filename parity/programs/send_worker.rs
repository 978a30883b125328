//! A `+ Send` generator moved to another thread and consumed there; the state holds a `Vec` and a `String`.
use crate::rt::log;

#[stackless::coroutine]
fn batches(jobs: Vec<u32>, size: usize) -> impl Iterator<Item = Vec<u32>> + Send {
    let mut batch = Vec::new();
    let mut label = String::from("batch");
    for job in jobs {
        batch.push(job);
        if batch.len() == size {
            label.push('+');
            yield_!(std::mem::take(&mut batch));
        }
    }
    if !batch.is_empty() {
        yield_!(batch);
    }
    log(label);
}

fn assert_send<T: Send>(t: T) -> T {
    t
}

fn parity() {
    let jobs: Vec<u32> = (1..=7).collect();
    run!(batches(assert_send(jobs), 3));
}

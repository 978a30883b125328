//! A round-robin scheduler: tasks (name, remaining steps) in a `VecDeque`, one step per yield.
use std::collections::VecDeque;

use crate::rt::log;

#[stackless::coroutine]
fn schedule(tasks: Vec<(&'static str, u32)>) -> impl Iterator<Item = String> {
    let mut queue: VecDeque<(&str, u32)> = tasks.into_iter().collect();
    let mut clock = 0;
    while let Some((name, left)) = queue.pop_front() {
        clock += 1;
        yield_!(format!("t{clock}: {name}"));
        if left > 1 {
            queue.push_back((name, left - 1));
        } else {
            log(format!("{name} finished at t{clock}"));
        }
    }
}

fn parity() {
    run!(schedule(vec![("a", 2), ("b", 1), ("c", 3)]));
}

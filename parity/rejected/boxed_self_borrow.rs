//! Rejected by stackless only: `self.jobs.iter()` with `self: Box<Self>` borrows the heap data of a box the
//! generator owns across a yield. rustc accepts it (the heap data doesn't move with the coroutine); a stackless
//! state can't point into its own fields without `unsafe`. `programs/boxed_self_queue.rs` moves the fields out.
use crate::rt::{D, log};

struct Queue {
    jobs: Vec<&'static str>,
    owner: D,
}

impl Queue {
    #[stackless::coroutine]
    fn run_all(self: Box<Self>) -> impl Iterator<Item = String> {
        log(format!("{} starts", self.owner.name()));
        for (i, job) in self.jobs.iter().enumerate() {
            yield_!(format!("{i}: {job}"));
        }
    }
}

fn parity() {
    let q = Box::new(Queue { jobs: vec!["build", "test", "deploy"], owner: D::new("ci") });
    run!(q.run_all());
}

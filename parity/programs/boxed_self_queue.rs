//! A method taking `self: Box<Self>`: a job queue consumed by its generator, its fields moved out of
//! the box.
use crate::rt::{D, log};

struct Queue {
    jobs: Vec<&'static str>,
    owner: D,
}

impl Queue {
    #[stackless::coroutine]
    fn run_all(self: Box<Self>) -> impl Iterator<Item = String> {
        let Queue { jobs, owner } = *self;
        log(format!("{} starts", owner.name()));
        for (i, job) in jobs.into_iter().enumerate() {
            yield_!(format!("{i}: {job}"));
        }
    }
}

fn parity() {
    let q = Box::new(Queue { jobs: vec!["build", "test", "deploy"], owner: D::new("ci") });
    run!(q.run_all());
}

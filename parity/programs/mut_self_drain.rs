//! A `&mut self` method draining a queue of drop-logging jobs, one per yield, counting what it processed.
use crate::rt::{D, log};

struct Worker {
    queue: Vec<D>,
    done: u32,
}

impl Worker {
    #[stackless::coroutine]
    fn drain(&mut self) -> impl Iterator<Item = String> + '_ {
        while let Some(job) = self.queue.pop() {
            self.done += 1;
            yield_!(format!("did {}", job.name()));
        }
    }
}

fn parity() {
    let mut w = Worker { queue: vec![D::new("j1"), D::new("j2"), D::new("j3")], done: 0 };
    run!(w.drain());
    log(format!("done {} left {}", w.done, w.queue.len()));
}

//! A method taking `mut self`: a counter consumed and mutated by its own generator.
use crate::rt::D;

struct Counter {
    n: u32,
    step: u32,
    tag: D,
}

impl Counter {
    #[stackless::coroutine]
    fn upto(mut self, limit: u32) -> impl Iterator<Item = u32> {
        while self.n < limit {
            self.n += self.step;
            yield_!(self.n);
        }
        let _ = &self.tag;
    }
}

fn parity() {
    run!(Counter { n: 0, step: 3, tag: D::new("counter") }.upto(10));
}

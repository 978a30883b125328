// A loop over a temporary's items (`self.queue.borrow()`, a guard): the transform holds the temporary for the
// loop, and the loop's iterator borrows it across the `yield_!`. The error names the temporary as written.
use std::cell::RefCell;

struct Shared {
    queue: RefCell<Vec<u32>>,
}

impl Shared {
    #[stackless::coroutine]
    fn snapshot(&self) -> impl Iterator<Item = u32> + '_ {
        for x in self.queue.borrow().iter() {
            yield_!(*x);
        }
    }
}

fn main() {}

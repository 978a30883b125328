// A `RefCell` guard of an argument the coroutine owns, held across `yield_!`s.
use std::cell::RefCell;
use std::rc::Rc;

#[stackless::coroutine]
fn log_all(sink: Rc<RefCell<Vec<u32>>>) -> impl Iterator<Item = u32> {
    let mut g = sink.borrow_mut();
    for i in 0..3 {
        g.push(i);
        yield_!(i);
    }
}

fn main() {}

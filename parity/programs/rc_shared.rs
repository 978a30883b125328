//! An `Rc<RefCell<..>>` shared between the caller and the generator (not `Send`), cloned into the state.
use std::cell::RefCell;
use std::rc::Rc;

use crate::rt::log;

#[stackless::coroutine]
fn ticker(counter: Rc<RefCell<u32>>, steps: u32) -> impl Iterator<Item = u32> {
    let mine = Rc::clone(&counter);
    for _ in 0..steps {
        *mine.borrow_mut() += 1;
        let now = *counter.borrow();
        yield_!(now);
    }
    log(format!("strong count at the end: {}", Rc::strong_count(&mine)));
}

fn parity() {
    let counter = Rc::new(RefCell::new(10));
    run!(ticker(Rc::clone(&counter), 3));
    log(format!("counter {} strong {}", counter.borrow(), Rc::strong_count(&counter)));
}

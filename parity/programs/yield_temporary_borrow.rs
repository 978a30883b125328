//! `yield_!(*counter.borrow())`: stackless drops the `Ref` temporary of the yielded value before suspending (a
//! documented deviation; nothing observable here). rustc keeps it until the end of the statement, across the
//! yield, and its `gen` block rejects the program (E0626), so only the stable half compares it.
use std::cell::RefCell;
use std::rc::Rc;

use crate::rt::log;

#[stackless::coroutine]
fn ticker(counter: Rc<RefCell<u32>>, steps: u32) -> impl Iterator<Item = u32> {
    let mine = Rc::clone(&counter);
    for _ in 0..steps {
        *mine.borrow_mut() += 1;
        yield_!(*counter.borrow());
    }
    log(format!("strong count at the end: {}", Rc::strong_count(&mine)));
}

fn parity() {
    let counter = Rc::new(RefCell::new(10));
    run!(ticker(Rc::clone(&counter), 3));
    log(format!("counter {} strong {}", counter.borrow(), Rc::strong_count(&counter)));
}

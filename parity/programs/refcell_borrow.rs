//! A `RefCell` borrow guard held across yields; a second borrow attempt inside tells whether it is held.
use std::cell::RefCell;

use crate::rt::log;

#[stackless::coroutine]
fn squares(out: &RefCell<Vec<u32>>, n: u32) -> impl Iterator<Item = u32> + '_ {
    let mut v = out.borrow_mut();
    for i in 1..=n {
        v.push(i * i);
        log(format!("try_borrow while held: {}", out.try_borrow().is_ok()));
        yield_!(i * i);
    }
    drop(v);
    log(format!("try_borrow after drop: {}", out.try_borrow().is_ok()));
}

fn parity() {
    let cell = RefCell::new(Vec::new());
    run!(squares(&cell, 3));
    log(format!("cell: {:?}", cell.borrow()));
}

// A `RefMut` of a local made by `Rc::clone(..)`, held across a `yield_!`: it borrows the local (its own `Rc`, in the
// state), not the argument it was cloned from. The macro's error at the borrow, as for a local made by `Rc::new`.
use std::cell::RefCell;
use std::rc::Rc;

#[stackless::coroutine]
fn counts(log: &Rc<RefCell<Vec<u32>>>, n: u32) -> impl Iterator<Item = usize> {
    let shared = Rc::clone(log);
    for i in 0..n {
        let mut g = shared.borrow_mut();
        g.push(i);
        yield_!(g.len());
        yield_!(g.len() + 1);
    }
}

fn main() {}

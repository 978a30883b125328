// A `RefMut` of a local made by `Rc::new(RefCell::new(..))`, held across a `yield_!`: it borrows the local, which
// is in the state. The macro's error at the borrow (it was rustc's E0521 and E0713 at the attribute, naming the
// generated guard and state).
#[stackless::coroutine]
fn counts(n: u32) -> impl Iterator<Item = usize> {
    let shared = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    for i in 0..n {
        let mut g = shared.borrow_mut();
        g.push(i);
        yield_!(g.len());
        yield_!(g.len() + 1);
    }
}

fn main() {}

//! A panic inside the body after two yields: the locals in scope drop while unwinding, then the run ends.
use crate::rt::D;

#[stackless::coroutine]
fn fragile(limit: u32) -> impl Iterator<Item = u32> {
    let _outer = D::new("outer");
    for i in 0.. {
        let _inner = D::new(format!("inner{i}"));
        if i == limit {
            panic!("limit {limit} reached");
        }
        yield_!(i);
    }
}

fn parity() {
    run!(fragile(2));
}

//! Points outside loops share a variant: `held` stays in place from the first to the last, the values only one
//! point holds come and go.
use crate::rt::D;

#[stackless::coroutine]
fn steps(arg: D) -> impl Iterator<Item = usize> {
    let held = vec![D::new("h1"), D::new("h2")];
    let a = D::new("a");
    yield_!(held.len());
    drop(a);
    let b = D::new("b");
    yield_!(held.len() + 1);
    let c = D::new("c");
    drop(b);
    yield_!(held.len() + 2);
    let _ = (&c, &arg);
}

fn parity() {
    run!(steps(D::new("arg")));
}

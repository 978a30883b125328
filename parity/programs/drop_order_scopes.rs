//! Drop-logging locals in nested scopes around yields: each drops at the end of its scope, and a cancelled
//! generator drops the ones in scope innermost first, in reverse declaration order.
use crate::rt::D;

#[stackless::coroutine]
fn scopes(arg: D) -> impl Iterator<Item = u32> {
    let a = D::new("a");
    yield_!(1);
    {
        let b = D::new("b");
        let c = D::new("c");
        yield_!(2);
        drop(b);
        yield_!(3);
        let _ = &c;
    }
    let d = D::new("d");
    yield_!(4);
    let _ = (&a, &d, &arg);
}

fn parity() {
    run!(scopes(D::new("arg")));
}

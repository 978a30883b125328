//! Two yields per round of a loop, holding a buffer and a guard all the rounds share and a value per round:
//! the layout keeps what the loop's points share in place; drops and cancellation at every point are the
//! plain fn's.
use crate::rt::D;

#[stackless::coroutine]
fn rounds(n: u32) -> impl Iterator<Item = u32> {
    let _guard = D::new("guard");
    let mut buf = [0u32; 16];
    let mut i = 0;
    while i < n {
        let round = D::new("round");
        buf[(i % 16) as usize] += i;
        yield_!(buf[(i % 16) as usize]);
        let second = D::new("second");
        yield_!(i * 10);
        drop(second);
        let _ = &round;
        i += 1;
    }
}

fn parity() {
    run!(rounds(3));
}

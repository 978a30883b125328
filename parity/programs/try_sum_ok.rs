//! `?` on `Option` in a coroutine: checked arithmetic on resumed values, `None` on overflow, else the total.
use stackless::Coroutine;

#[stackless::coroutine(resume = mut n)]
fn checked_total(limit: u8) -> impl Coroutine<u8, Yield = u8, Return = Option<u8>> {
    let mut total: u8 = 0;
    for _ in 0..limit {
        total = total.checked_add(n)?;
        n = yield_!(total);
    }
    Some(total)
}

fn parity() {
    run!(checked_total(4), vec![10, 20, 30, 40, 50]);
}

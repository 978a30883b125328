#[stackless::coroutine]
fn numbers() -> impl Iterator {
    yield_!(1u32);
}
fn main() { let _ = numbers(); }

// An assertion's message is evaluated only when the assertion fails.
#[stackless::coroutine]
fn checked(x: i64) -> impl Iterator<Item = i64> {
    yield_!(1);
    assert!(x >= 0, "negative after {}", yield_!(2));
    assert_eq!(x, 5, "{}", yield_!(3));
}

fn main() {}

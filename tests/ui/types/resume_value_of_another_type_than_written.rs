// A value of another type than the local's written one, assigned by a `yield_!`: reported at the assignment, with
// the written type as the reason (probe 33: it was reported at the next use, as a mismatch of another type).
use stackless::Coroutine;
#[stackless::coroutine(resume = mut name)]
fn greet() -> impl Coroutine<String, Yield = String, Return = ()> {
    let mut count: u32 = 0;
    while !name.is_empty() {
        count += 1;
        count = yield_!(format!("hi {name}"));
    }
}
fn main() { let _ = greet(); }

//! A coroutine that nothing calls is dead code, as the plain fn would be, and so is a plain method beside one.
#![deny(dead_code)]

struct Parser;

impl Parser {
    fn helper(&self) -> u8 {
        1
    }

    #[stackless::coroutine]
    fn tokens(&self) -> impl Iterator<Item = u8> + '_ {
        yield_!(self.helper());
    }
}

#[stackless::coroutine]
fn unused() -> impl Iterator<Item = u64> {
    yield_!(1);
}

fn main() {
    let _ = Parser;
}

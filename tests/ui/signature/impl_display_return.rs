use std::fmt::Display;

#[stackless::coroutine]
fn numbers() -> impl Display {
    yield_!(1);
}

fn main() {}

#[stackless::coroutine]
fn numbers() -> Vec<u32> {
    yield_!(1);
}

#[stackless::coroutine]
fn nothing() {
    yield_!(1);
}

fn main() {}

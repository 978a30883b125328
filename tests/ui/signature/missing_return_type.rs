#[stackless::coroutine]
fn numbers() {
    yield_!(1);
}

fn main() {}

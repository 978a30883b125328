#[stackless::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    loop {
        yield_!(1);
        break 'outer;
    }
}

fn main() {}

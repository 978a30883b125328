#[stackless::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    'block: {
        yield_!(1);
        continue 'block;
    }
}

fn main() {}

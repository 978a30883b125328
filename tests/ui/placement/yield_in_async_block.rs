#[stackless::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    let _future = async {
        yield_!(1);
    };
    yield_!(2);
}

fn main() {}

#[stackless::coroutine]
fn words() -> impl Iterator<Item = String> {
    yield_!(String::from("one"));
}

#[stackless::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    yield_!(1);
    yield_from!(words());
}

fn main() {}

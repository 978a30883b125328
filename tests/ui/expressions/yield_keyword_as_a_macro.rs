// `yield!(v)`: the macro's name without its `_`.
#[stackless::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    yield!(1);
}

fn main() {}

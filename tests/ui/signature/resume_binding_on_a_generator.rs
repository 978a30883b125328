// `resume = x` on a generator, which is resumed with `()`: the macro says so (it compiled, with only an
// unused-variable warning; found by the seventh helper probe).
#[stackless::coroutine(resume = x)]
fn numbers() -> impl Iterator<Item = u32> {
    yield_!(1);
}

fn main() {
    let _ = numbers();
}

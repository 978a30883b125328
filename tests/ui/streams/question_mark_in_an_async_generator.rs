// `?` in an async generator's body, which returns `()`: handle the error, or yield `Result`s.
use stackless::Stream;

#[stackless::coroutine]
fn numbers(text: String) -> impl Stream<Item = u32> {
    let n: u32 = text.parse()?;
    yield_!(n);
}

fn main() {
    let _ = numbers(String::new());
}

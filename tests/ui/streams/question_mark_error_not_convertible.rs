// In a stream of `Result`s, `?` converts the error with `From`, as `?` does: one that doesn't convert is
// reported at the `?`.
use stackless::Stream;

#[derive(Debug)]
struct MyError;

#[stackless::coroutine]
fn numbers(words: Vec<String>) -> impl Stream<Item = Result<u32, MyError>> {
    for w in words {
        let n: u32 = w.parse()?;
        yield_!(Ok(n));
    }
}

fn main() {
    let _ = numbers(Vec::new());
}

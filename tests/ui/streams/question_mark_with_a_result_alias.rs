//! `?` in an async generator whose item type is a `Result` written through an alias of one's own: the macro reads
//! the signature's words, and says what it needs.
use stackless::Stream;

type Res<T> = Result<T, String>;

fn parse(s: &str) -> Result<u32, String> {
    s.parse().map_err(|_| format!("not a number: {s}"))
}

#[stackless::coroutine]
fn numbers(words: Vec<&'static str>) -> impl Stream<Item = Res<u32>> {
    for w in words {
        let n = parse(w)?;
        yield_!(Ok(n));
    }
}

fn main() {
    let _ = numbers(vec!["1"]);
}

use stackless::Coroutine;

#[stackless::coroutine]
fn parse_all(text: String) -> impl Coroutine<Yield = u32, Return = Option<u32>> {
    let n: u32 = text.parse::<u32>()?;
    yield_!(n);
    Some(n * 2)
}

fn main() {}

use stackless::Coroutine;

#[stackless::coroutine]
fn parse_all(text: String) -> impl Coroutine<Yield = u32, Return = Result<u32, String>> {
    let n: u32 = text.parse::<u32>()?;
    yield_!(n);
    Ok(n * 2)
}

fn main() {}

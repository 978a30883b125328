use stackless::Coroutine;

#[stackless::coroutine]
fn first_even(v: Vec<u32>) -> impl Coroutine<Yield = u32, Return = Result<u32, String>> {
    let first = v.first().copied()?;
    yield_!(first);
    Ok(first * 2)
}

fn main() {}

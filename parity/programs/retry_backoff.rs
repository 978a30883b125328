//! Retries with exponential backoff: yields the delay before each attempt, is resumed with the attempt's
//! result, and returns the number of attempts or the last error.
use stackless::Coroutine;

#[stackless::coroutine(resume = _)]
fn backoff(max: u32) -> impl Coroutine<Result<(), String>, Yield = u64, Return = Result<u32, String>> {
    let mut delay = 10;
    let mut attempt = 0;
    loop {
        attempt += 1;
        match yield_!(delay) {
            Ok(()) => return Ok(attempt),
            Err(e) if attempt == max => return Err(format!("gave up after {attempt}: {e}")),
            Err(_) => delay *= 2,
        }
    }
}

fn parity() {
    run!(backoff(3), vec![Ok(()), Err("timeout".to_string()), Err("refused".to_string()), Ok(())]);
}

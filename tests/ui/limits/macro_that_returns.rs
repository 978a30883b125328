// A macro of the user's whose expansion returns from the fn (anyhow's `bail!` has this shape): inside the
// coroutine its `return` would leave the resume step, so rustc rejects the value's type there. The README's
// limitation: write the `return` out.
macro_rules! bail {
    ($e:expr) => {
        return Err($e.to_string())
    };
}

#[stackless::coroutine(resume = n)]
fn parse() -> impl stackless::Coroutine<u32, Yield = (), Return = Result<u32, String>> {
    if n == 0 {
        bail!("zero");
    }
    let m = yield_!(());
    Ok(n + m)
}

fn main() {
    let _ = parse();
}

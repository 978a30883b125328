// `#[cfg(..)]` on a statement that suspends: the statement is taken apart into the state machine's arms, where
// the macro can't tell whether the `cfg` holds (the suspension used to happen whatever it said). Rejected, with
// `if cfg!(..)` as the fix.
#[stackless::coroutine]
fn configured() -> impl Iterator<Item = u32> {
    #[cfg(any())]
    yield_!(100);
    #[cfg(not(test))]
    let _ = yield_!(100);
    #[cfg(test)]
    {
        yield_!(1);
    }
    #[cfg(all())]
    let x = 1;
    yield_!(x);
}

fn main() {}

// `.await` in a match guard (a suspension point there isn't supported): the message says `.await`, as written,
// and no false warning follows about the `mut` argument, which the rejected body does mutate.
use stackless::Stream;

#[stackless::coroutine]
fn numbers(mut v: Option<u32>) -> impl Stream<Item = u32> {
    v = v.or(Some(3));
    match v {
        Some(x) if core::future::ready(x).await > 2 => yield_!(x),
        _ => {}
    }
}

fn main() {
    let _ = numbers(None);
}

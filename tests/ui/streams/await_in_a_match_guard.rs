// `.await` in a match guard (a suspension point there isn't supported): the message says `.await`, as written.
use stackless::Stream;

#[stackless::coroutine]
fn numbers(v: Option<u32>) -> impl Stream<Item = u32> {
    match v {
        Some(x) if core::future::ready(x).await > 2 => yield_!(x),
        _ => {}
    }
}

fn main() {
    let _ = numbers(None);
}

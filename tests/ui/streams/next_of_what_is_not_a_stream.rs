// `s.next().await` polls `s` as a stream in place; an iterator isn't one.
use stackless::Stream;

#[stackless::coroutine]
fn numbers() -> impl Stream<Item = u32> {
    let mut it = vec![1u32, 2].into_iter();
    while let Some(x) = it.next().await {
        yield_!(x);
    }
}

fn main() {
    let _ = numbers();
}

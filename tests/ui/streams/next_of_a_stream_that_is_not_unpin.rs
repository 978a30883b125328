// `.next().await` polls its receiver in place, which must be `Unpin` (as for `StreamExt::next`): the message
// says so, and how to box it.
use stackless::Stream;

#[stackless::coroutine]
fn doubled<S: Stream<Item = u32>>(mut source: S) -> impl Stream<Item = u32> {
    while let Some(x) = source.next().await {
        yield_!(x * 2);
    }
}

fn main() {}

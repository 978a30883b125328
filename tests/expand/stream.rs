/// An async generator: an `.await` of a future, a stream polled in place, and a `yield_!`.
#[stackless::coroutine]
fn doubled(
    mut source: impl stackless::Stream<Item = u32> + Unpin,
    first: core::future::Ready<u32>,
) -> impl stackless::Stream<Item = u32> {
    yield_!(first.await);
    while let Some(x) = source.next().await {
        yield_!(x * 2);
    }
}

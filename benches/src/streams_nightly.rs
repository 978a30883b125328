//! The `nightly` implementation of `streams.rs`: `async gen` blocks (`AsyncIterator`), adapted to `Stream` by a
//! pinned box made once. In its own file because `async gen` syntax is rejected on stable even under a `cfg`
//! that is off, unless the module is never parsed.

use core::async_iter::AsyncIterator;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use crate::common::Ready1;

struct NextAi<'a, S>(Pin<&'a mut S>);

impl<S: AsyncIterator> Future for NextAi<'_, S> {
    type Output = Option<S::Item>;
    #[inline]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        self.0.as_mut().poll_next(cx)
    }
}

pub fn count(n: u64) -> impl AsyncIterator<Item = u64> {
    async gen move {
        for i in 0..n {
            yield i;
        }
    }
}

pub fn await_each(n: u64) -> impl AsyncIterator<Item = u64> {
    async gen move {
        for i in 0..n {
            let v = Ready1(i).await;
            yield v;
        }
    }
}

pub fn relay(n: u64) -> impl AsyncIterator<Item = u64> {
    async gen move {
        let mut inner = core::pin::pin!(count(n));
        while let Some(x) = NextAi(inner.as_mut()).await {
            yield x * 2;
        }
    }
}

/// A pinned `AsyncIterator` as a `Stream`.
pub struct AsStream<S>(pub Pin<Box<S>>);

impl<S: AsyncIterator> crate::common::Stream for AsStream<S> {
    type Item = S::Item;
    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        self.0.as_mut().poll_next(cx)
    }
}

//! Everything of the `streams` and `streams_escaped` binaries but their `main`.

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};
use std::hint::black_box;

pub use stackless::Stream;

/// `Pending` once (waking the waker first, as a future must arrange to be polled again), then `Ready(v)`. `Unpin`.
pub struct Ready1 {
    v: u64,
    polled: bool,
}

#[allow(non_snake_case)]
#[inline]
pub fn Ready1(v: u64) -> Ready1 {
    Ready1 { v, polled: false }
}

impl Future for Ready1 {
    type Output = u64;
    #[inline]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u64> {
        if self.polled {
            Poll::Ready(self.v)
        } else {
            self.polled = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// `StreamExt::next` (for `async_stream`; the stackless generator polls `s.next().await` in place).
trait NextExt: Stream + Unpin + Sized {
    fn next(&mut self) -> Next<'_, Self> {
        Next(self)
    }
}

impl<S: Stream + Unpin> NextExt for S {}

struct Next<'a, S>(&'a mut S);

impl<S: Stream + Unpin> Future for Next<'_, S> {
    type Output = Option<S::Item>;
    #[inline]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        Pin::new(&mut *self.0).poll_next(cx)
    }
}

// ---------------------------------------------------------------------------------------------------------
// hand: explicit state enums.

enum HandCount {
    Running { i: u64, n: u64 },
    Done,
}

fn hand_count(n: u64) -> HandCount {
    HandCount::Running { i: 0, n }
}

impl Stream for HandCount {
    type Item = u64;
    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u64>> {
        match &mut *self {
            HandCount::Running { i, n } => {
                if *i < *n {
                    let v = *i;
                    *i += 1;
                    Poll::Ready(Some(v))
                } else {
                    *self = HandCount::Done;
                    Poll::Ready(None)
                }
            }
            HandCount::Done => Poll::Ready(None),
        }
    }
}

/// The loop's counters stay in place; only the state beside them changes.
struct HandAwaitEach {
    i: u64,
    n: u64,
    state: AwaitEachState,
}

/// `repr(u8)`: an explicit tag byte, not one encoded in the niche of `Ready1::polled` (which costs a decode per poll).
#[repr(u8)]
enum AwaitEachState {
    Next,
    Awaiting(Ready1),
    Done,
}

fn hand_await_each(n: u64) -> HandAwaitEach {
    HandAwaitEach { i: 0, n, state: AwaitEachState::Next }
}

impl Stream for HandAwaitEach {
    type Item = u64;
    /// Straight-line: a new future is polled at once, not by going round a `loop` back to the `match`.
    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u64>> {
        let this = &mut *self;
        let mut fut = match &mut this.state {
            AwaitEachState::Next => {
                if this.i < this.n {
                    Ready1(this.i)
                } else {
                    this.state = AwaitEachState::Done;
                    return Poll::Ready(None);
                }
            }
            AwaitEachState::Awaiting(fut) => {
                return match Pin::new(fut).poll(cx) {
                    Poll::Ready(v) => {
                        this.i += 1;
                        this.state = AwaitEachState::Next;
                        Poll::Ready(Some(v))
                    }
                    Poll::Pending => Poll::Pending,
                };
            }
            AwaitEachState::Done => return Poll::Ready(None),
        };
        match Pin::new(&mut fut).poll(cx) {
            Poll::Ready(v) => {
                this.i += 1;
                Poll::Ready(Some(v))
            }
            Poll::Pending => {
                this.state = AwaitEachState::Awaiting(fut);
                Poll::Pending
            }
        }
    }
}

enum HandRelay {
    Running { inner: HandCount },
    Done,
}

fn hand_relay(n: u64) -> HandRelay {
    HandRelay::Running { inner: hand_count(n) }
}

impl Stream for HandRelay {
    type Item = u64;
    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u64>> {
        match &mut *self {
            HandRelay::Running { inner } => match Pin::new(inner).poll_next(cx) {
                Poll::Ready(Some(x)) => Poll::Ready(Some(x * 2)),
                Poll::Ready(None) => {
                    *self = HandRelay::Done;
                    Poll::Ready(None)
                }
                Poll::Pending => Poll::Pending,
            },
            HandRelay::Done => Poll::Ready(None),
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// stackless

#[stackless::coroutine]
fn sl_count(n: u64) -> impl Stream<Item = u64> {
    for i in 0..n {
        yield_!(i);
    }
}

#[stackless::coroutine]
fn sl_await_each(n: u64) -> impl Stream<Item = u64> {
    for i in 0..n {
        let v = Ready1(i).await;
        yield_!(v);
    }
}

#[stackless::coroutine]
fn sl_relay(n: u64) -> impl Stream<Item = u64> {
    let mut inner = sl_count(n);
    while let Some(x) = inner.next().await {
        yield_!(x * 2);
    }
}

// ---------------------------------------------------------------------------------------------------------
// async_stream

fn as_count(n: u64) -> impl Stream<Item = u64> {
    async_stream::stream! {
        for i in 0..n {
            yield i;
        }
    }
}

fn as_await_each(n: u64) -> impl Stream<Item = u64> {
    async_stream::stream! {
        for i in 0..n {
            let v = Ready1(i).await;
            yield v;
        }
    }
}

fn as_relay(n: u64) -> impl Stream<Item = u64> {
    async_stream::stream! {
        let mut inner = core::pin::pin!(as_count(n));
        while let Some(x) = inner.next().await {
            yield x * 2;
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// nightly: `async gen` blocks (`AsyncIterator`), adapted to `Stream` by a pinned box made once.

// ---------------------------------------------------------------------------------------------------------
// driver

struct Outcome {
    yields: u64,
    pendings: u64,
    checksum: u64,
    size: usize,
}

/// Polls `s` until it ends, summing the items. With `ESCAPE` (the `streams_escaped` binary), the stream's
/// address is first handed to `black_box` (after boxing, for the boxed ones), so every later `black_box` of an
/// item may have changed its state: it lives in memory and is reloaded on every poll, as in a task polled by an
/// executor. Without it (`streams`, as in `bench`), only `n` and the items are opaque and the optimiser may keep
/// the state in registers.
#[inline(always)]
fn drive<const ESCAPE: bool, S: Stream<Item = u64> + Unpin>(mut s: S, size: usize) -> Outcome {
    if ESCAPE {
        black_box(&mut s);
    }
    let mut cx = Context::from_waker(Waker::noop());
    let (mut yields, mut pendings, mut checksum) = (0u64, 0u64, 0u64);
    loop {
        match Pin::new(&mut s).poll_next(&mut cx) {
            Poll::Ready(Some(x)) => {
                checksum = checksum.wrapping_add(black_box(x));
                yields += 1;
            }
            Poll::Ready(None) => break,
            Poll::Pending => pendings += 1,
        }
    }
    Outcome { yields, pendings, checksum: black_box(checksum), size }
}

/// A stackless or hand-written stream: `Unpin`, polled in place.
#[inline(always)]
fn run_unpin<const ESCAPE: bool, S: Stream<Item = u64> + Unpin>(s: S) -> Outcome {
    let size = size_of_val(&s);
    drive::<ESCAPE, _>(s, size)
}

/// A `!Unpin` stream (`async_stream`): pinned in a box once, before the loop; the size is the unboxed value's.
#[inline(always)]
fn run_boxed<const ESCAPE: bool, S: Stream<Item = u64>>(s: S) -> Outcome {
    let size = size_of_val(&s);
    drive::<ESCAPE, _>(Box::pin(s), size)
}

#[cfg(nightly_coroutines)]
#[inline(always)]
fn run_nightly<const ESCAPE: bool, S: core::async_iter::AsyncIterator<Item = u64>>(s: S) -> Outcome {
    let size = size_of_val(&s);
    drive::<ESCAPE, _>(crate::nightly::AsStream(Box::pin(s)), size)
}

const WORKLOADS: [&str; 3] = ["count", "await_each", "relay"];
#[cfg(not(nightly_coroutines))]
const IMPLS: &[&str] = &["hand", "stackless", "async_stream"];
#[cfg(nightly_coroutines)]
const IMPLS: &[&str] = &["hand", "stackless", "async_stream", "nightly"];

#[inline(never)]
fn run<const E: bool>(workload: &str, imp: &str, n: u64) -> Outcome {
    let n = black_box(n);
    match (workload, imp) {
        ("count", "hand") => run_unpin::<E, _>(hand_count(n)),
        ("count", "stackless") => run_unpin::<E, _>(sl_count(n)),
        ("count", "async_stream") => run_boxed::<E, _>(as_count(n)),
        ("await_each", "hand") => run_unpin::<E, _>(hand_await_each(n)),
        ("await_each", "stackless") => run_unpin::<E, _>(sl_await_each(n)),
        ("await_each", "async_stream") => run_boxed::<E, _>(as_await_each(n)),
        ("relay", "hand") => run_unpin::<E, _>(hand_relay(n)),
        ("relay", "stackless") => run_unpin::<E, _>(sl_relay(n)),
        ("relay", "async_stream") => run_boxed::<E, _>(as_relay(n)),
        #[cfg(nightly_coroutines)]
        ("count", "nightly") => run_nightly::<E, _>(crate::nightly::count(n)),
        #[cfg(nightly_coroutines)]
        ("await_each", "nightly") => run_nightly::<E, _>(crate::nightly::await_each(n)),
        #[cfg(nightly_coroutines)]
        ("relay", "nightly") => run_nightly::<E, _>(crate::nightly::relay(n)),
        _ => panic!("unknown workload/impl {workload} {imp}"),
    }
}

/// What every implementation must produce for `workload` over `n` items.
fn reference(workload: &str, n: u64) -> (u64, u64, u64) {
    let sum = (0..n).fold(0u64, u64::wrapping_add);
    match workload {
        "count" => (n, 0, sum),
        "await_each" => (n, n, sum),
        "relay" => (n, 0, sum.wrapping_mul(2)),
        _ => unreachable!(),
    }
}

fn check(workload: &str, imp: &str, n: u64, o: &Outcome) {
    let (yields, pendings, checksum) = reference(workload, n);
    assert_eq!(
        (o.yields, o.pendings, o.checksum),
        (yields, pendings, checksum),
        "{imp} on {workload} (n = {n}): (yields, pendings, checksum) differ from the reference"
    );
}

/// The command line of both binaries: `ESCAPE` is fixed per binary, so every stream's `poll_next` has one call
/// site (as it would in a program), and the optimiser's inlining of it doesn't depend on the other mode.
pub fn main<const ESCAPE: bool>() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match &args[..] {
        ["--list"] => {
            println!("rustc: {}", env!("BENCH_RUSTC_VERSION"));
            println!("workloads: {}", WORKLOADS.join(" "));
            println!("impls: {}", IMPLS.join(" "));
        }
        ["--only", workload, imp, "--iters", n] => {
            let n: u64 = n.parse().expect("--iters N");
            let o = run::<ESCAPE>(workload, imp, n);
            check(workload, imp, n, &o);
            println!("yields={} pendings={} checksum={} size={}", o.yields, o.pendings, o.checksum, o.size);
        }
        [] | [_] => {
            let n: u64 = args.first().map_or(10_000, |s| s.parse().expect("usage: streams [N]"));
            for w in WORKLOADS {
                for imp in IMPLS {
                    let o = run::<ESCAPE>(w, imp, n);
                    check(w, imp, n, &o);
                    println!(
                        "{w:<10} {imp:<12} yields={} pendings={} checksum={} size={}",
                        o.yields, o.pendings, o.checksum, o.size
                    );
                }
            }
        }
        _ => panic!("usage: streams[_escaped] [N] | --list | --only WORKLOAD IMPL --iters N"),
    }
}

//! Async generators (`-> impl Stream<Item = Y>`) against the same body run as a plain `async fn`.
//!
//! Every shape is written once and expanded twice by `twin!`: as a `#[stackless::coroutine]` fn returning
//! `impl Stream`, and as an `async fn` in which `yield_!(v)` logs `yield v` (and `yield_from!(s)` forwards what
//! `s` yields). Both are polled with a no-op waker until they end; every `Pending` is logged as `pending` by the
//! poller. The two logs (the body's events, drops included, the items, the pendings) must be equal. Then each
//! is dropped after its `k`-th `Pending`, for every `k`: the logs up to the drop and the drops it causes must be
//! equal too (an async fn can only be dropped while pending, and so is the generator here).
#![allow(clippy::all, clippy::pedantic)]
#![allow(unused_variables, unused_assignments, unused_mut, unreachable_code, dead_code)]

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};
use std::cell::RefCell;

use stackless::Stream;

thread_local! {
    static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn log(event: impl Into<String>) {
    LOG.with(|l| l.borrow_mut().push(event.into()));
}

fn take_log() -> Vec<String> {
    LOG.with(|l| std::mem::take(&mut *l.borrow_mut()))
}

/// Logs its drop.
#[derive(Debug)]
struct Loud(&'static str);

impl Loud {
    fn get(&self) -> u32 {
        self.0.len() as u32
    }
}

impl Drop for Loud {
    fn drop(&mut self) {
        log(format!("drop {}", self.0));
    }
}

/// Logs `name` and returns `v`.
fn note(name: &str, v: u32) -> u32 {
    log(format!("eval {name}"));
    v
}

/// Ready with `value` after `pendings` polls that return `Pending`; logs its drop. `Unpin`.
struct Later {
    pendings: u32,
    value: u32,
}

fn later(pendings: u32, value: u32) -> Later {
    Later { pendings, value }
}

impl Future for Later {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        if self.pendings == 0 {
            Poll::Ready(self.value)
        } else {
            self.pendings -= 1;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

impl Drop for Later {
    fn drop(&mut self) {
        log(format!("drop later {}", self.value));
    }
}

/// A stream of `0..n`, each item after one `Pending` (an async generator itself).
#[stackless::coroutine]
fn counter(n: u32) -> impl Stream<Item = u32> {
    let _guard = Loud("counter");
    for i in 0..n {
        yield_!(later(1, i).await);
    }
}

/// `StreamExt::next` for the async twins (the generators poll `s.next().await` in place).
trait NextExt: Stream + Unpin + Sized {
    fn next(&mut self) -> Next<'_, Self> {
        Next(self)
    }
}

impl<S: Stream + Unpin> NextExt for S {}

struct Next<'a, S>(&'a mut S);

impl<S: Stream + Unpin> Future for Next<'_, S> {
    type Output = Option<S::Item>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        Pin::new(&mut *self.0).poll_next(cx)
    }
}

/// Polls a stream: logs `yield v` per item and `pending` per `Pending`; drops it after `cancel_at` pendings.
fn drive_stream<S: Stream<Item = u32> + Unpin>(mut s: S, cancel_at: Option<usize>) -> bool {
    let mut cx = Context::from_waker(Waker::noop());
    let mut pendings = 0;
    loop {
        match Pin::new(&mut s).poll_next(&mut cx) {
            Poll::Ready(Some(v)) => log(format!("yield {v}")),
            Poll::Ready(None) => break,
            Poll::Pending => {
                log("pending");
                pendings += 1;
                if Some(pendings) == cancel_at {
                    log("cancel");
                    drop(s);
                    return false;
                }
            }
        }
    }
    // Fused: an ended generator keeps answering `None`.
    assert!(matches!(Pin::new(&mut s).poll_next(&mut cx), Poll::Ready(None)));
    log("end");
    true
}

/// A stream's items, polled until it ends (its `Pending`s polled again at once).
fn items<S: Stream + Unpin>(mut s: S) -> Vec<S::Item> {
    let mut cx = Context::from_waker(Waker::noop());
    let mut out = Vec::new();
    loop {
        match Pin::new(&mut s).poll_next(&mut cx) {
            Poll::Ready(Some(v)) => out.push(v),
            Poll::Ready(None) => return out,
            Poll::Pending => {}
        }
    }
}

/// Polls a future as `drive_stream` polls a stream.
fn drive_future<F: Future<Output = ()>>(f: F, cancel_at: Option<usize>) -> bool {
    let mut f = Box::pin(f);
    let mut cx = Context::from_waker(Waker::noop());
    let mut pendings = 0;
    loop {
        match f.as_mut().poll(&mut cx) {
            Poll::Ready(()) => break,
            Poll::Pending => {
                log("pending");
                pendings += 1;
                if Some(pendings) == cancel_at {
                    log("cancel");
                    drop(f);
                    return false;
                }
            }
        }
    }
    log("end");
    true
}

/// One body as an async generator and as an `async fn`; runs both whole and cancelled at every `Pending`.
macro_rules! twin {
    ($name:ident ( $($arg:ident : $ty:ty = $val:expr),* ) $body:block) => {
        #[test]
        fn $name() {
            #[stackless::coroutine]
            fn generator($($arg: $ty),*) -> impl Stream<Item = u32> $body

            async fn plain($($arg: $ty),*) {
                #[allow(unused_macros)]
                macro_rules! yield_ {
                    ($v:expr) => {
                        log(format!("yield {}", $v))
                    };
                }
                #[allow(unused_macros)]
                macro_rules! yield_from {
                    ($s:expr) => {{
                        let mut s = $s;
                        while let Some(v) = s.next().await {
                            log(format!("yield {v}"));
                        }
                    }};
                }
                $body
            }

            take_log();
            assert!(drive_future(plain($($val),*), None));
            let expected = take_log();
            assert!(drive_stream(generator($($val),*), None));
            assert_eq!(take_log(), expected, "whole run");
            let pendings = expected.iter().filter(|e| *e == "pending").count();
            assert!(pendings > 0, "the shape never waits");
            for k in 1..=pendings {
                assert!(!drive_future(plain($($val),*), Some(k)));
                let expected = take_log();
                assert!(!drive_stream(generator($($val),*), Some(k)));
                assert_eq!(take_log(), expected, "cancelled at pending {k}");
            }
        }
    };
}

twin!(awaits_and_yields_in_a_loop(n: u32 = 4) {
    let a = Loud("a");
    for i in 0..n {
        let b = Loud("b");
        let x = later(i % 3, i * 10).await;
        yield_!(x + 1);
        if i == 2 {
            continue;
        }
        let c = Loud("c");
        yield_!(later(1, 7).await + a.get() + b.get() + c.get());
    }
    let s = String::from("end");
    yield_!(later(2, s.len() as u32).await);
});

twin!(operands_keep_their_order(n: u32 = 2) {
    fn sum3(a: u32, b: u32, c: u32) -> u32 {
        a * 100 + b * 10 + c
    }
    let keep = Loud("keep");
    let v = sum3(note("a", 1), later(n, 2).await, note("c", 3));
    yield_!(v);
    let w = note("left", 4) + later(1, 5).await * note("right", 6);
    yield_!(w);
    let arr = [later(1, 1).await, note("mid", 2), later(1, 3).await];
    yield_!(arr.iter().sum::<u32>());
    println!("printed {} {}", note("p", 1), later(1, 2).await);
});

twin!(awaits_in_conditions(n: u32 = 3) {
    if later(1, n).await > 2 {
        yield_!(1);
    } else {
        yield_!(2);
    }
    let mut i = 0;
    while later(1, i).await < n {
        yield_!(i);
        i += 1;
    }
    match later(2, n).await {
        3 => {
            let m = Loud("match arm");
            yield_!(later(1, 30).await);
        }
        other => yield_!(other),
    }
    loop {
        let l = Loud("loop");
        if later(1, i).await > 4 {
            break;
        }
        i += 1;
    }
});

twin!(temporaries_of_an_awaited_operand(n: u32 = 1) {
    let x = later(n, Loud("temporary").get()).await + note("after", 1);
    yield_!(x);
    let y = { later(1, Loud("in block").get()).await };
    yield_!(y);
});

twin!(polls_streams_it_holds(n: u32 = 3) {
    let mut own = counter(n);
    let mut total = 0;
    while let Some(x) = own.next().await {
        total += x;
        yield_!(x * 2);
    }
    yield_!(total);
    yield_from!(counter(2));
    let after = Loud("after delegation");
    yield_!(later(1, 99).await);
});

/// A receiver shaped like tokio's `mpsc::Receiver`: `recv()`'s future borrows it and calls its `poll_recv` at
/// each poll, which is `Pending` once before each item. Logs its drop.
struct Inbox {
    items: Vec<u32>,
    ready: bool,
}

fn inbox(n: u32) -> Inbox {
    Inbox { items: (0..n).rev().collect(), ready: false }
}

impl Inbox {
    fn recv(&mut self) -> Recv<'_> {
        Recv(self)
    }

    /// `Interval::tick`'s and `JoinSet::join_next`'s shapes, over the same items.
    fn tick(&mut self) -> Recv<'_> {
        Recv(self)
    }

    fn poll_tick(&mut self, cx: &mut Context<'_>) -> Poll<Option<u32>> {
        self.poll_recv(cx)
    }

    fn join_next(&mut self) -> Recv<'_> {
        Recv(self)
    }

    fn poll_join_next(&mut self, cx: &mut Context<'_>) -> Poll<Option<u32>> {
        self.poll_recv(cx)
    }

    fn poll_recv(&mut self, cx: &mut Context<'_>) -> Poll<Option<u32>> {
        self.ready = !self.ready;
        if !self.ready {
            Poll::Ready(self.items.pop())
        } else {
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

impl Drop for Inbox {
    fn drop(&mut self) {
        log(format!("drop inbox, {} left", self.items.len()));
    }
}

struct Recv<'a>(&'a mut Inbox);

impl Future for Recv<'_> {
    type Output = Option<u32>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u32>> {
        self.0.poll_recv(cx)
    }
}

// `rx.recv().await` polls `rx.poll_recv(cx)` in place (tokio's receivers, `interval.tick()` and
// `set.join_next()` the same way): held in a local, in a field, and a temporary receiver.
twin!(receives_in_place(n: u32 = 3) {
    let mut rx = inbox(n);
    while let Some(x) = rx.recv().await {
        yield_!(x);
    }
    let mut pair = (Loud("pair"), inbox(2));
    yield_!(pair.1.recv().await.unwrap_or(7) + 10);
    yield_!(inbox(1).recv().await.unwrap_or(7) + 30);
    // Boxed first, as rustc suggests for futures that aren't `Unpin`: polled in place all the same.
    let mut boxed = inbox(1);
    yield_!(Box::pin(boxed.recv()).await.unwrap_or(7) + 40);
    let mut timer = inbox(2);
    yield_!(timer.tick().await.unwrap_or(7) + 50);
    yield_!(timer.join_next().await.unwrap_or(7) + 60);
});

twin!(early_return(n: u32 = 5) {
    let outer = Loud("outer");
    for i in 0..n {
        let inner = Loud("inner");
        if later(1, i).await == 2 {
            return;
        }
        yield_!(i);
    }
});

/// A stream from a `&mut` argument, polled with `.next().await`: the generator holds the argument, not a future
/// that borrows it.
#[stackless::coroutine]
fn doubled<'a>(s: &'a mut (impl Stream<Item = u32> + Unpin)) -> impl Stream<Item = u32> + 'a {
    while let Some(x) = s.next().await {
        yield_!(x * 2);
    }
}

#[test]
fn a_stream_borrowed_by_argument() {
    let mut source = counter(3);
    take_log();
    assert!(drive_stream(doubled(&mut source), None));
    let expected = [
        "pending",
        "drop later 0",
        "yield 0",
        "pending",
        "drop later 1",
        "yield 2",
        "pending",
        "drop later 2",
        "yield 4",
        "drop counter",
        "end",
    ];
    assert_eq!(take_log(), expected);
    // The source ended, and is still the caller's.
    let mut cx = Context::from_waker(Waker::noop());
    assert!(matches!(Pin::new(&mut source).poll_next(&mut cx), Poll::Ready(None)));
}

/// A future that isn't `Unpin` is boxed by the user.
#[stackless::coroutine]
fn boxed_futures() -> impl Stream<Item = u32> {
    async fn ten() -> u32 {
        later(1, 10).await
    }
    yield_!(Box::pin(ten()).await);
    yield_!(Box::pin(async { later(2, 20).await + 1 }).await);
}

#[test]
fn futures_that_need_pinning_are_boxed() {
    take_log();
    assert!(drive_stream(boxed_futures(), None));
    let log = take_log();
    assert_eq!(log, ["pending", "drop later 10", "yield 10", "pending", "pending", "drop later 20", "yield 21", "end"]);
}

/// `+ Send`, `+ Clone` and `+ Debug` hold as for any coroutine: a suspended generator clones its awaited future.
/// The line of `clonable`'s `yield_!`, which `{:?}` names.
const CLONABLE_YIELD_LINE: u32 = line!() + 4;
#[stackless::coroutine]
fn clonable(n: u32) -> impl Stream<Item = u32> + Send + Clone + core::fmt::Debug {
    for i in 0..n {
        yield_!(core::future::ready(i).await + later_clone(1, 100).await);
    }
}

#[derive(Clone, Debug)]
struct LaterClone(u32, u32);

fn later_clone(pendings: u32, value: u32) -> LaterClone {
    LaterClone(pendings, value)
}

impl Future for LaterClone {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<u32> {
        if self.0 == 0 {
            Poll::Ready(self.1)
        } else {
            self.0 -= 1;
            Poll::Pending
        }
    }
}

#[test]
fn a_suspended_generator_clones_and_prints() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut a = clonable(2);
    assert!(Pin::new(&mut a).poll_next(&mut cx).is_pending());
    // The second `.await` of the line, and the first one's value (an operand evaluated before it).
    let shown = format!("{a:?}").replace(&CLONABLE_YIELD_LINE.to_string(), "N");
    assert_eq!(shown, "Group0 { at: Suspend1 { awaiting_2: LaterClone(0, 100), operand_lineN_2: 0 }, for_i: 1..2 }");
    let mut b = a.clone();
    for s in [&mut a, &mut b] {
        assert_eq!(Pin::new(&mut *s).poll_next(&mut cx), Poll::Ready(Some(100)));
        assert!(Pin::new(&mut *s).poll_next(&mut cx).is_pending());
        assert_eq!(Pin::new(&mut *s).poll_next(&mut cx), Poll::Ready(Some(101)));
        assert_eq!(Pin::new(&mut *s).poll_next(&mut cx), Poll::Ready(None));
    }
}

/// A panic inside the body poisons the generator, as it does a coroutine.
#[stackless::coroutine]
fn panics(n: u32) -> impl Stream<Item = u32> {
    yield_!(later(1, n).await);
    if n > 0 {
        panic!("boom");
    }
}

#[test]
fn a_panic_poisons() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut s = panics(1);
    assert!(Pin::new(&mut s).poll_next(&mut cx).is_pending());
    assert_eq!(Pin::new(&mut s).poll_next(&mut cx), Poll::Ready(Some(1)));
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| Pin::new(&mut s).poll_next(&mut cx)));
    assert!(caught.is_err());
    let again = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| Pin::new(&mut s).poll_next(&mut cx)));
    let message = again.unwrap_err();
    let message =
        message.downcast_ref::<&str>().map(ToString::to_string).or_else(|| message.downcast_ref::<String>().cloned());
    // rustc's `async gen` blocks' message.
    assert_eq!(message.unwrap(), "`async gen fn` resumed after panicking");
}

/// A generator that never awaits doesn't need the `Context` (and compiles without warnings: see lint_clean.rs).
#[stackless::coroutine]
fn no_awaits(n: u32) -> impl Stream<Item = u32> {
    for i in 0..n {
        yield_!(i);
    }
}

/// `-> impl FusedStream`: what `futures::select!` polls.
#[stackless::coroutine]
fn fused(n: u32) -> impl futures_core::stream::FusedStream<Item = u32> {
    for i in 0..n {
        yield_!(i);
    }
}

#[test]
fn an_ended_generator_says_so() {
    use futures_core::stream::FusedStream;
    let mut cx = Context::from_waker(Waker::noop());
    let mut s = fused(1);
    assert!(!s.is_terminated());
    assert_eq!(Pin::new(&mut s).poll_next(&mut cx), Poll::Ready(Some(0)));
    assert!(!s.is_terminated());
    assert_eq!(Pin::new(&mut s).poll_next(&mut cx), Poll::Ready(None));
    assert!(s.is_terminated());
}

#[test]
fn without_awaits_it_is_always_ready() {
    take_log();
    assert!(drive_stream(no_awaits(3), None));
    assert_eq!(take_log(), ["yield 0", "yield 1", "yield 2", "end"]);
}

/// An error converted by `?`, as `?` converts it.
#[derive(Debug, PartialEq)]
struct BadNumber(String);

impl From<std::num::ParseIntError> for BadNumber {
    fn from(e: std::num::ParseIntError) -> Self {
        BadNumber(e.to_string())
    }
}

/// In a stream of `Result`s, `?` yields the error (converted) and ends the stream, as `try_stream!` does.
#[stackless::coroutine]
fn parsed(words: Vec<&'static str>) -> impl Stream<Item = Result<u32, BadNumber>> {
    let _guard = Loud("parsed");
    for w in words {
        let n: u32 = w.parse()?;
        yield_!(Ok(later(1, n).await));
    }
}

fn results<S: Stream<Item = Result<u32, BadNumber>> + Unpin>(mut s: S) -> Vec<Result<u32, BadNumber>> {
    let mut cx = Context::from_waker(Waker::noop());
    let mut out = Vec::new();
    loop {
        match Pin::new(&mut s).poll_next(&mut cx) {
            Poll::Ready(Some(r)) => {
                log(format!("yield {r:?}"));
                out.push(r);
            }
            Poll::Ready(None) => break,
            Poll::Pending => log("pending"),
        }
    }
    log("end");
    out
}

#[test]
fn question_mark_yields_the_error_and_ends() {
    take_log();
    let out = results(parsed(vec!["1", "x2", "3"]));
    assert_eq!(out, [Ok(1), Err(BadNumber("invalid digit found in string".into()))]);
    assert_eq!(
        take_log(),
        [
            "pending",
            "drop later 1",
            "yield Ok(1)",
            "yield Err(BadNumber(\"invalid digit found in string\"))",
            "drop parsed",
            "end"
        ]
    );
    assert_eq!(results(parsed(vec!["4"])), [Ok(4)]);
}

/// A closure held across an `.await` (a join point before its `let`, and one made after a loop that waits): the
/// step's `Context` is its parameter, never a value the state could be asked to hold (probe 35).
#[stackless::coroutine]
fn closures(n: u32) -> impl Stream<Item = u32> {
    for i in 0..n {
        let f = move |x: u32| x + i;
        let v = later(1, i).await;
        yield_!(f(v));
    }
    let g = |x: u32| x * 3;
    yield_!(g(later(1, 5).await));
    yield_!((0..n).map(|x| x * 2).sum::<u32>() + later(1, 100).await);
}

#[test]
fn closures_held_across_awaits() {
    take_log();
    assert!(drive_stream(closures(2), None));
    let items: Vec<String> = take_log().into_iter().filter(|e| e.starts_with("yield")).collect();
    assert_eq!(items, ["yield 0", "yield 2", "yield 15", "yield 102"]);
}

/// An `.await` inside an `async` block given to a macro of one's own belongs to that block, not to the
/// generator: left as written.
macro_rules! boxed {
    ($f:expr) => {
        Box::pin($f)
    };
}

#[stackless::coroutine]
fn awaits_in_an_async_block_of_a_macro() -> impl Stream<Item = u32> {
    yield_!(boxed!(async move { later(1, 7).await }).await);
}

#[test]
fn an_await_inside_an_async_block_given_to_a_macro_is_the_blocks() {
    take_log();
    assert!(drive_stream(awaits_in_an_async_block_of_a_macro(), None));
    assert_eq!(take_log(), ["pending", "drop later 7", "yield 7", "end"]);
}

/// A reader whose `read(&mut self)` future borrows it (as `AsyncReadExt::read`'s does).
struct Source(u32);

struct Read<'a>(&'a mut Source, bool);

impl Future for Read<'_> {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<u32> {
        if self.1 {
            self.0.0 += 1;
            Poll::Ready(self.0.0)
        } else {
            self.1 = true;
            Poll::Pending
        }
    }
}

impl Source {
    fn read(&mut self) -> Read<'_> {
        Read(self, false)
    }
}

/// The README's way to await a future that borrows through a `&mut` argument: move the `&mut` into an `async`
/// block that gives it back. The block's literal is emitted by two arms (the start and the loop's): a join point
/// before its `let` makes it one type, as for a closure.
#[stackless::coroutine]
fn reads(mut source: &mut Source, n: u32) -> impl Stream<Item = u32> + '_ {
    for _ in 0..n {
        let (back, v) = Box::pin(async move {
            let v = source.read().await;
            (source, v)
        })
        .await;
        source = back;
        yield_!(v);
    }
}

#[test]
fn a_mut_argument_lent_to_an_async_block() {
    let mut source = Source(10);
    take_log();
    assert!(drive_stream(reads(&mut source, 3), None));
    assert_eq!(take_log(), ["pending", "yield 11", "pending", "yield 12", "pending", "yield 13", "end"]);
    assert_eq!(source.0, 13);
}

/// Futures yielded as items (what `StreamExt::buffered` consumes): each `async` block literal is one type, with a
/// join point before the `yield_!` of the loop (probe 44).
#[stackless::coroutine]
fn yields_futures(n: u32) -> impl Stream<Item = impl Future<Output = u32>> {
    for i in 0..n {
        yield_!(async move { i * 3 });
    }
}

#[test]
fn async_blocks_yielded_in_a_loop() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut s = yields_futures(3);
    let mut out = Vec::new();
    while let Poll::Ready(Some(f)) = Pin::new(&mut s).poll_next(&mut cx) {
        let mut f = Box::pin(f);
        match f.as_mut().poll(&mut cx) {
            Poll::Ready(v) => out.push(v),
            Poll::Pending => unreachable!("the block doesn't wait"),
        }
    }
    assert_eq!(out, [0, 3, 6]);
}

/// An `async move` block takes what it mentions, as a `move` closure does: a local moved into one isn't held
/// after it (E0382 at the next `yield_!` before; probe 44). Lending an owned value to a block that gives it
/// back works as for a `&mut` argument.
#[stackless::coroutine]
fn lends_owned(name: String, mut source: Source) -> impl Stream<Item = u32> {
    let n = Box::pin(async move { name.len() as u32 }).await;
    yield_!(n);
    for _ in 0..2 {
        let (back, v) = Box::pin(async move {
            let v = source.read().await;
            (source, v)
        })
        .await;
        source = back;
        yield_!(v);
    }
}

#[test]
fn owned_values_moved_into_async_blocks() {
    take_log();
    assert!(drive_stream(lends_owned("abc".into(), Source(0)), None));
    assert_eq!(take_log(), ["yield 3", "pending", "yield 1", "pending", "yield 2", "end"]);
}

/// A `#[stackless::coroutine]` fn nested in another's body suspends in its own body (it was reported as a
/// `yield_!` inside a nested fn; async-stream's `stream_in_stream`, ported).
#[stackless::coroutine]
fn outer_with_nested() -> impl Stream<Item = u32> {
    #[stackless::coroutine]
    fn inner(n: u32) -> impl Stream<Item = u32> {
        for i in 0..n {
            yield_!(later(1, i).await);
        }
    }
    let mut s = inner(2);
    while let Some(v) = s.next().await {
        yield_!(v + 10);
    }
    yield_from!(inner(1));
}

#[test]
fn a_nested_generator_fn() {
    assert_eq!(items(outer_with_nested()), [10, 11, 0]);
}

/// futures' alias, as users write it (`futures::stream::BoxStream`).
type BoxStream<'a, T> = Pin<Box<dyn Stream<Item = T> + Send + 'a>>;

/// A boxed async generator through the alias: recursion (async-stream's README, ported).
#[stackless::coroutine]
fn countdown(n: u32) -> BoxStream<'static, u32> {
    if n > 0 {
        yield_!(later_clone(1, n).await);
        yield_from!(countdown(n - 1));
    }
}

#[test]
fn boxed_through_futures_alias() {
    assert_eq!(items(countdown(3)), [3, 2, 1]);
}

/// `.next().await` on a temporary stream: moved into a local of the `.await` and polled there (borrow errors at
/// the attribute before; async-stream's `inner_try_stream`, ported).
#[stackless::coroutine]
fn first_of_temporaries() -> impl Stream<Item = u32> {
    let a = counter(2).next().await;
    yield_!(a.unwrap_or(99));
    let b = Box::pin(counter(0)).next().await;
    yield_!(b.unwrap_or(99));
}

#[test]
fn next_of_a_temporary_stream() {
    take_log();
    assert!(drive_stream(first_of_temporaries(), None));
    assert_eq!(take_log(), ["pending", "drop later 0", "drop counter", "yield 0", "drop counter", "yield 99", "end"]);
}

/// `dbg!` of an `.await` prints the expression as written and returns its value.
#[stackless::coroutine]
fn dbg_of_an_await() -> impl Stream<Item = u32> {
    let v = dbg!(later(1, 4).await + 1);
    yield_!(v);
}

#[test]
fn dbg_of_an_await_returns_its_value() {
    assert_eq!(items(dbg_of_an_await()), [5]);
}

/// `.next().await` on an element of a local `Vec` (an index that is a local): a place, polled in place (it was
/// moved out as a temporary, E0507; probe 45), round robin as a service would merge its connections.
#[stackless::coroutine]
fn round_robin(mut streams: Vec<std::pin::Pin<Box<dyn Stream<Item = u32>>>>) -> impl Stream<Item = u32> {
    let mut live = vec![true; streams.len()];
    while live.iter().any(|l| *l) {
        for i in 0..streams.len() {
            if !live[i] {
                continue;
            }
            match streams[i].next().await {
                Some(x) => yield_!(x),
                None => live[i] = false,
            }
        }
    }
}

#[test]
fn next_of_an_element_of_a_vec() {
    let streams: Vec<std::pin::Pin<Box<dyn Stream<Item = u32>>>> =
        vec![Box::pin(counter(3)), Box::pin(no_awaits(1)), Box::pin(fused(2))];
    assert_eq!(items(round_robin(streams)), [0, 0, 0, 1, 1, 2]);
}

/// Numbers parsed from words, `Pending` once before each: a stream of `Result`s to `try_next` over.
#[stackless::coroutine]
fn parsed_later(words: Vec<&'static str>) -> impl Stream<Item = Result<u32, String>> {
    for w in words {
        let n = later(1, 0).await;
        yield_!(w.parse::<u32>().map(|v| v + n).map_err(|_| format!("bad {w}")));
    }
}

/// `s.try_next().await?` (the `try_stream!` loop), `s.by_ref().next().await` and `StreamExt::next(&mut s).await`
/// on streams the generator holds: polled in place like `s.next().await` (each held a future borrowing `s`:
/// rustc's errors at the attribute). Found by a user-style test program.
#[stackless::coroutine]
fn doubled_until_an_error(words: Vec<&'static str>) -> impl Stream<Item = Result<u32, String>> {
    let mut numbers = parsed_later(words);
    while let Some(n) = numbers.try_next().await? {
        yield_!(Ok(n * 2));
    }
}

#[stackless::coroutine]
fn first_two_then_the_rest(n: u32) -> impl Stream<Item = u32> {
    let mut s = counter(n);
    let first = s.by_ref().next().await;
    yield_!(first.unwrap_or(100));
    // The path form of `s.next()` (what `futures::StreamExt` is written as when a name clashes).
    let second = StreamExt::next(&mut s).await;
    yield_!(second.unwrap_or(100));
    while let Some(x) = s.next().await {
        yield_!(x + 10);
    }
}

#[test]
fn streams_held_by_the_generator_are_polled_in_place_through_any_form() {
    assert_eq!(items(doubled_until_an_error(vec!["1", "2"])), [Ok(2), Ok(4)]);
    assert_eq!(items(doubled_until_an_error(vec!["1", "x", "3"])), [Ok(2), Err("bad x".to_string())]);
    assert_eq!(items(first_two_then_the_rest(4)), [0, 1, 12, 13]);
}

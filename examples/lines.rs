//! An async generator: lines reassembled from chunks that arrive from another thread, at their own pace.
//!
//! `lines` awaits the next chunk (`chunks.next().await`, a `Stream` of `String`s fed by a producer thread) and
//! yields every complete line as soon as it has one, keeping the rest for the next chunk; `numbered` consumes
//! it with `.next().await` and yields `(number, line)`s. Nothing is allocated for the generators themselves, and
//! nothing in them is `unsafe`: each is a plain value (`{:?}` prints where it waits). The executor is the
//! smallest one that really sleeps: `block_on` parks the thread until the channel's waker unparks it.
//!
//! Run: `cargo run --example lines`
use core::fmt::Debug;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::task::Wake;
use std::thread::{self, Thread};
use std::time::Duration;

use stackless::Stream;

/// Splits what arrives into lines; a last line without a newline is yielded when the chunks end.
#[stackless::coroutine]
fn lines(mut chunks: Receiver) -> impl Stream<Item = String> + Debug {
    let mut pending = String::new();
    while let Some(chunk) = chunks.next().await {
        pending.push_str(&chunk);
        while let Some(end) = pending.find('\n') {
            let line: String = pending.drain(..=end).collect();
            yield_!(line.trim_end_matches('\n').to_string());
        }
    }
    if !pending.is_empty() {
        yield_!(pending);
    }
}

/// Numbers the lines of another async generator, skipping blank ones.
#[stackless::coroutine]
fn numbered(chunks: Receiver) -> impl Stream<Item = (usize, String)> + Debug {
    let mut source = lines(chunks);
    let mut n = 0;
    while let Some(line) = source.next().await {
        if !line.trim().is_empty() {
            n += 1;
            yield_!((n, line));
        }
    }
}

/// The receiving end of a channel of chunks: a `Stream` (and `Unpin`, as what an async generator polls must be).
#[derive(Debug)]
struct Receiver(Arc<Mutex<Channel>>);

#[derive(Default, Debug)]
struct Channel {
    queue: VecDeque<String>,
    closed: bool,
    waker: Option<Waker>,
}

impl Stream for Receiver {
    type Item = String;
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<String>> {
        let mut channel = self.0.lock().unwrap();
        match channel.queue.pop_front() {
            Some(chunk) => Poll::Ready(Some(chunk)),
            None if channel.closed => Poll::Ready(None),
            None => {
                channel.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

/// Sends `chunks` from a new thread, pausing before each; returns the receiver.
fn produce(chunks: Vec<&'static str>, pause: Duration) -> Receiver {
    let channel = Arc::new(Mutex::new(Channel::default()));
    let sender = Arc::clone(&channel);
    thread::spawn(move || {
        for chunk in chunks {
            thread::sleep(pause);
            let mut channel = sender.lock().unwrap();
            channel.queue.push_back(chunk.to_string());
            if let Some(waker) = channel.waker.take() {
                waker.wake();
            }
        }
        let mut channel = sender.lock().unwrap();
        channel.closed = true;
        if let Some(waker) = channel.waker.take() {
            waker.wake();
        }
    });
    Receiver(channel)
}

/// Wakes a parked thread.
struct Unpark(Thread);

impl Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// Collects a stream's items, parking the thread while the stream waits; counts the waits.
fn block_on<S: Stream + Unpin>(mut stream: S) -> (Vec<S::Item>, usize) {
    let waker = Waker::from(Arc::new(Unpark(thread::current())));
    let mut cx = Context::from_waker(&waker);
    let (mut items, mut waits) = (Vec::new(), 0);
    loop {
        match Pin::new(&mut stream).poll_next(&mut cx) {
            Poll::Ready(Some(item)) => items.push(item),
            Poll::Ready(None) => return (items, waits),
            Poll::Pending => {
                waits += 1;
                thread::park();
            }
        }
    }
}

const CHUNKS: [&str; 5] = ["GET /index", ".html HTTP/1.1\nHost: exa", "mple.org\n\nAccept: */*", "\n", "trailer"];

fn main() {
    let stream = numbered(produce(CHUNKS.to_vec(), Duration::from_millis(20)));
    println!("the generator, not started yet ({} bytes): {stream:?}", size_of_val(&stream));
    let (lines, waits) = block_on(stream);
    for (n, line) in &lines {
        println!("{n:>2} {line}");
    }
    println!("({waits} waits for a chunk)");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_reassembled_across_chunks() {
        let (lines, _) = block_on(numbered(produce(CHUNKS.to_vec(), Duration::from_millis(1))));
        let plain: Vec<(usize, String)> = CHUNKS
            .concat()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .enumerate()
            .map(|(i, l)| (i + 1, l.to_string()))
            .collect();
        assert_eq!(lines, plain);
    }

    #[test]
    fn dropped_while_waiting() {
        let mut stream = lines(produce(vec!["a\nb", "c\n"], Duration::from_millis(50)));
        let mut cx = Context::from_waker(Waker::noop());
        assert!(Pin::new(&mut stream).poll_next(&mut cx).is_pending());
        drop(stream);
    }
}

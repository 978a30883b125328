//! Async generators: the same three streams written by hand, with `#[stackless::coroutine]` returning
//! `impl Stream`, with `async_stream::stream!`, and (on a nightly rustc) with `async gen` blocks. Each is
//! consumed by polling `Stream::poll_next` in a loop with a no-op waker, every item going through `black_box`
//! into a wrapping sum.
//!
//! - `count`: `for i in 0..n { yield i }` (no awaits);
//! - `await_each`: `for i in 0..n { let v = Ready1(i).await; yield v }`, `Ready1` being `Pending` once (after
//!   waking the waker), then `Ready`: each item costs one `Pending` poll and one `Ready` poll of the stream;
//! - `relay`: `while let Some(x) = inner.next().await { yield x * 2 }`, `inner` the same implementation's
//!   `count` stream.
//!
//! `streams --only WORKLOAD IMPL --iters N` runs one pair over N items and prints
//! `yields=.. pendings=.. checksum=.. size=..` (what `streams_callgrind.sh` drives); `streams --list` prints
//! the workloads and implementations; `streams [N]` (default 10,000) runs every pair and asserts the items,
//! `Pending`s and sums agree with a reference.
//!
//! Only `n` and each item go through `black_box`; the stream value itself doesn't, as in `bench`: its state is
//! optimised as in real code. `streams_escaped` (`src/streams_escaped.rs`) is the same program with every
//! stream's address given to `black_box` before the loop, so its state is reloaded from memory on every poll.
//!
//! The code is in `streams_common.rs`, shared by both binaries; `async gen` in `streams_nightly.rs`.
#![cfg_attr(nightly_coroutines, feature(async_iterator, gen_blocks))]

#[path = "streams_common.rs"]
mod common;
#[cfg(nightly_coroutines)]
#[path = "streams_nightly.rs"]
mod nightly;

fn main() {
    common::main::<false>();
}

//! `streams` (see `src/streams.rs`) with every stream's address handed to `black_box` before it is polled, so
//! that each later `black_box` of an item may have changed the stream's state: the state lives in memory and is
//! reloaded on every poll, as in a task that an executor polls. A binary of its own so that each stream's
//! `poll_next` keeps a single call site in each binary.
#![cfg_attr(nightly_coroutines, feature(async_iterator, gen_blocks))]

#[path = "streams_common.rs"]
mod common;
#[cfg(nightly_coroutines)]
#[path = "streams_nightly.rs"]
mod nightly;

fn main() {
    common::main::<true>();
}

//! `stackless`: this repository's `#[stackless::coroutine]`. Each workload is written as the plain function
//! a user would write, with no type annotations beyond the signature; generators return
//! `impl Iterator`, ping-pong returns `impl stackless::Coroutine<u64, ..>` and is resumed through `Pin`.
//!
//! Compiled only with the `stackless` cargo feature (on by default), so the rest of the suite can be built
//! with `--no-default-features` while the macro is being worked on.

use core::pin::Pin;

use stackless::{Coroutine, CoroutineState};

use super::{SpawnOutcome, Unsupported, drain, iter_suspended_size, spawn_with, take};
use crate::workloads::{
    Input, NESTED_COLS, Node, SPAWN_MUL, Sink, Workload, feed, frame_digest, nested_rows, tokenizer_passes, tree_walks,
    two_points_rounds, word_hash,
};

pub fn run(w: Workload, n: u64, input: &Input, sink: &mut impl Sink) -> Result<(), Unsupported> {
    match w {
        Workload::Count => drain(count(n), sink),
        Workload::Fib => take(fib(), n, sink),
        Workload::PingPong => {
            let mut pp = pingpong();
            for i in 0..n {
                match Pin::new(&mut pp).resume(i) {
                    CoroutineState::Yielded(value) => sink.push(value),
                    CoroutineState::Complete(()) => unreachable!("internal: ping-pong is endless"),
                }
            }
        }
        Workload::Nested => drain(nested(nested_rows(n)), sink),
        Workload::Tree => {
            for _ in 0..tree_walks(n) {
                drain(tree(&input.tree), sink);
            }
        }
        Workload::Large32 => drain(large_state_32(n), sink),
        Workload::Large512 => drain(large_state_512(n), sink),
        Workload::ClosureLoop => drain(closure_loop(n), sink),
        Workload::TwoPoints32B => drain(two_points::<4>(two_points_rounds(n)), sink),
        Workload::TwoPoints4K => drain(two_points::<512>(two_points_rounds(n)), sink),
        Workload::Flush4K => drain(flush_4k(n), sink),
        Workload::DeadAfterLoop4K => drain(dead_after_loop_4k(two_points_rounds(n)), sink),
        Workload::FrameDecoder => {
            let mut decoder = frame_decoder();
            feed(&input.frames, n, sink, |byte| match Pin::new(&mut decoder).resume(byte) {
                CoroutineState::Yielded(value) => value,
                CoroutineState::Complete(()) => unreachable!("internal: the decoder is endless"),
            });
        }
        Workload::Tokenizer3 => {
            for _ in 0..tokenizer_passes(n) {
                drain(tokenizer3(&input.text), sink);
            }
        }
        Workload::Spawn => unreachable!("internal: spawn goes through `spawn`"),
    }
    Ok(())
}

pub fn suspended_size(w: Workload, input: &Input) -> Result<usize, Unsupported> {
    Ok(match w {
        Workload::Count => iter_suspended_size(count(10)),
        Workload::Fib => iter_suspended_size(fib()),
        Workload::PingPong => {
            let mut pp = pingpong();
            let _ = Pin::new(&mut pp).resume(1);
            size_of_val(&pp)
        }
        Workload::Nested => iter_suspended_size(nested(10)),
        Workload::Tree => iter_suspended_size(tree(&input.tree)),
        Workload::Large32 => iter_suspended_size(large_state_32(10)),
        Workload::Large512 => iter_suspended_size(large_state_512(10)),
        Workload::ClosureLoop => iter_suspended_size(closure_loop(10)),
        Workload::TwoPoints32B => iter_suspended_size(two_points::<4>(10)),
        Workload::TwoPoints4K => iter_suspended_size(two_points::<512>(10)),
        Workload::Flush4K => iter_suspended_size(flush_4k(10)),
        Workload::DeadAfterLoop4K => iter_suspended_size(dead_after_loop_4k(10)),
        Workload::FrameDecoder => {
            let mut decoder = frame_decoder();
            let _ = Pin::new(&mut decoder).resume(input.frames[0]);
            size_of_val(&decoder)
        }
        Workload::Tokenizer3 => iter_suspended_size(tokenizer3(&input.text)),
        Workload::Spawn => iter_suspended_size(worker(1)),
    })
}

pub fn spawn(count: usize, all_suspended: &mut dyn FnMut()) -> Result<SpawnOutcome, Unsupported> {
    spawn_with(
        count,
        |id| Ok(worker(id)),
        |w| w.next().expect("internal: worker is endless"),
        |w| w.next().expect("internal: worker is endless"),
        all_suspended,
    )
}

#[stackless::coroutine]
fn count(n: u64) -> impl Iterator<Item = u64> {
    for i in 0..n {
        yield_!(i);
    }
}

/// The `let` of `offset` runs after the start and after the `yield_!`: it gets a join point.
#[stackless::coroutine]
fn closure_loop(n: u64) -> impl Iterator<Item = u64> {
    for i in 0..n {
        let offset = move |z: u64| z + i;
        yield_!(offset(1));
    }
}

#[stackless::coroutine]
fn fib() -> impl Iterator<Item = u64> {
    let (mut a, mut b) = (0u64, 1u64);
    loop {
        yield_!(a);
        (a, b) = (b, a.wrapping_add(b));
    }
}

#[stackless::coroutine(resume = mut x)]
fn pingpong() -> impl Coroutine<u64, Yield = u64, Return = ()> {
    loop {
        x = yield_!(x.wrapping_mul(2).wrapping_add(1));
    }
}

#[stackless::coroutine]
fn nested(rows: u64) -> impl Iterator<Item = u64> {
    for i in 0..rows {
        for j in 0..NESTED_COLS {
            yield_!(i * j);
        }
    }
}

#[stackless::coroutine]
fn tree<'a>(root: &'a Node) -> impl Iterator<Item = u64> {
    let mut stack: Vec<&'a Node> = Vec::new();
    let mut cur = Some(root);
    loop {
        while let Some(node) = cur {
            stack.push(node);
            cur = node.left.as_deref();
        }
        // The same steps as the hand-written walk: the right subtree is taken before suspending.
        let Some(node) = stack.pop() else { break };
        cur = node.right.as_deref();
        yield_!(node.value);
    }
}

#[stackless::coroutine]
fn large_state_32(n: u64) -> impl Iterator<Item = u64> {
    let mut buf = [0u64; 32];
    for i in 0..n {
        let slot = i as usize % 32;
        buf[slot] = buf[slot].wrapping_add(i);
        yield_!(buf[slot]);
    }
}

#[stackless::coroutine]
fn large_state_512(n: u64) -> impl Iterator<Item = u64> {
    let mut buf = [0u64; 512];
    for i in 0..n {
        let slot = i as usize % 512;
        buf[slot] = buf[slot].wrapping_add(i);
        yield_!(buf[slot]);
    }
}

#[stackless::coroutine]
fn two_points<const K: usize>(rounds: u64) -> impl Iterator<Item = u64> {
    let mut buf = [0u64; K];
    let mut i = 0;
    while i < rounds {
        let slot = i as usize % K;
        buf[slot] = buf[slot].wrapping_add(i);
        yield_!(buf[slot]);
        let next = (slot + 1) % K;
        buf[next] ^= buf[slot];
        yield_!(buf[next]);
        i += 1;
    }
}

#[stackless::coroutine]
fn flush_4k(n: u64) -> impl Iterator<Item = u64> {
    let mut pending: Vec<u64> = Vec::with_capacity(8);
    let mut table = [0u64; 512];
    for i in 0..n {
        let slot = i as usize % 512;
        table[slot] = table[slot].wrapping_add(i);
        pending.push(table[slot]);
        if pending.len() == 8 {
            pending.clear();
        }
        yield_!(table[slot] ^ pending.len() as u64);
    }
    yield_!(pending.iter().fold(0u64, |a, &b| a.wrapping_add(b)));
    yield_!(table.iter().fold(0u64, |a, &b| a.wrapping_add(b)));
}

#[stackless::coroutine]
fn dead_after_loop_4k(rounds: u64) -> impl Iterator<Item = u64> {
    let outer = String::from("outer");
    let mut table = [0u64; 512];
    for i in 0..rounds {
        let i = i as usize;
        table[i % 512] = table[i % 512].wrapping_add(i as u64);
        yield_!(table[i % 512]);
        table[(i * 7) % 512] ^= 1;
        yield_!(table[(i * 3) % 512]);
    }
    yield_!(outer.len() as u64);
}

/// Fed one byte per resume: a length byte, that many payload bytes, a check byte.
#[stackless::coroutine(resume = mut byte)]
fn frame_decoder() -> impl Coroutine<u8, Yield = u64, Return = ()> {
    let mut payload = Vec::with_capacity(256);
    loop {
        let len = usize::from(byte);
        byte = yield_!(0);
        payload.clear();
        while payload.len() < len {
            payload.push(byte);
            byte = yield_!(0);
        }
        byte = yield_!(frame_digest(&payload, byte));
    }
}

#[stackless::coroutine]
fn tokenizer3(text: &str) -> impl Iterator<Item = u64> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_alphabetic() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            yield_!(word_hash(&bytes[start..i]));
        } else if c.is_ascii_digit() {
            let mut value = 0u64;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                value = value.wrapping_mul(10).wrapping_add(u64::from(bytes[i] - b'0'));
                i += 1;
            }
            yield_!(value);
        } else if c.is_ascii_whitespace() {
            i += 1;
        } else {
            i += 1;
            yield_!(u64::from(c));
        }
    }
}

#[stackless::coroutine]
fn worker(id: u64) -> impl Iterator<Item = u64> {
    let mut acc = id;
    loop {
        yield_!(acc);
        acc = acc.wrapping_mul(SPAWN_MUL).wrapping_add(1);
    }
}

//! `nightly` and `nightly-gen`: rustc's own lowering, the semantic reference stackless follows.
//!
//! - `nightly`: `#[coroutine]` closures (`feature(coroutines, coroutine_trait, stmt_expr_attributes)`),
//!   resumed through `Pin` like stackless's `Coroutine`; movable, hence `Unpin`.
//! - `nightly-gen`: `gen` blocks (`feature(gen_blocks)`), plain iterators; they take no resume argument, so
//!   ping-pong is n/a.
//!
//! Compiled only when the build script sees a nightly rustc (`cfg(nightly_coroutines)`).

use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

use super::{SpawnOutcome, Unsupported, drain as drain_iter, iter_suspended_size, spawn_with, take as take_iter};
use crate::workloads::{
    Input, NESTED_COLS, Node, SPAWN_MUL, Sink, Workload, feed, frame_digest, nested_rows, tokenizer_passes, tree_walks,
    two_points_rounds, word_hash,
};

// ---- #[coroutine] closures ----

pub fn run(w: Workload, n: u64, input: &Input, sink: &mut impl Sink) -> Result<(), Unsupported> {
    match w {
        Workload::Count => drain(count(n), sink),
        Workload::Fib => take(fib(), n, sink),
        Workload::PingPong => {
            let mut pp = pingpong();
            for i in 0..n {
                sink.push(yielded(Pin::new(&mut pp).resume(i)));
            }
        }
        Workload::Nested => drain(nested(nested_rows(n)), sink),
        Workload::Tree => {
            for _ in 0..tree_walks(n) {
                drain(tree(&input.tree), sink);
            }
        }
        Workload::Large32 => drain(large_state::<32>(n), sink),
        Workload::Large512 => drain(large_state::<512>(n), sink),
        Workload::ClosureLoop => drain(closure_loop(n), sink),
        Workload::TwoPoints32B => drain(two_points::<4>(two_points_rounds(n)), sink),
        Workload::TwoPoints4K => drain(two_points::<512>(two_points_rounds(n)), sink),
        Workload::Flush4K => drain(flush_4k(n), sink),
        Workload::DeadAfterLoop4K => drain(dead_after_loop_4k(two_points_rounds(n)), sink),
        Workload::FrameDecoder => {
            let mut decoder = frame_decoder();
            feed(&input.frames, n, sink, |byte| yielded(Pin::new(&mut decoder).resume(byte)));
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
        Workload::Count => suspended(count(10)),
        Workload::Fib => suspended(fib()),
        Workload::PingPong => {
            let mut pp = pingpong();
            let _ = Pin::new(&mut pp).resume(0);
            size_of_val(&pp)
        }
        Workload::Nested => suspended(nested(10)),
        Workload::Tree => suspended(tree(&input.tree)),
        Workload::Large32 => suspended(large_state::<32>(10)),
        Workload::Large512 => suspended(large_state::<512>(10)),
        Workload::ClosureLoop => suspended(closure_loop(10)),
        Workload::TwoPoints32B => suspended(two_points::<4>(10)),
        Workload::TwoPoints4K => suspended(two_points::<512>(10)),
        Workload::Flush4K => suspended(flush_4k(10)),
        Workload::DeadAfterLoop4K => suspended(dead_after_loop_4k(10)),
        Workload::FrameDecoder => {
            let mut decoder = frame_decoder();
            let _ = Pin::new(&mut decoder).resume(input.frames[0]);
            size_of_val(&decoder)
        }
        Workload::Tokenizer3 => suspended(tokenizer3(&input.text)),
        Workload::Spawn => suspended(worker(1)),
    })
}

pub fn spawn(count: usize, all_suspended: &mut dyn FnMut()) -> Result<SpawnOutcome, Unsupported> {
    spawn_with(count, |id| Ok(worker(id)), resume_unpin, resume_unpin, all_suspended)
}

/// The value of a `Yielded` state.
#[inline(always)]
fn yielded<R>(state: CoroutineState<u64, R>) -> u64 {
    match state {
        CoroutineState::Yielded(value) => value,
        CoroutineState::Complete(_) => unreachable!("internal: coroutine ended early"),
    }
}

/// Resumes once and returns the value yielded.
#[inline(always)]
fn resume_unpin(c: &mut (impl Coroutine<Yield = u64> + Unpin)) -> u64 {
    yielded(Pin::new(c).resume(()))
}

/// Pushes every value until the coroutine completes.
#[inline(always)]
fn drain(mut c: impl Coroutine<Yield = u64, Return = ()> + Unpin, sink: &mut impl Sink) {
    while let CoroutineState::Yielded(value) = Pin::new(&mut c).resume(()) {
        sink.push(value);
    }
}

/// Pushes the first `n` values of an endless coroutine.
#[inline(always)]
fn take(mut c: impl Coroutine<Yield = u64> + Unpin, n: u64, sink: &mut impl Sink) {
    for _ in 0..n {
        sink.push(yielded(Pin::new(&mut c).resume(())));
    }
}

/// Resumes once, then measures.
fn suspended(mut c: impl Coroutine<Yield = u64> + Unpin) -> usize {
    let _ = Pin::new(&mut c).resume(());
    size_of_val(&c)
}

fn count(n: u64) -> impl Coroutine<Yield = u64, Return = ()> + Unpin {
    #[coroutine]
    move || {
        for i in 0..n {
            yield i;
        }
    }
}

fn fib() -> impl Coroutine<Yield = u64, Return = ()> + Unpin {
    #[coroutine]
    || {
        let (mut a, mut b) = (0u64, 1u64);
        loop {
            yield a;
            (a, b) = (b, a.wrapping_add(b));
        }
    }
}

fn pingpong() -> impl Coroutine<u64, Yield = u64, Return = ()> + Unpin {
    #[coroutine]
    |mut x: u64| {
        loop {
            x = yield x.wrapping_mul(2).wrapping_add(1);
        }
    }
}

fn nested(rows: u64) -> impl Coroutine<Yield = u64, Return = ()> + Unpin {
    #[coroutine]
    move || {
        for i in 0..rows {
            for j in 0..NESTED_COLS {
                yield i * j;
            }
        }
    }
}

fn tree(root: &Node) -> impl Coroutine<Yield = u64, Return = ()> + Unpin {
    #[coroutine]
    move || {
        let mut stack = Vec::new();
        let mut cur = Some(root);
        loop {
            while let Some(node) = cur {
                stack.push(node);
                cur = node.left.as_deref();
            }
            match stack.pop() {
                Some(node) => {
                    yield node.value;
                    cur = node.right.as_deref();
                }
                None => break,
            }
        }
    }
}

fn closure_loop(n: u64) -> impl Coroutine<Yield = u64, Return = ()> + Unpin {
    #[coroutine]
    move || {
        for i in 0..n {
            let offset = move |z: u64| z + i;
            yield offset(1);
        }
    }
}

fn large_state<const K: usize>(n: u64) -> impl Coroutine<Yield = u64, Return = ()> + Unpin {
    #[coroutine]
    move || {
        let mut buf = [0u64; K];
        for i in 0..n {
            let slot = i as usize % K;
            buf[slot] = buf[slot].wrapping_add(i);
            yield buf[slot];
        }
    }
}

fn two_points<const K: usize>(rounds: u64) -> impl Coroutine<Yield = u64, Return = ()> + Unpin {
    #[coroutine]
    move || {
        let mut buf = [0u64; K];
        let mut i = 0;
        while i < rounds {
            let slot = i as usize % K;
            buf[slot] = buf[slot].wrapping_add(i);
            yield buf[slot];
            let next = (slot + 1) % K;
            buf[next] ^= buf[slot];
            yield buf[next];
            i += 1;
        }
    }
}

fn flush_4k(n: u64) -> impl Coroutine<Yield = u64, Return = ()> + Unpin {
    #[coroutine]
    move || {
        let mut pending: Vec<u64> = Vec::with_capacity(8);
        let mut table = [0u64; 512];
        for i in 0..n {
            let slot = i as usize % 512;
            table[slot] = table[slot].wrapping_add(i);
            pending.push(table[slot]);
            if pending.len() == 8 {
                pending.clear();
            }
            yield table[slot] ^ pending.len() as u64;
        }
        yield pending.iter().fold(0u64, |a, &b| a.wrapping_add(b));
        yield table.iter().fold(0u64, |a, &b| a.wrapping_add(b));
    }
}

fn dead_after_loop_4k(rounds: u64) -> impl Coroutine<Yield = u64, Return = ()> + Unpin {
    #[coroutine]
    move || {
        let outer = String::from("outer");
        let mut table = [0u64; 512];
        for i in 0..rounds {
            let i = i as usize;
            table[i % 512] = table[i % 512].wrapping_add(i as u64);
            yield table[i % 512];
            table[(i * 7) % 512] ^= 1;
            yield table[(i * 3) % 512];
        }
        yield outer.len() as u64;
    }
}

fn frame_decoder() -> impl Coroutine<u8, Yield = u64, Return = ()> + Unpin {
    #[coroutine]
    |mut byte: u8| {
        let mut payload = Vec::with_capacity(256);
        loop {
            let len = usize::from(byte);
            byte = yield 0;
            payload.clear();
            while payload.len() < len {
                payload.push(byte);
                byte = yield 0;
            }
            byte = yield frame_digest(&payload, byte);
        }
    }
}

fn tokenizer3(text: &str) -> impl Coroutine<Yield = u64, Return = ()> + Unpin {
    #[coroutine]
    move || {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            if c.is_ascii_alphabetic() {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                yield word_hash(&bytes[start..i]);
            } else if c.is_ascii_digit() {
                let mut value = 0u64;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    value = value.wrapping_mul(10).wrapping_add(u64::from(bytes[i] - b'0'));
                    i += 1;
                }
                yield value;
            } else if c.is_ascii_whitespace() {
                i += 1;
            } else {
                i += 1;
                yield u64::from(c);
            }
        }
    }
}

fn worker(id: u64) -> impl Coroutine<Yield = u64, Return = ()> + Unpin {
    #[coroutine]
    move || {
        let mut acc = id;
        loop {
            yield acc;
            acc = acc.wrapping_mul(SPAWN_MUL).wrapping_add(1);
        }
    }
}

// ---- gen blocks ----

pub fn run_gen(w: Workload, n: u64, input: &Input, sink: &mut impl Sink) -> Result<(), Unsupported> {
    match w {
        Workload::Count => drain_iter(gen_count(n), sink),
        Workload::Fib => take_iter(gen_fib(), n, sink),
        Workload::PingPong | Workload::FrameDecoder => return Err(no_resume_argument()),
        Workload::Nested => drain_iter(gen_nested(nested_rows(n)), sink),
        Workload::Tree => {
            for _ in 0..tree_walks(n) {
                drain_iter(gen_tree(&input.tree), sink);
            }
        }
        Workload::Large32 => drain_iter(gen_large_state::<32>(n), sink),
        Workload::Large512 => drain_iter(gen_large_state::<512>(n), sink),
        Workload::ClosureLoop => drain_iter(gen_closure_loop(n), sink),
        Workload::TwoPoints32B => drain_iter(gen_two_points::<4>(two_points_rounds(n)), sink),
        Workload::TwoPoints4K => drain_iter(gen_two_points::<512>(two_points_rounds(n)), sink),
        Workload::Flush4K => drain_iter(gen_flush_4k(n), sink),
        Workload::DeadAfterLoop4K => drain_iter(gen_dead_after_loop_4k(two_points_rounds(n)), sink),
        Workload::Tokenizer3 => {
            for _ in 0..tokenizer_passes(n) {
                drain_iter(gen_tokenizer3(&input.text), sink);
            }
        }
        Workload::Spawn => unreachable!("internal: spawn goes through `spawn_gen`"),
    }
    Ok(())
}

pub fn suspended_size_gen(w: Workload, input: &Input) -> Result<usize, Unsupported> {
    Ok(match w {
        Workload::Count => iter_suspended_size(gen_count(10)),
        Workload::Fib => iter_suspended_size(gen_fib()),
        Workload::PingPong | Workload::FrameDecoder => return Err(no_resume_argument()),
        Workload::Nested => iter_suspended_size(gen_nested(10)),
        Workload::Tree => iter_suspended_size(gen_tree(&input.tree)),
        Workload::Large32 => iter_suspended_size(gen_large_state::<32>(10)),
        Workload::Large512 => iter_suspended_size(gen_large_state::<512>(10)),
        Workload::ClosureLoop => iter_suspended_size(gen_closure_loop(10)),
        Workload::TwoPoints32B => iter_suspended_size(gen_two_points::<4>(10)),
        Workload::TwoPoints4K => iter_suspended_size(gen_two_points::<512>(10)),
        Workload::Flush4K => iter_suspended_size(gen_flush_4k(10)),
        Workload::DeadAfterLoop4K => iter_suspended_size(gen_dead_after_loop_4k(10)),
        Workload::Tokenizer3 => iter_suspended_size(gen_tokenizer3(&input.text)),
        Workload::Spawn => iter_suspended_size(gen_worker(1)),
    })
}

pub fn spawn_gen(count: usize, all_suspended: &mut dyn FnMut()) -> Result<SpawnOutcome, Unsupported> {
    spawn_with(
        count,
        |id| Ok(gen_worker(id)),
        |g| g.next().expect("internal: worker is endless"),
        |g| g.next().expect("internal: worker is endless"),
        all_suspended,
    )
}

fn no_resume_argument() -> Unsupported {
    Unsupported("`gen` blocks take no resume argument".into())
}

fn gen_count(n: u64) -> impl Iterator<Item = u64> {
    gen move {
        for i in 0..n {
            yield i;
        }
    }
}

fn gen_fib() -> impl Iterator<Item = u64> {
    gen {
        let (mut a, mut b) = (0u64, 1u64);
        loop {
            yield a;
            (a, b) = (b, a.wrapping_add(b));
        }
    }
}

fn gen_nested(rows: u64) -> impl Iterator<Item = u64> {
    gen move {
        for i in 0..rows {
            for j in 0..NESTED_COLS {
                yield i * j;
            }
        }
    }
}

fn gen_tree(root: &Node) -> impl Iterator<Item = u64> {
    gen move {
        let mut stack = Vec::new();
        let mut cur = Some(root);
        loop {
            while let Some(node) = cur {
                stack.push(node);
                cur = node.left.as_deref();
            }
            match stack.pop() {
                Some(node) => {
                    yield node.value;
                    cur = node.right.as_deref();
                }
                None => break,
            }
        }
    }
}

fn gen_closure_loop(n: u64) -> impl Iterator<Item = u64> {
    gen move {
        for i in 0..n {
            let offset = move |z: u64| z + i;
            yield offset(1);
        }
    }
}

fn gen_large_state<const K: usize>(n: u64) -> impl Iterator<Item = u64> {
    gen move {
        let mut buf = [0u64; K];
        for i in 0..n {
            let slot = i as usize % K;
            buf[slot] = buf[slot].wrapping_add(i);
            yield buf[slot];
        }
    }
}

fn gen_two_points<const K: usize>(rounds: u64) -> impl Iterator<Item = u64> {
    gen move {
        let mut buf = [0u64; K];
        let mut i = 0;
        while i < rounds {
            let slot = i as usize % K;
            buf[slot] = buf[slot].wrapping_add(i);
            yield buf[slot];
            let next = (slot + 1) % K;
            buf[next] ^= buf[slot];
            yield buf[next];
            i += 1;
        }
    }
}

fn gen_flush_4k(n: u64) -> impl Iterator<Item = u64> {
    gen move {
        let mut pending: Vec<u64> = Vec::with_capacity(8);
        let mut table = [0u64; 512];
        for i in 0..n {
            let slot = i as usize % 512;
            table[slot] = table[slot].wrapping_add(i);
            pending.push(table[slot]);
            if pending.len() == 8 {
                pending.clear();
            }
            yield table[slot] ^ pending.len() as u64;
        }
        yield pending.iter().fold(0u64, |a, &b| a.wrapping_add(b));
        yield table.iter().fold(0u64, |a, &b| a.wrapping_add(b));
    }
}

fn gen_dead_after_loop_4k(rounds: u64) -> impl Iterator<Item = u64> {
    gen move {
        let outer = String::from("outer");
        let mut table = [0u64; 512];
        for i in 0..rounds {
            let i = i as usize;
            table[i % 512] = table[i % 512].wrapping_add(i as u64);
            yield table[i % 512];
            table[(i * 7) % 512] ^= 1;
            yield table[(i * 3) % 512];
        }
        yield outer.len() as u64;
    }
}

fn gen_tokenizer3(text: &str) -> impl Iterator<Item = u64> {
    gen move {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            if c.is_ascii_alphabetic() {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                yield word_hash(&bytes[start..i]);
            } else if c.is_ascii_digit() {
                let mut value = 0u64;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    value = value.wrapping_mul(10).wrapping_add(u64::from(bytes[i] - b'0'));
                    i += 1;
                }
                yield value;
            } else if c.is_ascii_whitespace() {
                i += 1;
            } else {
                i += 1;
                yield u64::from(c);
            }
        }
    }
}

fn gen_worker(id: u64) -> impl Iterator<Item = u64> {
    gen move {
        let mut acc = id;
        loop {
            yield acc;
            acc = acc.wrapping_mul(SPAWN_MUL).wrapping_add(1);
        }
    }
}

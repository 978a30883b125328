//! `corosensei` 0.3: stackful coroutines. The body is an ordinary closure running on its own `mmap`ed stack;
//! `yielder.suspend(v)` switches back to the caller. Any Rust can suspend (no macro rules at all); the price is
//! a stack switch per resume and a stack per coroutine.
//!
//! - `Coroutine::new` needs a `'static` body; the tree walk borrows the tree, so it uses `ScopedCoroutine`.
//! - Default stacks are 1 MiB of address space (touched pages only become resident); `spawn` uses
//!   `DefaultStack::new(SPAWN_STACK)`. Each stack is its own mapping plus a guard page, so the kernel's
//!   `vm.max_map_count` (65,530 by default) caps how many can be alive: `spawn` reports n/a past that.
//! - `size_of_val` is the handle only; the stack is extra (the spawn table's RSS column shows what it costs).

use corosensei::stack::DefaultStack;
use corosensei::{Coroutine, CoroutineResult, ScopedCoroutine, Yielder};

use super::{SpawnOutcome, Unsupported, spawn_with};
use crate::workloads::{
    Input, NESTED_COLS, SPAWN_MUL, Sink, Workload, feed, frame_digest, nested_rows, tokenizer_passes, tree_walks,
    two_points_rounds, word_hash,
};

/// Stack reserved per `spawn` worker (the smallest corosensei accepts is 4 KiB; 8 KiB leaves room for a
/// signal frame on the worker's stack).
pub const SPAWN_STACK: usize = 8 * 1024;

pub fn run(w: Workload, n: u64, input: &Input, sink: &mut impl Sink) -> Result<(), Unsupported> {
    match w {
        Workload::Count => drain(count(n), sink),
        Workload::Fib => take(fib(), n, sink),
        Workload::PingPong => {
            let mut pp = pingpong();
            for i in 0..n {
                sink.push(yielded(pp.resume(i)));
            }
        }
        Workload::Nested => drain(nested(nested_rows(n)), sink),
        Workload::Tree => {
            for _ in 0..tree_walks(n) {
                ScopedCoroutine::new(|y: &Yielder<(), u64>, ()| tree_walk(y, &input.tree)).scope(|mut c| {
                    while let CoroutineResult::Yield(value) = c.as_mut().resume(()) {
                        sink.push(value);
                    }
                });
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
            feed(&input.frames, n, sink, |byte| yielded(decoder.resume(byte)));
        }
        Workload::Tokenizer3 => {
            for _ in 0..tokenizer_passes(n) {
                ScopedCoroutine::new(|y: &Yielder<(), u64>, ()| tokenizer3(y, &input.text)).scope(|mut c| {
                    while let CoroutineResult::Yield(value) = c.as_mut().resume(()) {
                        sink.push(value);
                    }
                });
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
            let _ = pp.resume(0);
            size_of_val(&pp)
        }
        Workload::Nested => suspended(nested(10)),
        Workload::Tree => {
            // The scoped wrapper only hands out a pinned reference; its size is the handle's.
            let c = ScopedCoroutine::new(|y: &Yielder<(), u64>, ()| tree_walk(y, &input.tree));
            size_of_val(&c)
        }
        Workload::Large32 => suspended(large_state::<32>(10)),
        Workload::Large512 => suspended(large_state::<512>(10)),
        Workload::ClosureLoop => suspended(closure_loop(10)),
        Workload::TwoPoints32B => suspended(two_points::<4>(10)),
        Workload::TwoPoints4K => suspended(two_points::<512>(10)),
        Workload::Flush4K => suspended(flush_4k(10)),
        Workload::DeadAfterLoop4K => suspended(dead_after_loop_4k(10)),
        Workload::FrameDecoder => {
            let mut decoder = frame_decoder();
            let _ = decoder.resume(input.frames[0]);
            size_of_val(&decoder)
        }
        Workload::Tokenizer3 => {
            // As for `tree`: the handle's size.
            let c = ScopedCoroutine::new(|y: &Yielder<(), u64>, ()| tokenizer3(y, &input.text));
            size_of_val(&c)
        }
        Workload::Spawn => {
            let stack = DefaultStack::new(SPAWN_STACK).map_err(|e| Unsupported(e.to_string()))?;
            suspended(worker(stack, 1))
        }
    })
}

pub fn spawn(count: usize, all_suspended: &mut dyn FnMut()) -> Result<SpawnOutcome, Unsupported> {
    spawn_with(
        count,
        |id| match DefaultStack::new(SPAWN_STACK) {
            Ok(stack) => Ok(worker(stack, id)),
            Err(e) => Err(Unsupported(format!(
                "stack #{} failed ({e}): vm.max_map_count = {}",
                id + 1,
                std::fs::read_to_string("/proc/sys/vm/max_map_count").unwrap_or_default().trim()
            ))),
        },
        |c| yielded(c.resume(())),
        |c| yielded(c.resume(())),
        all_suspended,
    )
}

/// A generator: no resume argument, yields `u64`, returns nothing.
type Gen = Coroutine<(), u64, ()>;

/// The value of a `Yield` result.
#[inline(always)]
fn yielded<R>(result: CoroutineResult<u64, R>) -> u64 {
    match result {
        CoroutineResult::Yield(value) => value,
        CoroutineResult::Return(_) => unreachable!("internal: coroutine ended early"),
    }
}

/// Pushes every value until the coroutine returns.
#[inline(always)]
fn drain(mut c: Gen, sink: &mut impl Sink) {
    while let CoroutineResult::Yield(value) = c.resume(()) {
        sink.push(value);
    }
}

/// Pushes the first `n` values of an endless coroutine.
#[inline(always)]
fn take(mut c: Gen, n: u64, sink: &mut impl Sink) {
    for _ in 0..n {
        sink.push(yielded(c.resume(())));
    }
}

/// Resumes once, then measures the handle.
fn suspended<S: corosensei::stack::Stack>(mut c: Coroutine<(), u64, (), S>) -> usize {
    let _ = c.resume(());
    size_of_val(&c)
}

fn count(n: u64) -> Gen {
    Coroutine::new(move |y: &Yielder<(), u64>, ()| {
        for i in 0..n {
            y.suspend(i);
        }
    })
}

fn fib() -> Gen {
    Coroutine::new(|y: &Yielder<(), u64>, ()| {
        let (mut a, mut b) = (0u64, 1u64);
        loop {
            y.suspend(a);
            (a, b) = (b, a.wrapping_add(b));
        }
    })
}

fn pingpong() -> Coroutine<u64, u64, ()> {
    Coroutine::new(|y: &Yielder<u64, u64>, mut x: u64| {
        loop {
            x = y.suspend(x.wrapping_mul(2).wrapping_add(1));
        }
    })
}

fn nested(rows: u64) -> Gen {
    Coroutine::new(move |y: &Yielder<(), u64>, ()| {
        for i in 0..rows {
            for j in 0..NESTED_COLS {
                y.suspend(i * j);
            }
        }
    })
}

fn tree_walk(y: &Yielder<(), u64>, root: &crate::workloads::Node) {
    let mut stack = Vec::new();
    let mut cur = Some(root);
    loop {
        while let Some(node) = cur {
            stack.push(node);
            cur = node.left.as_deref();
        }
        match stack.pop() {
            Some(node) => {
                y.suspend(node.value);
                cur = node.right.as_deref();
            }
            None => break,
        }
    }
}

fn closure_loop(n: u64) -> Gen {
    Coroutine::new(move |y: &Yielder<(), u64>, ()| {
        for i in 0..n {
            let offset = move |z: u64| z + i;
            y.suspend(offset(1));
        }
    })
}

fn large_state<const K: usize>(n: u64) -> Gen {
    Coroutine::new(move |y: &Yielder<(), u64>, ()| {
        let mut buf = [0u64; K];
        for i in 0..n {
            let slot = i as usize % K;
            buf[slot] = buf[slot].wrapping_add(i);
            y.suspend(buf[slot]);
        }
    })
}

fn two_points<const K: usize>(rounds: u64) -> Gen {
    Coroutine::new(move |y: &Yielder<(), u64>, ()| {
        let mut buf = [0u64; K];
        let mut i = 0;
        while i < rounds {
            let slot = i as usize % K;
            buf[slot] = buf[slot].wrapping_add(i);
            y.suspend(buf[slot]);
            let next = (slot + 1) % K;
            buf[next] ^= buf[slot];
            y.suspend(buf[next]);
            i += 1;
        }
    })
}

fn flush_4k(n: u64) -> Gen {
    Coroutine::new(move |y: &Yielder<(), u64>, ()| {
        let mut pending: Vec<u64> = Vec::with_capacity(8);
        let mut table = [0u64; 512];
        for i in 0..n {
            let slot = i as usize % 512;
            table[slot] = table[slot].wrapping_add(i);
            pending.push(table[slot]);
            if pending.len() == 8 {
                pending.clear();
            }
            y.suspend(table[slot] ^ pending.len() as u64);
        }
        y.suspend(pending.iter().fold(0u64, |a, &b| a.wrapping_add(b)));
        y.suspend(table.iter().fold(0u64, |a, &b| a.wrapping_add(b)));
    })
}

fn dead_after_loop_4k(rounds: u64) -> Gen {
    Coroutine::new(move |y: &Yielder<(), u64>, ()| {
        let outer = String::from("outer");
        let mut table = [0u64; 512];
        for i in 0..rounds {
            let i = i as usize;
            table[i % 512] = table[i % 512].wrapping_add(i as u64);
            y.suspend(table[i % 512]);
            table[(i * 7) % 512] ^= 1;
            y.suspend(table[(i * 3) % 512]);
        }
        y.suspend(outer.len() as u64);
    })
}

fn frame_decoder() -> Coroutine<u8, u64, ()> {
    Coroutine::new(|y: &Yielder<u8, u64>, mut byte: u8| {
        let mut payload = Vec::with_capacity(256);
        loop {
            let len = usize::from(byte);
            byte = y.suspend(0);
            payload.clear();
            while payload.len() < len {
                payload.push(byte);
                byte = y.suspend(0);
            }
            byte = y.suspend(frame_digest(&payload, byte));
        }
    })
}

fn tokenizer3(y: &Yielder<(), u64>, text: &str) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_alphabetic() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            y.suspend(word_hash(&bytes[start..i]));
        } else if c.is_ascii_digit() {
            let mut value = 0u64;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                value = value.wrapping_mul(10).wrapping_add(u64::from(bytes[i] - b'0'));
                i += 1;
            }
            y.suspend(value);
        } else if c.is_ascii_whitespace() {
            i += 1;
        } else {
            i += 1;
            y.suspend(u64::from(c));
        }
    }
}

fn worker(stack: DefaultStack, id: u64) -> Coroutine<(), u64, (), DefaultStack> {
    Coroutine::with_stack(stack, move |y: &Yielder<(), u64>, ()| {
        let mut acc = id;
        loop {
            y.suspend(acc);
            acc = acc.wrapping_mul(SPAWN_MUL).wrapping_add(1);
        }
    })
}

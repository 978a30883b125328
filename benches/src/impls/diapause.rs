//! `diapause` 0.2: `#[diapause::coroutine(yield = T, resume = R)]`, CFG lowering into an enum of live
//! variables. Its rules show up as the annotations below: every variable held across a `yield_!` needs a
//! syntactically known type (`let mut a: u64`, `0u64..n`), and the yield type goes in the attribute.
//!
//! Driven with `start()` then `resume(..)` (its `Coroutine` trait, no `Pin`); `diapause::Iter` would add a
//! `status()` check per value.

use diapause::{Coroutine, CoroutineState};

use super::{SpawnOutcome, Unsupported, spawn_with};
use crate::workloads::{
    Input, NESTED_COLS, Node, SPAWN_MUL, Sink, Workload, nested_rows, tokenizer_passes, tree_walks, two_points_rounds,
    word_hash,
};

pub fn run(w: Workload, n: u64, input: &Input, sink: &mut impl Sink) -> Result<(), Unsupported> {
    match w {
        Workload::Count => drain(count(n), sink),
        Workload::Fib => take(fib(), n, sink),
        Workload::PingPong => {
            if n > 0 {
                let mut pp = pingpong();
                sink.push(yielded(pp.start()));
                for i in 1..n {
                    sink.push(yielded(pp.resume(i)));
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
        Workload::ClosureLoop => return Err(closure_needs_a_type()),
        Workload::TwoPoints32B => drain(two_points_32b(two_points_rounds(n)), sink),
        Workload::TwoPoints4K => drain(two_points_4k(two_points_rounds(n)), sink),
        Workload::Flush4K => drain(flush_4k(n), sink),
        Workload::DeadAfterLoop4K => drain(dead_after_loop_4k(two_points_rounds(n)), sink),
        Workload::FrameDecoder => return Err(start_takes_no_argument()),
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
        Workload::Count => started_size(count(10)),
        Workload::Fib => started_size(fib()),
        Workload::PingPong => started_size(pingpong()),
        Workload::Nested => started_size(nested(10)),
        Workload::Tree => started_size(tree(&input.tree)),
        Workload::Large32 => started_size(large_state_32(10)),
        Workload::Large512 => started_size(large_state_512(10)),
        Workload::ClosureLoop => return Err(closure_needs_a_type()),
        Workload::TwoPoints32B => started_size(two_points_32b(10)),
        Workload::TwoPoints4K => started_size(two_points_4k(10)),
        Workload::Flush4K => started_size(flush_4k(10)),
        Workload::DeadAfterLoop4K => started_size(dead_after_loop_4k(10)),
        Workload::FrameDecoder => return Err(start_takes_no_argument()),
        Workload::Tokenizer3 => started_size(tokenizer3(&input.text)),
        Workload::Spawn => started_size(worker(1)),
    })
}

pub fn spawn(count: usize, all_suspended: &mut dyn FnMut()) -> Result<SpawnOutcome, Unsupported> {
    spawn_with(count, |id| Ok(worker(id)), |c| yielded(c.start()), |c| yielded(c.resume(())), all_suspended)
}

/// The value of a `Yielded` state.
#[inline(always)]
fn yielded<R>(state: CoroutineState<u64, R>) -> u64 {
    match state {
        CoroutineState::Yielded(value) => value,
        CoroutineState::Complete(_) => unreachable!("internal: coroutine ended early"),
    }
}

/// Pushes every value until the coroutine completes.
#[inline(always)]
fn drain(mut c: impl Coroutine<(), Yield = u64>, sink: &mut impl Sink) {
    let mut state = c.start();
    while let CoroutineState::Yielded(value) = state {
        sink.push(value);
        state = c.resume(());
    }
}

/// Pushes the first `n` values of an endless coroutine.
#[inline(always)]
fn take(mut c: impl Coroutine<(), Yield = u64>, n: u64, sink: &mut impl Sink) {
    if n > 0 {
        sink.push(yielded(c.start()));
        for _ in 1..n {
            sink.push(yielded(c.resume(())));
        }
    }
}

/// `size_of_val` after `start()`.
fn started_size<R>(mut c: impl Coroutine<R, Yield = u64>) -> usize {
    let _ = c.start();
    size_of_val(&c)
}

/// diapause needs a written type for every value held across a yield, and a closure has none.
fn closure_needs_a_type() -> Unsupported {
    Unsupported("a closure held across a yield needs a written type".into())
}

/// `start()` takes no resume argument, so the decoder's first byte would need an extra, priming yield: not the
/// same shape.
fn start_takes_no_argument() -> Unsupported {
    Unsupported("`start()` takes no resume argument (the first byte would need a priming yield)".into())
}

#[diapause::coroutine(yield = u64)]
fn count(n: u64) {
    for i in 0u64..n {
        yield_!(i);
    }
}

#[diapause::coroutine(yield = u64)]
fn fib() {
    let mut a: u64 = 0;
    let mut b: u64 = 1;
    loop {
        yield_!(a);
        (a, b) = (b, a.wrapping_add(b));
    }
}

#[diapause::coroutine(yield = u64, resume = u64)]
fn pingpong() {
    let mut x: u64 = 0;
    loop {
        x = yield_!(x.wrapping_mul(2).wrapping_add(1));
    }
}

#[diapause::coroutine(yield = u64)]
fn nested(rows: u64) {
    for i in 0u64..rows {
        for j in 0u64..NESTED_COLS {
            yield_!(i * j);
        }
    }
}

#[diapause::coroutine(yield = u64)]
fn tree<'a>(root: &'a Node) {
    let mut stack: Vec<&'a Node> = Vec::new();
    let mut cur: Option<&'a Node> = Some(root);
    loop {
        while let Some(node) = cur {
            stack.push(node);
            cur = node.left.as_deref();
        }
        match stack.pop() {
            Some(node) => {
                // diapause can't hold `node` (a reference-typed binding) across the yield, even rebound as
                // `let node: &'a Node = node;`, so its last use moves before the yield. (A `Vec<&'a Node>` or
                // an `Option<&'a Node>` held across it is fine: the check is syntactic.)
                cur = node.right.as_deref();
                yield_!(node.value);
            }
            None => break,
        }
    }
}

#[diapause::coroutine(yield = u64)]
fn large_state_32(n: u64) {
    let mut buf: [u64; 32] = [0; 32];
    for i in 0u64..n {
        let slot: usize = i as usize % 32;
        buf[slot] = buf[slot].wrapping_add(i);
        yield_!(buf[slot]);
    }
}

#[diapause::coroutine(yield = u64)]
fn large_state_512(n: u64) {
    let mut buf: [u64; 512] = [0; 512];
    for i in 0u64..n {
        let slot: usize = i as usize % 512;
        buf[slot] = buf[slot].wrapping_add(i);
        yield_!(buf[slot]);
    }
}

#[diapause::coroutine(yield = u64)]
fn worker(id: u64) {
    let mut acc: u64 = id;
    loop {
        yield_!(acc);
        acc = acc.wrapping_mul(SPAWN_MUL).wrapping_add(1);
    }
}

#[diapause::coroutine(yield = u64)]
fn two_points_32b(rounds: u64) {
    let mut buf: [u64; 4] = [0; 4];
    let mut i: u64 = 0;
    while i < rounds {
        let slot: usize = i as usize % 4;
        buf[slot] = buf[slot].wrapping_add(i);
        yield_!(buf[slot]);
        let next: usize = (slot + 1) % 4;
        buf[next] ^= buf[slot];
        yield_!(buf[next]);
        i += 1;
    }
}

#[diapause::coroutine(yield = u64)]
fn two_points_4k(rounds: u64) {
    let mut buf: [u64; 512] = [0; 512];
    let mut i: u64 = 0;
    while i < rounds {
        let slot: usize = i as usize % 512;
        buf[slot] = buf[slot].wrapping_add(i);
        yield_!(buf[slot]);
        let next: usize = (slot + 1) % 512;
        buf[next] ^= buf[slot];
        yield_!(buf[next]);
        i += 1;
    }
}

#[diapause::coroutine(yield = u64)]
fn flush_4k(n: u64) {
    let mut pending: Vec<u64> = Vec::with_capacity(8);
    let mut table: [u64; 512] = [0; 512];
    for i in 0u64..n {
        let slot: usize = i as usize % 512;
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

#[diapause::coroutine(yield = u64)]
fn dead_after_loop_4k(rounds: u64) {
    let outer: String = String::from("outer");
    let mut table: [u64; 512] = [0; 512];
    for i in 0u64..rounds {
        let i: usize = i as usize;
        table[i % 512] = table[i % 512].wrapping_add(i as u64);
        yield_!(table[i % 512]);
        table[(i * 7) % 512] ^= 1;
        yield_!(table[(i * 3) % 512]);
    }
    yield_!(outer.len() as u64);
}

/// diapause can't hold `let bytes = text.as_bytes()` (a reference-typed binding that isn't a direct borrow)
/// across a yield, so the body indexes `text.as_bytes()` where the others index `bytes` (the same code after
/// inlining).
#[diapause::coroutine(yield = u64)]
fn tokenizer3<'a>(text: &'a str) {
    let mut i: usize = 0;
    while i < text.len() {
        let c: u8 = text.as_bytes()[i];
        if c.is_ascii_alphabetic() {
            let start: usize = i;
            while i < text.len() && text.as_bytes()[i].is_ascii_alphanumeric() {
                i += 1;
            }
            yield_!(word_hash(&text.as_bytes()[start..i]));
        } else if c.is_ascii_digit() {
            let mut value: u64 = 0;
            while i < text.len() && text.as_bytes()[i].is_ascii_digit() {
                value = value.wrapping_mul(10).wrapping_add(u64::from(text.as_bytes()[i] - b'0'));
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

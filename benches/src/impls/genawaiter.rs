//! `genawaiter` 0.99, stack flavour: an `async` block driven by a no-op waker, values passed through an
//! "airlock" cell; `let_gen_using!` pins the future in a `Shelf` on the caller's stack, so nothing is
//! allocated. The first resume argument is lost (it starts the future), which ping-pong tolerates because its
//! first argument is 0, the initial `x`.
//!
//! The suspended size is the `Shelf` (airlock + future) plus the `Gen` handle pointing at it.
//! `spawn` needs 100,000 shelves alive at once, which the macro (one `let` per generator) can't express, so
//! it calls `Gen::new` itself, the crate's documented `unsafe` constructor. (`let_gen_using!` wraps the same
//! call in an `unsafe` block of its own; lints don't look inside another crate's macros.)

use genawaiter::GeneratorState;
use genawaiter::stack::{Co, Gen, Shelf, let_gen_using};
use std::future::Future;

use super::{SpawnOutcome, Unsupported, spawn_with};
use crate::workloads::{
    Input, NESTED_COLS, Node, SPAWN_MUL, Sink, Workload, nested_rows, tokenizer_passes, tree_walks, two_points_rounds,
    word_hash,
};

pub fn run(w: Workload, n: u64, input: &Input, sink: &mut impl Sink) -> Result<(), Unsupported> {
    match w {
        Workload::Count => {
            let_gen_using!(g, |co| count(co, n));
            drain(g, sink);
        }
        Workload::Fib => {
            let_gen_using!(g, fib);
            take(g, n, sink);
        }
        Workload::PingPong => {
            let_gen_using!(g, pingpong);
            for i in 0..n {
                sink.push(yielded(g.resume_with(i)));
            }
        }
        Workload::Nested => {
            let_gen_using!(g, |co| nested(co, nested_rows(n)));
            drain(g, sink);
        }
        Workload::Tree => {
            for _ in 0..tree_walks(n) {
                let_gen_using!(g, |co| tree(co, &input.tree));
                drain(g, sink);
            }
        }
        Workload::Large32 => {
            let_gen_using!(g, |co| large_state::<32>(co, n));
            drain(g, sink);
        }
        Workload::Large512 => {
            let_gen_using!(g, |co| large_state::<512>(co, n));
            drain(g, sink);
        }
        Workload::ClosureLoop => {
            let_gen_using!(g, |co| closure_loop(co, n));
            drain(g, sink);
        }
        Workload::TwoPoints32B => {
            let_gen_using!(g, |co| two_points::<4>(co, two_points_rounds(n)));
            drain(g, sink);
        }
        Workload::TwoPoints4K => {
            let_gen_using!(g, |co| two_points::<512>(co, two_points_rounds(n)));
            drain(g, sink);
        }
        Workload::Flush4K => {
            let_gen_using!(g, |co| flush_4k(co, n));
            drain(g, sink);
        }
        Workload::DeadAfterLoop4K => {
            let_gen_using!(g, |co| dead_after_loop_4k(co, two_points_rounds(n)));
            drain(g, sink);
        }
        Workload::FrameDecoder => return Err(first_resume_argument_lost()),
        Workload::Tokenizer3 => {
            for _ in 0..tokenizer_passes(n) {
                let_gen_using!(g, |co| tokenizer3(co, &input.text));
                drain(g, sink);
            }
        }
        Workload::Spawn => unreachable!("internal: spawn goes through `spawn`"),
    }
    Ok(())
}

pub fn suspended_size(w: Workload, input: &Input) -> Result<usize, Unsupported> {
    Ok(match w {
        Workload::Count => {
            let_gen_using!(g, |co| count(co, 10));
            suspended(g)
        }
        Workload::Fib => {
            let_gen_using!(g, fib);
            suspended(g)
        }
        Workload::PingPong => {
            let_gen_using!(g, pingpong);
            let _ = g.resume_with(0);
            footprint(g)
        }
        Workload::Nested => {
            let_gen_using!(g, |co| nested(co, 10));
            suspended(g)
        }
        Workload::Tree => {
            let_gen_using!(g, |co| tree(co, &input.tree));
            suspended(g)
        }
        Workload::Large32 => {
            let_gen_using!(g, |co| large_state::<32>(co, 10));
            suspended(g)
        }
        Workload::Large512 => {
            let_gen_using!(g, |co| large_state::<512>(co, 10));
            suspended(g)
        }
        Workload::ClosureLoop => {
            let_gen_using!(g, |co| closure_loop(co, 10));
            suspended(g)
        }
        Workload::TwoPoints32B => {
            let_gen_using!(g, |co| two_points::<4>(co, 10));
            suspended(g)
        }
        Workload::TwoPoints4K => {
            let_gen_using!(g, |co| two_points::<512>(co, 10));
            suspended(g)
        }
        Workload::Flush4K => {
            let_gen_using!(g, |co| flush_4k(co, 10));
            suspended(g)
        }
        Workload::DeadAfterLoop4K => {
            let_gen_using!(g, |co| dead_after_loop_4k(co, 10));
            suspended(g)
        }
        Workload::FrameDecoder => return Err(first_resume_argument_lost()),
        Workload::Tokenizer3 => {
            let_gen_using!(g, |co| tokenizer3(co, &input.text));
            suspended(g)
        }
        Workload::Spawn => {
            let_gen_using!(g, |co| worker(co, 1));
            suspended(g)
        }
    })
}

#[allow(unsafe_code)] // `Gen::new` is genawaiter's own unsafe constructor; see the SAFETY note.
pub fn spawn(count: usize, all_suspended: &mut dyn FnMut()) -> Result<SpawnOutcome, Unsupported> {
    let mut storage: Vec<Shelf<u64, (), _>> = Vec::with_capacity(count);
    storage.resize_with(count, Shelf::new);
    let shelf_bytes = element_size(&storage);
    let mut shelves = storage.iter_mut();
    let outcome = spawn_with(
        count,
        |id| {
            let shelf = shelves.next().expect("internal: one shelf per worker");
            // SAFETY: `Gen::new` requires that the `Co` handed to the producer does not outlive the `Gen`;
            // `worker` only uses it inside its own future, which lives in the shelf and is dropped by the
            // `Gen`. The shelf is never moved: `storage` stays mutably borrowed while the `Gen`s exist.
            Ok(unsafe { Gen::new(shelf, |co| worker(co, id)) })
        },
        |g| yielded(g.resume()),
        |g| yielded(g.resume()),
        all_suspended,
    )?;
    Ok(SpawnOutcome { size_each: outcome.size_each + shelf_bytes, ..outcome })
}

/// The decoder's first byte is its first resume argument, which genawaiter drops (it only starts the future).
fn first_resume_argument_lost() -> Unsupported {
    Unsupported("the first resume argument is lost (it starts the future)".into())
}

/// Size of one element (the shelf's future type can't be named).
fn element_size<T>(_: &[T]) -> usize {
    size_of::<T>()
}

/// The value of a `Yielded` state.
#[inline(always)]
fn yielded<R>(state: GeneratorState<u64, R>) -> u64 {
    match state {
        GeneratorState::Yielded(value) => value,
        GeneratorState::Complete(_) => unreachable!("internal: generator ended early"),
    }
}

/// Pushes every value until the generator completes.
#[inline(always)]
fn drain<F: Future<Output = ()>>(g: &mut Gen<'_, u64, (), F>, sink: &mut impl Sink) {
    while let GeneratorState::Yielded(value) = g.resume() {
        sink.push(value);
    }
}

/// Pushes the first `n` values of an endless generator.
#[inline(always)]
fn take<F: Future<Output = ()>>(g: &mut Gen<'_, u64, (), F>, n: u64, sink: &mut impl Sink) {
    for _ in 0..n {
        sink.push(yielded(g.resume()));
    }
}

/// Resumes once, then measures.
fn suspended<F: Future<Output = ()>>(g: &mut Gen<'_, u64, (), F>) -> usize {
    let _ = g.resume();
    footprint(g)
}

/// What one suspended generator occupies: its `Shelf` (airlock and future) and the `Gen` handle.
fn footprint<R, F: Future>(g: &Gen<'_, u64, R, F>) -> usize {
    size_of::<Shelf<u64, R, F>>() + size_of_val(g)
}

async fn count(co: Co<'_, u64>, n: u64) {
    for i in 0..n {
        co.yield_(i).await;
    }
}

async fn fib(co: Co<'_, u64>) {
    let (mut a, mut b) = (0u64, 1u64);
    loop {
        co.yield_(a).await;
        (a, b) = (b, a.wrapping_add(b));
    }
}

async fn pingpong(co: Co<'_, u64, u64>) {
    let mut x = 0u64;
    loop {
        x = co.yield_(x.wrapping_mul(2).wrapping_add(1)).await;
    }
}

async fn nested(co: Co<'_, u64>, rows: u64) {
    for i in 0..rows {
        for j in 0..NESTED_COLS {
            co.yield_(i * j).await;
        }
    }
}

async fn tree(co: Co<'_, u64>, root: &Node) {
    let mut stack: Vec<&Node> = Vec::new();
    let mut cur = Some(root);
    loop {
        while let Some(node) = cur {
            stack.push(node);
            cur = node.left.as_deref();
        }
        match stack.pop() {
            Some(node) => {
                co.yield_(node.value).await;
                cur = node.right.as_deref();
            }
            None => break,
        }
    }
}

async fn closure_loop(co: Co<'_, u64>, n: u64) {
    for i in 0..n {
        let offset = move |z: u64| z + i;
        co.yield_(offset(1)).await;
    }
}

async fn large_state<const K: usize>(co: Co<'_, u64>, n: u64) {
    let mut buf = [0u64; K];
    for i in 0..n {
        let slot = i as usize % K;
        buf[slot] = buf[slot].wrapping_add(i);
        co.yield_(buf[slot]).await;
    }
}

async fn two_points<const K: usize>(co: Co<'_, u64>, rounds: u64) {
    let mut buf = [0u64; K];
    let mut i = 0;
    while i < rounds {
        let slot = i as usize % K;
        buf[slot] = buf[slot].wrapping_add(i);
        co.yield_(buf[slot]).await;
        let next = (slot + 1) % K;
        buf[next] ^= buf[slot];
        co.yield_(buf[next]).await;
        i += 1;
    }
}

async fn flush_4k(co: Co<'_, u64>, n: u64) {
    let mut pending: Vec<u64> = Vec::with_capacity(8);
    let mut table = [0u64; 512];
    for i in 0..n {
        let slot = i as usize % 512;
        table[slot] = table[slot].wrapping_add(i);
        pending.push(table[slot]);
        if pending.len() == 8 {
            pending.clear();
        }
        co.yield_(table[slot] ^ pending.len() as u64).await;
    }
    co.yield_(pending.iter().fold(0u64, |a, &b| a.wrapping_add(b))).await;
    co.yield_(table.iter().fold(0u64, |a, &b| a.wrapping_add(b))).await;
}

async fn dead_after_loop_4k(co: Co<'_, u64>, rounds: u64) {
    let outer = String::from("outer");
    let mut table = [0u64; 512];
    for i in 0..rounds {
        let i = i as usize;
        table[i % 512] = table[i % 512].wrapping_add(i as u64);
        co.yield_(table[i % 512]).await;
        table[(i * 7) % 512] ^= 1;
        co.yield_(table[(i * 3) % 512]).await;
    }
    co.yield_(outer.len() as u64).await;
}

async fn tokenizer3(co: Co<'_, u64>, text: &str) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_alphabetic() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            co.yield_(word_hash(&bytes[start..i])).await;
        } else if c.is_ascii_digit() {
            let mut value = 0u64;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                value = value.wrapping_mul(10).wrapping_add(u64::from(bytes[i] - b'0'));
                i += 1;
            }
            co.yield_(value).await;
        } else if c.is_ascii_whitespace() {
            i += 1;
        } else {
            i += 1;
            co.yield_(u64::from(c)).await;
        }
    }
}

async fn worker(co: Co<'_, u64>, id: u64) {
    let mut acc = id;
    loop {
        co.yield_(acc).await;
        acc = acc.wrapping_mul(SPAWN_MUL).wrapping_add(1);
    }
}

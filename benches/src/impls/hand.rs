//! `hand`: the baseline. Each workload written the way a careful person writes it without coroutines: an
//! `Iterator` struct holding exactly the state that survives between two values (with a state enum where the
//! code has several places to resume from), or (ping-pong, the frame decoder) a `resume` method. Every other
//! implementation is reported relative to these.

use std::ops::Range;

use super::{SpawnOutcome, Unsupported, drain, iter_suspended_size, spawn_with, take};
use crate::workloads::{
    Input, NESTED_COLS, Node, SPAWN_MUL, Sink, Workload, feed, frame_digest, nested_rows, tokenizer_passes, tree_walks,
    two_points_rounds, word_hash,
};

pub fn run(w: Workload, n: u64, input: &Input, sink: &mut impl Sink) -> Result<(), Unsupported> {
    match w {
        Workload::Count => drain(Count { next: 0, end: n }, sink),
        Workload::Fib => take(Fib { a: 0, b: 1 }, n, sink),
        Workload::PingPong => {
            let mut pp = PingPong;
            for i in 0..n {
                sink.push(pp.resume(i));
            }
        }
        Workload::Nested => drain(Nested::new(nested_rows(n)), sink),
        Workload::Tree => {
            for _ in 0..tree_walks(n) {
                drain(TreeWalk::new(&input.tree), sink);
            }
        }
        Workload::Large32 => drain(LargeState::<32>::new(n), sink),
        Workload::Large512 => drain(LargeState::<512>::new(n), sink),
        Workload::ClosureLoop => drain(ClosureLoop { i: 0, n }, sink),
        Workload::TwoPoints32B => drain(TwoPoints::<4>::new(two_points_rounds(n)), sink),
        Workload::TwoPoints4K => drain(TwoPoints::<512>::new(two_points_rounds(n)), sink),
        Workload::Flush4K => drain(Flush::new(n), sink),
        Workload::DeadAfterLoop4K => drain(DeadAfterLoop::new(two_points_rounds(n)), sink),
        Workload::FrameDecoder => {
            let mut decoder = FrameDecoder::new();
            feed(&input.frames, n, sink, |byte| decoder.resume(byte));
        }
        Workload::Tokenizer3 => {
            for _ in 0..tokenizer_passes(n) {
                drain(Tokenizer::new(&input.text), sink);
            }
        }
        Workload::Spawn => unreachable!("internal: spawn goes through `spawn`"),
    }
    Ok(())
}

pub fn suspended_size(w: Workload, input: &Input) -> Result<usize, Unsupported> {
    Ok(match w {
        Workload::Count => iter_suspended_size(Count { next: 0, end: 10 }),
        Workload::Fib => iter_suspended_size(Fib { a: 0, b: 1 }),
        Workload::PingPong => size_of::<PingPong>(),
        Workload::Nested => iter_suspended_size(Nested::new(10)),
        Workload::Tree => iter_suspended_size(TreeWalk::new(&input.tree)),
        Workload::Large32 => iter_suspended_size(LargeState::<32>::new(10)),
        Workload::Large512 => iter_suspended_size(LargeState::<512>::new(10)),
        Workload::ClosureLoop => iter_suspended_size(ClosureLoop { i: 0, n: 10 }),
        Workload::TwoPoints32B => iter_suspended_size(TwoPoints::<4>::new(10)),
        Workload::TwoPoints4K => iter_suspended_size(TwoPoints::<512>::new(10)),
        Workload::Flush4K => iter_suspended_size(Flush::new(10)),
        Workload::DeadAfterLoop4K => iter_suspended_size(DeadAfterLoop::new(10)),
        Workload::FrameDecoder => {
            let mut decoder = FrameDecoder::new();
            decoder.resume(input.frames[0]);
            size_of_val(&decoder)
        }
        Workload::Tokenizer3 => iter_suspended_size(Tokenizer::new(&input.text)),
        Workload::Spawn => iter_suspended_size(Worker::new(1)),
    })
}

pub fn spawn(count: usize, all_suspended: &mut dyn FnMut()) -> Result<SpawnOutcome, Unsupported> {
    spawn_with(
        count,
        |id| Ok(Worker::new(id)),
        |w| w.next().expect("internal: worker is endless"),
        |w| w.next().expect("internal: worker is endless"),
        all_suspended,
    )
}

/// `for i in 0..n { yield i }`.
struct Count {
    next: u64,
    end: u64,
}

impl Iterator for Count {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        if self.next < self.end {
            self.next += 1;
            Some(self.next - 1)
        } else {
            None
        }
    }
}

/// `loop { yield a; (a, b) = (b, a + b) }`.
struct Fib {
    a: u64,
    b: u64,
}

impl Iterator for Fib {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        let a = self.a;
        (self.a, self.b) = (self.b, self.a.wrapping_add(self.b));
        Some(a)
    }
}

/// `loop { x = yield x * 2 + 1 }`: nothing survives between resumes, so there is no state at all.
struct PingPong;

impl PingPong {
    #[inline]
    #[allow(clippy::unused_self)] // shaped like every other `resume`, with no state to touch
    fn resume(&mut self, x: u64) -> u64 {
        x.wrapping_mul(2).wrapping_add(1)
    }
}

/// `for i in 0..rows { for j in 0..COLS { yield i * j } }`: the outer counter plus the inner range.
struct Nested {
    i: u64,
    rows: u64,
    cols: Range<u64>,
}

impl Nested {
    fn new(rows: u64) -> Nested {
        Nested { i: 0, rows, cols: 0..NESTED_COLS }
    }
}

impl Iterator for Nested {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        loop {
            if self.i >= self.rows {
                return None;
            }
            if let Some(j) = self.cols.next() {
                return Some(self.i * j);
            }
            self.i += 1;
            self.cols = 0..NESTED_COLS;
        }
    }
}

/// In-order walk with an explicit stack: descend left pushing nodes, pop one, yield it, go right.
struct TreeWalk<'a> {
    stack: Vec<&'a Node>,
    cur: Option<&'a Node>,
}

impl<'a> TreeWalk<'a> {
    fn new(root: &'a Node) -> TreeWalk<'a> {
        TreeWalk { stack: Vec::new(), cur: Some(root) }
    }
}

impl Iterator for TreeWalk<'_> {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        while let Some(node) = self.cur {
            self.stack.push(node);
            self.cur = node.left.as_deref();
        }
        let node = self.stack.pop()?;
        self.cur = node.right.as_deref();
        Some(node.value)
    }
}

/// A `[u64; K]` buffer kept across every yield; step `i` adds `i` to slot `i % K` and yields it.
/// Creates a closure over `i` in every step, as the coroutines do in every iteration.
struct ClosureLoop {
    i: u64,
    n: u64,
}

impl Iterator for ClosureLoop {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        if self.i == self.n {
            return None;
        }
        let i = self.i;
        let offset = move |z: u64| z + i;
        self.i += 1;
        Some(offset(1))
    }
}

struct LargeState<const K: usize> {
    buf: [u64; K],
    i: u64,
    n: u64,
}

impl<const K: usize> LargeState<K> {
    fn new(n: u64) -> Self {
        LargeState { buf: [0; K], i: 0, n }
    }
}

impl<const K: usize> Iterator for LargeState<K> {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        if self.i >= self.n {
            return None;
        }
        let i = self.i;
        self.i += 1;
        let slot = i as usize % K;
        self.buf[slot] = self.buf[slot].wrapping_add(i);
        Some(self.buf[slot])
    }
}

/// Two yields per round over a `[u64; K]` held in place: the first yields the slot the round updated, the
/// second folds that slot into the next one and yields it. Where the loop stands is an enum; the slot index
/// lives in the variant of the one point that needs it.
struct TwoPoints<const K: usize> {
    buf: [u64; K],
    i: u64,
    rounds: u64,
    at: TwoPointsAt,
}

#[derive(Clone, Copy)]
enum TwoPointsAt {
    /// At the top of the loop (or finished, once `i == rounds`).
    Top,
    /// Between the two yields of a round.
    Second { slot: usize },
}

impl<const K: usize> TwoPoints<K> {
    fn new(rounds: u64) -> Self {
        TwoPoints { buf: [0; K], i: 0, rounds, at: TwoPointsAt::Top }
    }
}

impl<const K: usize> Iterator for TwoPoints<K> {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        match self.at {
            TwoPointsAt::Top => {
                if self.i >= self.rounds {
                    return None;
                }
                let slot = self.i as usize % K;
                self.buf[slot] = self.buf[slot].wrapping_add(self.i);
                self.at = TwoPointsAt::Second { slot };
                Some(self.buf[slot])
            }
            TwoPointsAt::Second { slot } => {
                let next = (slot + 1) % K;
                self.buf[next] ^= self.buf[slot];
                self.i += 1;
                self.at = TwoPointsAt::Top;
                Some(self.buf[next])
            }
        }
    }
}

/// A loop of `n` steps over a `[u64; 512]` table and a `Vec` of pending values, then two flushes: the pending
/// values' sum, the table's sum. Step `i` adds `i` to slot `i % 512`, pushes the slot into the pending buffer
/// (emptied whenever it holds 8) and yields the slot xor the number pending.
struct Flush {
    pending: Vec<u64>,
    table: [u64; 512],
    i: u64,
    n: u64,
    at: FlushAt,
}

/// Where a [`Flush`] resumes.
#[derive(Clone, Copy)]
enum FlushAt {
    /// In the loop (not started, or after a step's yield): the next call runs a step, or leaves the loop and
    /// yields the first flush.
    Loop,
    /// After the first flush: the next call yields the second.
    FirstFlush,
    /// After the second flush: the next call ends, releasing the buffer as the coroutines' return does.
    SecondFlush,
    /// Ended.
    Done,
}

impl Flush {
    fn new(n: u64) -> Flush {
        Flush { pending: Vec::with_capacity(8), table: [0; 512], i: 0, n, at: FlushAt::Loop }
    }
}

impl Iterator for Flush {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        match self.at {
            FlushAt::Loop => {
                if self.i < self.n {
                    let i = self.i;
                    self.i += 1;
                    let slot = i as usize % 512;
                    self.table[slot] = self.table[slot].wrapping_add(i);
                    self.pending.push(self.table[slot]);
                    if self.pending.len() == 8 {
                        self.pending.clear();
                    }
                    Some(self.table[slot] ^ self.pending.len() as u64)
                } else {
                    self.at = FlushAt::FirstFlush;
                    Some(self.pending.iter().fold(0, |a, &b| a.wrapping_add(b)))
                }
            }
            FlushAt::FirstFlush => {
                self.at = FlushAt::SecondFlush;
                Some(self.table.iter().fold(0, |a, &b| a.wrapping_add(b)))
            }
            FlushAt::SecondFlush => {
                self.at = FlushAt::Done;
                self.pending = Vec::new();
                None
            }
            FlushAt::Done => None,
        }
    }
}

/// `rounds` rounds of two yields over a `[u64; 512]` table, then one yield of a `String`'s length after the loop
/// (the table is not used there). Round `i` adds `i` to slot `i % 512` and yields it, then flips the low bit of
/// slot `7i % 512` and yields slot `3i % 512`. The table and the string live in the struct, updated in place;
/// `i` is the current round, so the second point needs no variant data.
struct DeadAfterLoop {
    table: [u64; 512],
    outer: String,
    i: u64,
    rounds: u64,
    at: DeadAfterLoopAt,
}

/// Where a [`DeadAfterLoop`] resumes.
#[derive(Clone, Copy)]
enum DeadAfterLoopAt {
    /// At the top of the loop (not started, or after a round's second yield): the next call starts round `i`,
    /// or leaves the loop and yields the string's length.
    Top,
    /// After round `i`'s first yield: the next call yields its second value.
    Second,
    /// After the yield past the loop: the next call ends, releasing the string as the coroutines' return does.
    After,
    /// Ended.
    Done,
}

impl DeadAfterLoop {
    fn new(rounds: u64) -> DeadAfterLoop {
        DeadAfterLoop { table: [0; 512], outer: String::from("outer"), i: 0, rounds, at: DeadAfterLoopAt::Top }
    }
}

impl Iterator for DeadAfterLoop {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        match self.at {
            DeadAfterLoopAt::Top => {
                if self.i < self.rounds {
                    let i = self.i as usize;
                    let slot = i % 512;
                    self.table[slot] = self.table[slot].wrapping_add(self.i);
                    self.at = DeadAfterLoopAt::Second;
                    Some(self.table[slot])
                } else {
                    self.at = DeadAfterLoopAt::After;
                    Some(self.outer.len() as u64)
                }
            }
            DeadAfterLoopAt::Second => {
                let i = self.i as usize;
                self.i += 1;
                self.table[(i * 7) % 512] ^= 1;
                self.at = DeadAfterLoopAt::Top;
                Some(self.table[(i * 3) % 512])
            }
            DeadAfterLoopAt::After => {
                self.at = DeadAfterLoopAt::Done;
                self.outer = String::new();
                None
            }
            DeadAfterLoopAt::Done => None,
        }
    }
}

/// The frame decoder as a push parser: `resume(byte)` consumes one byte and returns 0, or the frame's digest
/// for its check byte. The payload buffer is reused from frame to frame.
struct FrameDecoder {
    payload: Vec<u8>,
    state: Decoding,
}

#[derive(Clone, Copy)]
enum Decoding {
    /// Expecting a frame's length byte.
    Length,
    /// Expecting payload bytes until the payload holds `len`.
    Payload { len: usize },
    /// Expecting the check byte.
    Check,
}

impl FrameDecoder {
    fn new() -> FrameDecoder {
        FrameDecoder { payload: Vec::with_capacity(256), state: Decoding::Length }
    }

    #[inline]
    fn resume(&mut self, byte: u8) -> u64 {
        match self.state {
            Decoding::Length => {
                self.payload.clear();
                let len = usize::from(byte);
                self.state = if len == 0 { Decoding::Check } else { Decoding::Payload { len } };
                0
            }
            Decoding::Payload { len } => {
                self.payload.push(byte);
                if self.payload.len() == len {
                    self.state = Decoding::Check;
                }
                0
            }
            Decoding::Check => {
                self.state = Decoding::Length;
                frame_digest(&self.payload, byte)
            }
        }
    }
}

/// The tokenizer as an iterator over the text's bytes: each `next` skips whitespace and returns one token.
struct Tokenizer<'a> {
    bytes: &'a [u8],
    i: usize,
}

impl<'a> Tokenizer<'a> {
    fn new(text: &'a str) -> Tokenizer<'a> {
        Tokenizer { bytes: text.as_bytes(), i: 0 }
    }
}

impl Iterator for Tokenizer<'_> {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        let bytes = self.bytes;
        let mut i = self.i;
        let token = loop {
            let &c = bytes.get(i)?;
            if c.is_ascii_alphabetic() {
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                break word_hash(&bytes[start..i]);
            } else if c.is_ascii_digit() {
                let mut value = 0u64;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    value = value.wrapping_mul(10).wrapping_add(u64::from(bytes[i] - b'0'));
                    i += 1;
                }
                break value;
            }
            i += 1;
            if !c.is_ascii_whitespace() {
                break u64::from(c);
            }
        };
        self.i = i;
        Some(token)
    }
}

/// The `spawn` worker: `let mut acc = id; loop { yield acc; acc = acc * SPAWN_MUL + 1 }`.
struct Worker {
    acc: u64,
    started: bool,
}

impl Worker {
    fn new(id: u64) -> Worker {
        Worker { acc: id, started: false }
    }
}

impl Iterator for Worker {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        if self.started {
            self.acc = self.acc.wrapping_mul(SPAWN_MUL).wrapping_add(1);
        }
        self.started = true;
        Some(self.acc)
    }
}

//! The workloads every implementation runs, their shared inputs, and a plain-loop reference for each.
//!
//! - A workload is driven by a size `n`; [`Workload::yields`] says how many values that produces, so the
//!   harness can divide time (or instructions) by the number of yields.
//! - Values reach a [`Sink`]: [`Sum`] adds them up for timing, [`Record`] keeps them all so the pre-flight
//!   check can compare whole sequences (a sum alone would not notice values coming out in the wrong order).
//! - [`reference`] computes each sequence with ordinary loops and recursion, no coroutine anywhere: the
//!   hand-written state machines are checked against it too.
//! - `spawn` is different in kind (many coroutines alive at once, resumed twice each) and is driven through
//!   [`crate::impls::Impl::spawn`]; [`spawn_worker_values`] is its reference.

use std::hint::black_box;

/// One benchmark workload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Workload {
    /// `for i in 0..n { yield i }`.
    Count,
    /// `loop { yield a; (a, b) = (b, a + b) }` (wrapping), resumed `n` times.
    Fib,
    /// Resume argument in, value out: resumed with `i`, yields `i * 2 + 1`; `n` round trips.
    PingPong,
    /// `for i in 0..n / COLS { for j in 0..COLS { yield i * j } }`.
    Nested,
    /// In-order walk of a borrowed binary tree with an explicit `Vec<&Node>` stack.
    Tree,
    /// A `[u64; 32]` (256 B) held across every yield; one slot updated and yielded per step.
    Large32,
    /// A `[u64; 512]` (4 KiB) held across every yield; one slot updated and yielded per step.
    Large512,
    /// `for i in 0..n { let offset = move |z| z + i; yield offset(1) }`: a closure created every iteration and
    /// held across the yield (stackless: a join point before its `let`, passed on every resume).
    ClosureLoop,
    /// Two yields in a `while` loop, a `[u64; 4]` (32 B) and a slot index held: see [`two_points_reference`].
    TwoPoints32B,
    /// The same with a `[u64; 512]` (4 KiB): whether a resume that moves from one point to the other copies it.
    TwoPoints4K,
    /// A `for` loop with one yield, then two yields after it ("flush what is left"), a `Vec<u64>` and a
    /// `[u64; 512]` (4 KiB) held across all of them: whether resuming inside a loop that is followed by more
    /// suspension points moves the state. See [`flush_reference`].
    Flush4K,
    /// A `for` loop with two yields over a `[u64; 512]` (4 KiB) table that is dead after the loop, a `String`
    /// held throughout, then one yield after the loop: whether resuming inside a loop whose state is dead at the
    /// point after it moves the state. See [`dead_after_loop_reference`].
    DeadAfterLoop4K,
    /// A frame decoder fed one byte per resume (resume arguments): length, payload, check byte; a `Vec` held
    /// across three points. See [`frame_decoder_reference`].
    FrameDecoder,
    /// A tokenizer over a `&str` argument with three points (word, number, punctuation). See
    /// [`tokenizer_reference`].
    Tokenizer3,
    /// `n` coroutines alive at once, each resumed twice (measured per coroutine, not per yield).
    Spawn,
}

impl Workload {
    /// Every workload, in table order.
    pub const ALL: [Workload; 15] = [
        Workload::Count,
        Workload::Fib,
        Workload::PingPong,
        Workload::Nested,
        Workload::Tree,
        Workload::Large32,
        Workload::Large512,
        Workload::ClosureLoop,
        Workload::TwoPoints32B,
        Workload::TwoPoints4K,
        Workload::Flush4K,
        Workload::DeadAfterLoop4K,
        Workload::FrameDecoder,
        Workload::Tokenizer3,
        Workload::Spawn,
    ];

    /// The name used on the command line and in tables.
    pub fn name(self) -> &'static str {
        match self {
            Workload::Count => "count",
            Workload::Fib => "fib",
            Workload::PingPong => "pingpong",
            Workload::Nested => "nested",
            Workload::Tree => "tree",
            Workload::Large32 => "large_state_32",
            Workload::Large512 => "large_state_512",
            Workload::ClosureLoop => "closure_loop",
            Workload::TwoPoints32B => "two_points_32b",
            Workload::TwoPoints4K => "two_points_4k",
            Workload::Flush4K => "flush_4k",
            Workload::DeadAfterLoop4K => "dead_after_loop_4k",
            Workload::FrameDecoder => "frame_decoder",
            Workload::Tokenizer3 => "tokenizer3",
            Workload::Spawn => "spawn",
        }
    }

    /// Looks a workload up by [`name`](Self::name).
    pub fn from_name(name: &str) -> Option<Workload> {
        Workload::ALL.into_iter().find(|w| w.name() == name)
    }

    /// How many values one run of size `n` yields (for `spawn`: how many coroutines it creates).
    pub fn yields(self, n: u64) -> u64 {
        match self {
            Workload::Nested => nested_rows(n) * NESTED_COLS,
            Workload::Tree => tree_walks(n) * TREE_NODES,
            Workload::TwoPoints32B | Workload::TwoPoints4K => two_points_rounds(n) * 2,
            Workload::Flush4K => n + 2,
            Workload::DeadAfterLoop4K => two_points_rounds(n) * 2 + 1,
            Workload::Tokenizer3 => tokenizer_passes(n) * TEXT_TOKENS,
            _ => n,
        }
    }
}

/// Inner loop length of `nested`: short, so the outer loop's transitions show up in the cost.
pub const NESTED_COLS: u64 = 100;

/// Outer loop length of `nested` for size `n`.
pub fn nested_rows(n: u64) -> u64 {
    (n / NESTED_COLS).max(1)
}

/// Nodes in the `tree` input: a perfect binary tree of depth 16.
pub const TREE_NODES: u64 = (1 << 16) - 1;

/// Number of whole-tree walks for size `n` (a fresh coroutine per walk).
pub fn tree_walks(n: u64) -> u64 {
    (n / TREE_NODES).max(1)
}

/// A binary tree node; the walk yields `value`.
pub struct Node {
    /// What the walk yields for this node.
    pub value: u64,
    /// Smaller values.
    pub left: Option<Box<Node>>,
    /// Larger values.
    pub right: Option<Box<Node>>,
}

/// Rounds of the `two_points_*` and `dead_after_loop_4k` loops for size `n` (two yields per round).
pub fn two_points_rounds(n: u64) -> u64 {
    (n / 2).max(1)
}

/// Frames in the `frame_decoder` input stream (which is fed round and round).
pub const FRAMES: u64 = 1000;

/// Tokens in the `tokenizer3` input text.
pub const TEXT_TOKENS: u64 = 10_000;

/// Number of whole-text passes of `tokenizer3` for size `n` (a fresh coroutine per pass).
pub fn tokenizer_passes(n: u64) -> u64 {
    (n / TEXT_TOKENS).max(1)
}

/// Inputs shared by every implementation, built once, outside the timed region.
pub struct Input {
    /// The tree the `tree` workload walks.
    pub tree: Node,
    /// The bytes `frame_decoder` is fed, one per resume: [`FRAMES`] whole frames, repeated as often as needed.
    pub frames: Vec<u8>,
    /// The text `tokenizer3` splits: [`TEXT_TOKENS`] tokens.
    pub text: String,
}

impl Input {
    /// Builds the inputs.
    pub fn new() -> Input {
        let input = Input { tree: perfect_tree(0, TREE_NODES), frames: frame_stream(), text: token_text() };
        let mut tokens = Record::default();
        tokenizer_reference(&input.text, &mut tokens);
        assert_eq!(tokens.0.len() as u64, TEXT_TOKENS, "internal: the generated text has the wrong token count");
        input
    }
}

/// A cheap deterministic scramble of `k` (the inputs must not be regular enough to fold).
fn scramble(k: u64) -> u64 {
    (k.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (k >> 7)).rotate_left(29)
}

/// [`FRAMES`] frames `[length, payload.., check]`: lengths 0..=47, the check byte the wrapping sum of the payload,
/// except that every seventh frame has a wrong one (so both branches of the check run).
fn frame_stream() -> Vec<u8> {
    let mut stream = Vec::new();
    for frame in 0..FRAMES {
        let len = (scramble(frame) % 48) as u8;
        stream.push(len);
        let mut sum = 0u8;
        for k in 0..u64::from(len) {
            let byte = scramble(frame * 64 + k) as u8;
            sum = sum.wrapping_add(byte);
            stream.push(byte);
        }
        stream.push(if frame % 7 == 3 { sum ^ 0x5A } else { sum });
    }
    stream
}

/// [`TEXT_TOKENS`] tokens: words (letters, then letters or digits), decimal numbers and one-byte punctuation,
/// separated by spaces and newlines; the next token sometimes follows punctuation with no space.
fn token_text() -> String {
    const WORDS: [&str; 12] =
        ["let", "x1", "value", "coroutine", "fn", "return", "yield", "tmp2", "a", "state", "resume", "Vec"];
    const PUNCT: &[u8] = b"(){};,.+-*/=<>";
    let mut text = String::new();
    for k in 0..TEXT_TOKENS {
        let r = scramble(k);
        match r % 5 {
            0 | 1 => text.push_str(WORDS[(r >> 8) as usize % WORDS.len()]),
            2 => text.push_str(&((r >> 8) % 1_000_000).to_string()),
            _ => text.push(char::from(PUNCT[(r >> 8) as usize % PUNCT.len()])),
        }
        // A word or a number needs a separator before the next token; punctuation is a token of its own
        // whatever follows it.
        match (r >> 40) % 4 {
            0 if r % 5 >= 3 => {}
            0 | 1 => text.push(' '),
            2 => text.push('\n'),
            _ => text.push_str("  "),
        }
    }
    text
}

/// A perfect binary search tree over the in-order positions `lo..hi`; position `k` holds a scrambled value,
/// so a walk in the wrong order gives a different sequence.
fn perfect_tree(lo: u64, hi: u64) -> Node {
    let mid = lo + (hi - lo) / 2;
    let child = |lo: u64, hi: u64| (lo < hi).then(|| Box::new(perfect_tree(lo, hi)));
    Node { value: mid.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 20, left: child(lo, mid), right: child(mid + 1, hi) }
}

/// Where a driver puts each yielded value.
pub trait Sink {
    /// Takes one yielded value.
    fn push(&mut self, value: u64);
}

/// Wrapping sum of the yielded values; each value goes through `black_box`, so the optimizer must
/// materialise every one of them (it can't turn `count` into a closed form) but the coroutine state itself
/// is optimised exactly as in real code.
#[derive(Default)]
pub struct Sum(pub u64);

impl Sink for Sum {
    #[inline(always)]
    fn push(&mut self, value: u64) {
        self.0 = self.0.wrapping_add(black_box(value));
    }
}

/// Every yielded value, in order (pre-flight check only).
#[derive(Default)]
pub struct Record(pub Vec<u64>);

impl Sink for Record {
    fn push(&mut self, value: u64) {
        self.0.push(value);
    }
}

/// The sequence workload `w` of size `n` must produce, computed with ordinary loops and recursion.
///
/// # Panics
/// For `spawn`, which is checked with [`spawn_worker_values`] instead.
pub fn reference(w: Workload, n: u64, input: &Input, sink: &mut impl Sink) {
    match w {
        Workload::Count => (0..n).for_each(|i| sink.push(i)),
        Workload::Fib => {
            let (mut a, mut b) = (0u64, 1u64);
            for _ in 0..n {
                sink.push(a);
                (a, b) = (b, a.wrapping_add(b));
            }
        }
        Workload::PingPong => (0..n).for_each(|i| sink.push(i.wrapping_mul(2).wrapping_add(1))),
        Workload::ClosureLoop => (0..n).for_each(|i| sink.push(i + 1)),
        Workload::Nested => {
            for i in 0..nested_rows(n) {
                for j in 0..NESTED_COLS {
                    sink.push(i * j);
                }
            }
        }
        Workload::Tree => {
            fn walk(node: &Node, sink: &mut impl Sink) {
                if let Some(left) = &node.left {
                    walk(left, sink);
                }
                sink.push(node.value);
                if let Some(right) = &node.right {
                    walk(right, sink);
                }
            }
            for _ in 0..tree_walks(n) {
                walk(&input.tree, sink);
            }
        }
        Workload::Large32 => large_state_reference::<32>(n, sink),
        Workload::Large512 => large_state_reference::<512>(n, sink),
        Workload::TwoPoints32B => two_points_reference::<4>(two_points_rounds(n), sink),
        Workload::TwoPoints4K => two_points_reference::<512>(two_points_rounds(n), sink),
        Workload::Flush4K => flush_reference(n, sink),
        Workload::DeadAfterLoop4K => dead_after_loop_reference(two_points_rounds(n), sink),
        Workload::FrameDecoder => frame_decoder_reference(&input.frames, n, sink),
        Workload::Tokenizer3 => {
            for _ in 0..tokenizer_passes(n) {
                tokenizer_reference(&input.text, sink);
            }
        }
        Workload::Spawn => panic!("internal: `spawn` has no sequence reference; use spawn_worker_values"),
    }
}

fn large_state_reference<const K: usize>(n: u64, sink: &mut impl Sink) {
    let mut buf = [0u64; K];
    for i in 0..n {
        let slot = i as usize % K;
        buf[slot] = buf[slot].wrapping_add(i);
        sink.push(buf[slot]);
    }
}

/// The `two_points_*` body as a plain loop: each round adds the round number to one slot and yields it, then
/// folds that slot into the next one and yields the next one (the slot index is held across the first yield).
pub fn two_points_reference<const K: usize>(rounds: u64, sink: &mut impl Sink) {
    let mut buf = [0u64; K];
    let mut i = 0;
    while i < rounds {
        let slot = i as usize % K;
        buf[slot] = buf[slot].wrapping_add(i);
        sink.push(buf[slot]);
        let next = (slot + 1) % K;
        buf[next] ^= buf[slot];
        sink.push(buf[next]);
        i += 1;
    }
}

/// The `flush_4k` body as plain code: a `for` loop with one yield, then two yields after the loop.
pub fn flush_reference(n: u64, sink: &mut impl Sink) {
    let mut pending: Vec<u64> = Vec::with_capacity(8);
    let mut table = [0u64; 512];
    for i in 0..n {
        let slot = i as usize % 512;
        table[slot] = table[slot].wrapping_add(i);
        pending.push(table[slot]);
        if pending.len() == 8 {
            pending.clear();
        }
        sink.push(table[slot] ^ pending.len() as u64);
    }
    sink.push(pending.iter().fold(0u64, |a, &b| a.wrapping_add(b)));
    sink.push(table.iter().fold(0u64, |a, &b| a.wrapping_add(b)));
}

/// The `dead_after_loop_4k` body as plain code: two yields per loop round, then one after the loop; the table is
/// not used after the loop.
pub fn dead_after_loop_reference(rounds: u64, sink: &mut impl Sink) {
    let outer = String::from("outer");
    let mut table = [0u64; 512];
    for i in 0..rounds {
        let i = i as usize;
        table[i % 512] = table[i % 512].wrapping_add(i as u64);
        sink.push(table[i % 512]);
        table[(i * 7) % 512] ^= 1;
        sink.push(table[(i * 3) % 512]);
    }
    sink.push(outer.len() as u64);
}

/// What the decoder yields for a frame's check byte: a digest of the payload if `check` is the wrapping sum of
/// its bytes, else an error marker with the length. Every implementation calls this once per frame.
#[inline]
pub fn frame_digest(payload: &[u8], check: u8) -> u64 {
    let sum = payload.iter().fold(0u8, |s, &b| s.wrapping_add(b));
    if sum == check {
        payload.iter().fold(payload.len() as u64, |h, &b| h.wrapping_mul(31).wrapping_add(u64::from(b)))
    } else {
        (1 << 63) | payload.len() as u64
    }
}

/// Feeds the first `n` bytes of `stream`, repeated end to end, to `resume`, one byte per call, and pushes what
/// each call returns. Every implementation of `frame_decoder` is driven through this.
#[inline(always)]
pub fn feed(stream: &[u8], n: u64, sink: &mut impl Sink, mut resume: impl FnMut(u8) -> u64) {
    let mut left = n;
    while left > 0 {
        let k = left.min(stream.len() as u64) as usize;
        for &byte in &stream[..k] {
            sink.push(resume(byte));
        }
        left -= k as u64;
    }
}

/// The frame decoder as an ordinary loop that pulls its bytes: one value per byte, 0 for the length and payload
/// bytes, [`frame_digest`] for the check byte; stops after `n` bytes.
fn frame_decoder_reference(stream: &[u8], n: u64, sink: &mut impl Sink) {
    let mut bytes = stream.iter().copied().cycle().take(n as usize);
    let mut payload = Vec::new();
    'frames: while let Some(len) = bytes.next() {
        sink.push(0);
        payload.clear();
        for _ in 0..len {
            let Some(byte) = bytes.next() else { break 'frames };
            payload.push(byte);
            sink.push(0);
        }
        let Some(check) = bytes.next() else { break };
        sink.push(frame_digest(&payload, check));
    }
}

/// FNV-1a of a word's bytes: what the tokenizer yields for a word.
#[inline]
pub fn word_hash(word: &[u8]) -> u64 {
    word.iter().fold(0xCBF2_9CE4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3))
}

/// The tokenizer body as a plain fn: a word yields [`word_hash`], a number its value (wrapping), any other
/// non-whitespace byte itself; whitespace separates tokens.
pub fn tokenizer_reference(text: &str, sink: &mut impl Sink) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_alphabetic() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            sink.push(word_hash(&bytes[start..i]));
        } else if c.is_ascii_digit() {
            let mut value = 0u64;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                value = value.wrapping_mul(10).wrapping_add(u64::from(bytes[i] - b'0'));
                i += 1;
            }
            sink.push(value);
        } else if c.is_ascii_whitespace() {
            i += 1;
        } else {
            i += 1;
            sink.push(u64::from(c));
        }
    }
}

/// Multiplier of the `spawn` worker's state update (Knuth's MMIX LCG).
pub const SPAWN_MUL: u64 = 6_364_136_223_846_793_005;

/// What the `spawn` worker with id `id` yields on its first and second resume: `id`, then
/// `id * SPAWN_MUL + 1` (wrapping). Every implementation writes the same worker:
/// `let mut acc = id; loop { yield acc; acc = acc * SPAWN_MUL + 1 }`.
pub fn spawn_worker_values(id: u64) -> [u64; 2] {
    [id, id.wrapping_mul(SPAWN_MUL).wrapping_add(1)]
}

/// Wrapping sum of both values of every worker `0..count`: the `spawn` checksum.
pub fn spawn_checksum(count: usize) -> u64 {
    (0..count as u64).flat_map(spawn_worker_values).fold(0, u64::wrapping_add)
}

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
    /// `n` coroutines alive at once, each resumed twice (measured per coroutine, not per yield).
    Spawn,
}

impl Workload {
    /// Every workload, in table order.
    pub const ALL: [Workload; 9] = [
        Workload::Count,
        Workload::Fib,
        Workload::PingPong,
        Workload::Nested,
        Workload::Tree,
        Workload::Large32,
        Workload::Large512,
        Workload::ClosureLoop,
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

/// Inputs shared by every implementation, built once, outside the timed region.
pub struct Input {
    /// The tree the `tree` workload walks.
    pub tree: Node,
}

impl Input {
    /// Builds the inputs.
    pub fn new() -> Input {
        Input { tree: perfect_tree(0, TREE_NODES) }
    }
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

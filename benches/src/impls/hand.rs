//! `hand`: the baseline. Each workload written the way a careful person writes it without coroutines: an
//! `Iterator` struct holding exactly the state that survives between two values, or (ping-pong) a plain
//! method. Every other implementation is reported relative to these.

use std::ops::Range;

use super::{SpawnOutcome, Unsupported, drain, iter_suspended_size, spawn_with, take};
use crate::workloads::{Input, NESTED_COLS, Node, SPAWN_MUL, Sink, Workload, nested_rows, tree_walks};

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

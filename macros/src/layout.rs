//! The state's layout, decided before any token is emitted: which suspension points share a variant.
//!
//! By default each suspension point has a variant of its own (`SuspendN`) holding what it stores: points never
//! held at the same time overlap, as rustc overlaps them. A resume that goes from one point to another then
//! builds the other's variant, moving every stored local, whatever its size.
//!
//! The points of one loop (the outermost loop around them) go from one to another on every iteration, and the
//! points outside loops from each to the next, so each of these groups shares a variant instead, a *cluster*: the locals every one of them holds (the loop's buffers, counters,
//! iterators) are the cluster's *shared* fields and stay where they are for as long as the loop runs; the rest
//! of what each point holds is its *own*, in a nested enum field `at` with one variant per point, overlapping
//! the other points' own locals. Going from one of the loop's points to another rewrites `at` only.
//!
//! Invariant: a shared local is held at every point of its cluster, with the same representation (never through
//! `Hold`), and is declared before every own local of every point. The cluster's variant declares `at` first,
//! then the shared locals newest first: dropping a suspended state drops what it holds in reverse declaration
//! order, as unwinding the plain fn would.

use std::collections::HashMap;

use crate::analysis::{Analysis, Set};
use crate::ir::{Body, LocalId, ScopeId, YieldId};

/// A body with more suspension points than this has its groups split into chunks.
const CHUNKED_ABOVE: usize = 1024;
/// The most points a chunk holds: with `Moving`, its enum's tag is one byte.
const CHUNK: usize = 255;

/// The suspension points of one loop that share a variant.
pub struct Cluster {
    /// Its points, in source order (at least two).
    pub points: Vec<YieldId>,
    /// The locals each of its points holds, in declaration order.
    pub shared: Vec<LocalId>,
}

pub struct Layout {
    pub clusters: Vec<Cluster>,
    /// Per suspension point: its cluster, if any.
    pub cluster_of: Vec<Option<usize>>,
}

impl Layout {
    /// `never_held`: the locals stored as they are even where they are dead (the others are stored through
    /// `Hold` there, with another type).
    /// `located`: per suspension point, the blocks around it (by scope).
    pub fn new(body: &Body, an: &Analysis, never_held: &Set, located: &[HashMap<ScopeId, usize>]) -> Self {
        let mut by_loop: Vec<(Option<ScopeId>, Vec<YieldId>)> = Vec::new();
        for (k, point) in body.yields.iter().enumerate() {
            // A join point is entered within a step, an unreachable one never: both keep a variant of their own.
            if point.join || !an.reachable[k] {
                continue;
            }
            // Outside loops, the body's straight-line points form one group (`None`).
            let scope = outermost_loop_scope(body, &located[k]);
            match by_loop.iter_mut().find(|(s, _)| *s == scope) {
                Some((_, points)) => points.push(k),
                None => by_loop.push((scope, vec![k])),
            }
        }
        let mut clusters = Vec::new();
        let mut cluster_of = vec![None; body.yields.len()];
        let chunked = body.yields.len() > CHUNKED_ABOVE;
        for (_, group) in by_loop {
            // In a very large body, a group's points are split into chunks of at most `CHUNK` points that share
            // a variant even when they share no local: rustc then type-checks a `match` on each chunk's `at`
            // instead of one `match` over every point, which it checks in more than linear time.
            let chunks: Vec<Vec<YieldId>> =
                if chunked { group.chunks(CHUNK).map(<[YieldId]>::to_vec).collect() } else { vec![group] };
            for points in chunks {
                if points.len() < 2 {
                    continue;
                }
                let shared = shared_locals(body, an, never_held, &points);
                if shared.is_empty() && !chunked {
                    continue;
                }
                for &k in &points {
                    cluster_of[k] = Some(clusters.len());
                }
                clusters.push(Cluster { points, shared });
            }
        }
        Layout { clusters, cluster_of }
    }

    /// What point `k` stores besides its cluster's shared locals (everything, outside a cluster), in
    /// declaration order.
    pub fn own(&self, an: &Analysis, k: YieldId) -> Vec<LocalId> {
        match self.cluster_of[k] {
            Some(c) => an.stored[k].iter().copied().filter(|l| !self.clusters[c].shared.contains(l)).collect(),
            None => an.stored[k].clone(),
        }
    }

    /// Point `k`'s cluster's shared locals (none outside a cluster).
    pub fn shared(&self, k: YieldId) -> &[LocalId] {
        self.cluster_of[k].map_or(&[][..], |c| &self.clusters[c].shared)
    }

    /// Points `j` and `k` are in the same cluster.
    pub fn same_cluster(&self, j: YieldId, k: YieldId) -> bool {
        self.cluster_of[j].is_some() && self.cluster_of[j] == self.cluster_of[k]
    }
}

/// The outermost scope inside a loop among `blocks` (the blocks around a suspension point) and their
/// ancestors: the same for every point of that loop. `None` outside loops.
fn outermost_loop_scope(body: &Body, blocks: &HashMap<ScopeId, usize>) -> Option<ScopeId> {
    let mut scope = blocks.keys().copied().find(|&s| body.scopes[s].in_loop)?;
    while let Some(parent) = body.scopes[scope].parent {
        if !body.scopes[parent].in_loop {
            break;
        }
        scope = parent;
    }
    Some(scope)
}

/// The locals that every one of `points` holds, as the same value, declared before what any of them holds
/// besides (see the module's invariant).
fn shared_locals(body: &Body, an: &Analysis, never_held: &Set, points: &[YieldId]) -> Vec<LocalId> {
    let hidden = |l: LocalId| body.locals[l].hidden.is_some();
    let first = points[0];
    let mut shared: Vec<LocalId> = an.stored[first]
        .iter()
        .copied()
        .filter(|&l| {
            points.iter().all(|&k| an.stored[k].contains(&l) && (!an.dead[k].contains(l) || never_held.contains(l)))
                && !hidden(l)
        })
        .collect();
    // Shared locals come first in each point's declaration order: keep the longest such prefix, until every
    // point agrees.
    loop {
        let before = shared.len();
        for &k in points {
            let prefix = an.stored[k].iter().take_while(|l| shared.contains(l)).count();
            let keep: Vec<LocalId> = an.stored[k][..prefix].to_vec();
            shared.retain(|l| keep.contains(l));
        }
        if shared.len() == before {
            return shared;
        }
    }
}

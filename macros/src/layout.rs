//! The state's layout, decided before any token is emitted: which suspension points share a variant.
//!
//! By default each suspension point has a variant of its own (`SuspendN`) holding what it stores: points never
//! held at the same time overlap, as rustc overlaps them. A resume that goes from one point to another then
//! builds the other's variant, moving every stored local, whatever its size.
//!
//! The points of one loop (the outermost loop around them) go from one to another on every iteration, and the
//! points outside loops from each to the next: each of these sets of points shares one variant instead, a
//! *group* (`GroupN`). The locals every point of the group holds (a loop's buffers, counters, iterators) are
//! the group's *shared* fields and stay where they are for as long as the group's points follow one another;
//! the rest of what each point holds is its *own*, in a nested enum field `at` with one variant per point,
//! overlapping the other points' own locals. Going from one point of the group to another rewrites `at` only.
//! A body of over 1,024 points is split into groups of at most 255 points, even where they share nothing:
//! rustc checks a `match` over every point of a large body in more than linear time.
//!
//! Invariant: a shared local is held at every point of its group, with the same representation (as it is at
//! every point, or through `Hold` at every point), and is declared before every own local of every point. The
//! group's variant declares `at` first, then the shared locals newest first: dropping a suspended state drops
//! what it holds in reverse declaration order, as unwinding the plain fn would.

use std::collections::HashMap;

use crate::analysis::{Analysis, Set};
use crate::ir::{Body, LocalId, ScopeId, YieldId};

/// A body with more suspension points than this has its loops' points split into chunks.
const CHUNKED_ABOVE: usize = 1024;
/// The most points a chunk holds: with `Moving`, its enum's tag is one byte.
const CHUNK: usize = 255;

/// The suspension points of one loop that share a variant.
pub struct Group {
    /// Its points, in source order (at least two).
    pub points: Vec<YieldId>,
    /// The locals each of its points holds, in declaration order.
    pub shared: Vec<LocalId>,
}

pub struct Layout {
    pub groups: Vec<Group>,
    /// Per suspension point: its group, if any.
    pub group_of: Vec<Option<usize>>,
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
            // Outside loops, the body's straight-line points are taken together (`None`).
            let scope = outermost_loop_scope(body, &located[k]);
            match by_loop.iter_mut().find(|(s, _)| *s == scope) {
                Some((_, points)) => points.push(k),
                None => by_loop.push((scope, vec![k])),
            }
        }
        let mut groups = Vec::new();
        let mut group_of = vec![None; body.yields.len()];
        let chunked = body.yields.len() > CHUNKED_ABOVE;
        for (_, points_of_loop) in by_loop {
            // In a very large body, a loop's points are split into chunks of at most `CHUNK` points that share
            // a variant even when they share no local: rustc then type-checks a `match` on each chunk's `at`
            // instead of one `match` over every point, which it checks in more than linear time.
            let chunks: Vec<Vec<YieldId>> = if chunked {
                points_of_loop.chunks(CHUNK).map(<[YieldId]>::to_vec).collect()
            } else {
                vec![points_of_loop]
            };
            for points in chunks {
                if points.len() < 2 {
                    continue;
                }
                let shared = shared_locals(body, an, never_held, &points);
                if shared.is_empty() && !chunked {
                    continue;
                }
                for &k in &points {
                    group_of[k] = Some(groups.len());
                }
                groups.push(Group { points, shared });
            }
        }
        Layout { groups, group_of }
    }

    /// What point `k` stores besides its group's shared locals (everything, outside a group), in
    /// declaration order.
    pub fn own(&self, an: &Analysis, k: YieldId) -> Vec<LocalId> {
        match self.group_of[k] {
            Some(c) => an.stored[k].iter().copied().filter(|l| !self.groups[c].shared.contains(l)).collect(),
            None => an.stored[k].clone(),
        }
    }

    /// Point `k`'s group's shared locals (none outside a group).
    pub fn shared(&self, k: YieldId) -> &[LocalId] {
        self.group_of[k].map_or(&[][..], |c| &self.groups[c].shared)
    }

    /// Points `j` and `k` are in the same group.
    pub fn same_group(&self, j: YieldId, k: YieldId) -> bool {
        self.group_of[j].is_some() && self.group_of[j] == self.group_of[k]
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
            // Stored the same way at every point: as it is, or through `Hold` (dead at every point, as an RAII
            // guard held only to be dropped is).
            let dead_at = |k: YieldId| an.dead[k].contains(l) && !never_held.contains(l);
            let same_representation = points.iter().all(|&k| dead_at(k)) || points.iter().all(|&k| !dead_at(k));
            points.iter().all(|&k| an.stored[k].contains(&l)) && same_representation && !hidden(l)
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

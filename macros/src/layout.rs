//! Phase 5, first: the state's layout, decided before any token is emitted: which suspension points share a variant.
//!
//! By default each suspension point has a variant of its own (`SuspendN`) holding what it stores: points never
//! held at the same time overlap, as rustc overlaps them. A resume that goes from one point to another then
//! builds the other's variant, moving every stored local, whatever its size.
//!
//! The points of one loop (the outermost loop around them) go from one to another on every iteration, and the points
//! outside loops from each to the next: each of these sets of points shares one variant instead, a *group*
//! (`GroupN`). The straight-line points after a loop join the loop's group (in source order, up to the first that
//! can't): the loop's arms reach them where the loop ends, and a point in another variant would
//! make those arms move the state out on every resume. For the same reason a loop right after another joins its
//! group. A join keeps what the loop keeps across iterations in place: a plain value (an array, a counter) the
//! joining points don't hold because it is dead there is stored there anyway, as it is (`Layout::stored` widens the
//! analysis' stores), and a join that would still make one of the loop's values move on every resume doesn't happen.
//! The points after a loop are resumed once: their arms move the state. The locals every point of the group holds (a
//! loop's buffers, counters, iterators) are the group's *shared* fields and stay where they are for as long as the
//! group's points follow one another; the rest of what each point holds is its *own*, in a nested enum field `at`
//! with one variant per point, overlapping the other points' own locals. Going from one point of the group to
//! another rewrites `at` only. A body of over 1,024 points is split into groups of at most 255 points, even where
//! they share nothing: rustc checks a `match` over every point of a large body in more than linear time.
//!
//! Invariant: a shared local is held at every point of its group, with the same representation (as it is at
//! every point, or through `Hold` at every point), and is declared before every own local of every point, unless
//! one of the two has no drop glue. The group's variant declares `at` first, then the shared locals newest
//! first: dropping a suspended state drops what it holds in reverse declaration order, as unwinding the plain fn
//! would (an own local declared before a shared one drops first, unobservably when one has no drop glue).

use std::collections::HashMap;

use crate::analysis::{Analysis, Set};
use crate::conventions::Word;
use crate::ir::{Block, Body, Cond, Leaf, LocalId, Node, ScopeId, Stmt, UseKind, Value, YieldId};

/// A body with more suspension points than this has its loops' points split into chunks.
const CHUNKED_ABOVE: usize = 1024;
/// The most points a chunk holds: with `Moving`, its enum's tag is one byte.
const CHUNK: usize = 255;

/// The suspension points of one loop that share a variant.
pub struct Group {
    /// Its points (at least two): a loop's in source order, then those that joined it (the points after it, or
    /// the loop right after it).
    pub points: Vec<YieldId>,
    /// The locals each of its points holds, in declaration order.
    pub shared: Vec<LocalId>,
    /// `at`'s tag is as wide as a pointer instead of a byte. rustc puts the state's other variants (`Idle`) in
    /// the largest niche of the group's variant; a `Vec`'s or `String`'s capacity has more unused values than a
    /// one-byte tag, so with one of those shared, every resume would test the capacity for `Idle` before `at`
    /// for its point (3 instructions, and a second test where the hand-written machine has one). A pointer-sized
    /// tag has the most unused values, so `Idle` goes there, and one test tells every state apart. Only where
    /// that costs no room: when every field of the group (shared or own) is known to be pointer-aligned and a
    /// multiple of a pointer's size ([`crate::conventions::Word`]), a one-byte tag would take a padded word too.
    pub wide_tag: bool,
}

pub struct Layout {
    pub groups: Vec<Group>,
    /// Per suspension point: its group, if any.
    pub group_of: Vec<Option<usize>>,
    /// Per suspension point: a straight-line point that joined the group of the loop before it (resumed once).
    pub after_loop: Vec<bool>,
    /// Per suspension point: what it stores, in declaration order. The analysis' `stored`, and the plain values a
    /// group keeps that are dead there but initialised, when points joined the group ([`Planner::widen`]).
    pub stored: Vec<Vec<LocalId>>,
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
        let (iterators, reassigned) = iterators_and_reassigned(body);
        let stored = an.stored.clone();
        let mut planner = Planner { body, an, never_held, iterators, reassigned, stored, after_loop: Vec::new() };
        let chunked = body.yields.len() > CHUNKED_ABOVE;
        for (scope, points) in &by_loop {
            if let Some(scope) = *scope {
                planner.keep_in_one_slot(scope, points);
            }
        }
        if !chunked {
            by_loop = planner.with_points_after_loops(located, by_loop);
        }
        let mut groups = Vec::new();
        let mut group_of = vec![None; body.yields.len()];
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
                let shared = planner.shared_locals(&points);
                if shared.is_empty() && !chunked {
                    continue;
                }
                for &k in &points {
                    group_of[k] = Some(groups.len());
                }
                let wide_tag = wide_tag(body, &planner.stored, &points, &shared);
                groups.push(Group { points, shared, wide_tag });
            }
        }
        let mut after_loop = vec![false; body.yields.len()];
        for &k in &planner.after_loop {
            after_loop[k] = group_of[k].is_some();
        }
        Layout { groups, group_of, after_loop, stored: planner.stored }
    }

    /// What point `k` stores besides its group's shared locals (everything, outside a group), in
    /// declaration order.
    pub fn own(&self, k: YieldId) -> Vec<LocalId> {
        match self.group_of[k] {
            Some(c) => self.stored[k].iter().copied().filter(|l| !self.groups[c].shared.contains(l)).collect(),
            None => self.stored[k].clone(),
        }
    }

    /// Point `k` of a group whose own locals can stay in `at` while an arm resumed there runs, bound by `&mut`
    /// as the shared ones are, instead of moving out and back: none has drop glue (an arm that writes another
    /// point into `at` drops them unobservably), none is a `&mut` (used by value, it moves), none has a drop
    /// flag, and no other point of the group holds one (no arm moves it from one variant of `at` to another).
    /// A loop's own iterator over a range, or a plain value only its point holds.
    pub fn own_in_place(&self, body: &Body, an: &Analysis, k: YieldId) -> bool {
        let Some(c) = self.group_of[k] else { return false };
        let points = &self.groups[c].points;
        self.own(k).into_iter().all(|l| stays_in_at(body, an, &self.stored, points, k, l))
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

/// Whether a group's `at` takes a pointer-sized tag (see [`Group::wide_tag`]). `stored`: what each point stores
/// as the groups formed.
fn wide_tag(body: &Body, stored: &[Vec<LocalId>], points: &[YieldId], shared: &[LocalId]) -> bool {
    let word = |l: &LocalId| body.locals[*l].word;
    shared.iter().any(|l| word(l) == Some(Word::Buffer))
        && points.iter().all(|&k| stored[k].iter().all(|l| word(l).is_some()))
}

/// What deciding the groups reads, and what each point stores as the groups form.
struct Planner<'a> {
    body: &'a Body,
    an: &'a Analysis,
    never_held: &'a Set,
    /// The `for` loops' iterators.
    iterators: Set,
    /// The locals assigned as a whole somewhere (`x = e`).
    reassigned: Set,
    /// Per suspension point: what it stores (see [`Layout::stored`]).
    stored: Vec<Vec<LocalId>>,
    /// The straight-line points that joined the group of the loop before them.
    after_loop: Vec<YieldId>,
}

impl Planner<'_> {
    /// The straight-line points after a loop join that loop's points (`by_loop`: the points of each outermost
    /// loop, `None` for those outside loops), and so does a loop right after another (with no straight-line
    /// point between them). The loop's arms reach such a point where the loop ends: in another variant, it would
    /// make each of those arms move the whole state out and back on every resume. In one group, a resume inside
    /// the loop moves only what its point holds and the later points don't (out of `at` and back), never the
    /// loop's buffers ([`Self::joins`] decides). A point follows the last loop before it in the blocks around
    /// both (after `if c { for .. {} } else { yield_!(..) }`'s loop, the `else` point follows none).
    fn with_points_after_loops(
        &mut self,
        located: &[HashMap<ScopeId, usize>],
        by_loop: Vec<(Option<ScopeId>, Vec<YieldId>)>,
    ) -> Vec<(Option<ScopeId>, Vec<YieldId>)> {
        // A point `k` comes after point `j` in the block around both that separates them.
        let after_point =
            |k: YieldId, j: YieldId| located[k].iter().any(|(s, i)| located[j].get(s).is_some_and(|j| i > j));
        let straight = by_loop.iter().position(|(scope, _)| scope.is_none());
        let mut loops = by_loop;
        let straight_points = straight.map(|i| loops.remove(i).1).unwrap_or_default();
        let mut entries: Vec<(Option<ScopeId>, Vec<YieldId>)> = Vec::new();
        let mut last_loop_start: Option<YieldId> = None;
        for (scope, points) in loops {
            let start = points[0];
            let follows = last_loop_start.is_some_and(|before| {
                after_point(start, before)
                    && !straight_points.iter().any(|&k| after_point(k, before) && after_point(start, k))
            });
            last_loop_start = Some(start);
            if let Some((_, group)) = entries.last_mut()
                && follows
                && self.joins(group, &points, &[&group[..], &points])
            {
                group.extend(points);
                continue;
            }
            entries.push((scope, points));
        }
        let mut after: Vec<Vec<YieldId>> = vec![Vec::new(); entries.len()];
        let mut alone = Vec::new();
        for k in straight_points {
            match entries.iter().rposition(|(_, points)| points.iter().any(|&j| after_point(k, j))) {
                Some(i) => after[i].push(k),
                None => alone.push(k),
            }
        }
        for ((_, points), after) in entries.iter_mut().zip(after) {
            // In source order, up to the first that stays apart: an arm resumed at that one may reach a later
            // one, and it doesn't hold what the group's points keep where it is dead.
            let loop_points = points.clone();
            let mut joining = true;
            for k in after {
                joining = joining && self.joins(points, &[k], &[&loop_points]);
                if joining {
                    points.push(k);
                    self.after_loop.push(k);
                } else {
                    alone.push(k);
                }
            }
        }
        if let Some(i) = straight {
            alone.sort_unstable();
            entries.insert(i.min(entries.len()), (None, alone));
        }
        entries
    }

    /// Whether `added` points join `group` (a loop's points, and those already joined to it): they must share a
    /// local, and what each loop in `sides` keeps from one iteration to the next must stay where it is. At a
    /// point of a side, a local that was in place (shared by the side's points, or anything held by a loop of
    /// one point) may become one the point moves out of `at` and back on each resume only if the loop body
    /// declares it anew each iteration, or it is a `for` loop's iterator, or it stays in `at`. A plain value (an
    /// array, a counter) the added points don't hold because it is dead there is kept there too
    /// ([`Self::widen`]), so it stays shared; any other value they don't hold (moved, or dropped: a `String`
    /// yielded after the loop) keeps them apart, whatever its size: rather than move it on every resume, the
    /// loop's arms then move the state out where they leave the group. When they join, the widened stores are
    /// kept.
    fn joins(&mut self, group: &[YieldId], added: &[YieldId], sides: &[&[YieldId]]) -> bool {
        let before = self.stored.clone();
        let in_place: Vec<Vec<LocalId>> = sides
            .iter()
            .map(|side| if side.len() > 1 { self.shared_locals(side) } else { self.stored[side[0]].clone() })
            .collect();
        self.widen(group, added);
        let joined: Vec<YieldId> = group.iter().chain(added).copied().collect();
        let shared = self.shared_locals(&joined);
        let keeps = |side: &&[YieldId], in_place: &Vec<LocalId>| {
            side.iter().all(|&k| {
                before[k].iter().all(|&l| {
                    let local = &self.body.locals[l];
                    shared.contains(&l)
                        || !in_place.contains(&l)
                        || self.body.scopes[local.scope].in_loop
                        || self.iterators.contains(l)
                        || stays_in_at(self.body, self.an, &self.stored, &joined, k, l)
                })
            })
        };
        let joins = !shared.is_empty() && sides.iter().zip(&in_place).all(|(side, in_place)| keeps(side, in_place));
        if !joins {
            self.stored = before;
        }
        joins
    }

    /// `added` points, joining `group`, also store each plain value held at every point of `group` that is in
    /// scope and initialised at them but not stored there because it is dead: `Copy` without drop glue (a
    /// number, a plain array, a shared reference: never moved out) or a range's iterator (no drop glue, used
    /// only by its loop's `next`), it costs nothing to keep where it is, and it stays one of the group's shared
    /// fields. Stored as it is (never through `Hold`): live at the group's points, it borrows nothing in the
    /// state, and it is never assigned a new value (which could borrow a local of the state). So do all other
    /// points where it is initialised.
    fn widen(&mut self, group: &[YieldId], added: &[YieldId]) {
        let Some((&first, rest)) = group.split_first() else { return };
        let candidates: Vec<LocalId> = self.stored[first]
            .iter()
            .copied()
            .filter(|&l| {
                let local = &self.body.locals[l];
                rest.iter().all(|&j| self.stored[j].contains(&l))
                    && matches!(local.value, Value::Plain | Value::PlainArray | Value::Range)
                    && !self.reassigned.contains(l)
                    && local.hidden.is_none()
                    && !self.an.flagged.contains(l)
                    && group.iter().all(|&j| !self.an.dead[j].contains(l))
            })
            .collect();
        if candidates.is_empty() || added.is_empty() {
            return;
        }
        // Every point keeps them where they are initialised, not only `added`: an arm resumed at a point that
        // didn't would reach a later one that does without the value (a join point between, a point in another
        // branch).
        for (k, point) in self.body.yields.iter().enumerate() {
            let keep = |l: &LocalId| {
                self.stored[k].contains(l) || (candidates.contains(l) && self.an.initialized[k].contains(*l))
            };
            let stored: Vec<LocalId> = point.in_scope.iter().copied().filter(keep).collect();
            self.stored[k] = stored;
        }
    }

    /// A plain value declared in the loop of `scope` and held at two or more of its `points` is kept at every
    /// point where it is initialised, dead or not, as rustc keeps a local held at several suspension points in
    /// one slot of the state: initialised at all of `points`, it is then one of their group's shared fields, and
    /// a resume that goes from one of them to another moves nothing (it would otherwise move from one variant of
    /// `at` to the next). `Copy` without drop glue, never assigned a new value (see [`Self::widen`]); declared in
    /// the loop, it is initialised only at the loop's points.
    fn keep_in_one_slot(&mut self, scope: ScopeId, points: &[YieldId]) {
        let (body, an) = (self.body, self.an);
        let inside = |mut s: ScopeId| loop {
            if s == scope {
                return true;
            }
            match body.scopes[s].parent {
                Some(parent) => s = parent,
                None => return false,
            }
        };
        let candidates: Vec<LocalId> = (0..body.locals.len())
            .filter(|&l| {
                let local = &body.locals[l];
                matches!(local.value, Value::Plain | Value::PlainArray)
                    && !self.reassigned.contains(l)
                    && local.hidden.is_none()
                    && !an.flagged.contains(l)
                    && inside(local.scope)
                    && points.iter().filter(|&&k| self.stored[k].contains(&l)).count() >= 2
                    && points.iter().all(|&k| an.initialized[k].contains(l))
            })
            .collect();
        if candidates.is_empty() {
            return;
        }
        for (k, point) in body.yields.iter().enumerate() {
            let keep =
                |l: &LocalId| self.stored[k].contains(l) || (candidates.contains(l) && an.initialized[k].contains(*l));
            self.stored[k] = point.in_scope.iter().copied().filter(keep).collect();
        }
    }

    /// The locals that every one of `points` holds, as the same value, declared before what any of them holds
    /// besides, unless one of the two has no drop glue (see the module's invariant).
    fn shared_locals(&self, points: &[YieldId]) -> Vec<LocalId> {
        let (body, an, stored) = (self.body, self.an, &self.stored);
        let hidden = |l: LocalId| body.locals[l].hidden.is_some();
        let glue = |l: LocalId| !body.locals[l].no_drop_glue();
        let first = points[0];
        let mut shared: Vec<LocalId> = stored[first]
            .iter()
            .copied()
            .filter(|&l| {
                // Stored the same way at every point: as it is, or through `Hold` (dead at every point, as an
                // RAII guard held only to be dropped is).
                let dead_at = |k: YieldId| an.dead[k].contains(l) && !self.never_held.contains(l);
                let same_representation = points.iter().all(|&k| dead_at(k)) || points.iter().all(|&k| !dead_at(k));
                points.iter().all(|&k| stored[k].contains(&l)) && same_representation && !hidden(l)
            })
            .collect();
        // At each point, a shared local with drop glue comes after no other local with drop glue that stays in
        // `at` (which drops first): drop until every point agrees.
        loop {
            let before = shared.len();
            for &k in points {
                let mut own_with_glue = false;
                let mut keep = Vec::new();
                for &l in &stored[k] {
                    if !shared.contains(&l) {
                        own_with_glue |= glue(l);
                    } else if !(own_with_glue && glue(l)) {
                        keep.push(l);
                    } else {
                        own_with_glue = true;
                    }
                }
                shared.retain(|l| keep.contains(l));
            }
            if shared.len() == before {
                return shared;
            }
        }
    }
}

/// The locals that hold a `for` loop's iterator (a range's, too), and those assigned as a whole somewhere
/// (`x = e`).
fn iterators_and_reassigned(body: &Body) -> (Set, Set) {
    struct Walk {
        iterators: Set,
        reassigned: Set,
    }
    impl Walk {
        fn block(&mut self, b: &Block) {
            for stmt in &b.stmts {
                match stmt {
                    Stmt::Let(l) => l.init.iter().for_each(|n| self.node(n)),
                    Stmt::Expr(n, _) => self.node(n),
                }
            }
        }
        fn leaf(&mut self, leaf: &Leaf) {
            for u in leaf.uses.iter().filter(|u| u.kind == UseKind::Write) {
                self.reassigned.insert(u.local);
            }
        }
        fn conds(&mut self, conds: &[Cond]) {
            for c in conds {
                match c {
                    Cond::Expr(leaf) | Cond::Let { scrut: leaf, .. } => self.leaf(leaf),
                }
            }
        }
        fn node(&mut self, n: &Node) {
            match n {
                Node::Leaf(leaf) => self.leaf(leaf),
                Node::Yield(_) => {}
                Node::Block { block: b, .. } | Node::Loop { body: b, .. } => self.block(b),
                Node::While { cond, body: b, .. } => {
                    self.conds(cond);
                    self.block(b);
                }
                Node::For { iter, it, body: b, .. } => {
                    self.iterators.insert(*it);
                    self.leaf(iter);
                    self.block(b);
                }
                Node::If { cond, then, els, .. } => {
                    self.conds(cond);
                    self.block(then);
                    if let Some(e) = els {
                        self.node(e);
                    }
                }
                Node::Match { scrut, arms } => {
                    self.leaf(scrut);
                    for arm in arms {
                        arm.guard.iter().for_each(|g| self.leaf(g));
                        self.node(&arm.body);
                    }
                }
                Node::Assign { place, value } => {
                    self.leaf(place);
                    self.node(value);
                }
            }
        }
    }
    let n = body.locals.len();
    let mut walk = Walk { iterators: Set::new(n), reassigned: Set::new(n) };
    walk.block(&body.root);
    // A `for` loop over a range is lowered with its iterator in the block around it (`Lowerer::range_loop`).
    for (l, local) in body.locals.iter().enumerate() {
        if local.value == Value::Range {
            walk.iterators.insert(l);
        }
    }
    for value in body.yields.iter().filter_map(|y| y.value.as_ref()) {
        walk.leaf(value);
    }
    (walk.iterators, walk.reassigned)
}

/// Local `l`, held at point `k` of the group of `points` but not shared, can stay in `at` at `k`: no drop glue,
/// no `&mut`, no drop flag, live at `k`, and held at no other point of the group.
fn stays_in_at(
    body: &Body,
    an: &Analysis,
    stored: &[Vec<LocalId>],
    points: &[YieldId],
    k: YieldId,
    l: LocalId,
) -> bool {
    let local = &body.locals[l];
    local.no_drop_glue()
        && local.value != Value::MutRef
        && !an.flagged.contains(l)
        && !an.dead[k].contains(l)
        && points.iter().all(|&j| j == k || !stored[j].contains(&l))
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

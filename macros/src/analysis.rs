//! Phase 4: what the state holds at each suspension point.
//!
//! Two data-flow analyses over the IR tree (loops iterate to a fixpoint; jumps inside leaves feed their
//! targets):
//! - backward **liveness**: which locals may still be read after a point;
//! - forward **initialisation**: which locals may / must hold a value (a move or `let x;` clears it).
//!
//! A local is **stored** at a suspension point when it is in scope, may be initialised, and is either live or
//! may need dropping at its scope's end (anything not known to lack drop glue): an RAII guard is held across
//! every yield of its scope even if unused, exactly as in the plain fn. A stored local that may be
//! uninitialised at some suspension point is **flagged**: it lives in an `Option` (its drop flag) everywhere; so
//! is one that a statement moves and assigns again (`cur = next(cur)`), which an arm can then do in place.
//! A stored local that is neither read nor assigned again is **dead** there: the emitter stores it through a
//! probe of its type, which drops a `Copy` one at once.
//!
//! Liveness also finds the `let`s whose value is never read though their local is ([`Analysis::lets_allowing_unused`]),
//! for the lint level of the arms that declare them.

use crate::ir::{Block, Body, Cond, Jump, LastUse, Leaf, LocalId, LoopId, Node, Stmt, UseKind, YieldId};

/// A set of locals.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Set(Vec<u64>);

impl Set {
    pub fn new(n: usize) -> Self {
        Set(vec![0; n.div_ceil(64).max(1)])
    }
    pub fn contains(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
    pub fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    pub fn remove(&mut self, i: usize) {
        self.0[i / 64] &= !(1 << (i % 64));
    }
    pub fn union(&mut self, other: &Set) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }
    pub fn intersect(&mut self, other: &Set) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }
}

/// Forward state: `None` is unreachable.
#[derive(Clone, PartialEq, Eq, Debug)]
struct Init {
    maybe: Set,
    must: Set,
}

fn join(a: Option<Init>, b: Option<Init>) -> Option<Init> {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(mut a), Some(b)) => {
            a.maybe.union(&b.maybe);
            a.must.intersect(&b.must);
            Some(a)
        }
    }
}

pub struct Analysis {
    /// Per leaf: locals live right after it.
    pub live_after_leaf: Vec<Set>,
    /// Per loop (or labeled block): locals live right after it, where a `break` out of it goes.
    pub live_after_loop: Vec<Set>,
    /// Per loop: locals live at its head, where a `continue` goes.
    pub live_at_loop_head: Vec<Set>,
    /// Per suspension point: the stored locals, in declaration order.
    pub stored: Vec<Vec<LocalId>>,
    /// Per suspension point: the stored locals that are dead there (neither read nor assigned again before
    /// their scope ends), held only in case they need dropping. The state stores them through a probe of their
    /// type (`__private::Hold`): a `Copy` one is dropped at once, so that what it borrows doesn't enter the state.
    pub dead: Vec<Set>,
    /// Per suspension point: some path from the start reaches it (not dead code after a `return`).
    pub reachable: Vec<bool>,
    /// Per suspension point: the locals initialised there on every path (and not moved out since).
    pub initialized: Vec<Set>,
    /// Per local: held in an `Option` drop flag.
    pub flagged: Set,
    /// Per local: bound by a `let` whose initializer suspends, or assigned a value that suspends, so its value
    /// arrives in several arms, each type-checking only its own part of the value
    /// (`if c { Some(yield_!(x)) } else { None }`): the arms tie its type together through a shared type witness.
    pub typed_across_arms: Set,
    /// Per suspension point: the locals read or assigned after it, before their scope ends (an arm that resumes
    /// there and doesn't find one in the state declares it again).
    pub touched_after_yield: Vec<Set>,
    /// Per leaf: locals stored at a suspension point that may follow it before they are declared again. A
    /// field moved out of such a local is vacated (the state keeps the local whole), not moved.
    pub held_after_leaf: Vec<Set>,
    /// Per local: some field of it is moved out by value (`page.items`): its declarations are `mut`, as
    /// vacating the field borrows it mutably.
    pub field_moved: Set,
    /// Per local: bound by a `let` whose value is never read (overwritten first), though the body reads the local
    /// elsewhere. An arm that declares it may then suspend before any use, which rustc would report as an unused
    /// variable there (with a `_` name as the fix, which breaks the other arms): its `let` allows
    /// `unused_variables`, where the plain fn says that the value assigned is never read.
    pub lets_allowing_unused: Set,
}

impl Analysis {
    /// Some reachable suspension point stores `l`; with `live`, one where it is live too (not only kept in case it
    /// needs dropping).
    pub fn held(&self, l: LocalId, live: bool) -> bool {
        (0..self.stored.len())
            .any(|k| self.reachable[k] && self.stored[k].contains(&l) && !(live && self.dead[k].contains(l)))
    }
}

pub fn analyze(body: &Body) -> Analysis {
    let n = body.locals.len();
    let mut live = Liveness::new(body, None, false);
    live.block(&body.root, Set::new(n));
    // The same, with an assignment counting as a use: a local dead at a suspension point by this measure keeps
    // its value (and its type) until its scope ends.
    let mut touched = Liveness::new(body, None, true);
    touched.block(&body.root, Set::new(n));

    let mut init = Initialisation {
        at_yield: vec![None; body.yields.len()],
        loops: vec![(None, None); body.loops.len()],
        body,
        live_after_leaf: &live.live_after_leaf,
        live_loops: &live.loops,
        moved_then_assigned: Set::new(n),
        consumed_by_unknown_method: Set::new(n),
    };
    let entry = Init { maybe: Set::new(n), must: Set::new(n) };
    init.block(&body.root, Some(entry));

    let only_point = sole_suspension_of_its_loop(body);
    let mut flagged = Set::new(n);
    let mut stored = Vec::new();
    let mut dead = Vec::new();
    let reachable = init.at_yield.iter().map(Option::is_some).collect();
    let initialized =
        init.at_yield.iter().map(|at| at.as_ref().map_or_else(|| Set::new(n), |at| at.must.clone())).collect();
    for (k, point) in body.yields.iter().enumerate() {
        let live_after = &live.live_after_yield[k];
        let state = init.at_yield[k].clone();
        let mut here = Vec::new();
        let mut dead_here = Set::new(n);
        if let Some(state) = state {
            for &l in &point.in_scope {
                let local = &body.locals[l];
                if state.maybe.contains(l) && (live_after.contains(l) || !local.no_drop_glue()) {
                    here.push(l);
                    if !touched.live_after_yield[k].contains(l) {
                        dead_here.insert(l);
                    }
                    // A drop flag when it may be moved out here, and also when a loop body declares it and it
                    // may need dropping: resuming inside the loop can then keep it in place and clear its flag
                    // at the end of each iteration, instead of moving the whole state out and back.
                    let loop_local = body.scopes[local.scope].in_loop && !body.scopes[local.scope].ends_at_exit;
                    // And when one statement moves it and assigns it again (`cur = next(cur)`): an arm keeps it in
                    // place and takes the value out of the flag, instead of moving the whole state out and back.
                    let reassigned = init.moved_then_assigned.contains(l)
                        && !init.consumed_by_unknown_method.contains(l)
                        && !local.plain();
                    if !state.must.contains(l) || (loop_local && !local.no_drop_glue() && only_point[k]) || reassigned {
                        flagged.insert(l);
                    }
                }
            }
        }
        stored.push(here);
        dead.push(dead_here);
    }
    let typed_across_arms = valued_by_suspending_code(body);
    // The same backward flow, with each suspension point reading what it stores instead of the leaves' uses.
    let mut held = Liveness::new(body, Some(&stored), false);
    held.block(&body.root, Set::new(n));
    let held_after_leaf = held.live_after_leaf;
    let field_moved = live.field_moved;
    let mut lets_allowing_unused = live.dead_when_bound;
    lets_allowing_unused.intersect(&live.read);
    let (live_after_loop, live_at_loop_head) = live.loops.into_iter().unzip();
    let touched_after_yield = touched.live_after_yield;
    Analysis {
        live_after_leaf: live.live_after_leaf,
        live_after_loop,
        live_at_loop_head,
        stored,
        reachable,
        initialized,
        flagged,
        typed_across_arms,
        touched_after_yield,
        held_after_leaf,
        field_moved,
        dead,
        lets_allowing_unused,
    }
}

/// The locals bound by a `let` whose initializer contains a suspension point, or assigned a value that does.
fn valued_by_suspending_code(body: &Body) -> Set {
    fn block(b: &Block, out: &mut Set) {
        for stmt in &b.stmts {
            match stmt {
                Stmt::Let(l) => {
                    if let Some(init) = &l.init {
                        if suspends(init) {
                            l.binding.locals.iter().for_each(|&local| out.insert(local));
                        }
                        node(init, out);
                    }
                }
                Stmt::Expr(n, _) => node(n, out),
            }
        }
    }
    fn node(n: &Node, out: &mut Set) {
        match n {
            Node::Leaf(_) | Node::Yield(_) => {}
            Node::Block { block: b, .. }
            | Node::Loop { body: b, .. }
            | Node::While { body: b, .. }
            | Node::For { body: b, .. } => block(b, out),
            Node::If { then, els, .. } => {
                block(then, out);
                if let Some(e) = els {
                    node(e, out);
                }
            }
            Node::Match { arms, .. } => arms.iter().for_each(|a| node(&a.body, out)),
            Node::Assign { place, value } => {
                // `x = yield_!(..)` assigns a value of the resume type, which every arm knows.
                if suspends(value) && !matches!(**value, Node::Yield(_)) {
                    place.uses.iter().filter(|u| u.kind == UseKind::Write).for_each(|u| out.insert(u.local));
                }
                node(value, out);
            }
        }
    }
    /// Whether a value may arrive from `n` after a suspension point in it (not from a block that a statement
    /// of its own leaves, as the `else` block of a `let ... else`).
    fn suspends(n: &Node) -> bool {
        let in_block = |b: &Block| {
            // (A `break` may carry the value out of the initializer: `loop { let v = yield_!(); break v; }`.)
            let leaves = b.stmts.iter().any(|s| {
                matches!(s, Stmt::Expr(Node::Leaf(l), _)
                    if l.diverges && !l.jumps.iter().any(|j| matches!(j, Jump::Break(_))))
            });
            !leaves
                && b.stmts.iter().any(|s| match s {
                    Stmt::Let(l) => l.init.as_ref().is_some_and(suspends),
                    Stmt::Expr(n, _) => suspends(n),
                })
        };
        match n {
            Node::Leaf(_) => false,
            Node::Yield(_) => true,
            Node::Block { block: b, .. }
            | Node::Loop { body: b, .. }
            | Node::While { body: b, .. }
            | Node::For { body: b, .. } => in_block(b),
            Node::If { then, els, .. } => in_block(then) || els.as_deref().is_some_and(suspends),
            Node::Match { arms, .. } => arms.iter().any(|a| suspends(&a.body)),
            Node::Assign { value, .. } => suspends(value),
        }
    }
    let mut out = Set::new(body.locals.len());
    block(&body.root, &mut out);
    out
}

/// Per suspension point: it is the only one in its outermost enclosing loop and none follows that loop, so
/// resuming there can only come back to it (the in-place fast path is possible).
fn sole_suspension_of_its_loop(body: &Body) -> Vec<bool> {
    fn block(b: &Block, outer: Option<LoopId>, out: &mut Vec<(YieldId, Option<LoopId>)>) {
        for stmt in &b.stmts {
            match stmt {
                Stmt::Let(l) => {
                    if let Some(init) = &l.init {
                        node(init, outer, out);
                    }
                }
                Stmt::Expr(n, _) => node(n, outer, out),
            }
        }
    }
    fn node(n: &Node, outer: Option<LoopId>, out: &mut Vec<(YieldId, Option<LoopId>)>) {
        match n {
            Node::Leaf(_) => {}
            Node::Yield(k) => out.push((*k, outer)),
            Node::Block { block: b, .. } => block(b, outer, out),
            Node::If { then, els, .. } => {
                block(then, outer, out);
                if let Some(e) = els {
                    node(e, outer, out);
                }
            }
            Node::Match { arms, .. } => arms.iter().for_each(|a| node(&a.body, outer, out)),
            Node::Loop { id, body: b, .. } | Node::While { id, body: b, .. } | Node::For { id, body: b, .. } => {
                block(b, outer.or(Some(*id)), out);
            }
            Node::Assign { value, .. } => node(value, outer, out),
        }
    }
    let mut points = Vec::new();
    block(&body.root, None, &mut points);
    let last = points.iter().map(|(k, _)| *k).max();
    let mut sole = vec![false; body.yields.len()];
    for &(k, outer) in &points {
        let Some(outer) = outer else { continue };
        let alone = points.iter().filter(|(_, o)| *o == Some(outer)).count() == 1;
        sole[k] = alone && Some(k) == last;
    }
    sole
}

struct Liveness<'b> {
    n: usize,
    live_after_leaf: Vec<Set>,
    live_after_yield: Vec<Set>,
    /// Per loop: (live at its `break` target, live at its `continue` target).
    loops: Vec<(Set, Set)>,
    body: &'b Body,
    /// Computing what is held instead: per suspension point, the locals it stores (the only "uses").
    held: Option<&'b [Vec<LocalId>]>,
    /// The locals some leaf moves a field out of.
    field_moved: Set,
    /// An assignment counts as a use instead of ending the local's liveness.
    writes_are_uses: bool,
    /// The locals whose `let` binds a value dead right after it (as of the latest visit of the `let`, which the
    /// fixed point of its loops makes the right one).
    dead_when_bound: Set,
    /// The locals some leaf or yielded value reads (any use but an assignment as a whole).
    read: Set,
}

impl<'b> Liveness<'b> {
    /// Nothing live anywhere yet. `held`: compute what is held instead of what is live (see the field);
    /// `writes_are_uses`: an assignment counts as a use.
    fn new(body: &'b Body, held: Option<&'b [Vec<LocalId>]>, writes_are_uses: bool) -> Self {
        let n = body.locals.len();
        Liveness {
            n,
            live_after_leaf: vec![Set::new(n); body.leaf_count],
            live_after_yield: vec![Set::new(n); body.yields.len()],
            loops: vec![(Set::new(n), Set::new(n)); body.loops.len()],
            body,
            held,
            field_moved: Set::new(n),
            writes_are_uses,
            dead_when_bound: Set::new(n),
            read: Set::new(n),
        }
    }

    /// Live before `leaf`, given live after it.
    fn leaf(&mut self, leaf: &Leaf, after: Set) -> Set {
        let mut live = if leaf.diverges { Set::new(self.n) } else { after };
        for jump in &leaf.jumps {
            match jump {
                Jump::Break(l) => live.union(&self.loops[*l].0.clone()),
                Jump::Continue(l) => live.union(&self.loops[*l].1.clone()),
                Jump::Return => {}
            }
        }
        // What is live at any way out of the leaf: a use inside it only moves a local dead at all of them.
        self.live_after_leaf[leaf.id] = live.clone();
        // A write after a jump to a loop of the body (`x = match c { true => break, false => v };`) may not
        // happen: the value from before it is live at the jump's target.
        let leaves_for_a_loop = leaf.jumps.iter().any(|j| matches!(j, Jump::Break(_) | Jump::Continue(_)));
        // Uses in reverse order: a whole write kills, any read makes live.
        for u in leaf.uses.iter().rev() {
            if u.kind != UseKind::Write {
                self.read.insert(u.local);
            }
            // (A field of a `Copy` value, or behind a `&mut`, is copied, never moved.)
            if u.field_move && !self.body.locals[u.local].copies_fields() {
                self.field_moved.insert(u.local);
            }
            match u.kind {
                UseKind::Write if self.writes_are_uses => live.insert(u.local),
                UseKind::Write if !(u.conditional() || leaves_for_a_loop && u.jumps_before > 0) => {
                    live.remove(u.local);
                }
                // What is held is read only where it is stored, at the suspension points.
                UseKind::Place | UseKind::Receiver | UseKind::Move if self.held.is_none() => live.insert(u.local),
                UseKind::Write | UseKind::Place | UseKind::Receiver | UseKind::Move => {}
            }
        }
        live
    }

    fn block(&mut self, block: &Block, after: Set) -> Set {
        let mut live = after;
        for stmt in block.stmts.iter().rev() {
            live = match stmt {
                Stmt::Let(l) => {
                    for &local in &l.binding.locals {
                        if live.contains(local) {
                            self.dead_when_bound.remove(local);
                        } else {
                            self.dead_when_bound.insert(local);
                        }
                        live.remove(local);
                    }
                    if let Some(d) = &l.diverge {
                        let d = self.leaf(d, Set::new(self.n));
                        live.union(&d);
                    }
                    match &l.init {
                        Some(init) => self.node(init, live),
                        None => live,
                    }
                }
                Stmt::Expr(node, _) => self.node(node, live),
            };
        }
        live
    }

    fn conds(&mut self, conds: &[Cond], after: Set) -> Set {
        let mut live = after;
        for c in conds.iter().rev() {
            live = match c {
                Cond::Expr(leaf) => self.leaf(leaf, live),
                Cond::Let { binding, scrut } => {
                    for &l in &binding.locals {
                        live.remove(l);
                    }
                    self.leaf(scrut, live)
                }
            };
        }
        live
    }

    fn node(&mut self, node: &Node, after: Set) -> Set {
        match node {
            Node::Leaf(leaf) => self.leaf(leaf, after),
            Node::Yield(k) => self.yield_(*k, after),
            Node::Block { id: Some(id), block, .. } => {
                // `break 'label` continues after the block.
                self.loops[*id].0 = after.clone();
                self.block(block, after)
            }
            Node::Block { block, .. } => self.block(block, after),
            Node::If { cond, then, els, .. } => {
                let mut both = self.block(then, after.clone());
                let e = match els {
                    Some(e) => self.node(e, after.clone()),
                    None => after.clone(),
                };
                both.union(&e);
                // A failed condition part skips the rest: to the `else` branch when there is one (what it reads is
                // in `e`), past the whole `if` when there is none (`e` is what is live there). Not past an `if`
                // with an `else`: a local both branches assign is dead before it (probe 48: `while let Some(s) =
                // x { if .. { x = yield_!(a) } else { x = yield_!(b) } }` moved `x` at the `while let`).
                self.conds(cond, both)
            }
            Node::Match { scrut, arms } => {
                // Live before trying the arms from this one on: a pattern that doesn't match, or a guard that
                // fails, goes on to the next arm (not past the `match`).
                let mut next = Set::new(self.n);
                for arm in arms.iter().rev() {
                    let mut live = self.node(&arm.body, after.clone());
                    if let Some(g) = &arm.guard {
                        let mut g_after = live.clone();
                        g_after.union(&next);
                        live = self.leaf(g, g_after);
                    }
                    // The pattern binds them before the guard reads them.
                    for &l in &arm.binding.locals {
                        live.remove(l);
                    }
                    live.union(&next);
                    next = live;
                }
                self.leaf(scrut, next)
            }
            Node::Loop { id, body, .. } => self.loop_(*id, after, |s, head| s.block(body, head)),
            Node::While { id, cond, body, .. } => self.loop_(*id, after.clone(), |s, head| {
                let b = s.block(body, head);
                let mut c_after = b;
                c_after.union(&after);
                s.conds(cond, c_after)
            }),
            Node::For { id, iter, it, binding, body, .. } => {
                let it = *it;
                let head = self.loop_(*id, after.clone(), |s, head| {
                    let mut b = s.block(body, head);
                    for &l in &binding.locals {
                        b.remove(l);
                    }
                    b.union(&after);
                    b.insert(it);
                    b
                });
                let mut before = head;
                before.remove(it);
                self.leaf(iter, before)
            }
            Node::Assign { place, value } => {
                let p = self.leaf(place, after);
                self.node(value, p)
            }
        }
    }

    fn yield_(&mut self, k: YieldId, mut after: Set) -> Set {
        self.live_after_yield[k] = after.clone();
        if let Some(held) = self.held {
            held[k].iter().for_each(|&l| after.insert(l));
        }
        match &self.body.yields[k].value {
            Some(v) => self.leaf(v, after),
            None => after,
        }
    }

    /// Iterates a loop body to a fixpoint; `body(head)` returns what is live at the loop's head given what is
    /// live at the head of the next iteration.
    fn loop_(&mut self, id: LoopId, after: Set, mut body: impl FnMut(&mut Self, Set) -> Set) -> Set {
        self.loops[id].0 = after;
        let mut head = Set::new(self.n);
        loop {
            self.loops[id].1 = head.clone();
            let new = body(self, head.clone());
            let mut merged = new.clone();
            merged.union(&head);
            if merged == head {
                return head;
            }
            head = merged;
        }
    }
}

struct Initialisation<'b> {
    at_yield: Vec<Option<Init>>,
    /// Per loop: (state at its `break` target, state at its `continue` target), joined over jumps.
    loops: Vec<(Option<Init>, Option<Init>)>,
    body: &'b Body,
    live_after_leaf: &'b [Set],
    /// Per loop: (locals live after it, locals live at its head).
    live_loops: &'b [(Set, Set)],
    /// Locals whose value a leaf moves and then assigns again ([`LastUse::BeforeOverwrite`]).
    moved_then_assigned: Set,
    /// Locals whose value is last used as the receiver of a method the macro doesn't know, or named in a macro it
    /// doesn't know (`consume!(x)`).
    consumed_by_unknown_method: Set,
}

impl Initialisation<'_> {
    fn leaf(&mut self, leaf: &Leaf, before: Option<Init>) -> Option<Init> {
        let mut state = before.clone()?;
        // Jumps inside the leaf leave with something between the state before and after it.
        let last = crate::ir::last_uses(&leaf.uses);
        for (i, u) in leaf.uses.iter().enumerate() {
            let exit = leaf.exit_after(u);
            // Live where the use's path goes after the leaf: past it, or where a jump that follows the use goes
            // (`consume(x); break;` in a loop moves `x` if it is dead after the loop).
            let live_after = match exit {
                None => self.live_after_leaf[leaf.id].contains(u.local),
                Some(Jump::Break(l)) => self.live_loops[l].0.contains(u.local),
                Some(Jump::Continue(l)) => self.live_loops[l].1.contains(u.local),
                Some(Jump::Return) => false,
            };
            // A by-value use of a local that is used again (later in the leaf, or after it) can only be a copy
            // in a program that compiles; only the last use of a dead local moves. A value moved and then replaced
            // in the leaf (`cur = next(cur)`) leaves the local initialised, and no jump leaves between the two.
            let replaced = last[i] == LastUse::BeforeOverwrite;
            let copy = u.kind == UseKind::Move && (replaced || !last[i].moves(live_after));
            match u.kind {
                UseKind::Move if replaced => self.moved_then_assigned.insert(u.local),
                // A method the macro doesn't know (`cur = cur.advance()`) may take `self`, which an arm can call
                // on a local it owns, not on the value in a flag.
                UseKind::Receiver if last[i].moves(live_after) => {
                    self.consumed_by_unknown_method.insert(u.local);
                }
                _ => {}
            }
            if copy {
                continue;
            }
            // A use followed by a jump out of the leaf may not happen where the leaf goes on (`'b: { if c { break
            // 'b; } return Ok(p); }` goes on with `p`; difftest seed 0x5eed73, program 1689).
            match (u.kind, u.conditional() || exit.is_some()) {
                (UseKind::Move, false) => {
                    state.must.remove(u.local);
                    state.maybe.remove(u.local);
                }
                (UseKind::Move, true) => state.must.remove(u.local),
                (UseKind::Write, false) => {
                    state.must.insert(u.local);
                    state.maybe.insert(u.local);
                }
                (UseKind::Write, true) => state.maybe.insert(u.local),
                (UseKind::Place | UseKind::Receiver, _) => {}
            }
        }
        let mut mid = join(before, Some(state.clone()));
        if let Some(m) = &mut mid {
            // A jump out of the leaf may happen before or after any of its moves.
            m.must.intersect(&state.must);
        }
        for jump in &leaf.jumps {
            match jump {
                Jump::Break(l) => self.loops[*l].0 = join(self.loops[*l].0.take(), mid.clone()),
                Jump::Continue(l) => self.loops[*l].1 = join(self.loops[*l].1.take(), mid.clone()),
                Jump::Return => {}
            }
        }
        if leaf.diverges { None } else { Some(state) }
    }

    fn bind(locals: &[LocalId], state: Option<Init>) -> Option<Init> {
        let mut s = state?;
        for &l in locals {
            s.maybe.insert(l);
            s.must.insert(l);
        }
        Some(s)
    }

    fn block(&mut self, block: &Block, before: Option<Init>) -> Option<Init> {
        let mut state = before;
        for stmt in &block.stmts {
            state = match stmt {
                Stmt::Let(l) => match &l.init {
                    Some(init) => {
                        let s = self.node(init, state);
                        if let Some(d) = &l.diverge {
                            self.leaf(d, s.clone());
                        }
                        Self::bind(&l.binding.locals, s)
                    }
                    None => state.map(|mut s| {
                        for &local in &l.binding.locals {
                            s.maybe.remove(local);
                            s.must.remove(local);
                        }
                        s
                    }),
                },
                Stmt::Expr(node, _) => self.node(node, state),
            };
        }
        state
    }

    /// The state where every condition part held, and the join of the states where one failed.
    fn conds(&mut self, conds: &[Cond], before: Option<Init>) -> (Option<Init>, Option<Init>) {
        let mut state = before;
        let mut failed = None;
        for c in conds {
            state = match c {
                Cond::Expr(leaf) => self.leaf(leaf, state),
                Cond::Let { binding, scrut } => {
                    let s = self.leaf(scrut, state);
                    failed = join(failed, s.clone());
                    Self::bind(&binding.locals, s)
                }
            };
            failed = join(failed, state.clone());
        }
        (state, failed)
    }

    fn node(&mut self, node: &Node, before: Option<Init>) -> Option<Init> {
        match node {
            Node::Leaf(leaf) => self.leaf(leaf, before),
            Node::Yield(k) => {
                let s = match &self.body.yields[*k].value {
                    Some(v) => self.leaf(v, before),
                    None => before,
                };
                self.at_yield[*k] = join(self.at_yield[*k].take(), s.clone());
                s
            }
            Node::Block { id: Some(id), block, .. } => {
                self.loops[*id] = (None, None);
                let end = self.block(block, before);
                join(end, self.loops[*id].0.take())
            }
            Node::Block { block, .. } => self.block(block, before),
            Node::If { cond, then, els, .. } => {
                let (ok, failed) = self.conds(cond, before);
                let t = self.block(then, ok);
                let e = match els {
                    Some(e) => self.node(e, failed),
                    None => failed,
                };
                join(t, e)
            }
            Node::Match { scrut, arms } => {
                let s = self.leaf(scrut, before);
                let mut out = None;
                for arm in arms {
                    let mut a = Self::bind(&arm.binding.locals, s.clone());
                    if let Some(g) = &arm.guard {
                        a = self.leaf(g, a);
                    }
                    out = join(out, self.node(&arm.body, a));
                }
                out
            }
            Node::Loop { id, body, .. } => self.loop_(*id, before, |s, head| (s.block(body, head), None)),
            Node::While { id, cond, body, .. } => self.loop_(*id, before, |s, head| {
                let (ok, failed) = s.conds(cond, head);
                (s.block(body, ok), failed)
            }),
            Node::For { id, iter, it, binding, body, .. } => {
                let s = self.leaf(iter, before);
                let s = Self::bind(&[*it], s);
                self.loop_(*id, s, |s, head| {
                    let bound = Self::bind(&binding.locals, head.clone());
                    (s.block(body, bound), head)
                })
            }
            Node::Assign { place, value } => {
                let s = self.node(value, before);
                self.leaf(place, s)
            }
        }
    }

    /// Iterates a loop to a fixpoint; `body(head)` returns (state at the end of an iteration, state when the
    /// loop's own condition ends it). Returns the state after the loop.
    fn loop_(
        &mut self,
        id: LoopId,
        before: Option<Init>,
        mut body: impl FnMut(&mut Self, Option<Init>) -> (Option<Init>, Option<Init>),
    ) -> Option<Init> {
        let mut head = before.clone();
        let mut guard = 0;
        loop {
            self.loops[id] = (None, None);
            let (end, exit) = body(self, head.clone());
            let (breaks, continues) = self.loops[id].clone();
            let next = join(join(before.clone(), end), continues);
            if next == head || guard > 64 {
                return join(breaks, exit);
            }
            head = join(head, next);
            guard += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets() {
        let mut a = Set::new(70);
        a.insert(3);
        a.insert(69);
        let mut b = Set::new(70);
        b.insert(69);
        assert!(a.contains(69) && !b.contains(3));
        b.union(&a);
        assert!(b.contains(3));
        a.intersect(&Set::new(70));
        assert_eq!(a, Set::new(70));
    }
}

//! Questions about the IR that the emitter asks: where each suspension point sits, what a statement always
//! does (suspend, break, complete), which locals a closure or a borrow reaches, which are stored as they are.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use syn::Expr;

use crate::analysis::{Analysis, Set};
use crate::ir::{Binding, Block, Body, Cond, Jump, Leaf, LocalId, LoopId, Node, ScopeId, Stmt, UseKind, YieldId};
use crate::syntax::{has_closure, result_without_closure};

/// Running the statement from its start never completes normally: it always reaches a suspension point (or
/// jumps away) first, so the statements after it in its block are only reached by resuming, in another arm.
pub(super) fn stmt_always_suspends(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::Expr(Node::Leaf(leaf), _) if leaf.diverges => true,
        Stmt::Let(l) => l.init.as_ref().is_some_and(node_always_suspends),
        Stmt::Expr(n, _) => node_always_suspends(n),
    }
}

pub(super) fn node_always_suspends(node: &Node) -> bool {
    match node {
        Node::Yield(_) => true,
        // A branch without a suspension point that jumps away (`else { continue }`, `_ => return None`).
        Node::Leaf(leaf) => leaf.diverges,
        Node::Block { id: None, block, .. } => block.stmts.iter().any(stmt_always_suspends),
        // Like a loop: it suspends for sure when it does before anything can `break 'label` out of it.
        Node::Block { id: Some(id), block, .. } => match block.stmts.iter().position(stmt_always_suspends) {
            Some(i) => !block.stmts[..=i].iter().any(|s| stmt_may_break(s, *id)),
            None => false,
        },
        Node::Assign { value, .. } => node_always_suspends(value),
        Node::If { then, els: Some(els), .. } => {
            then.stmts.iter().any(stmt_always_suspends) && node_always_suspends(els)
        }
        Node::Match { arms, .. } => {
            // (A failed guard goes on to another arm, which suspends too.)
            !arms.is_empty() && arms.iter().all(|a| node_always_suspends(&a.body))
        }
        // A loop suspends for sure when its body does before anything in it can break out.
        Node::Loop { id, body, .. } => match body.stmts.iter().position(stmt_always_suspends) {
            Some(i) => !body.stmts[..=i].iter().any(|s| stmt_may_break(s, *id)),
            None => false,
        },
        _ => false,
    }
}

/// In the arm of point `k`, inside `block`: the code from `k` on, up to the end of the block, is plain (no jump,
/// no loop) and suspends at a `yield_!` of its own statement before that end. `located`: the point's blocks.
pub(super) fn suspends_before_scope_end(block: &Block, k: YieldId, located: &HashMap<ScopeId, usize>) -> bool {
    let Some(&i) = located.get(&block.scope) else { return false };
    if !stmt_resumes_plainly(&block.stmts[i], k, located) {
        return false;
    }
    for stmt in &block.stmts[i + 1..] {
        let yield_stmt = match stmt {
            Stmt::Expr(Node::Yield(_), _) => true,
            Stmt::Let(l) => matches!(l.init, Some(Node::Yield(_))) && l.diverge.is_none(),
            Stmt::Expr(..) => false,
        };
        if yield_stmt {
            return true;
        }
        if !stmt_is_plain(stmt) {
            return false;
        }
    }
    false
}

/// The scopes whose locals the arm of point `k` restores (see `Emitter::restores_before`), outermost first: the
/// blocks around `k`, each with whether the arm suspends before the block's end, and the scopes of the constructs
/// around it (a condition's bindings, a `match` arm's, a `for` loop's iterator and pattern, a `while let`'s), whose
/// end the arm reaches unless it leaves the step first.
pub(super) fn restored_scopes(root: &Block, k: YieldId, located: &HashMap<ScopeId, usize>) -> Vec<(ScopeId, bool)> {
    fn block(b: &Block, k: YieldId, located: &HashMap<ScopeId, usize>, out: &mut Vec<(ScopeId, bool)>) {
        let Some(&i) = located.get(&b.scope) else { return };
        out.push((b.scope, suspends_before_scope_end(b, k, located)));
        match &b.stmts[i] {
            Stmt::Let(l) => {
                if let Some(init) = &l.init {
                    node(init, k, located, out);
                }
            }
            Stmt::Expr(n, _) => node(n, k, located, out),
        }
    }
    fn node(n: &Node, k: YieldId, located: &HashMap<ScopeId, usize>, out: &mut Vec<(ScopeId, bool)>) {
        match n {
            Node::Leaf(_) | Node::Yield(_) => {}
            Node::Block { block: b, .. } | Node::Loop { body: b, .. } => block(b, k, located, out),
            Node::If { then, els, cond_scope, .. } => {
                if block_contains(then, k) {
                    out.push((*cond_scope, false));
                    block(then, k, located, out);
                } else if let Some(e) = els {
                    node(e, k, located, out);
                }
            }
            Node::Match { arms, .. } => {
                if let Some(arm) = arms.iter().find(|a| node_contains(&a.body, k)) {
                    out.push((arm.scope, false));
                    node(&arm.body, k, located, out);
                }
            }
            Node::While { cond_scope, body, .. } => {
                out.push((*cond_scope, false));
                block(body, k, located, out);
            }
            Node::For { it_scope, pat_scope, body, .. } => {
                out.push((*it_scope, false));
                out.push((*pat_scope, false));
                block(body, k, located, out);
            }
            Node::Assign { value, .. } => node(value, k, located, out),
        }
    }
    let mut out = Vec::new();
    block(root, k, located, &mut out);
    out
}

/// What the arm of point `k` emits, found by following the body from `k`: its blocks, branches, loops (the next
/// iterations of the loops around `k`) and jumps (a `break` goes on after its loop or labeled block, a `continue`
/// into its loop's next iteration), not code that never runs (after a `return`, or a statement or loop every path
/// of which suspends).
pub(super) struct Reached<'b> {
    /// The suspension points reached before any other: the arm stores what each holds there.
    pub points: Vec<YieldId>,
    /// The leaves before any of the loops around `k` starts its next iteration (where the locals a loop declares
    /// are new instances): the arm emits them with the locals held at `k` where they are.
    pub leaves: Vec<&'b Leaf>,
    /// The loops and labeled blocks a `break` reached so far leaves.
    broken: HashSet<LoopId>,
    /// The loops a `continue` reached so far starts again.
    continued: HashSet<LoopId>,
}

pub(super) fn reached<'b>(root: &'b Block, k: YieldId, located: &HashMap<ScopeId, usize>) -> Reached<'b> {
    let mut walk =
        Reached { points: Vec::new(), leaves: Vec::new(), broken: HashSet::new(), continued: HashSet::new() };
    walk.resumed_block(root, k, located);
    walk
}

impl<'b> Reached<'b> {
    /// From the start of `list` (`fresh`: in a loop's next iteration): adds what is reached; returns whether
    /// control can get past it.
    fn stmts(&mut self, list: &'b [Stmt], fresh: bool) -> bool {
        list.iter().all(|stmt| match stmt {
            Stmt::Let(l) => l.init.as_ref().is_none_or(|init| self.node(init, fresh)),
            Stmt::Expr(n, _) => self.node(n, fresh),
        })
    }

    fn leaf(&mut self, leaf: &'b Leaf, fresh: bool) {
        if !fresh {
            self.leaves.push(leaf);
        }
        for jump in &leaf.jumps {
            match *jump {
                Jump::Break(id) => self.broken.insert(id),
                Jump::Continue(id) => self.continued.insert(id),
                Jump::Return => false,
            };
        }
    }

    fn conds(&mut self, cond: &'b [Cond], fresh: bool) {
        for c in cond {
            let (Cond::Expr(leaf) | Cond::Let { scrut: leaf, .. }) = c;
            self.leaf(leaf, fresh);
        }
    }

    fn node(&mut self, n: &'b Node, fresh: bool) -> bool {
        match n {
            Node::Leaf(leaf) => {
                self.leaf(leaf, fresh);
                !leaf.diverges
            }
            Node::Yield(j) => {
                self.points.push(*j);
                false
            }
            Node::Block { block, id, .. } => {
                let completes = self.stmts(&block.stmts, fresh);
                completes || id.is_some_and(|id| self.broken.contains(&id))
            }
            Node::If { cond, then, els, .. } => {
                self.conds(cond, fresh);
                let then_completes = self.stmts(&then.stmts, fresh);
                let els_completes = els.as_ref().is_none_or(|e| self.node(e, fresh));
                then_completes || els_completes
            }
            Node::Match { scrut, arms } => {
                self.leaf(scrut, fresh);
                // Every arm, not up to the first that completes: each one's points are reached.
                let mut completes = false;
                for arm in arms {
                    completes |= self.node(&arm.body, fresh);
                }
                completes
            }
            Node::Loop { id, body, .. } => {
                self.stmts(&body.stmts, fresh);
                self.broken.contains(id)
            }
            Node::While { cond, body, .. } => {
                self.conds(cond, fresh);
                self.stmts(&body.stmts, fresh);
                true
            }
            Node::For { iter, body, .. } => {
                self.leaf(iter, fresh);
                self.stmts(&body.stmts, fresh);
                true
            }
            Node::Assign { place, value } => {
                let completes = self.node(value, fresh);
                if completes {
                    self.leaf(place, fresh);
                }
                completes
            }
        }
    }

    /// Resumed at `k` inside `b`: adds what is reached; returns whether control can get past `b`.
    fn resumed_block(&mut self, b: &'b Block, k: YieldId, located: &HashMap<ScopeId, usize>) -> bool {
        let Some(&i) = located.get(&b.scope) else { return false };
        let completes = match &b.stmts[i] {
            Stmt::Let(l) => l.init.as_ref().is_some_and(|init| self.resumed(init, k, located)),
            Stmt::Expr(n, _) => self.resumed(n, k, located),
        };
        completes && self.stmts(&b.stmts[i + 1..], false)
    }

    fn resumed(&mut self, n: &'b Node, k: YieldId, located: &HashMap<ScopeId, usize>) -> bool {
        match n {
            Node::Yield(j) => *j == k,
            Node::Block { block, id, .. } => {
                let completes = self.resumed_block(block, k, located);
                completes || id.is_some_and(|id| self.broken.contains(&id))
            }
            Node::If { then, els, .. } => {
                if block_contains(then, k) {
                    self.resumed_block(then, k, located)
                } else {
                    els.as_ref().is_some_and(|e| self.resumed(e, k, located))
                }
            }
            Node::Match { arms, .. } => {
                arms.iter().find(|a| node_contains(&a.body, k)).is_some_and(|a| self.resumed(&a.body, k, located))
            }
            // The rest of the iteration, then (when it ends or `continue`s) the next ones; the loop completes
            // through a `break`, or when a `while`'s condition or a `for`'s iterator ends it.
            Node::Loop { id, body, .. } => {
                if self.resumed_block(body, k, located) || self.continued.contains(id) {
                    self.stmts(&body.stmts, true);
                }
                self.broken.contains(id)
            }
            Node::While { id, cond, body, .. } => {
                let next_iteration = self.resumed_block(body, k, located) || self.continued.contains(id);
                if next_iteration {
                    self.conds(cond, true);
                    self.stmts(&body.stmts, true);
                }
                next_iteration || self.broken.contains(id)
            }
            Node::For { id, body, .. } => {
                let next_iteration = self.resumed_block(body, k, located) || self.continued.contains(id);
                if next_iteration {
                    self.stmts(&body.stmts, true);
                }
                next_iteration || self.broken.contains(id)
            }
            Node::Assign { place, value } => {
                let completes = self.resumed(value, k, located);
                if completes {
                    self.leaf(place, false);
                }
                completes
            }
            Node::Leaf(_) => false,
        }
    }
}

/// The rest of `stmt` after point `k` (which it contains) is plain code that completes.
pub(super) fn stmt_resumes_plainly(stmt: &Stmt, k: YieldId, located: &HashMap<ScopeId, usize>) -> bool {
    match stmt {
        Stmt::Let(l) => l.diverge.is_none() && l.init.as_ref().is_some_and(|n| node_resumes_plainly(n, k, located)),
        Stmt::Expr(n, _) => node_resumes_plainly(n, k, located),
    }
}

pub(super) fn node_resumes_plainly(node: &Node, k: YieldId, located: &HashMap<ScopeId, usize>) -> bool {
    let block_resumes = |b: &Block| {
        located.get(&b.scope).is_some_and(|&i| {
            stmt_resumes_plainly(&b.stmts[i], k, located) && b.stmts[i + 1..].iter().all(stmt_is_plain)
        })
    };
    match node {
        Node::Yield(j) => *j == k,
        Node::Block { id: None, block, .. } => block_resumes(block),
        Node::If { then, els, .. } => {
            if block_contains(then, k) {
                block_resumes(then)
            } else {
                els.as_ref().is_some_and(|e| node_resumes_plainly(e, k, located))
            }
        }
        Node::Assign { place, value } => place.jumps.is_empty() && node_resumes_plainly(value, k, located),
        _ => false,
    }
}

/// A statement without control flow: plain code or a suspension point at statement level (`let x = yield_!(..);`,
/// which [`Emitter::dead_continuation`](super::Emitter::dead_continuation) continues past in turn).
pub(super) fn stmt_is_plain(stmt: &Stmt) -> bool {
    fn node_plain(n: &Node) -> bool {
        match n {
            Node::Leaf(l) => l.jumps.is_empty() && !l.diverges,
            Node::Yield(_) => true,
            _ => false,
        }
    }
    match stmt {
        Stmt::Let(l) => l.init.as_ref().is_none_or(node_plain) && l.diverge.is_none(),
        Stmt::Expr(n, _) => node_plain(n),
    }
}

pub(super) fn stmt_may_break(stmt: &Stmt, id: LoopId) -> bool {
    match stmt {
        Stmt::Let(l) => {
            l.init.as_ref().is_some_and(|n| node_may_break(n, id))
                || l.diverge.as_ref().is_some_and(|d| leaf_breaks(d, id))
        }
        Stmt::Expr(n, _) => node_may_break(n, id),
    }
}

pub(super) fn leaf_breaks(leaf: &Leaf, id: LoopId) -> bool {
    leaf.jumps.contains(&Jump::Break(id))
}

pub(super) fn node_may_break(node: &Node, id: LoopId) -> bool {
    let block = |b: &Block| b.stmts.iter().any(|s| stmt_may_break(s, id));
    let cond = |c: &[Cond]| {
        c.iter().any(|c| match c {
            Cond::Expr(l) | Cond::Let { scrut: l, .. } => leaf_breaks(l, id),
        })
    };
    match node {
        Node::Leaf(l) => leaf_breaks(l, id),
        Node::Yield(_) => false,
        Node::Block { block: b, .. } | Node::Loop { body: b, .. } => block(b),
        Node::If { cond: c, then, els, .. } => {
            cond(c) || block(then) || els.as_ref().is_some_and(|e| node_may_break(e, id))
        }
        Node::Match { scrut, arms } => {
            leaf_breaks(scrut, id)
                || arms
                    .iter()
                    .any(|a| a.guard.as_ref().is_some_and(|g| leaf_breaks(g, id)) || node_may_break(&a.body, id))
        }
        Node::While { cond: c, body, .. } => cond(c) || block(body),
        Node::For { iter, body, .. } => leaf_breaks(iter, id) || block(body),
        Node::Assign { place, value } => leaf_breaks(place, id) || node_may_break(value, id),
    }
}

pub(super) fn block_contains(block: &Block, k: YieldId) -> bool {
    block.stmts.iter().any(|s| stmt_contains(s, k))
}

/// For each suspension point, the index of the statement containing it in every block around it, by the
/// block's scope (each block has a scope of its own). One walk over the body: an arm finds its way to its
/// suspension point without searching each block again (which would be quadratic in the number of points).
pub(super) fn locate_points(body: &Body) -> Vec<HashMap<ScopeId, usize>> {
    fn block(b: &Block, path: &mut Vec<(ScopeId, usize)>, out: &mut [HashMap<ScopeId, usize>]) {
        for (i, stmt) in b.stmts.iter().enumerate() {
            path.push((b.scope, i));
            match stmt {
                Stmt::Let(l) => {
                    if let Some(init) = &l.init {
                        node(init, path, out);
                    }
                }
                Stmt::Expr(n, _) => node(n, path, out),
            }
            path.pop();
        }
    }
    fn node(n: &Node, path: &mut Vec<(ScopeId, usize)>, out: &mut [HashMap<ScopeId, usize>]) {
        match n {
            Node::Leaf(_) => {}
            Node::Yield(k) => out[*k] = path.iter().copied().collect(),
            Node::Block { block: b, .. }
            | Node::Loop { body: b, .. }
            | Node::While { body: b, .. }
            | Node::For { body: b, .. } => block(b, path, out),
            Node::If { then, els, .. } => {
                block(then, path, out);
                if let Some(e) = els {
                    node(e, path, out);
                }
            }
            Node::Match { arms, .. } => arms.iter().for_each(|a| node(&a.body, path, out)),
            Node::Assign { value, .. } => node(value, path, out),
        }
    }
    let mut out = vec![HashMap::new(); body.yields.len()];
    block(&body.root, &mut Vec::new(), &mut out);
    out
}

pub(super) fn stmt_contains(stmt: &Stmt, k: YieldId) -> bool {
    match stmt {
        Stmt::Let(l) => l.init.as_ref().is_some_and(|n| node_contains(n, k)),
        Stmt::Expr(n, _) => node_contains(n, k),
    }
}

pub(super) fn node_contains(node: &Node, k: YieldId) -> bool {
    match node {
        Node::Leaf(_) => false,
        Node::Yield(j) => *j == k,
        Node::Block { block, .. }
        | Node::Loop { body: block, .. }
        | Node::While { body: block, .. }
        | Node::For { body: block, .. } => block_contains(block, k),
        Node::If { then, els, .. } => block_contains(then, k) || els.as_ref().is_some_and(|e| node_contains(e, k)),
        Node::Match { arms, .. } => arms.iter().any(|a| node_contains(&a.body, k)),
        Node::Assign { value, .. } => node_contains(value, k),
    }
}

/// Whether the code of `node` has a closure literal: each copy of it that an arm emits is a type of its own.
pub(super) fn node_has_closure(node: &Node) -> bool {
    let mut found = false;
    for_each_leaf(node, &mut |leaf| found |= has_closure(&leaf.expr));
    found
}

/// Whether a `let` with initializer `init` may bind a closure (or a value made of one): it has a closure literal,
/// and its value isn't a search's item, index, count or flag ([`result_without_closure`]).
pub(super) fn may_bind_closure(init: &Node) -> bool {
    node_has_closure(init) && !matches!(init, Node::Leaf(leaf) if result_without_closure(&leaf.expr))
}

/// Whether `node` has a `loop` or a labeled block (of its own, not in a leaf): only then can an initializer that
/// doesn't always suspend syntactically still never complete in an arm (its every `break` comes after a
/// suspension point, as in `'b: { if yield_!(x) { break 'b 1; } 2 }`).
pub(super) fn node_has_break_target(node: &Node) -> bool {
    let mut found = false;
    for_each_node(node, &mut |n| found |= matches!(n, Node::Loop { .. } | Node::Block { id: Some(_), .. }));
    found
}

pub(super) use crate::ir::{walk_block, walk_node};

/// The outermost loop around suspension point `k`: its id, and the scopes of the locals that each iteration
/// declares anew (a `for` loop's pattern, a `while let`'s bindings, the body's; not a `for` loop's iterator).
pub(super) fn outermost_loop(root: &Block, k: YieldId) -> Option<(LoopId, Vec<ScopeId>)> {
    let mut found = None;
    walk_block(
        root,
        &mut |n| {
            let scopes = match n {
                Node::Loop { id, body, .. } => (*id, vec![body.scope]),
                Node::While { id, cond_scope, body, .. } => (*id, vec![*cond_scope, body.scope]),
                Node::For { id, pat_scope, body, .. } => (*id, vec![*pat_scope, body.scope]),
                _ => return,
            };
            if found.is_none() && node_contains(n, k) {
                found = Some(scopes);
            }
        },
        &mut |_| {},
    );
    found
}

/// The locals declared without a value nor a type (`let x;`): only what is assigned to them gives their type.
pub(super) fn declared_untyped(body: &Body) -> Set {
    let mut out = Set::new(body.locals.len());
    walk_block(&body.root, &mut |_| {}, &mut |l| {
        if l.init.is_none() && !matches!(l.binding.pat, syn::Pat::Type(_)) {
            for &x in &l.binding.locals {
                out.insert(x);
            }
        }
    });
    out
}

/// The locals that an arm declares again without their value nor a nameable written type (in scope at a reachable
/// suspension point that doesn't store them, and used after it: `let mut dir = 1i32;` overwritten before it is
/// read after the point): what the arm assigns them may not tell their type (`dir = 1;`), so their `let` ties it
/// to their witness, which types the declaration. Not those that may hold a closure: each arm's literal is a type of
/// its own.
pub(super) fn redeclared_untyped(body: &Body, an: &Analysis, layout: &crate::layout::Layout) -> Set {
    let mut out = Set::new(body.locals.len());
    let closures = closure_locals(body);
    for (k, point) in body.yields.iter().enumerate() {
        if !an.reachable[k] {
            continue;
        }
        for &l in &point.in_scope {
            // (An argument's type is the signature's, the resume argument's the resume type.)
            let typed = body.locals[l].written_type.as_ref().is_some_and(crate::signature::is_nameable)
                || body.locals[l].argument;
            let redeclared = !layout.stored[k].contains(&l) && an.touched_after_yield[k].contains(l);
            if !typed && redeclared && !closures.contains(l) {
                out.insert(l);
            }
        }
    }
    out
}

/// Calls `f` on `node` and every node inside it.
pub(super) fn for_each_node(node: &Node, f: &mut dyn FnMut(&Node)) {
    walk_node(node, f, &mut |_| {});
}

/// Calls `f` on every leaf of `node` (not on the yielded values).
pub(super) fn for_each_leaf(node: &Node, f: &mut dyn FnMut(&Leaf)) {
    // Called by both callbacks, which `walk_node` holds at once: they share it through the cell.
    let f = std::cell::RefCell::new(f);
    walk_node(
        node,
        &mut |n| match n {
            Node::Leaf(leaf) | Node::For { iter: leaf, .. } | Node::Assign { place: leaf, .. } => {
                (f.borrow_mut())(leaf);
            }
            Node::If { cond, .. } | Node::While { cond, .. } => {
                for c in cond {
                    let (Cond::Expr(leaf) | Cond::Let { scrut: leaf, .. }) = c;
                    (f.borrow_mut())(leaf);
                }
            }
            Node::Match { scrut, arms } => {
                (f.borrow_mut())(scrut);
                arms.iter().filter_map(|a| a.guard.as_ref()).for_each(|g| (f.borrow_mut())(g));
            }
            Node::Yield(_) | Node::Block { .. } | Node::Loop { .. } => {}
        },
        &mut |l| {
            if let Some(d) = &l.diverge {
                (f.borrow_mut())(d);
            }
        },
    );
}

/// Where values flow between locals, roughly: (the locals a `let`'s initializer, a `for` loop's iterator or an
/// assignment's value uses, the locals it binds or assigns).
pub(super) fn value_flows(root: &Block) -> Vec<(Vec<LocalId>, Vec<LocalId>)> {
    fn uses_of(node: &Node) -> Vec<LocalId> {
        let mut uses = Vec::new();
        for_each_leaf(node, &mut |leaf| uses.extend(leaf.uses.iter().map(|u| u.local)));
        uses
    }
    // Pushed to by both callbacks, which `walk_block` holds at once: they share it through the cell.
    let flows = std::cell::RefCell::new(Vec::new());
    walk_block(
        root,
        &mut |n| match n {
            Node::Leaf(leaf) if matches!(leaf.expr, Expr::Assign(_)) => {
                let written = |l: LocalId| leaf.uses.iter().any(|u| u.local == l && u.kind == UseKind::Write);
                let (targets, sources) = leaf.uses.iter().map(|u| u.local).partition(|&l| written(l));
                flows.borrow_mut().push((sources, targets));
            }
            Node::For { iter, it, binding, .. } => {
                let mut targets = vec![*it];
                targets.extend(&binding.locals);
                flows.borrow_mut().push((iter.uses.iter().map(|u| u.local).collect(), targets));
            }
            Node::Assign { place, value } => {
                let targets = place.uses.iter().filter(|u| u.kind == UseKind::Write).map(|u| u.local).collect();
                flows.borrow_mut().push((uses_of(value), targets));
            }
            _ => {}
        },
        &mut |l| {
            if let Some(init) = &l.init {
                flows.borrow_mut().push((uses_of(init), l.binding.locals.clone()));
            }
        },
    );
    flows.into_inner()
}

/// Where values flow into the locals a pattern binds: from a `match`'s scrutinee, or an `if let`/`while let`'s.
fn pattern_flows(root: &Block) -> Vec<(Vec<LocalId>, Vec<LocalId>)> {
    let mut flows = Vec::new();
    walk_block(
        root,
        &mut |n| match n {
            Node::Match { scrut, arms } => {
                let targets = arms.iter().flat_map(|a| a.binding.locals.iter().copied()).collect();
                flows.push((scrut.uses.iter().map(|u| u.local).collect(), targets));
            }
            Node::If { cond, .. } | Node::While { cond, .. } => {
                for c in cond {
                    if let Cond::Let { binding, scrut } = c {
                        flows.push((scrut.uses.iter().map(|u| u.local).collect(), binding.locals.clone()));
                    }
                }
            }
            _ => {}
        },
        &mut |_| {},
    );
    flows
}

/// The locals whose type may not be known yet where a suspension point stores them dead, so that `Hold` would
/// take them for `Copy` (an ambiguous bound selects the first candidate) and rustc would then reject the state:
/// - those that may hold a closure ([`closure_locals`]): a closure's captures, and so whether it is `Copy`, are
///   inferred only after the whole body is type-checked;
/// - those that some arm declares again without a value (in scope at a suspension point that doesn't store
///   them: `let mut x = None;`), or types through a witness shared by the arms: such an arm types them from
///   the others, maybe later in the body, and what is made of the latter (bound from them by a `let` or a
///   pattern);
/// - those whose initializer leaves their type to code after a suspension point ([`completed_after_a_suspension`]);
/// - and those known to own their value (a `Vec`, a `String`): never `Copy`, nothing to gain.
pub(super) fn never_held(body: &Body, an: &Analysis) -> Set {
    let mut out = closure_locals(body);
    // What is made of a value typed through the witness (`Some(v7)` matched out of one) is typed as late.
    let mut witnessed = an.typed_across_arms.clone();
    let mut flows = value_flows(&body.root);
    flows.extend(pattern_flows(&body.root));
    along_flows(&flows, &mut witnessed);
    out.union(&witnessed);
    for (k, point) in body.yields.iter().enumerate() {
        if !an.reachable[k] {
            continue;
        }
        for &l in &point.in_scope {
            if !an.stored[k].contains(&l) {
                out.insert(l);
            }
        }
    }
    out.union(&completed_after_a_suspension(body));
    for (l, local) in body.locals.iter().enumerate() {
        if local.owned() || local.typed_by_its_uses {
            out.insert(l);
        }
    }
    out
}

/// The locals whose initializer leaves their type to later code ([`crate::ir::Local::typed_later`]) and that
/// are assigned after a suspension point that follows their `let` (`let mut keep = None; if c { yield_!(..);
/// keep = prev; }`): at that point, the type isn't complete yet in the code rustc has checked.
fn completed_after_a_suspension(body: &Body) -> Set {
    struct Walk<'b> {
        body: &'b Body,
        /// Suspension points seen so far, in the body's order.
        points: usize,
        /// Per local: the number of points seen at its `let`.
        declared_at: Vec<usize>,
        out: Set,
    }
    impl Walk<'_> {
        fn block(&mut self, b: &Block) {
            for stmt in &b.stmts {
                match stmt {
                    Stmt::Let(l) => {
                        if let Some(init) = &l.init {
                            self.node(init);
                        }
                        for &local in &l.binding.locals {
                            self.declared_at[local] = self.points;
                        }
                    }
                    Stmt::Expr(n, _) => self.node(n),
                }
            }
        }
        fn leaf(&mut self, leaf: &Leaf) {
            for u in leaf.uses.iter().filter(|u| u.kind == UseKind::Write) {
                if self.body.locals[u.local].typed_later && self.points > self.declared_at[u.local] {
                    self.out.insert(u.local);
                }
            }
        }
        fn node(&mut self, n: &Node) {
            match n {
                Node::Leaf(leaf) => self.leaf(leaf),
                Node::Yield(_) => self.points += 1,
                Node::Block { block: b, .. }
                | Node::Loop { body: b, .. }
                | Node::While { body: b, .. }
                | Node::For { body: b, .. } => self.block(b),
                Node::If { then, els, .. } => {
                    self.block(then);
                    if let Some(e) = els {
                        self.node(e);
                    }
                }
                Node::Match { arms, .. } => arms.iter().for_each(|a| self.node(&a.body)),
                Node::Assign { place, value } => {
                    self.node(value);
                    self.leaf(place);
                }
            }
        }
    }
    let n = body.locals.len();
    let mut walk = Walk { body, points: 0, declared_at: vec![0; n], out: Set::new(n) };
    walk.block(&body.root);
    walk.out
}

/// The locals that may hold a closure, or a value of a type made of one (`Some(f)`): bound or assigned by a
/// statement with a closure literal in it (or borrowed there: `opt.insert(|x| ..)`), and what is made of those.
pub(super) fn closure_locals(body: &Body) -> Set {
    let n = body.locals.len();
    // Inserted into by both callbacks, which `walk_block` holds at once: they share it through the cell.
    let found = RefCell::new(Set::new(n));
    let mut flows = value_flows(&body.root);
    // An assignment whose value has a closure literal, and a method that stores its arguments in its receiver
    // (`slot.insert(|x| ..)`, `slot.replace(f)`).
    let seed = |leaf: &Leaf, closures: &mut Set, flows: &mut Vec<(Vec<LocalId>, Vec<LocalId>)>| {
        for (receiver, args) in storing_exprs(&leaf.expr) {
            let Some(&(_, local)) = leaf.env.iter().rev().find(|(name, _)| *name == receiver) else { continue };
            if args.iter().any(has_closure) {
                closures.insert(local);
            }
            let sources = args
                .iter()
                .flat_map(|a| leaf.env.iter().filter(|(name, _)| mentions(a, name)).map(|&(_, l)| l))
                .collect();
            flows.push((sources, vec![local]));
        }
    };
    walk_block(
        &body.root,
        &mut |node| {
            let binds = |scrut: &Leaf, binding: &Binding| {
                (scrut.uses.iter().map(|u| u.local).collect(), binding.locals.clone())
            };
            match node {
                Node::If { cond, .. } | Node::While { cond, .. } => {
                    for c in cond {
                        if let Cond::Let { binding, scrut } = c {
                            flows.push(binds(scrut, binding));
                            if has_closure(&scrut.expr) {
                                binding.locals.iter().for_each(|&l| found.borrow_mut().insert(l));
                            }
                        }
                    }
                }
                Node::Match { scrut, arms } => {
                    for arm in arms {
                        flows.push(binds(scrut, &arm.binding));
                        if has_closure(&scrut.expr) {
                            arm.binding.locals.iter().for_each(|&l| found.borrow_mut().insert(l));
                        }
                    }
                }
                Node::For { iter, binding, it, .. } if has_closure(&iter.expr) => {
                    found.borrow_mut().insert(*it);
                    binding.locals.iter().for_each(|&l| found.borrow_mut().insert(l));
                }
                _ => {}
            }
        },
        &mut |l| {
            if l.init.as_ref().is_some_and(may_bind_closure) {
                l.binding.locals.iter().for_each(|&local| found.borrow_mut().insert(local));
            }
        },
    );
    let mut closures = found.into_inner();
    for stmt in &body.root.stmts {
        match stmt {
            Stmt::Let(l) => {
                if let Some(init) = &l.init {
                    for_each_leaf(init, &mut |leaf| seed(leaf, &mut closures, &mut flows));
                }
                if let Some(d) = &l.diverge {
                    seed(d, &mut closures, &mut flows);
                }
            }
            Stmt::Expr(node, _) => for_each_leaf(node, &mut |leaf| seed(leaf, &mut closures, &mut flows)),
        }
    }
    for y in &body.yields {
        if let Some(v) = &y.value {
            seed(v, &mut closures, &mut flows);
        }
    }
    along_flows(&flows, &mut closures);
    closures
}

/// Adds to `set` every local a value of `set` flows into (see [`value_flows`]), until nothing changes.
pub(super) fn along_flows(flows: &[(Vec<LocalId>, Vec<LocalId>)], set: &mut Set) {
    let mut changed = true;
    while changed {
        changed = false;
        for (sources, targets) in flows {
            if sources.iter().any(|&l| set.contains(l)) {
                for &t in targets {
                    changed |= !set.contains(t);
                    set.insert(t);
                }
            }
        }
    }
}

/// The assignments to a local in `expr` (`f = |x| ..`), and the method calls that may store their arguments in
/// a local receiver (`slot.insert(x)`, `v.push(x)`): the local's name and the values.
pub(super) fn storing_exprs(expr: &Expr) -> Vec<(String, Vec<Expr>)> {
    struct Finder(Vec<(String, Vec<Expr>)>);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
            if let Expr::Path(p) = &*a.left
                && let Some(ident) = p.path.get_ident()
            {
                self.0.push((ident.to_string(), vec![(*a.right).clone()]));
            }
            syn::visit::visit_expr_assign(self, a);
        }
        fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
            let method = m.method.to_string();
            if matches!(method.as_str(), "insert" | "replace" | "get_or_insert" | "set" | "extend")
                || method.starts_with("push")
            {
                let receiver = match &*m.receiver {
                    Expr::Path(p) => p.path.get_ident().map(ToString::to_string),
                    _ => None,
                };
                if let Some(name) = receiver {
                    let name = if name == "self" { "__self".to_string() } else { name };
                    self.0.push((name, m.args.iter().cloned().collect()));
                }
            }
            syn::visit::visit_expr_method_call(self, m);
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder(Vec::new());
    syn::visit::Visit::visit_expr(&mut finder, expr);
    finder.0
}

/// `expr` mentions the identifier `name` (as a path of one segment).
pub(super) fn mentions(expr: &Expr, name: &str) -> bool {
    struct Finder<'n>(&'n str, bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder<'_> {
        fn visit_path(&mut self, p: &'ast syn::Path) {
            self.1 |= p.get_ident().is_some_and(|i| i == self.0);
            syn::visit::visit_path(self, p);
        }
    }
    let mut finder = Finder(name, false);
    syn::visit::Visit::visit_expr(&mut finder, expr);
    finder.1
}

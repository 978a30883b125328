//! The code of each arm: the continuation of the body after the arm's suspension point (the rest of each
//! enclosing block, innermost first; a loop resumed inside is its partial iteration, then the whole loop), and
//! the constructs it reaches run from their start. Every use of a local goes through [`super::access`].

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Expr, Lifetime};

use super::queries::{
    block_contains, for_each_node, may_bind_closure, node_always_suspends, node_contains, node_has_break_target,
    stmt_always_suspends, stmt_contains, stmt_is_plain, stmt_may_break, storing_exprs, suspends_before_scope_end,
};
use super::{Emitter, at_var, binding_pat, private, resume_type_witness, type_witness, variant};
use crate::ir::{Binding, Block, Cond, JoinBefore, Jump, Leaf, LocalId, LoopId, Node, ScopeId, Stmt, UseKind, YieldId};
use crate::leaf::{Rewrite, Walker};
use crate::syntax::has_closure;

impl Emitter<'_> {
    // ----- continuation of the body after suspension point `k` -----

    pub(super) fn cont_block(&mut self, block: &Block, k: YieldId) -> TokenStream {
        let Some(&i) = self.located[k].get(&block.scope) else {
            unreachable!("internal invariant: the continuation's block contains its suspension point")
        };
        self.enter_scope(block.scope);
        let tail = i + 1 == block.stmts.len() && matches!(block.stmts[i], Stmt::Expr(_, None));
        let saved = self.value_position;
        self.value_position = saved && tail;
        let first = self.cont_stmt(&block.stmts[i], k);
        self.value_position = saved;
        let stmt_ends = match &block.stmts[i] {
            Stmt::Let(l) => l.init.as_ref().is_some_and(|init| !self.emitted_rest_completes(init, k)),
            Stmt::Expr(..) => false,
        };
        let after = if stmt_ends || self.cont_stmt_never_completes(&block.stmts[i], k) {
            &[][..]
        } else {
            &block.stmts[i + 1..]
        };
        let rest = self.full_stmts(after);
        let restores = self.restores_before(block.scope, suspends_before_scope_end(block, k, &self.located[k]));
        self.leave_scope(block.scope);
        quote!({ #restores #first #rest })
    }

    pub(super) fn cont_stmt(&mut self, stmt: &Stmt, k: YieldId) -> TokenStream {
        match stmt {
            Stmt::Let(l) => {
                let init_node =
                    l.init.as_ref().expect("internal invariant: a `let` with a suspension has an initializer");
                let completes = !self.cont_node_never_completes(init_node, k);
                let init = self.typing(&l.binding, completes, |e: &mut Self| e.cont_node(init_node, k));
                // A pattern that doesn't bind the whole value (`_`, `(_, c)`) leaves parts of it to drop at the
                // statement's end.
                let init = if super::whole_ident(&l.binding.pat).is_none() {
                    self.dropped_at_once(init_node, k, init)
                } else {
                    init
                };
                if self.cont_node_never_completes(init_node, k) || !self.emitted_rest_completes(init_node, k) {
                    // As in the full emission: nothing is bound where the value never arrives.
                    return quote!(#init;);
                }
                self.let_stmt(l, init)
            }
            // `yield_!(..);` resumed: the resume argument is dropped there, which a `()` needn't be.
            Stmt::Expr(Node::Yield(j), Some(_))
                if *j == k && (self.shape.resumes_with_unit() || self.body.yields[k].join) =>
            {
                TokenStream::new()
            }
            // `yield_!(..);` resumed with a value it discards: a call spanning the user's `yield_!(..)` (its path at
            // `yield_`, its parentheses at `(..)`), so that rustc's `unused_must_use` (a `Result` resume value) points
            // there with the fix `let _ = yield_!(..);`, as in the plain fn, rather than at the attribute (a bare
            // `__arg;` is located there, even in parentheses at the user's tokens).
            Stmt::Expr(Node::Yield(j), Some(_)) if *j == k => {
                let point = &self.body.yields[k];
                let identity = quote_spanned!(point.span=> ::core::convert::identity);
                let mut arg =
                    proc_macro2::Group::new(proc_macro2::Delimiter::Parenthesis, self.cont_node(&Node::Yield(*j), k));
                arg.set_span(point.args_span);
                quote!(#identity #arg;)
            }
            Stmt::Expr(node, semi) => {
                let e = self.cont_node(node, k);
                quote!(#e #semi)
            }
        }
    }

    /// A local of unknown type that a held borrow (a loop's iterator, a `let`'s value) borrows must be a reference:
    /// rustc checks it with a bound that explains itself at `token` ([`crate::borrows::receivers_to_check`]).
    fn reference_check(&mut self, local: LocalId, token: &syn::Ident) -> TokenStream {
        let receiver = Rewrite::access(self, local, UseKind::Place, false, token);
        let s = quote_spanned!(token.span()=> ::stackless::state);
        quote_spanned!(token.span()=> #s::borrowed_through_reference(#s::type_of(&#receiver));)
    }

    pub(super) fn let_stmt(&mut self, l: &crate::ir::Let, init: TokenStream) -> TokenStream {
        let check =
            self.receivers_to_check.lets.get(&l.ordinal).cloned().map(|(x, token)| self.reference_check(x, &token));
        if l.init.as_ref().is_some_and(may_bind_closure) {
            self.note_closure(JoinBefore::Let(l.ordinal), &l.binding.locals, false);
        }
        let attrs = &l.attrs;
        let pat = binding_pat(self.body, &self.an.field_moved, &l.binding);
        let diverge = l.diverge.as_ref().map(|d| {
            let d = self.leaf(d);
            quote!(else #d)
        });
        let witnesses = self.type_witnesses(&l.binding, &l.attrs);
        let wraps = self.wraps(&l.binding);
        // `let ... else` can't take an initializer ending in `}` (a block the transform made): parenthesise it.
        let init = if diverge.is_some() { quote!((#init)) } else { init };
        // (When all it binds may be so: `unused_variables` would otherwise be silenced for a sibling binding.)
        let allow = if !l.binding.locals.is_empty()
            && l.binding.locals.iter().all(|&x| self.an.lets_allowing_unused.contains(x))
        {
            quote!(#[allow(unused_variables)])
        } else {
            TokenStream::new()
        };
        quote!(#check #(#attrs)* #allow let #pat = #init #diverge; #witnesses #wraps)
    }

    /// Ties the types of locals whose value arrives in several arms to their shared witnesses (declared at
    /// the top of the resume closure), so that rustc infers them from all the arms together, as from the plain
    /// fn's one body; and of locals that an arm declares again without their value, so that the declaration has
    /// the type that this value gives (`let mut dir = 1i32;`, where that arm only assigns `dir = 1;`).
    /// Spanned at the binding: a value of another type in another arm is reported at the user's `let`. (Not for a
    /// `let` under a `#[cfg]` that is only declared again elsewhere: the `cfg` may leave the local, and so the
    /// witness's type, out.)
    pub(super) fn type_witnesses(&mut self, binding: &Binding, attrs: &[syn::Attribute]) -> TokenStream {
        let mut out = TokenStream::new();
        let configured = attrs.iter().any(|a| a.path().is_ident("cfg"));
        for &l in &binding.locals {
            if self.an.typed_across_arms.contains(l) || self.redeclared_untyped.contains(l) && !configured {
                self.witnesses_used.insert(l);
                let ident = &self.body.locals[l].ident;
                let witness = type_witness(l);
                let at = Span::mixed_site().located_at(ident.span());
                out.extend(quote_spanned!(at=> ::stackless::__private::same_type(&#witness, &#ident);));
            }
        }
        out
    }

    pub(super) fn cont_node(&mut self, node: &Node, k: YieldId) -> TokenStream {
        if matches!(node, Node::Loop { .. } | Node::While { .. } | Node::For { .. }) {
            let saved = std::mem::replace(&mut self.value_position, false);
            let tokens = self.cont_node_at(node, k);
            self.value_position = saved;
            return tokens;
        }
        self.cont_node_at(node, k)
    }

    pub(super) fn cont_node_at(&mut self, node: &Node, k: YieldId) -> TokenStream {
        match node {
            // Spanned at the `yield_!(..)`'s parentheses so that a mismatch with the resume type points there
            // (and rustc's suggestions, such as `.to_string()`, apply after them).
            // A join point's arm continues within the step that reached it: the resume argument was already
            // taken there.
            Node::Yield(j) if *j == k && self.body.yields[k].join => quote!(()),
            Node::Yield(j) if *j == k => {
                syn::Ident::new("__arg", Span::mixed_site().located_at(self.body.yields[k].args_span))
                    .into_token_stream()
            }
            Node::Block { label, block, id } => {
                if let Some(id) = id {
                    self.broken.remove(id);
                }
                let b = self.cont_block(block, k);
                if let Some(id) = id {
                    // Completes if its rest does, or through a `break 'label` emitted in that rest.
                    let completes = !self.cont_block_never_completes(block, k) || self.broken.contains(id);
                    self.loop_completes.insert(*id, completes);
                }
                quote!(#label #b)
            }
            Node::If { then, els, cond_scope, .. } => {
                if block_contains(then, k) {
                    self.enter_scope(*cond_scope);
                    let b = self.cont_block(then, k);
                    let restores = self.restores(*cond_scope);
                    self.leave_scope(*cond_scope);
                    quote!({ #restores #b })
                } else {
                    self.cont_node(els.as_ref().expect("internal invariant: the suspension is in the `else` branch"), k)
                }
            }
            Node::Match { arms, .. } => {
                let arm = arms
                    .iter()
                    .find(|a| node_contains(&a.body, k))
                    .expect("internal invariant: the suspension is in an arm");
                self.enter_scope(arm.scope);
                let body = self.cont_node(&arm.body, k);
                let restores = self.restores(arm.scope);
                self.leave_scope(arm.scope);
                quote!({ #restores #body })
            }
            Node::Loop { id, label, body } => {
                let ((b, c), partial, ends) = self.partial_iteration(*id, body, None, k);
                if ends {
                    // The next iterations are unreachable from here (and would be type-checked for nothing).
                    let completes = self.broken.contains(id);
                    self.loop_completes.insert(*id, completes);
                    return quote!(#b: { #c: #partial });
                }
                let full = self.fresh_iteration(&[body.scope], |e: &mut Self| e.full_block(body));
                // A `loop` completes only through a `break` emitted in its partial or next iterations; one that
                // always comes after a suspension point (`break yield_!(x)`) is not emitted in this arm.
                let completes = self.broken.contains(id);
                self.loop_completes.insert(*id, completes);
                quote!(#b: { #c: #partial; #label loop #full })
            }
            Node::While { id, label, cond, cond_scope, body } => {
                let ((b, c), partial, ends) = self.partial_iteration(*id, body, Some(*cond_scope), k);
                let completes = !ends || self.broken.contains(id);
                self.loop_completes.insert(*id, completes);
                if ends {
                    return quote!(#b: { #c: #partial });
                }
                let full =
                    self.fresh_iteration(&[*cond_scope], |e: &mut Self| e.while_loop(*id, label.as_ref(), cond, body));
                quote!(#b: { #c: #partial #full })
            }
            Node::For { id, label, it, it_scope, binding, pat_scope, body, .. } => {
                self.enter_scope(*it_scope);
                let ((b, c), partial, ends) = self.partial_iteration(*id, body, Some(*pat_scope), k);
                let completes = !ends || self.broken.contains(id);
                self.loop_completes.insert(*id, completes);
                let full = if ends {
                    quote!()
                } else {
                    self.fresh_iteration(&[*pat_scope], |e: &mut Self| e.for_loop(label.as_ref(), *it, binding, body))
                };
                let it_restore = self.restores(*it_scope);
                self.leave_scope(*it_scope);
                if ends {
                    return quote!({ #it_restore #b: { #c: #partial } });
                }
                quote!({ #it_restore #b: { #c: #partial #full } })
            }
            Node::Assign { place, value } => {
                let completes = !self.cont_node_never_completes(value, k);
                let v = self.assigning(place, completes, |e: &mut Self| e.cont_node(value, k));
                // `_ = ..`, `(a, _) = ..`: what the place leaves of the value drops at the statement's end.
                let destructures = !matches!(
                    place.expr,
                    syn::Expr::Path(_) | syn::Expr::Field(_) | syn::Expr::Index(_) | syn::Expr::Unary(_)
                );
                let v = if destructures { self.dropped_at_once(value, k, v) } else { v };
                self.assign(place, v)
            }
            Node::Leaf(_) | Node::Yield(_) => {
                unreachable!("internal invariant: the continuation's node contains its suspension point")
            }
        }
    }

    /// `value`, the resume value of point `k` discarded (`let _ =`, `_ =`) or destructured (`let (_, c) =`): as a
    /// block's value, so that it is a temporary dropped at the end of the statement, as the plain fn drops what
    /// `yield_!` returns; the resume argument itself is a place, which a pattern would leave (in part) alive until
    /// the step ends.
    fn dropped_at_once(&self, value: &Node, k: YieldId, tokens: TokenStream) -> TokenStream {
        if matches!(value, Node::Yield(j) if *j == k) && !self.shape.resumes_with_unit() {
            quote!({ #tokens })
        } else {
            tokens
        }
    }

    /// The partial iteration of loop `id` resumed at `k`: its labels (break, continue: its `break`s and
    /// `continue`s jump to them), a block (the bindings of `inner_scope`, a `while let`'s or a `for` pattern's,
    /// restored first), and whether it never reaches the loop's next iterations.
    /// In a group's shared arm, at the loop around the group's points: the partial iteration of each point, chosen
    /// by `at`, each emitted as the point's own arm would (its locals moved out of `at`, its references counted on
    /// their own); the rest of the arm is the same for every point.
    pub(super) fn partial_iteration(
        &mut self,
        id: LoopId,
        body: &Block,
        inner_scope: Option<ScopeId>,
        k: YieldId,
    ) -> ((Lifetime, Lifetime), TokenStream, bool) {
        let labels = self.open_partial(id);
        self.broken.remove(&id);
        self.continued.remove(&id);
        let (partial, ends) = self.partial_iterations(id, body, inner_scope, k);
        self.partial.remove(&id);
        (labels, partial, ends)
    }

    /// [`Self::partial_iteration`]'s block, with the loop's labels open.
    fn partial_iterations(
        &mut self,
        id: LoopId,
        body: &Block,
        inner_scope: Option<ScopeId>,
        k: YieldId,
    ) -> (TokenStream, bool) {
        let one = |e: &mut Self, k: YieldId| {
            if let Some(scope) = inner_scope {
                e.enter_scope(scope);
            }
            let partial = e.cont_block(body, k);
            let restores = inner_scope.map(|scope| {
                let restores = e.restores(scope);
                e.leave_scope(scope);
                restores
            });
            (quote!({ #restores #partial }), e.partial_ends(body, id, k))
        };
        let Some((group, _)) = self.merge.filter(|&(_, at_loop)| at_loop == id) else {
            return one(self, k);
        };
        let inner = self.names.group(group);
        let at = at_var();
        let before = self.referenced.clone();
        let mut referenced = before.clone();
        let mut arms = TokenStream::new();
        let mut ends = true;
        for point in self.loop_points(group, id) {
            self.arm = Some(point);
            self.referenced = before.clone();
            let (partial, point_ends) = one(self, point);
            ends &= point_ends;
            referenced.union(&self.referenced);
            let take_own = self.own_binding(group, point, false);
            let v = variant(point);
            arms.extend(quote!(#inner::#v { .. } => { #take_own #partial }));
        }
        self.arm = Some(k);
        self.referenced = referenced;
        let p = private();
        (quote!({ match #at { #arms _ => #p::unreachable(), } }), ends)
    }

    /// Emits a loop's next iterations: the locals its body declares are new instances there, so their uses
    /// don't refer to the instances in scope at the suspension point.
    pub(super) fn fresh_iteration(
        &mut self,
        scopes: &[ScopeId],
        emit: impl FnOnce(&mut Self) -> TokenStream,
    ) -> TokenStream {
        let before = self.referenced.clone();
        let native_before = self.native_now.clone();
        for (l, local) in self.body.locals.iter().enumerate() {
            if scopes.iter().any(|s| self.scope_within(local.scope, *s)) {
                self.native_now.insert(l);
            }
        }
        let tokens = emit(self);
        self.native_now = native_before;
        for (l, local) in self.body.locals.iter().enumerate() {
            if self.referenced.contains(l)
                && !before.contains(l)
                && scopes.iter().any(|s| self.scope_within(local.scope, *s))
            {
                self.referenced.remove(l);
            }
        }
        tokens
    }

    pub(super) fn scope_within(&self, mut scope: ScopeId, ancestor: ScopeId) -> bool {
        loop {
            if scope == ancestor {
                return true;
            }
            match self.body.scopes[scope].parent {
                Some(p) => scope = p,
                None => return false,
            }
        }
    }

    /// After emitting a loop's partial iteration: it never completes normally and no `continue` was emitted in
    /// it, so the loop's next iterations are unreachable in this arm (a `break` still leaves the loop).
    pub(super) fn partial_ends(&self, body: &Block, id: LoopId, k: YieldId) -> bool {
        self.cont_block_never_completes(body, k) && !self.continued.contains(&id)
    }

    pub(super) fn open_partial(&mut self, id: LoopId) -> (Lifetime, Lifetime) {
        let n = self.labels;
        self.labels += 1;
        let b = Lifetime::new(&format!("'__break{n}"), Span::mixed_site());
        let c = Lifetime::new(&format!("'__continue{n}"), Span::mixed_site());
        self.partial.insert(id, (b.clone(), c.clone()));
        (b, c)
    }

    /// Resuming at `k` inside the statement, it never completes normally: it reaches another suspension point (or
    /// jumps away) first.
    pub(super) fn cont_stmt_never_completes(&self, stmt: &Stmt, k: YieldId) -> bool {
        match stmt {
            Stmt::Let(l) => l.init.as_ref().is_some_and(|n| self.cont_node_never_completes(n, k)),
            Stmt::Expr(n, _) => self.cont_node_never_completes(n, k),
        }
    }

    pub(super) fn cont_block_never_completes(&self, block: &Block, k: YieldId) -> bool {
        match block.stmts.iter().position(|s| stmt_contains(s, k)) {
            Some(i) => {
                self.cont_stmt_never_completes(&block.stmts[i], k)
                    || block.stmts[i + 1..].iter().any(stmt_always_suspends)
            }
            None => false,
        }
    }

    /// After emitting the continuation of `node` (a `let`'s initializer) at `k`: whether the rest of its block,
    /// emitted in full, may complete. A loop whose every `break` comes after a suspension point (`break
    /// yield_!(..)`) is only known not to complete once emitted, and a value that never arrives must not be bound:
    /// it would be typed from nothing.
    pub(super) fn emitted_rest_completes(&self, node: &Node, k: YieldId) -> bool {
        match node {
            Node::Block { id: None, block, .. } => self.emitted_block_rest_completes(block, k),
            // Resumed in a branch, that branch's block (`let v = if c { yield_!(7); loop { if d { break
            // yield_!(8); } } r.to_string() } else { .. }; lens(&v)`: bound in the arm of `yield_!(7)`, `v` was the
            // loop's `!`, and `lens(&v)` typed it `str`: difftest seed 7, program 20595).
            Node::If { then, els, .. } if block_contains(then, k) => self.emitted_block_rest_completes(then, k),
            Node::If { els: Some(els), .. } => self.emitted_rest_completes(els, k),
            Node::Match { arms, .. } => {
                arms.iter().find(|a| node_contains(&a.body, k)).is_none_or(|a| self.emitted_rest_completes(&a.body, k))
            }
            _ => true,
        }
    }

    /// [`Self::emitted_rest_completes`] for a block resumed in.
    fn emitted_block_rest_completes(&self, block: &Block, k: YieldId) -> bool {
        let Some(i) = block.stmts.iter().position(|s| stmt_contains(s, k)) else { return true };
        // The statement resumed in may itself be a `let` whose block never completes once emitted (`let v = { let
        // w = match yield_!(..) { .. every arm suspends .. }; w };`): then neither does this block, and what
        // follows it would type the value from code that can't run (difftest seed 0x5eedb8, program 570).
        let resumed_completes = match &block.stmts[i] {
            Stmt::Let(l) => l.init.as_ref().is_none_or(|init| self.emitted_rest_completes(init, k)),
            Stmt::Expr(n, _) => self.emitted_rest_completes(n, k),
        };
        resumed_completes
            && block.stmts[i + 1..].iter().all(|stmt| match stmt {
                Stmt::Let(l) => l.init.as_ref().is_none_or(|init| self.full_node_completes(init)),
                Stmt::Expr(n, _) => self.full_node_completes(n),
            })
    }

    pub(super) fn cont_node_never_completes(&self, node: &Node, k: YieldId) -> bool {
        match node {
            Node::Block { id: None, block, .. } => self.cont_block_never_completes(block, k),
            // Resumed inside, a labeled block also completes through a `break 'label`.
            Node::Block { id: Some(id), block, .. } => self.loop_completes.get(id).copied().map_or_else(
                || self.cont_block_never_completes(block, k) && !block.stmts.iter().any(|s| stmt_may_break(s, *id)),
                |completes| !completes,
            ),
            Node::Assign { value, .. } => self.cont_node_never_completes(value, k),
            Node::If { then, els, .. } => {
                if block_contains(then, k) {
                    self.cont_block_never_completes(then, k)
                } else {
                    els.as_ref().is_some_and(|e| self.cont_node_never_completes(e, k))
                }
            }
            Node::Match { arms, .. } => arms
                .iter()
                .find(|a| node_contains(&a.body, k))
                .is_some_and(|a| self.cont_node_never_completes(&a.body, k)),
            // What emitting the loop's continuation found (`Self::loop_completes`), else: resumed inside, a loop can
            // only leave through a `break`.
            Node::Loop { id, body, .. } => self
                .loop_completes
                .get(id)
                .copied()
                .map_or_else(|| !body.stmts.iter().any(|s| stmt_may_break(s, *id)), |completes| !completes),
            Node::While { id, .. } | Node::For { id, .. } => {
                self.loop_completes.get(id).copied().is_some_and(|completes| !completes)
            }
            _ => false,
        }
    }

    // ----- full emission: a construct run from its start -----

    pub(super) fn full_block(&mut self, block: &Block) -> TokenStream {
        self.full_block_with(block, TokenStream::new())
    }

    pub(super) fn full_block_with(&mut self, block: &Block, prefix: TokenStream) -> TokenStream {
        let stmts = self.full_stmts(&block.stmts);
        quote!({ #prefix #stmts })
    }

    /// Statements run from their start, up to the first that never completes in this arm: the rest is only
    /// reached by resuming, in another arm, and emitting it here would still type-check it with the
    /// suspension's `!` in place of the resume value.
    pub(super) fn full_stmts(&mut self, stmts: &[Stmt]) -> TokenStream {
        let mut out = TokenStream::new();
        let block_value = self.value_position;
        for (i, stmt) in stmts.iter().enumerate() {
            let tail = i + 1 == stmts.len() && matches!(stmt, Stmt::Expr(_, None));
            let saved = std::mem::replace(&mut self.value_position, block_value && tail);
            let stop = self.full_stmt_in_block(stmt, &stmts[i + 1..], block_value, &mut out);
            self.value_position = saved;
            if stop {
                break;
            }
        }
        out
    }

    /// One statement of [`Self::full_stmts`]; returns whether the block's emission stops after it.
    pub(super) fn full_stmt_in_block(
        &mut self,
        stmt: &Stmt,
        rest: &[Stmt],
        block_value: bool,
        out: &mut TokenStream,
    ) -> bool {
        {
            if let Stmt::Let(l) = stmt
                && let Some(init) = &l.init
                && !node_always_suspends(init)
                && node_has_break_target(init)
            {
                // An initializer whose every path suspends here (a loop or labeled block whose every `break`
                // comes after a suspension point, in every branch) never completes: bind nothing, and nothing
                // after it runs.
                // (Bound, its value would be typed from nothing in this arm.)
                self.forget_breaks(init);
                let tokens = self.typing(&l.binding, true, |e: &mut Self| e.full_node(init));
                if !self.full_node_completes(init) {
                    out.extend(quote!(#tokens;));
                    return true;
                }
                out.extend(self.let_stmt(l, tokens));
                return false;
            }
            if let Stmt::Expr(node @ Node::Loop { .. }, _) = stmt {
                // A `loop` no `break` of this arm leaves (it suspends, or goes on at a join point): what follows
                // it is only reached in other arms, and emitted here it would be typed before them (a closure
                // that a join point's arm assigns, called after the loop).
                self.forget_breaks(node);
                out.extend(self.full_stmt(stmt));
                return !self.full_node_completes(node);
            }
            out.extend(self.full_stmt(stmt));
            if stmt_always_suspends(stmt) {
                // What follows isn't emitted, so a block-like statement without `;` would become the block's
                // value (`if c { yield_!(x) } else { 'a: { break 'b v; }; if let .. {} }` then has the inner
                // `if`'s `()` where the block's value is expected; difftest seed 42, program 9248): it stays a
                // statement, and the block, whose statements all diverge here, has no value of its own.
                if !rest.is_empty() && matches!(stmt, Stmt::Expr(_, None)) {
                    out.extend(quote!(;));
                }
                if block_value {
                    // The rest's value is the block's, which is the initializer's.
                    self.value_position = true;
                    out.extend(self.dead_continuation(stmt, rest));
                } else {
                    out.extend(self.typing_rest(stmt, rest));
                }
                return true;
            }
            false
        }
    }

    /// Clears what the arm noted about `break`s of the loops in `node`, before emitting it again.
    pub(super) fn forget_breaks(&mut self, node: &Node) {
        for_each_node(node, &mut |n| {
            if let Node::Loop { id, .. } | Node::Block { id: Some(id), .. } = n {
                self.broken.remove(id);
            }
        });
    }

    /// After emitting `node` in full in this arm: whether the emitted code may complete (reach what follows).
    /// Only `false` when no path can: every path suspends, diverges, or stays in a loop no `break` leaves.
    pub(super) fn full_node_completes(&self, node: &Node) -> bool {
        let block = |b: &Block| {
            b.stmts.iter().all(|stmt| match stmt {
                Stmt::Let(l) => l.init.as_ref().is_none_or(|init| self.full_node_completes(init)),
                Stmt::Expr(n, _) => self.full_node_completes(n),
            })
        };
        match node {
            Node::Leaf(leaf) => !leaf.diverges,
            Node::Yield(_) => false,
            Node::Block { block: b, id, .. } => block(b) || id.is_some_and(|id| self.broken.contains(&id)),
            Node::If { then, els, .. } => block(then) || els.as_ref().is_none_or(|e| self.full_node_completes(e)),
            Node::Match { arms, .. } => arms.iter().any(|a| self.full_node_completes(&a.body)),
            Node::Loop { id, .. } => self.broken.contains(id),
            Node::While { .. } | Node::For { .. } => true,
            Node::Assign { value, .. } => self.full_node_completes(value),
        }
    }

    /// Inside the initializer of a local typed across arms, after `let x = yield_!(..);` has suspended: the
    /// rest of the block as dead code, with `x` an unreachable value of the resume type (or, bound by a block that
    /// suspends, that block's own dead continuation), so that rustc types the initializer's value from this path
    /// too (`if c { Some(f(yield_!(x))) } else { None }`), as in the plain fn. rustc type-checks unreachable code
    /// but doesn't borrow-check it. Only a rest without control flow or jumps (suspension points at statement
    /// level are continued past in turn), so that nothing else in the arm changes.
    pub(super) fn dead_continuation(&mut self, stmt: &Stmt, rest: &[Stmt]) -> TokenStream {
        let Stmt::Let(l) = stmt else { return TokenStream::new() };
        if self.typing_initializer == 0
            || l.diverge.is_some()
            || !(rest.iter().all(stmt_is_plain) || dead_tail_block(self.body, rest))
        {
            return TokenStream::new();
        }
        let value = match &l.init {
            Some(Node::Yield(_)) => {
                let p = private();
                let resume = resume_type_witness();
                quote!(#p::unreachable_value(&#resume))
            }
            // A block that suspends (`let s = { let a = yield_!(..); format!("{a}") };`, what the normalizer makes
            // of a suspension point in a macro's arguments): emitted again in value position, so that it ends in
            // its own dead continuation and has the value's type. (Without one, the block would be `!` and the
            // local typed from nothing.)
            Some(init @ Node::Block { id: None, .. }) if has_dead_value(self.body, init) => {
                let saved = std::mem::replace(&mut self.value_position, true);
                let value = self.full_node(init);
                self.value_position = saved;
                value
            }
            _ => return TokenStream::new(),
        };
        let binding = self.let_stmt(l, value);
        let rest = self.full_stmts(rest);
        quote!(#binding #rest)
    }

    /// After `yield_!(..);`: the rest of the block as dead code when it is plain code that uses a local whose type
    /// it completes (`last = Some(x);` for `let mut last = None;`, [`crate::ir::Local::typed_later`]). rustc
    /// type-checks the arms in order, and an arm's copy of a loop ends at the loop's first suspension: without
    /// this, code after the loop in the first arm that reaches it (`if let Some(s) = last { s.len() }`) would need
    /// the type before any arm has given it (the start arm, or an arm resumed before the loop: probe 46). rustc
    /// type-checks unreachable code but doesn't borrow-check it.
    fn typing_rest(&mut self, stmt: &Stmt, rest: &[Stmt]) -> TokenStream {
        /// Code without suspension points or closures: leaves, and blocks and `if`s of them (`if c { found =
        /// Some(x); break; }`). `typed`: it uses a local whose type it may complete.
        fn leaf(l: &Leaf, typed: &mut bool, body: &crate::ir::Body) -> bool {
            *typed |= l.uses.iter().any(|u| body.locals[u.local].typed_later);
            !has_closure(&l.expr)
        }
        fn node(n: &Node, typed: &mut bool, body: &crate::ir::Body) -> bool {
            match n {
                Node::Leaf(l) => leaf(l, typed, body),
                Node::Block { label: None, block, .. } => stmts(&block.stmts, typed, body),
                Node::If { cond, then, els, .. } => {
                    let conds = cond.iter().all(|c| match c {
                        Cond::Expr(l) | Cond::Let { scrut: l, .. } => leaf(l, typed, body),
                    });
                    conds && stmts(&then.stmts, typed, body) && els.as_deref().is_none_or(|e| node(e, typed, body))
                }
                _ => false,
            }
        }
        fn stmts(list: &[Stmt], typed: &mut bool, body: &crate::ir::Body) -> bool {
            list.iter().all(|s| match s {
                Stmt::Let(l) => {
                    l.diverge.is_none()
                        && l.init.as_ref().is_none_or(|i| matches!(i, Node::Leaf(_)) && node(i, typed, body))
                }
                Stmt::Expr(n, _) => node(n, typed, body),
            })
        }
        let discarded_yield = matches!(stmt, Stmt::Expr(Node::Yield(_), Some(_)));
        let mut typed = false;
        if !discarded_yield || !stmts(rest, &mut typed, self.body) || !typed {
            return TokenStream::new();
        }
        self.full_stmts(rest)
    }

    /// Emits a `let`'s initializer; `binds`: the `let` binds its value in this arm (the initializer doesn't
    /// always suspend), so typing it here matters.
    pub(super) fn typing<R>(&mut self, binding: &Binding, binds: bool, emit: impl FnOnce(&mut Self) -> R) -> R {
        self.initializing.push(binding.locals.clone());
        let r = self.typing_inner(binding, binds, emit);
        self.initializing.pop();
        r
    }

    /// Emits the value assigned to `place`: a closure in a block's tail there is assigned to its locals; `assigns`:
    /// the value may arrive in this arm, so typing it here matters (as [`Self::typing`] for a `let`).
    pub(super) fn assigning<R>(&mut self, place: &Leaf, assigns: bool, emit: impl FnOnce(&mut Self) -> R) -> R {
        let written: Vec<LocalId> = place.uses.iter().filter(|u| u.kind == UseKind::Write).map(|u| u.local).collect();
        let typed = assigns && written.iter().any(|&l| self.an.typed_across_arms.contains(l));
        self.initializing.push(written);
        self.typing_initializer += usize::from(typed);
        let saved = std::mem::replace(&mut self.value_position, typed);
        let r = emit(self);
        self.value_position = saved;
        self.typing_initializer -= usize::from(typed);
        self.initializing.pop();
        r
    }

    pub(super) fn typing_inner<R>(&mut self, binding: &Binding, binds: bool, emit: impl FnOnce(&mut Self) -> R) -> R {
        let typed = binds && binding.locals.iter().any(|&l| self.an.typed_across_arms.contains(l));
        self.typing_initializer += usize::from(typed);
        let saved = std::mem::replace(&mut self.value_position, typed);
        let r = emit(self);
        self.value_position = saved;
        self.typing_initializer -= usize::from(typed);
        r
    }

    pub(super) fn full_stmt(&mut self, stmt: &Stmt) -> TokenStream {
        match stmt {
            Stmt::Let(l) => match &l.init {
                // Nothing is bound here: the binding happens in the arm that resumes (and a pattern over the
                // suspension's `!` could not be typed).
                Some(Node::Yield(j)) => self.suspend_stmts(*j),
                Some(init) if node_always_suspends(init) => {
                    let init = self.full_node(init);
                    quote!(#init;)
                }
                Some(init) => {
                    let init = self.typing(&l.binding, true, |e: &mut Self| e.full_node(init));
                    self.let_stmt(l, init)
                }
                None => self.uninit_let(l),
            },
            Stmt::Expr(node, semi) => {
                if let Node::Leaf(leaf) = node {
                    match (&leaf.expr, semi) {
                        (Expr::Assign(assign), _) if has_closure(&assign.right) => {
                            let assigned: Vec<LocalId> =
                                leaf.uses.iter().filter(|u| u.kind == UseKind::Write).map(|u| u.local).collect();
                            self.note_closure(JoinBefore::Leaf(leaf.id), &assigned, false);
                        }
                        (expr, semi) if has_closure(expr) => {
                            // A call that stores a closure in a local (`fs.push(move |z| z + n);`).
                            let mut typed: Vec<LocalId> = storing_exprs(expr)
                                .into_iter()
                                .filter(|(_, args)| args.iter().any(has_closure))
                                .filter_map(|(receiver, _)| {
                                    leaf.env.iter().rev().find(|(name, _)| *name == receiver).map(|&(_, l)| l)
                                })
                                .collect();
                            // A block's tail: its value is the initializer's of the `let` being emitted, if any.
                            if semi.is_none() {
                                typed.extend(self.initializing.last().into_iter().flatten());
                            }
                            if !typed.is_empty() {
                                self.note_closure(JoinBefore::Leaf(leaf.id), &typed, false);
                            }
                        }
                        _ => {}
                    }
                }
                // `yield_!(..);`, and `x = yield_!(..);` where it suspends (the assignment is the resuming arm's).
                let suspends_here = match node {
                    Node::Yield(j) => Some(*j),
                    Node::Assign { value, .. } => match &**value {
                        Node::Yield(j) => Some(*j),
                        _ => None,
                    },
                    _ => None,
                };
                if let (Some(j), Some(_)) = (suspends_here, semi) {
                    return self.suspend_stmts(j);
                }
                let e = self.full_node(node);
                quote!(#e #semi)
            }
        }
    }

    /// `let x;` — a flagged local starts as `None`.
    /// An arm that declares it may not be the one that assigns it: each ties its type to a witness shared by
    /// the arms (see [`Self::type_tie`]).
    pub(super) fn uninit_let(&mut self, l: &crate::ir::Let) -> TokenStream {
        let attrs = &l.attrs;
        let flagged = l.binding.locals.iter().any(|x| self.an.flagged.contains(*x));
        let pat = binding_pat(self.body, &self.an.field_moved, &l.binding);
        let ty = match &l.binding.pat {
            syn::Pat::Type(t) => Some(&t.ty),
            _ => None,
        };
        let ties: TokenStream = l.binding.locals.iter().map(|&x| self.type_tie(x)).collect();
        if !flagged {
            return quote!(#(#attrs)* let #pat; #ties);
        }
        if let ([single], Some(ty)) = (&l.binding.locals[..], ty) {
            let ident = &self.body.locals[*single].ident;
            return quote!(#(#attrs)* let mut #ident: ::core::option::Option<#ty> = ::core::option::Option::None; #ties);
        }
        // One declaration per local: those with a drop flag start as `None`.
        let mut out = TokenStream::new();
        for &x in &l.binding.locals {
            let local = &self.body.locals[x];
            let ident = &local.ident;
            let tie = self.type_tie(x);
            if self.an.flagged.contains(x) {
                out.extend(quote!(#(#attrs)* let mut #ident = ::core::option::Option::None; #tie));
            } else {
                let mutable = if local.mutable { quote!(mut) } else { quote!() };
                out.extend(quote!(#(#attrs)* let #mutable #ident; #tie));
            }
        }
        out
    }

    /// For a local declared without a value (`let x;`), or re-declared so by an arm: an assignment that never
    /// runs ties its type to the local's witness, declared once for all the arms, so that an arm where nothing
    /// assigns it has its type from the arm that does, as the plain fn's one body would.
    pub(super) fn type_tie(&mut self, l: LocalId) -> TokenStream {
        self.witnesses_used.insert(l);
        let p = private();
        let ident = &self.body.locals[l].ident;
        let witness = type_witness(l);
        let value = quote!(#p::unreachable_value(&#witness));
        let value = if self.an.flagged.contains(l) { quote!(::core::option::Option::Some(#value)) } else { value };
        // The read keeps an arm where the local is otherwise unused from warning that it is only assigned.
        quote!(if #p::never() { #ident = #value; let _ = &#ident; #p::unreachable() })
    }

    pub(super) fn full_node(&mut self, node: &Node) -> TokenStream {
        if matches!(node, Node::Loop { .. } | Node::While { .. } | Node::For { .. }) {
            // A loop's value comes from its `break`s, not from its body's tail.
            let saved = std::mem::replace(&mut self.value_position, false);
            let tokens = self.full_node_at(node);
            self.value_position = saved;
            return tokens;
        }
        self.full_node_at(node)
    }

    pub(super) fn full_node_at(&mut self, node: &Node) -> TokenStream {
        match node {
            Node::Leaf(leaf) => self.leaf(leaf),
            Node::Yield(j) => self.suspend(*j),
            Node::Block { label, block, .. } => {
                let b = self.full_block(block);
                quote!(#label #b)
            }
            Node::If { cond, then, els, .. } => {
                let cond = self.cond(cond);
                let wraps = self.cond_wraps(cond.1);
                let then = self.full_block(then);
                let c = cond.0;
                let els = els.as_ref().map(|e| {
                    let e = self.full_node(e);
                    quote!(else #e)
                });
                quote!(if #c { #wraps #then } #els)
            }
            Node::Match { scrut, arms } => {
                let s = self.leaf(scrut);
                let arms = arms.iter().map(|arm| {
                    let attrs = &arm.attrs;
                    let pat = binding_pat(self.body, &self.an.field_moved, &arm.binding);
                    let guard = arm.guard.as_ref().map(|g| {
                        let g = self.raw(&arm.binding.locals, |e: &mut Self| e.leaf(g));
                        quote!(if #g)
                    });
                    let wraps = self.wraps(&arm.binding);
                    let body = self.full_node(&arm.body);
                    quote!(#(#attrs)* #pat #guard => { #wraps #body })
                });
                quote!(match #s { #(#arms)* })
            }
            Node::Loop { label, body, .. } => {
                let b = self.full_block(body);
                quote!(#label loop #b)
            }
            Node::While { id, label, cond, body, .. } => self.while_loop(*id, label.as_ref(), cond, body),
            Node::For { id, label, iter, it, binding, body, .. } => {
                // Spanned at the user's iterator: an error of `into_iter` (a move out of a reference) lands there.
                let span = iter.expr.span();
                let check =
                    self.receivers_to_check.loops.get(id).cloned().map(|(l, token)| self.reference_check(l, &token));
                if has_closure(&iter.expr) {
                    // The iterator's type has the closure's: one emission of the loop (see `Output::joins`).
                    self.note_closure(JoinBefore::Leaf(iter.id), &[*it], false);
                }
                let iter = self.leaf(iter);
                let it_ident = &self.body.locals[*it].ident;
                let l = self.for_loop(label.as_ref(), *it, binding, body);
                let value = quote_spanned!(span=> ::core::iter::IntoIterator::into_iter(#iter));
                let value =
                    if self.an.flagged.contains(*it) { quote!(::core::option::Option::Some(#value)) } else { value };
                quote!({
                    #check
                    let mut #it_ident = #value;
                    #l
                })
            }
            Node::Assign { value, .. } if node_always_suspends(value) => self.full_node(value),
            Node::Assign { place, value } => {
                let v = self.assigning(place, true, |e: &mut Self| e.full_node(value));
                self.assign(place, v)
            }
        }
    }

    pub(super) fn while_loop(
        &mut self,
        id: LoopId,
        label: Option<&syn::Label>,
        cond: &[Cond],
        body: &Block,
    ) -> TokenStream {
        let (c, binds) = self.cond(cond);
        // A loop by index over a field whose item is held at a suspension point: rustc checks that the field's
        // items outlive its borrow ([`crate::borrows::ReceiverChecks::held_fields`]).
        let c = if self.receivers_to_check.held_fields.contains(&id) { held_field_calls(c) } else { c };
        let wraps = self.cond_wraps(binds);
        let b = self.full_block(body);
        quote!(#label while #c { #wraps #b })
    }

    pub(super) fn for_loop(
        &mut self,
        label: Option<&syn::Label>,
        it: LocalId,
        binding: &Binding,
        body: &Block,
    ) -> TokenStream {
        let it_access = self.access(it, UseKind::Place, false, &self.body.locals[it].ident);
        let pat = binding_pat(self.body, &self.an.field_moved, binding);
        // A `for` pattern may be an or-pattern, which a `let` only takes in parentheses.
        let pat = if matches!(pat, syn::Pat::Or(_)) { quote!((#pat)) } else { pat.into_token_stream() };
        let wraps = self.wraps(binding);
        let b = self.full_block(body);
        let next = syn::Ident::new("__next", Span::mixed_site());
        quote! {
            #label loop {
                let #pat = match ::core::iter::Iterator::next(&mut #it_access) {
                    ::core::option::Option::Some(#next) => #next,
                    ::core::option::Option::None => break,
                };
                #wraps
                #b
            }
        }
    }

    /// The condition's tokens and the bindings it declares.
    pub(super) fn cond<'c>(&mut self, cond: &'c [Cond]) -> (TokenStream, Vec<&'c Binding>) {
        let mut parts = Vec::new();
        let mut binds: Vec<&Binding> = Vec::new();
        for c in cond {
            // Later parts see the earlier parts' bindings as matched, before any drop-flag wrapping.
            let raw: Vec<LocalId> = binds.iter().flat_map(|b| b.locals.iter().copied()).collect();
            match c {
                Cond::Expr(leaf) => parts.push(self.raw(&raw, |e: &mut Self| e.leaf(leaf))),
                Cond::Let { binding, scrut } => {
                    let pat = binding_pat(self.body, &self.an.field_moved, binding);
                    let s = self.raw(&raw, |e: &mut Self| e.leaf(scrut));
                    parts.push(quote!(let #pat = #s));
                    binds.push(binding);
                }
            }
        }
        (quote!(#(#parts)&&*), binds)
    }

    pub(super) fn cond_wraps(&self, binds: Vec<&Binding>) -> TokenStream {
        binds.into_iter().map(|b| self.wraps(b)).collect()
    }

    pub(super) fn assign(&mut self, place: &Leaf, value: TokenStream) -> TokenStream {
        if let Expr::Path(p) = &place.expr
            && let Some(ident) = p.path.get_ident()
            && let Some((_, local)) = place.env.iter().rev().find(|(n, _)| ident == n)
        {
            let value: Expr = syn::parse2(quote!((#value))).unwrap_or_else(|_| Expr::Verbatim(value.clone()));
            if let Some(e) = Rewrite::assign(self, *local, value.clone(), ident) {
                return e.into_token_stream();
            }
            let access = self.access(*local, UseKind::Write, false, ident);
            return quote!(#access = #value);
        }
        let p = self.leaf(place);
        quote!(#p = #value)
    }

    /// A leaf with its uses rewritten.
    pub(super) fn leaf(&mut self, leaf: &Leaf) -> TokenStream {
        let mut expr = leaf.expr.clone();
        let labels: Vec<(Option<String>, bool)> =
            self.body.loops.iter().map(|l| (l.label.as_ref().map(|l| l.ident.to_string()), l.is_block)).collect();
        let label_of = move |id: LoopId| labels.get(id).cloned().unwrap_or((None, false));
        let live = &self.an.live_after_leaf[leaf.id];
        let live_after = |l: LocalId| live.contains(l);
        let live_after_jump = |jump: Jump, l: LocalId| match jump {
            Jump::Break(target) => self.an.live_after_loop[target].contains(l),
            Jump::Continue(target) => self.an.live_at_loop_head[target].contains(l),
            Jump::Return => false,
        };
        let held = &self.an.held_after_leaf[leaf.id];
        let held_after = |l: LocalId| held.contains(l);
        let body = self.body;
        let deref_reads = |l: LocalId| body.locals[l].reads_through_deref;
        let mut walker = Walker::new(&leaf.env, &leaf.loops, &label_of).reading_through_deref(&deref_reads).rewriting(
            self,
            &leaf.uses,
            &live_after,
            &live_after_jump,
            &held_after,
        );
        // A place is used as the leaf's context says (`let _ = x;` reads `x`); any other value is made, and
        // what its tail or branches name is moved into it (`let _ = if c { x } else { y };`).
        let ctx = if crate::syntax::is_place_expression(&leaf.expr) { leaf.ctx } else { UseKind::Move };
        walker.walk(&mut expr, ctx);
        expr.into_token_stream()
    }
}

/// A value that always suspends, whose [`Emitter::dead_continuation`] gives it a type: a `yield_!`, or a block
/// whose first statement that always suspends is a `let` of such a value followed by plain statements only, and
/// no join point (which the arm leaves the step for: the block's value never arrives in it).
fn has_dead_value(body: &crate::ir::Body, node: &Node) -> bool {
    match node {
        Node::Yield(_) => true,
        Node::Block { id: None, block, .. } => {
            let Some(i) = block.stmts.iter().position(stmt_always_suspends) else { return false };
            let rest = &block.stmts[i + 1..];
            matches!(&block.stmts[i], Stmt::Let(l) if l.diverge.is_none() && l.init.as_ref().is_some_and(|n| has_dead_value(body, n)))
                && (rest.iter().all(|s| plain_not_joining(body, s)) || dead_tail_block(body, rest))
        }
        _ => false,
    }
}

/// Plain statements ending in a block that has a dead value of its own (`let a = yield_!(..); { let b =
/// yield_!(..); f(a, b) }`, what the normalizer makes of `f(yield_!(..), yield_!(..))` in a value): its dead
/// continuation goes on into that block, so that the value is typed from it too (difftest seed 0x5eedbf, program
/// 2214: `Some(sv(.., { let a = yield_!(..); pts(P { a, b: yield_!(r) }) }))`).
fn dead_tail_block(body: &crate::ir::Body, rest: &[Stmt]) -> bool {
    let Some((last, before)) = rest.split_last() else { return false };
    before.iter().all(|s| plain_not_joining(body, s))
        && matches!(last, Stmt::Expr(n @ Node::Block { id: None, .. }, None) if has_dead_value(body, n))
}

/// A plain statement ([`stmt_is_plain`]) that isn't a join point, which a dead continuation can't go past.
fn plain_not_joining(body: &crate::ir::Body, stmt: &Stmt) -> bool {
    stmt_is_plain(stmt) && !matches!(stmt, Stmt::Expr(Node::Yield(k), _) if body.yields[*k].join)
}

/// `by_index::field(..)` as `by_index::held_field(..)` (and `field_mut` as `held_field_mut`) in `tokens`: see
/// [`Emitter::while_loop`].
fn held_field_calls(tokens: TokenStream) -> TokenStream {
    use proc_macro2::TokenTree;
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(trees.len());
    for (i, tree) in trees.iter().enumerate() {
        let after_by_index = i >= 3
            && matches!(&trees[i - 3], TokenTree::Ident(m) if m == "by_index")
            && matches!(&trees[i - 1], TokenTree::Punct(p) if p.as_char() == ':');
        out.push(match tree {
            TokenTree::Group(g) => {
                let mut group = proc_macro2::Group::new(g.delimiter(), held_field_calls(g.stream()));
                group.set_span(g.span());
                TokenTree::Group(group)
            }
            TokenTree::Ident(f) if after_by_index && (f == "field" || f == "field_mut") => {
                TokenTree::Ident(syn::Ident::new(&format!("held_{f}"), f.span()))
            }
            other => other.clone(),
        });
    }
    out.into_iter().collect()
}

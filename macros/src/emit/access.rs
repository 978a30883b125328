//! How an arm reaches each local, and what a suspension point stores.
//!
//! A local is reached in place (its field, bound by `&mut`: `(*x)`), through the scope guard that clears its drop
//! flag at its scope's end, or as a plain local that the arm restored by value at the start of its scope
//! ([`Emitter::restores`]). A use that would move out of the state, and a held local whose scope ends where
//! the arm still runs, make an in-place arm run by value instead ([`Emitter::violate`]). At a suspension point
//! the arm stores what that point holds: into the point's variant by value, or, in place, into the fields the
//! arm re-declared and the group's `at`.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::Expr;
use syn::spanned::Spanned;

use super::{Emitter, Mode, at_field, at_var, group_variant, guard, located, private, step_label, use_ident, variant};
use crate::ir::{JoinBefore, Jump, LocalId, ScopeId, UseKind, YieldId};
use crate::leaf::Rewrite;
use crate::syntax::{deref_expr, has_closure, ident_expr};

impl Emitter<'_> {
    pub(super) fn saved_var(l: LocalId) -> syn::Ident {
        format_ident!("__saved{}", l, span = Span::mixed_site())
    }

    /// By value: `let x = __savedN;` for the stored locals of `scope`, in declaration order. Locals in scope
    /// at the suspension point but not stored there (dead, and moved or without drop glue) are declared
    /// uninitialised when the continuation assigns them again.
    /// Call after emitting the scope's code, so that `referenced` is complete.
    pub(super) fn restores(&mut self, scope: ScopeId) -> TokenStream {
        self.restores_before(scope, false)
    }

    /// [`Self::restores`]; `suspends_first`: the arm never reaches the end of the scope (nor leaves it by a
    /// jump), so a local of it held in place stays alive in the state.
    pub(super) fn restores_before(&mut self, scope: ScopeId, suspends_first: bool) -> TokenStream {
        let Some(k) = self.arm else {
            return TokenStream::new();
        };
        let mut out = TokenStream::new();
        for &l in &self.body.yields[k].in_scope {
            let local = &self.body.locals[l];
            if local.scope != scope {
                continue;
            }
            if !self.layout.stored[k].contains(&l) {
                if self.referenced.contains(l) {
                    if self.mode == Mode::InPlace && !local.no_drop_glue() && self.drops_with_the_state_after(k, l) {
                        // Declared again here, it would drop at its scope's end, before a local declared after
                        // it that stays in the state until the fn's end: the plain fn drops that one first.
                        self.violate();
                    }
                    let ident = &local.ident;
                    if self.an.flagged.contains(l) {
                        // Moved before this suspension point: its drop flag starts cleared.
                        out.extend(quote!(let mut #ident = ::core::option::Option::None;));
                    } else {
                        let ty = local.written_type.as_ref().filter(|ty| crate::signature::is_nameable(ty));
                        let ty = ty.map(|ty| quote!(: #ty));
                        out.extend(quote!(let mut #ident #ty;));
                    }
                    out.extend(self.type_tie(l));
                }
                continue;
            }
            if self.bound.contains(l) {
                // The scope of a local held in place ends inside this arm. Fine when nothing runs between that
                // end and the fn's end (the guard then drops it with the rest), when it has no drop glue, when
                // it has a drop flag (a scope guard then clears it at the scope's end), or when the arm
                // suspends before that end.
                let guard = self.scope_guards.iter().find(|(g, _)| *g == l).map(|(_, i)| i.clone());
                if let Some(guard) = guard {
                    let field = self.bound_name(l);
                    self.used.insert(l);
                    out.extend(quote!(let mut #guard = ::stackless::__private::ScopeEnd::new(&mut *#field);));
                } else if !self.body.scopes[scope].ends_at_exit && !local.no_drop_glue() && !suspends_first {
                    self.violate();
                }
            } else {
                let ident = &local.ident;
                let var = Self::saved_var(l);
                let mutable = if local.mutable || self.an.flagged.contains(l) || self.an.field_moved.contains(l) {
                    quote!(mut)
                } else {
                    quote!()
                };
                // A re-declaration: the user's own declaration is checked for unused variables elsewhere.
                out.extend(quote!(#[allow(unused_variables)] let #mutable #ident = #var;));
            }
        }
        out
    }

    /// In place: a local stored at `k`, declared after `l`, is left in the state to drop at the fn's end (its
    /// scope ends there, see [`Self::restores`]).
    pub(super) fn drops_with_the_state_after(&self, k: YieldId, l: LocalId) -> bool {
        let in_scope = &self.body.yields[k].in_scope;
        let after = in_scope.iter().skip_while(|&&m| m != l).skip(1);
        after.filter(|&&m| self.bound.contains(m)).any(|&m| {
            let local = &self.body.locals[m];
            self.body.scopes[local.scope].ends_at_exit && !local.no_drop_glue()
        })
    }

    /// `yield_!(value)` run from its start: evaluate the value, store what the point needs, return.
    pub(super) fn suspend(&mut self, j: YieldId) -> TokenStream {
        let body = self.suspend_stmts(j);
        // The block ends where the `yield_!(..)` does: a suggestion rustc inserts after it (a missing `match`
        // arm after one whose value is a `yield_!`) goes after its parentheses.
        let mut block = proc_macro2::Group::new(proc_macro2::Delimiter::Brace, body);
        block.set_span(self.body.yields[j].args_span);
        block.into_token_stream()
    }

    /// [`Self::suspend`]'s statements, without a block: a `yield_!(..);` statement is them (nothing after them
    /// runs, and a block would only add lines to what `cargo expand` shows).
    pub(super) fn suspend_stmts(&mut self, j: YieldId) -> TokenStream {
        let point = &self.body.yields[j];
        let g = guard();
        let value_span = point.value.as_ref().map_or(point.span, |v| v.expr.span());
        let y = syn::Ident::new("__yielded", Span::mixed_site().located_at(value_span));
        let y_ty = self.yield_annotation();
        let value = match &point.value {
            Some(v) => {
                // A closure or `async` block yielded has a type of its own per arm that emits it, where the
                // coroutine yields one type: when that type isn't written (`Item = impl Fn()`) but inferred from
                // the values, several arms emitting it need a join point before the `yield_!`. (A written type,
                // `Box<dyn Fn()>`, is what each arm's value coerces to.)
                if has_closure(&v.expr) && y_ty.is_empty() {
                    self.note_closure(JoinBefore::Leaf(v.id), &[], true);
                }
                self.leaf(v)
            }
            None => quote_spanned!(point.span=> ()),
        };
        let store = match (self.mode, self.arm) {
            (Mode::InPlace, Some(k)) => {
                let cross = j != k;
                if cross && !self.layout.same_group(j, k) {
                    self.violate();
                }
                // Locals a loop declared again since the arm started go into their fields; scope guards of
                // the locals still in scope are disarmed, since those stay in the state.
                let mut out = TokenStream::new();
                for l in self.store_order(j) {
                    if self.native_now.contains(l) && self.bound.contains(l) {
                        self.used.insert(l);
                        let field = self.bound_name(l);
                        let ident = located(&self.body.locals[l].ident, point.span);
                        let value = self.held(j, l, &ident);
                        out.extend(quote!(*#field = #value;));
                    }
                }
                for (_, guard) in &self.scope_guards {
                    out.extend(quote!(#guard.armed = false;));
                }
                // Back at the arm's own point with its own locals in place, `at` is as it was.
                let own_stays = !cross && self.layout.own_in_place(self.body, self.an, k) && self.merge.is_none();
                if self.layout.same_group(j, k) && !own_stays {
                    out.extend(self.write_at(j));
                }
                out
            }
            _ => {
                let state = self.names.state();
                let v = variant(j);
                let shared = self.layout.shared(j);
                let mut own_fields = Vec::new();
                let mut shared_fields = Vec::new();
                for l in self.store_order(j) {
                    self.referenced.insert(l);
                    // At the `yield_!`: a local still borrowed there is reported as moved by it.
                    let ident = located(&self.body.locals[l].ident, point.span);
                    let value = self.held(j, l, &ident);
                    let fields = if shared.contains(&l) { &mut shared_fields } else { &mut own_fields };
                    fields.push(self.field_value(l, self.holds_as_is(j, l), &value));
                }
                match self.layout.group_of[j] {
                    None => quote!(*#g.state = #state::#v { #(#own_fields),* };),
                    Some(c) => {
                        // The point's own locals first, in their store order (a dead one may borrow a shared
                        // one).
                        let inner = self.names.group(c);
                        let cv = group_variant(c);
                        let at = at_field();
                        let own = syn::Ident::new("__own", Span::mixed_site());
                        quote! {
                            let #own = #inner::#v { #(#own_fields),* };
                            *#g.state = #state::#cv { #at: #own, #(#shared_fields),* };
                        }
                    }
                }
            }
        };
        if point.join {
            // Not a suspension: on to the join point's arm.
            let step = step_label();
            return quote_spanned! {point.span=>
                #store
                continue #step;
            };
        }
        let lints = &point.lints;
        quote_spanned! {point.span=>
            #(#lints)*
            let #y #y_ty = #value;
            #store
            // At the `yield_!`: a yielded value that borrows a local is reported there.
            return ::stackless::__private::suspend(#y);
        }
    }

    /// In place, at point `j` of the arm's group: `at` becomes `j`'s variant, with `j`'s own locals (the arm
    /// holds them itself, see [`Self::resume_arm`]).
    pub(super) fn write_at(&mut self, j: YieldId) -> TokenStream {
        let point = &self.body.yields[j];
        let Some(c) = self.layout.group_of[j] else { unreachable!("`at` written outside a group") };
        let inner = self.names.group(c);
        let at = at_var();
        let own_j = self.layout.own(j);
        let fields = self.store_order(j).into_iter().filter(|l| own_j.contains(l)).map(|l| {
            self.referenced.insert(l);
            let ident = located(&self.body.locals[l].ident, point.span);
            let value = self.held(j, l, &ident);
            self.field_value(l, self.holds_as_is(j, l), &value)
        });
        let v = variant(j);
        quote!(*#at = #inner::#v { #(#fields),* };)
    }

    /// The order in which suspension point `j` moves its locals into the state: the dead ones that go through
    /// `Hold` first, newest first, so that one that borrows another (`cmd` of `line`) is dropped before what it
    /// borrows moves; then the others, in declaration order.
    pub(super) fn store_order(&self, j: YieldId) -> Vec<LocalId> {
        let held = |l: &LocalId| self.an.dead[j].contains(*l) && !self.never_held.contains(*l);
        let mut order: Vec<LocalId> = self.layout.stored[j].iter().rev().copied().filter(held).collect();
        order.extend(self.layout.stored[j].iter().copied().filter(|l| !held(l)));
        order
    }

    /// Suspension point `j` stores local `l` as it is ([`Self::held`]).
    pub(super) fn holds_as_is(&self, j: YieldId, l: LocalId) -> bool {
        !self.an.dead[j].contains(l) || self.never_held.contains(l)
    }

    /// What suspension point `j` stores of local `l`: the local, or, when it is dead there, what
    /// `__private::Hold` makes of it (`Dead` when its type is `Copy`, the value otherwise). The method call
    /// decides from the type rustc knows at that point, which must be the local's final type: see
    /// [`never_held`](super::queries::never_held) for the locals that are stored as they are.
    pub(super) fn held(&self, j: YieldId, l: LocalId, ident: &syn::Ident) -> TokenStream {
        if self.holds_as_is(j, l) {
            return quote!(#ident);
        }
        let p = private();
        // The probe's borrow is located where `ident` is (the `yield_!`): a local moved before it, by a method or
        // macro the transform doesn't know, is reported as borrowed there.
        let borrow = quote_spanned!(Span::mixed_site().located_at(ident.span())=> &#ident);
        quote! {
            {
                use #p::{HoldCopy as _, HoldValue as _};
                (&&#p::Hold(#borrow)).hold_kind().hold(#ident)
            }
        }
    }
}

/// Where the tokens a use of a local becomes (`(*x)`, `slot(&mut x)`) are: at the user's token, so that an error
/// about the place is reported there, but in the macro's context, so that lints of the user's code (clippy's
/// `borrow_deref_ref` on `&(*x)`) don't take them for the user's.
fn at_use(token: &syn::Ident) -> Span {
    Span::mixed_site().located_at(token.span())
}

impl Rewrite for Emitter<'_> {
    fn access(&mut self, local: LocalId, kind: UseKind, last: bool, token: &syn::Ident) -> Expr {
        let info = &self.body.locals[local];
        let in_place = self.in_place(local);
        // The local's own place (`self` is bound as `__self`, shadowed names are renamed), spanned at the use.
        let base = self.access_base(local, token);
        if self.an.flagged.contains(local) && !self.raw_now.contains(local) {
            // Located at the use, as the plain place is: an error about the value is reported there.
            let at = at_use(token);
            let p = quote_spanned!(at=> ::stackless::__private);
            return match kind {
                UseKind::Move if last => syn::parse_quote_spanned!(at=> #p::take(&mut #base)),
                _ => syn::parse_quote_spanned!(at=> (*#p::slot(&mut #base))),
            };
        }
        if in_place && matches!(kind, UseKind::Move | UseKind::Receiver) && last && !info.plain() {
            // Moving out of the state would leave a hole (and a method the macro doesn't know may take `self`):
            // this arm runs by value instead.
            self.violate();
        }
        base
    }

    fn access_shared(&mut self, local: LocalId, token: &syn::Ident) -> Expr {
        if !self.an.flagged.contains(local) || self.raw_now.contains(local) {
            return self.access(local, UseKind::Place, false, token);
        }
        let base = self.access_base(local, token);
        let at = at_use(token);
        let p = quote_spanned!(at=> ::stackless::__private);
        syn::parse_quote_spanned!(at=> (*#p::slot_ref(&#base)))
    }

    fn vacates_field(&mut self, local: LocalId, held_after: bool) -> bool {
        if self.body.locals[local].copies_fields() {
            return false;
        }
        if held_after {
            return true;
        }
        if self.in_place(local) {
            // Not held after this: the arm runs by value, where Rust's own partial move works.
            self.violate();
            return false;
        }
        self.an.flagged.contains(local) && !self.raw_now.contains(local)
    }

    fn captured_by_value(&self, local: LocalId) -> bool {
        self.in_place(local) || (self.an.flagged.contains(local) && !self.raw_now.contains(local))
    }

    fn plain_ident(&self, local: LocalId, token: &syn::Ident) -> syn::Ident {
        use_ident(&self.body.locals[local], token)
    }

    fn assign(&mut self, local: LocalId, value: Expr, token: &syn::Ident) -> Option<Expr> {
        if !self.an.flagged.contains(local) {
            return None;
        }
        let base = self.access_base(local, token);
        Some(syn::parse_quote!(#base = ::core::option::Option::Some(#value)))
    }

    fn return_(&self, value: Option<Expr>) -> Expr {
        let p = private();
        let value = value.map_or_else(|| quote!(()), ToTokens::into_token_stream);
        let ret = syn::Ident::new("__ret", Span::mixed_site());
        let ty = self.return_annotation();
        syn::parse_quote!(return { let #ret #ty = #value; #p::complete(#ret) })
    }

    fn try_(&self, expr: Expr, question: &syn::Token![?]) -> Expr {
        // Spanned at the `?`: a residual the return type can't take is reported there, not at the attribute.
        let p = quote::quote_spanned!(question.span=> ::stackless::__private);
        let v = syn::Ident::new("__value", Span::mixed_site());
        // The residual and the converted value are spanned at the `?` itself (a mixed-site span would be shown
        // at the attribute): they are bound and used inside the arm only, where no user code is.
        let r = syn::Ident::new("__residual", question.span);
        let ret = syn::Ident::new("__ret", question.span);
        // Typed by the return annotation (when the return type is nameable), so that the conversion is checked
        // where it is written.
        let ty = self.return_annotation();
        // Parenthesized: in statement position a `match` would end the expression (`x? + 1` must stay a sum).
        syn::parse_quote_spanned! {question.span=>
            (match #p::Try::branch(#expr) {
                ::core::ops::ControlFlow::Continue(#v) => #v,
                ::core::ops::ControlFlow::Break(#r) => {
                    let #ret #ty = #p::FromResidual::from_residual(#p::Residual::convert(#r, ::core::convert::From::from));
                    return #p::complete(#ret)
                }
            })
        }
    }

    fn jump(&mut self, jump: Jump, value: Option<Expr>, original: &Expr) -> Expr {
        match jump {
            Jump::Break(l) => self.broken.insert(l),
            Jump::Continue(l) => self.continued.insert(l),
            Jump::Return => false,
        };
        let partial = &self.partial;
        match jump {
            Jump::Break(l) => match partial.get(&l) {
                Some((b, _)) => syn::parse_quote!(break #b #value),
                None => original.clone(),
            },
            Jump::Continue(l) => match partial.get(&l) {
                Some((_, c)) => syn::parse_quote!(break #c),
                None => original.clone(),
            },
            Jump::Return => original.clone(),
        }
    }
}

impl Emitter<'_> {
    /// The place of a local: itself, its field in the state (`(*x)`), or its field through the scope guard
    /// that clears it at the end of its scope.
    pub(super) fn access_base(&mut self, local: LocalId, token: &syn::Ident) -> Expr {
        let info = &self.body.locals[local];
        let ident = use_ident(info, token);
        self.referenced.insert(local);
        if !self.in_place(local) {
            return ident_expr(ident);
        }
        self.used.insert(local);
        if let Some((_, guard)) = self.scope_guards.iter().rev().find(|(l, _)| *l == local) {
            return syn::parse_quote_spanned!(at_use(token)=> (*#guard.slot));
        }
        if self.redeclared_in_loop(local) {
            return deref_expr(ident_expr(self.bound_name(local)), at_use(token));
        }
        deref_expr(ident_expr(ident), at_use(token))
    }

    /// Emits with `locals` as their pattern bound them: in a guard or a later part of a let chain, before the
    /// drop-flag wrapping at the start of the body.
    pub(super) fn raw(&mut self, locals: &[LocalId], emit: impl FnOnce(&mut Self) -> TokenStream) -> TokenStream {
        let before = self.raw_now.clone();
        for &l in locals {
            self.raw_now.insert(l);
        }
        let tokens = emit(self);
        self.raw_now = before;
        tokens
    }

    /// The local is held in place here (bound from the state, not a new instance).
    pub(super) fn in_place(&self, local: LocalId) -> bool {
        self.bound.contains(local) && !self.native_now.contains(local)
    }

    /// A loop body declares the local: a later iteration in the same arm has a new instance of it.
    pub(super) fn redeclared_in_loop(&self, local: LocalId) -> bool {
        self.body.scopes[self.body.locals[local].scope].in_loop
    }

    /// The name the in-place arm binds a stored local's field to: the user's own name, unless a loop declares
    /// the local again (that instance takes the name).
    pub(super) fn bound_name(&self, local: LocalId) -> syn::Ident {
        if self.redeclared_in_loop(local) {
            format_ident!("__field{}", local, span = Span::mixed_site())
        } else {
            self.body.locals[local].ident.clone()
        }
    }

    /// Before emitting the code of `scope` in an in-place arm: flagged locals of the scope get a guard that
    /// clears their field when the scope ends (on every way out of it, after the scope's own later locals).
    pub(super) fn enter_scope(&mut self, scope: ScopeId) {
        let (Some(k), Mode::InPlace) = (self.arm, self.mode) else { return };
        for &l in &self.layout.stored[k] {
            if self.bound.contains(l)
                && self.body.locals[l].scope == scope
                && self.an.flagged.contains(l)
                && !self.body.scopes[scope].ends_at_exit
            {
                let guard = format_ident!("__scope{}", l, span = Span::mixed_site());
                self.scope_guards.push((l, guard));
            }
        }
    }

    pub(super) fn leave_scope(&mut self, scope: ScopeId) {
        self.scope_guards.retain(|(l, _)| self.body.locals[*l].scope != scope);
    }
}

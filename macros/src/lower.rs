//! Phase 3: the fn body → [`ir::Body`](crate::ir::Body).
//!
//! Builds the IR: the constructs that contain a suspension point become [`Node`]s, and so does an `if` statement
//! that jumps to a loop of the body (so that the analysis sees what each path does before it jumps); everything
//! else stays a [`Leaf`]. A `yield_!` inside a larger expression is first brought to statement level by
//! [`normalize`](crate::normalize); misplaced ones (in closures, nested items, async blocks) were reported
//! before lowering by [`check_misplaced`](crate::syntax::check_misplaced).
//!
//! - Names are resolved here, once: each binding becomes a [`Local`] in a scope; a leaf keeps the visible
//!   names so emission resolves its uses identically.
//! - The fn's parameters and the `resume = PATTERN` binding are the body's first locals, declared in order,
//!   so they drop after every other local and in reverse order, as in a plain fn.
//! - A `for` loop that contains a suspension point gets a hidden local for its iterator; over a range whose
//!   endpoints make no temporary, as a statement, that local is declared in the block around the loop and the
//!   loop is a `while let` on it ([`Lowerer::range_loop`]), so that the iterator can stay in the state where a
//!   point after the loop joins the loop's group. Over a borrow of a local `Vec`, `VecDeque` or array (`&v`,
//!   `v.iter_mut()`, `v.windows(k)`…) that its body doesn't change, it goes by index ([`Lowerer::by_index`]): the
//!   state holds the index, where it couldn't hold an iterator borrowing its own local; so does a loop over a
//!   field of a `&mut` argument used after it (`self.items.iter()`), whose iterator would borrow through the
//!   `&mut` the state holds.
//! - `let ref x = make();` and `let x = &make();` bind into a temporary that Rust extends to the end of the
//!   block: it becomes a hidden local declared just before ([`Lowerer::extended_temporaries`]), so that it drops
//!   there; a `ref` binding is a plain reference.
//! - What the pattern of a suspending arm leaves of a `match` temporary lives to the end of the arm, as the plain
//!   fn's temporary lives to the end of the `match`: a pattern that binds nothing binds it whole ([`bind_whole`]),
//!   one that binds names its `_` parts ([`pin_wilds`]); a `ref` binding borrows a hidden local the scrutinee
//!   became ([`normalize`](crate::normalize)).
//! - A suspension point takes the lint attributes of the statements around it ([`YieldPoint::lints`]): its
//!   yielded value is evaluated in a statement of its own.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Expr, Pat, Stmt as SynStmt, Token};

use crate::conventions::{
    BORROWING_ITERATORS, ENTRY_VIEWS, ITEM_KEEPERS, ITEM_TAKERS, ITERATOR_ADAPTERS, On, Returns, VIEW_KEEPERS, Word,
    deref_read_type, indexed_expr, indexed_type, leaves_type_open, no_drop_type, option_of, owned_type,
    panicking_macro, plain_primitive_call, scalar_expr, scalar_type, std_view, text_expr, text_type, typed_by_its_uses,
    word_expr, word_type,
};
use crate::errors::Errors;
use crate::ir::UseKind;
use crate::ir::{
    Arm, Binding, Block, Body, Cond, JoinBefore, Leaf, Let, Local, LocalId, LoopId, LoopInfo, Node, Scope, ScopeId,
    Stmt, Value, YieldPoint,
};
use crate::leaf::Walker;
use crate::names::param_var;
use crate::normalize::{Normalizer, has_temporary, suspending_arm_borrows_the_scrutinee};
use crate::syntax::{
    binds_only_by_ref, calls, contains_let, find_yield, is_place_expression, let_reads_in_place, parse_yield_arg,
    pattern_idents, reads_through_deref, ref_bindings, statement_attrs, str_or_char_literal, strip_parens,
    suspension_name, unpromoted, yield_macro,
};

/// The state of the lowering walk.
pub struct Lowerer<'e> {
    errors: &'e mut Errors,
    locals: Vec<Local>,
    scopes: Vec<Scope>,
    yields: Vec<YieldPoint>,
    loops: Vec<LoopInfo>,
    leaf_count: usize,
    /// Visible names, innermost last.
    env: Vec<(String, usize)>,
    /// Locals in scope (declared and not yet out of scope), in declaration order.
    in_scope: Vec<usize>,
    scope_stack: Vec<ScopeId>,
    loop_stack: Vec<LoopId>,
    /// Counter for the names of hidden locals.
    hidden_count: usize,
    generator: bool,
    resume_unit: bool,
    items: Vec<syn::Item>,
    /// `for` bindings and the local they iterate over by value: a binding owns its value when the local owns
    /// its items.
    items_of: Vec<(LocalId, LocalId)>,
    /// A `vec![..]` local and the locals it is made of, all `&mut`s once the arguments' values are known (see
    /// [`Self::vec_of_mut_refs`]).
    vecs_of_mut_refs: Vec<(LocalId, Vec<LocalId>)>,
    /// (a `let`'s local, the local its initializer clones or moves, whether it moves it): an owned value's clone
    /// owns its value too, and a moved value is what it was (`let t = s;` with `s: &mut Vec<u32>`).
    clones: Vec<(LocalId, LocalId, bool)>,
    /// Locals bound to what a std method returning a view of its receiver returns, resolved with `owned`.
    views: Vec<View>,
    plain_tuples: Vec<PlainTuple>,
    /// The statements that get a join point before them.
    joins: Vec<JoinBefore>,
    /// The `let` statements lowered so far.
    lets: usize,
    /// The arguments' variables whose written type is a sequence reached by index (`Local::indexed`).
    /// (and whether it is a `&mut`).
    indexed_params: Vec<(syn::Ident, bool)>,
    /// The arguments' variables and their written types.
    param_types: Vec<(syn::Ident, syn::Type)>,
    /// The statements after the one being lowered, in each block around it (the block's statements and the index
    /// of the next one), innermost last.
    later: Vec<(std::rc::Rc<[SynStmt]>, usize)>,
    /// The locals that are a `&mut` of a sequence (`buf: &mut [u8]`): [`Self::by_index`] only rewrites a loop
    /// over one used again after the loop.
    mutable_sequences: Vec<LocalId>,
    /// The fn's type parameters: an argument of one is no reference ([`Local::by_value_argument`]).
    type_params: Vec<syn::Ident>,
    /// The locals bound by `let` to an iterator, by the method that made it (`items.into_iter()`, `s.chars()`,
    /// `.peekable()`): [`Self::by_next`] rewrites a loop over `&mut it`.
    iterators: Vec<LocalId>,
    /// The locals that are a `&mut` argument (`&mut self`, `p: &mut Parser`): a loop over a field of one may go by
    /// index ([`Self::by_index`]).
    exclusive_arguments: Vec<LocalId>,
    /// The locals that are a reference argument (`&self`, `&mut self`, `q: &Queue`): std's method names are
    /// trusted on a field of one ([`Self::view_of`]).
    reference_arguments: Vec<LocalId>,
    /// The lint attributes of the statements being lowered, outermost first ([`YieldPoint::lints`]).
    statement_lints: Vec<syn::Attribute>,
}

/// `attrs` with each `#[expect(..)]` made an `#[allow(..)]`.
fn expectations_allowed(attrs: Vec<syn::Attribute>) -> Vec<syn::Attribute> {
    attrs
        .into_iter()
        .map(|a| match &a.meta {
            syn::Meta::List(list) if list.path.is_ident("expect") => {
                let lints = &list.tokens;
                let span = list.path.span();
                syn::parse_quote_spanned!(span=> #[allow(#lints)])
            }
            _ => a,
        })
        .collect()
}

/// The lint attributes among a statement's (`allow`, `warn`, `deny`, `forbid`; `expect` as `allow`, since the lint
/// may be raised in another part of the statement): what a suspension point in it also takes
/// ([`YieldPoint::lints`]).
fn lint_attrs(attrs: &[syn::Attribute]) -> Vec<syn::Attribute> {
    let levels = ["allow", "warn", "deny", "forbid"];
    attrs
        .iter()
        .filter_map(|a| {
            let syn::Meta::List(list) = &a.meta else { return None };
            if levels.iter().any(|l| list.path.is_ident(l)) {
                Some(a.clone())
            } else if list.path.is_ident("expect") {
                expectations_allowed(vec![a.clone()]).pop()
            } else {
                None
            }
        })
        .collect()
}

/// A reference type, also as a macro's `$t:ty` fragment (a `Group`) or in parentheses.
fn is_reference(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Reference(_) => true,
        syn::Type::Group(g) => is_reference(&g.elem),
        syn::Type::Paren(p) => is_reference(&p.elem),
        _ => false,
    }
}

/// A name for a local of a rewritten `for` loop `f` (`__index1`, the `count`th hidden name) that no local in scope
/// (`env`, which resolves names as written) nor in the loop's body has.
fn hidden_ident(count: &mut usize, env: &[(String, usize)], base: &str, f: &syn::ExprForLoop) -> syn::Ident {
    loop {
        *count += 1;
        let ident = syn::Ident::new(&format!("__{base}{count}"), Span::mixed_site());
        let free =
            !env.iter().any(|(n, _)| ident == n) && !crate::syntax::mentions_ident(f.body.to_token_stream(), &ident);
        if free {
            return ident;
        }
    }
}

/// A `for` loop lowered by index ([`Lowerer::by_index`]) or by position ([`Lowerer::by_position`]): the loop to
/// lower instead, the name of its index's local (`for_x`), and whether its items borrow the sequence (which
/// `borrows` then checks aren't in use at a `yield_!`: not a `char` or a byte of a string).
struct ByIndex {
    rewritten: Expr,
    field: String,
    items_borrow: bool,
}

/// The locals a `let` binds to a view of another value (`line.trim()`, `v.iter()`), which has no drop glue.
struct View {
    locals: Vec<LocalId>,
    /// What the view is: [`Value::Plain`] for a shared reference (or an `Option` or tuple of them),
    /// [`Value::MutRef`] for a `&mut` one, [`Value::View`] for an iterator.
    value: Value,
    /// The method's name is only std's for certain on a receiver known to own its value: this one.
    owner: Option<LocalId>,
    /// The value is one of the owner's items (`v.pop()`): plain when the owner's items are known to be, owned
    /// when they are known to own theirs.
    item: bool,
}

/// The locals a pattern binds of a tuple or array of plain parts (`match (left.peek(), n)`): plain too once the
/// parts' own locals are known to be ([`Lowerer::plain_parts`]).
struct PlainTuple {
    locals: Vec<LocalId>,
    /// Parts that are these locals, which must be plain.
    plain: Vec<LocalId>,
    /// Parts that are std views of these locals (`v.first()`), which must own their values.
    owners: Vec<LocalId>,
}

pub struct Input {
    pub params: Vec<(Pat, Option<syn::Type>, syn::Ident)>,
    /// The fn's type parameters (`T` of `fn f<T>(..)`).
    pub type_params: Vec<syn::Ident>,
    pub resume: Option<Pat>,
    pub block: syn::Block,
    /// A generator (`yield_from!` also accepts iterables there).
    pub generator: bool,
    /// The resume type is `()` (`yield_from!` needs no first resume argument).
    pub resume_unit: bool,
    /// What the resume type is known to be: [`Value::Plain`] when it is `Copy` without drop glue (`u64`, `&str`),
    /// and so is the `resume` binding; [`Value::Owned`] when it owns its value (`String`, `Vec<T>`), and so does
    /// a `resume` binding of it whole.
    pub resume_value: Value,
    /// The statements to put a join point before ([`crate::ir::YieldPoint::join`]).
    pub joins: Vec<JoinBefore>,
}

impl<'e> Lowerer<'e> {
    pub fn lower(errors: &'e mut Errors, input: Input) -> Option<Body> {
        let mut l = Lowerer {
            errors,
            locals: Vec::new(),
            scopes: Vec::new(),
            yields: Vec::new(),
            loops: Vec::new(),
            leaf_count: 0,
            env: Vec::new(),
            in_scope: Vec::new(),
            statement_lints: Vec::new(),
            scope_stack: Vec::new(),
            loop_stack: Vec::new(),
            hidden_count: 0,
            generator: input.generator,
            resume_unit: input.resume_unit,
            items: Vec::new(),
            items_of: Vec::new(),
            vecs_of_mut_refs: Vec::new(),
            clones: Vec::new(),
            views: Vec::new(),
            plain_tuples: Vec::new(),
            joins: input.joins,
            lets: 0,
            indexed_params: Vec::new(),
            param_types: Vec::new(),
            later: Vec::new(),
            mutable_sequences: Vec::new(),
            type_params: input.type_params.clone(),
            iterators: Vec::new(),
            exclusive_arguments: Vec::new(),
            reference_arguments: Vec::new(),
        };
        let root_scope = l.push_scope(false);
        // The arguments and the first resume argument are bound by the body's first statements, one argument
        // after the other, as a plain fn binds its parameters: each argument's own local first, then what its
        // pattern destructures, so they drop in the plain fn's order.
        let mut prefix: Vec<SynStmt> = Vec::new();
        let mut no_drop_stmts = Vec::new();
        let mut owned_stmts = Vec::new();
        let mut items_stmts = Vec::new();
        let mut refers_stmts = Vec::new();
        for (pat, ty, field) in input.params {
            let var = param_var(&field);
            if ty.as_ref().is_some_and(indexed_type) && matches!(&pat, Pat::Ident(p) if p.subpat.is_none()) {
                l.indexed_params.push((var.clone(), ty.as_ref().is_some_and(is_reference)));
            }
            if let Some(ty) = &ty {
                l.param_types.push((var.clone(), ty.clone()));
            }
            if let Some(value) = ty.as_ref().and_then(no_drop_value) {
                no_drop_stmts.push((prefix.len(), value));
            }
            if ty.as_ref().is_some_and(owned_type) && matches!(&pat, Pat::Ident(p) if p.subpat.is_none()) {
                owned_stmts.push(prefix.len());
            }
            // `m: &mut HashMap<K, V>`: `m.get_mut(&k)` is a view of the collection it points to.
            if let Some(syn::Type::Reference(r)) = ty.as_ref()
                && owned_type(&r.elem)
                && matches!(&pat, Pat::Ident(p) if p.subpat.is_none())
            {
                refers_stmts.push(prefix.len());
            }
            if let Some(items) = ty.as_ref().and_then(items_value)
                && matches!(&pat, Pat::Ident(p) if p.subpat.is_none())
            {
                items_stmts.push((prefix.len(), items));
            }
            let simple = matches!(&pat, Pat::Ident(p) if p.subpat.is_none() && p.by_ref.is_none());
            if simple {
                prefix.push(syn::parse_quote!(let #pat = #var;));
            } else {
                // The whole argument is a local of its own: a `_` pattern keeps it alive to the end of the
                // body, a destructuring pattern moves out of it.
                prefix.push(syn::parse_quote!(let #field = #var;));
                match pin_wilds(&pat, &mut l.hidden_count) {
                    Some((pinned, renamed)) => {
                        prefix.push(syn::parse_quote!(let #pinned = #field;));
                        prefix.extend(rebinds(&renamed));
                    }
                    None => prefix.push(syn::parse_quote!(let #pat = #field;)),
                }
            }
        }
        if let Some(pat) = input.resume {
            let arg = syn::Ident::new("__arg", Span::mixed_site());
            if matches!(pat, Pat::Wild(_)) {
                // `resume = _` drops the first resume argument at once.
                prefix.push(syn::parse_quote!(::core::mem::drop(#arg);));
            } else {
                match input.resume_value {
                    Value::Plain => no_drop_stmts.push((prefix.len(), Value::Plain)),
                    Value::Owned if matches!(&pat, Pat::Ident(p) if p.subpat.is_none()) => {
                        owned_stmts.push(prefix.len());
                    }
                    _ => {}
                }
                // As a value: what the pattern leaves of it (`(a, _)`) drops at once, as `resume = _` does.
                let value: Expr =
                    if matches!(pat, Pat::Ident(_)) { syn::parse_quote!(#arg) } else { syn::parse_quote!({ #arg }) };
                prefix.push(syn::parse_quote!(let #pat = #value;));
            }
        }
        let arguments = prefix.len();
        let mut block = input.block;
        desugar_destructuring_assignments(&mut block, &mut l.hidden_count);
        let braces = block.brace_token.span;
        prefix.append(&mut block.stmts);
        block.stmts = prefix;
        let root = l.block_in_scope(block, root_scope, true);
        l.pop_scope_to(root_scope);
        for stmt in &root.stmts[..arguments] {
            if let Stmt::Let(let_) = stmt {
                let_.binding.locals.iter().for_each(|&local| l.locals[local].argument = true);
            }
        }
        let values =
            no_drop_stmts.into_iter().chain(owned_stmts.into_iter().map(|i| (i, Value::Owned))).chain(items_stmts);
        for (i, value) in values {
            if let Stmt::Let(let_) = &root.stmts[i] {
                for &local in &let_.binding.locals {
                    l.locals[local].value = value;
                }
            }
        }
        // References to a value known to own its items (`m: &mut HashMap<K, V>`): a std view of one
        // (`m.get_mut(&k)`) points into that value, not into the coroutine's state.
        let refers_to_owned: Vec<LocalId> = refers_stmts
            .into_iter()
            .filter_map(|i| match &root.stmts[i] {
                Stmt::Let(let_) => Some(let_.binding.locals.clone()),
                Stmt::Expr(..) => None,
            })
            .flatten()
            .collect();
        for (vec, made_of) in std::mem::take(&mut l.vecs_of_mut_refs) {
            if made_of.iter().all(|&part| l.locals[part].value == Value::MutRef) {
                l.locals[vec].value = Value::MutRefItems;
            }
        }
        // In lowering order, so that a binding's value is known before the bindings made of it.
        for (item, owner) in std::mem::take(&mut l.items_of) {
            match l.locals[owner].value {
                Value::OwnedItems => l.locals[item].value = Value::Owned,
                Value::PlainItems | Value::PlainArray => l.locals[item].value = Value::Plain,
                Value::MutRefItems => l.locals[item].value = Value::MutRef,
                _ => {}
            }
        }
        for tuple in std::mem::take(&mut l.plain_tuples) {
            let owned = |o: &LocalId| l.locals[*o].owned() || refers_to_owned.contains(o);
            if tuple.plain.iter().all(|&p| l.locals[p].value == Value::Plain) && tuple.owners.iter().all(owned) {
                for local in tuple.locals {
                    l.locals[local].value = Value::Plain;
                }
            }
        }
        for (clone, source, moved) in std::mem::take(&mut l.clones) {
            // (A move doesn't undo what the `let` says itself: `let cmd: &str = line;` is plain.)
            if l.locals[source].owned() || (moved && l.locals[clone].value == Value::Unknown) {
                l.locals[clone].value = l.locals[source].value;
            }
        }
        for view in std::mem::take(&mut l.views) {
            let value = match view.owner {
                // `v.pop()` of a sequence whose items are plain, or own their values (`Vec<String>`).
                Some(id) if view.item => match l.locals[id].value {
                    Value::PlainItems | Value::PlainArray => Some(view.value),
                    Value::MutRefItems => Some(Value::MutRef),
                    Value::OwnedItems => Some(Value::Owned),
                    _ => None,
                },
                Some(id) => (l.locals[id].owned() || refers_to_owned.contains(&id)).then_some(view.value),
                None => Some(view.value),
            };
            if let Some(value) = value {
                for local in view.locals {
                    l.locals[local].value = value;
                }
            }
        }
        l.rename_shadowed();
        if !l.errors.is_empty() {
            return None;
        }
        Some(Body {
            locals: l.locals,
            scopes: l.scopes,
            yields: l.yields,
            loops: l.loops,
            leaf_count: l.leaf_count,
            root,
            braces,
            items: l.items,
        })
    }

    /// A name declared more than once (shadowing, or in sibling scopes) gets a distinct identifier for every
    /// later declaration: a suspension point may have to store a shadowed local that the user can no longer
    /// name, and an in-place arm binds all stored locals in one pattern.
    fn rename_shadowed(&mut self) {
        let mut taken: std::collections::HashSet<String> = self.locals.iter().map(|l| l.ident.to_string()).collect();
        let mut seen = std::collections::HashSet::new();
        for local in &mut self.locals {
            let name = local.ident.to_string();
            if seen.insert(name.clone()) {
                continue;
            }
            let base = name.trim_start_matches("r#");
            let mut n = 2;
            while taken.contains(&format!("{base}_{n}")) {
                n += 1;
            }
            let fresh = format!("{base}_{n}");
            taken.insert(fresh.clone());
            local.ident = syn::Ident::new(&fresh, local.ident.span());
        }
    }

    fn push_scope(&mut self, in_loop: bool) -> ScopeId {
        let parent = self.scope_stack.last().copied();
        let in_loop = in_loop || parent.is_some_and(|p| self.scopes[p].in_loop);
        self.scopes.push(Scope { parent, in_loop, ends_at_exit: false });
        let id = self.scopes.len() - 1;
        self.scope_stack.push(id);
        id
    }

    /// Leaves `scope`: its locals go out of scope and out of the name environment.
    fn pop_scope_to(&mut self, scope: ScopeId) {
        while let Some(top) = self.scope_stack.pop() {
            let locals = &self.locals;
            self.in_scope.retain(|l| locals[*l].scope != top);
            self.env.retain(|(_, l)| locals[*l].scope != top);
            if top == scope {
                break;
            }
        }
    }

    fn current_scope(&self) -> ScopeId {
        *self.scope_stack.last().expect("internal invariant: a scope is open while lowering")
    }

    /// Declares the bindings of `pat` in the current scope.
    fn declare(&mut self, pat: &Pat, no_drop: bool) -> Binding {
        let scope = self.current_scope();
        let mut locals = Vec::new();
        let by_ref = ref_bindings(pat);
        for (ident, mutable) in pattern_idents(pat) {
            let name = ident.to_string();
            // `ref x` binds a reference, whatever the value it borrows.
            let value = match by_ref.iter().find(|p| p.ident == ident) {
                Some(p) if p.mutability.is_none() => Value::Plain,
                Some(_) => Value::MutRef,
                None if no_drop => Value::Plain,
                None => Value::Unknown,
            };
            self.locals.push(Local { value, ..Local::new(ident, scope, mutable) });
            let id = self.locals.len() - 1;
            self.env.push((name, id));
            self.in_scope.push(id);
            locals.push(id);
        }
        Binding { pat: pat.clone(), locals }
    }

    /// Declares the locals of `pat`, matched against `scrut` (a `match` arm's pattern, an `if let`/`while let`).
    /// Matched against a borrow (`match &cmd`), every binding is a reference or, through a `&` pattern, a copy:
    /// without drop glue, so one no longer used is left out of the state (it would hold the borrow there).
    ///
    /// So is what a pattern binds of a loop by index's item (`item(&v, i)` gives a shared reference, `item_mut` a
    /// `&mut`: see [`Self::by_index`]), and of a local known to be plain (`Copy`: its parts are copies, or it is
    /// a shared reference) or a `&mut` (by default binding modes, `&mut`s into it).
    fn declare_matched(&mut self, pat: &Pat, scrut: &Expr) -> Binding {
        // (A loop by index's item is matched from its call, maybe inside a bound: `crate::syntax::loop_item_call`.)
        let borrow = match (strip_parens(scrut), crate::syntax::loop_item_call(scrut)) {
            (Expr::Reference(r), _) => Some(if r.mutability.is_some() { Value::MutRef } else { Value::Plain }),
            (_, Some(c)) => match &*c.func {
                // (A string's chars, bytes, lines and words by position: copies, or shared borrows of it.)
                Expr::Path(f) if f.path.segments.iter().any(|s| s.ident == "by_position") => Some(Value::Plain),
                Expr::Path(f) if f.path.segments.iter().any(|s| s.ident == "by_index") => {
                    match f.path.segments.last().map(|s| s.ident.to_string()).as_deref() {
                        Some("item" | "item_before" | "window" | "chunk" | "zipped") => Some(Value::Plain),
                        Some("item_mut" | "item_before_mut" | "chunk_mut") => Some(Value::MutRef),
                        _ => None,
                    }
                }
                _ => None,
            },
            (Expr::Path(p), _) => p.path.get_ident().and_then(|i| {
                let &(_, l) = self.env.iter().rev().find(|(n, _)| i == n)?;
                matches!(self.locals[l].value, Value::Plain | Value::MutRef).then_some(self.locals[l].value)
            }),
            _ => None,
        };
        let binding = self.declare(pat, borrow == Some(Value::Plain));
        if borrow == Some(Value::MutRef) {
            let by_ref = ref_bindings(pat);
            for (&l, (ident, _)) in binding.locals.iter().zip(pattern_idents(pat)) {
                if !by_ref.iter().any(|p| p.ident == ident) {
                    self.locals[l].value = Value::MutRef;
                }
            }
        }
        self.note_view(scrut, &binding.locals);
        binding
    }

    /// The local that `leaf` clones (`x.clone()`) or moves (`x`: `let line = line;`), if it is one (named where
    /// the leaf is, before the `let` declares its own), and whether it moves it.
    fn cloned_local(leaf: &Leaf) -> Option<(LocalId, bool)> {
        let (source, moved) = match strip_parens(&leaf.expr) {
            Expr::MethodCall(m) if m.method == "clone" && m.args.is_empty() => (strip_parens(&m.receiver), false),
            path @ Expr::Path(_) => (path, true),
            _ => return None,
        };
        let Expr::Path(p) = source else { return None };
        let ident = p.path.get_ident()?;
        leaf.env.iter().rev().find(|(name, _)| ident == name).map(|&(_, l)| (l, moved))
    }

    /// Records that `locals` are bound (by a `let`, a `match` arm or an `if let`) to what `expr` returns, which
    /// may be a view of another value.
    fn note_view(&mut self, expr: &Expr, locals: &[LocalId]) {
        if let Some((value, owner)) = self.view_of(expr) {
            self.views.push(View { locals: locals.to_vec(), value, owner, item: false });
        } else if matches!(strip_parens(expr), Expr::Tuple(_) | Expr::Array(_)) {
            // `match (left.peek(), right.peek())`: a tuple of shared references and numbers is `Copy` without
            // drop glue, and what is bound of it too (held, it would keep `left` borrowed).
            let mut tuple = PlainTuple { locals: locals.to_vec(), plain: Vec::new(), owners: Vec::new() };
            if self.plain_parts(expr, &mut tuple) {
                self.plain_tuples.push(tuple);
            }
        } else if let Expr::MethodCall(m) = strip_parens(expr)
            && ITEM_TAKERS.contains(&m.method.to_string().as_str())
            && let Expr::Path(p) = strip_parens(&m.receiver)
            && let Some(ident) = p.path.get_ident()
            && let Some(&(_, owner)) = self.env.iter().rev().find(|(name, _)| ident == name)
        {
            // `let Some(x) = v.pop()`: an item of `v` (in an `Option`).
            self.views.push(View { locals: locals.to_vec(), value: Value::Plain, owner: Some(owner), item: true });
        }
    }

    /// `expr` makes a `Copy` value without drop glue when the locals it notes in `tuple` are plain (or own their
    /// values): a literal, a shared borrow, a number (see [`scalar_expr`]), a length, a std view that is a shared
    /// reference (`it.peek()`, `v.first()`), a local, or a tuple or array of such.
    fn plain_parts(&self, expr: &Expr, tuple: &mut PlainTuple) -> bool {
        let local = |e: &Expr| match e {
            Expr::Path(p) => p.path.get_ident().and_then(|i| self.env.iter().rev().find(|(n, _)| i == n)).map(|e| e.1),
            _ => None,
        };
        match strip_parens(expr) {
            Expr::Tuple(t) => t.elems.iter().all(|e| self.plain_parts(e, tuple)),
            Expr::Array(a) => a.elems.iter().all(|e| self.plain_parts(e, tuple)),
            Expr::Lit(_) => true,
            Expr::Reference(r) => r.mutability.is_none(),
            Expr::MethodCall(m) if m.args.is_empty() && (m.method == "len" || m.method == "is_empty") => true,
            e if scalar_expr(e, &|i| self.scalar_of(i)) => true,
            e => {
                if let Some(l) = local(e) {
                    tuple.plain.push(l);
                    return true;
                }
                match self.view_of(e) {
                    Some((Value::Plain, None)) => true,
                    Some((Value::Plain, Some(owner))) => {
                        tuple.owners.push(owner);
                        true
                    }
                    _ => false,
                }
            }
        }
    }

    /// When `let x = expr` binds a view of another value (`expr` is a std method call like `line.trim()` or
    /// `v.iter()`): what the view is (see [`View::value`]), and the receiver that must be known to own its value
    /// (or to refer to one) for the method to be std's.
    fn view_of(&self, expr: &Expr) -> Option<(Value, Option<LocalId>)> {
        let Expr::MethodCall(m) = strip_parens(expr) else { return None };
        let method = m.method.to_string();
        // `line.strip_prefix("- ").or_else(|| line.strip_prefix("* "))`: an `Option` of the same reference (or
        // the reference). (Not an iterator's `filter`, which keeps its closure.)
        if VIEW_KEEPERS.contains(&method.as_str()) {
            return self.view_of(&m.receiver).filter(|&(value, _)| value == Value::Plain);
        }
        // `counts.entry(k).or_default()`: a `&mut` into `counts`.
        let (receiver, returns, on) = match strip_parens(&m.receiver) {
            Expr::MethodCall(e) if e.method == "entry" && ENTRY_VIEWS.contains(&method.as_str()) => {
                (&*e.receiver, Returns::RefMut, On::Owned)
            }
            _ => {
                let (returns, on) = std_view(&method)?;
                (&*m.receiver, returns, on)
            }
        };
        let value = match returns {
            Returns::Ref => Value::Plain,
            Returns::RefMut => Value::MutRef,
            Returns::Iter => Value::View,
        };
        match on {
            On::Any => return Some((value, None)),
            On::LiteralPattern if m.args.iter().all(str_or_char_literal) => return Some((value, None)),
            On::LiteralPattern => return None,
            On::Owned => {}
        }
        // `self.jobs.front()`, `self.map.get(&k)`: a field of a reference argument, whose type the macro can't see,
        // but on which a method of a std collection's name that returns a reference is taken to be std's (README),
        // a view through the reference. (Not a `get` by value, `self.config.get(id)`, the likeliest name of a
        // getter of one's own that returns an owned value; nor an iterator, `lines` and `bytes` being `io`'s too.)
        if let Some((root, _)) = crate::syntax::field_path(receiver) {
            let local = self.local_named(root)?;
            let by_key =
                !method.starts_with("get") || matches!(m.args.first().map(strip_parens), Some(Expr::Reference(_)));
            let reference = returns != Returns::Iter;
            return (self.reference_arguments.contains(&local) && by_key && reference).then_some((value, None));
        }
        let p = match strip_parens(receiver) {
            Expr::Path(p) => p,
            // `line.as_bytes().chunks(2)`: a view of a shared reference that is itself a view (of `str`, of a
            // collection), whose methods are std's: what that reference borrows.
            inner @ Expr::MethodCall(_) => {
                let (Value::Plain, owner) = self.view_of(inner)? else { return None };
                return Some((value, owner));
            }
            _ => return None,
        };
        let ident = p.path.get_ident()?;
        let owner = self.env.iter().rev().find(|(name, _)| ident == name)?.1;
        Some((value, Some(owner)))
    }

    /// A join point at `span` (a `let` or `=` token), as a statement.
    fn join_point(&mut self, span: Span) -> Node {
        let in_scope = self.in_scope.clone();
        let text = String::from("let");
        self.yields.push(YieldPoint {
            span,
            args_span: span,
            value: None,
            in_scope,
            text,
            join: true,
            lints: Vec::new(),
        });
        Node::Yield(self.yields.len() - 1)
    }

    /// A `for` loop with a suspension point over a borrow of a local sequence (`&v`, `&mut v`, `v.iter()`,
    /// `v.iter_mut()`, with `v` a `Vec`, `VecDeque` or array: [`Local::indexed`]) that its body doesn't change, or
    /// over a field of a `&mut` argument used after the loop (`self.items`) that its body leaves alone:
    /// the same loop by index, whose state between two items is the index, not an iterator borrowing `v`, which
    /// the state couldn't hold. The items are the same (the loop's borrow keeps `v` unchanged: a body that may
    /// change it, [`crate::syntax::changes_place`], keeps the iterator and rustc's error), and so is every jump
    /// (the index moves on before the body runs). An item still in use at a `yield_!` is a borrow of `v` held
    /// there, which `borrows` reports at the loop's iterator.
    ///
    /// Input: `for x in &v { .. }` — Output: `{ let mut __index1: usize = 0; while let Some(x) =
    /// ::stackless::by_index::item(&v, __index1) { __index1 += 1; .. } }` (`item` is `v.get(__index1)`), the index's local named as a `for` loop's iterator (`for_x`). Over
    /// `v.iter().enumerate()`, the pattern's first part is bound to the index first (`let i = __index1;`; over
    /// `v.iter().skip(n).enumerate()`, to the index less its start). With
    /// `.rev()`, the index starts past the last item and `item_before` steps it back before each item (after
    /// `.take(n)`, past the `n`th at most; after `.skip(m)`, it stops at `m`); with
    /// `.skip(n)`, it starts at `n`; with `.take(n)`, it stops at an end read once before the loop. With `.copied()`
    /// or `.cloned()`, the pattern binds a copy of the item. Over `v.iter().zip(w.iter())`, the pairs of items of
    /// both at the same index (`by_index::zipped`). Over `v.windows(k)`, `v.chunks(k)` and `v.chunks_mut(k)`
    /// (forwards), the items are `window`s, `chunk`s and `chunk_mut`s of `v` by the same index, `k` read once into a
    /// local before the loop.
    fn by_index(&mut self, f: &syn::ExprForLoop) -> Option<ByIndex> {
        // `.copied()` or `.cloned()` around the rest (or right after `iter()`, below): the items by value.
        let (iterated, by_value) = match by_value_adapter(strip_parens(&f.expr)) {
            Some((receiver, method)) => (receiver, Some(method)),
            None => (strip_parens(&f.expr), None),
        };
        // `v.iter().take(n)`, `v.iter().skip(m).take(n)`: the index stops at the end, read once.
        let (iterated, taken) = match iterated {
            Expr::MethodCall(m) if m.method == "take" && m.args.len() == 1 && count_argument(&m.args[0]) => {
                (strip_parens(&m.receiver), Some(&m.args[0]))
            }
            iterated => (iterated, None),
        };
        // `v.iter().skip(n)`: the index starts at `n`, read once (as `skip` reads it when it is called).
        let (iterated, skipped) = match iterated {
            Expr::MethodCall(m) if m.method == "skip" && m.args.len() == 1 && count_argument(&m.args[0]) => {
                (strip_parens(&m.receiver), Some(&m.args[0]))
            }
            iterated => (iterated, None),
        };
        // `v.iter().rev()`, `v.iter().enumerate().rev()`: from the back.
        let (iterated, backwards) = match iterated {
            Expr::MethodCall(m) if m.method == "rev" && m.args.is_empty() && skipped.is_none() && taken.is_none() => {
                (strip_parens(&m.receiver), true)
            }
            iterated => (iterated, false),
        };
        // `v.iter().skip(m).rev()`, `v.iter().take(n).rev()`: from the back down to `m`, or from the `n`th item, the
        // count read once (as `skip` and `take` read it when they are called).
        let (iterated, back_skipped, back_taken) = match iterated {
            Expr::MethodCall(m)
                if backwards
                    && (m.method == "skip" || m.method == "take")
                    && m.args.len() == 1
                    && count_argument(&m.args[0]) =>
            {
                let count = Some(&m.args[0]);
                let receiver = strip_parens(&m.receiver);
                if m.method == "skip" { (receiver, count, None) } else { (receiver, None, count) }
            }
            iterated => (iterated, None, None),
        };
        // `for (i, x) in v.iter().enumerate()`: `i` is the index.
        let (iterated, position, pat) = match (iterated, &*f.pat) {
            (Expr::MethodCall(m), Pat::Tuple(t))
                if m.method == "enumerate" && m.args.is_empty() && t.elems.len() == 2 =>
            {
                (strip_parens(&m.receiver), Some(&t.elems[0]), &t.elems[1])
            }
            (iterated, pat) => (iterated, None, pat),
        };
        // `v.iter().skip(n).enumerate()`: the index starts at `n`, the position at 0.
        let (iterated, skipped, counted_after_skip) = match iterated {
            Expr::MethodCall(m)
                if m.method == "skip"
                    && m.args.len() == 1
                    && count_argument(&m.args[0])
                    && position.is_some()
                    && skipped.is_none()
                    && !backwards =>
            {
                (strip_parens(&m.receiver), Some(&m.args[0]), true)
            }
            iterated => (iterated, skipped, false),
        };
        // `xs.iter().zip(ys.iter())`, `xs.iter().zip(&ys)`: the pairs of items at the same index, while both have
        // one (`Zip` stops at the shorter; its items are borrowed anew each round as `xs`'s are).
        let (iterated, partner) = match iterated {
            Expr::MethodCall(m) if m.method == "zip" && m.args.len() == 1 && !backwards && by_value.is_none() => {
                (strip_parens(&m.receiver), Some(self.zip_partner(&m.args[0], f)?))
            }
            iterated => (iterated, None),
        };
        // (Around `enumerate()`, the items are pairs, which aren't references to copy.)
        if by_value.is_some() && position.is_some() {
            return None;
        }
        // `v.iter().copied()` under the other adapters (`skip(n)` over `cloned()` clones each item it skips, and drops
        // it: so does `by_index::skip_cloned`).
        let (iterated, by_value, clones_skipped) = match (by_value, by_value_adapter(iterated)) {
            (None, Some((receiver, method))) => (receiver, Some(method), method == "cloned" && skipped.is_some()),
            (by_value, _) => (iterated, by_value, false),
        };
        // `v.windows(k)`, `v.chunks(k)`, `v.chunks_mut(k)`: slices of `v` (forwards, not skipped), `k` read once.
        let (iterated, slices) = match iterated {
            Expr::MethodCall(m)
                if (m.method == "windows" || m.method == "chunks" || m.method == "chunks_mut")
                    && m.args.len() == 1
                    && count_argument(&m.args[0])
                    && !backwards
                    && skipped.is_none()
                    && taken.is_none()
                    && by_value.is_none() =>
            {
                (iterated, Some((m.method.clone(), &m.args[0])))
            }
            iterated => (iterated, None),
        };
        let (sequence, mutable) = match iterated {
            Expr::Reference(r) => (strip_parens(&r.expr), r.mutability.is_some()),
            Expr::MethodCall(m) if m.args.is_empty() && (m.method == "iter" || m.method == "iter_mut") => {
                (strip_parens(&m.receiver), m.method == "iter_mut")
            }
            Expr::MethodCall(m) if slices.is_some() => (strip_parens(&m.receiver), m.method == "chunks_mut"),
            _ => return None,
        };
        if mutable && (by_value.is_some() || partner.is_some()) || partner.is_some() && slices.is_some() {
            return None;
        }
        // (`(&v).iter()`: `v`'s items.)
        let sequence = match sequence {
            Expr::Reference(r) if r.mutability.is_none() && !mutable => strip_parens(&r.expr),
            sequence => sequence,
        };
        // `&v[a..b]`, `&mut v[a..]`, `v[..n].iter()`: the items of a range of `v` (without other adapters but
        // `enumerate`, `copied` and `cloned`), from its start to its end, read once when the loop starts, where
        // `v[a..b]` is indexed as the plain fn's loop does (panicking alike out of `v`'s bounds).
        let (sequence, range) = match sequence {
            Expr::Index(ix)
                if simple_range(&ix.index)
                    && skipped.is_none()
                    && taken.is_none()
                    && !backwards
                    && slices.is_none()
                    && partner.is_none() =>
            {
                (strip_parens(&ix.expr), Some(&*ix.index))
            }
            sequence => (sequence, None),
        };
        // (`&*v`, `&mut *v` over a `&mut` of a sequence: `v`'s items.)
        let (sequence, dereferenced) = match sequence {
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => (strip_parens(&u.expr), true),
            sequence => (sequence, false),
        };
        // `v`; or a field of a `&mut` (`self.items`, `p.buf`) whose type the macro can't see, but whose loop, were it
        // by its iterator, would hold a borrow through the `&mut`, which the state holds to use it again after the
        // loop (rustc's E0505): by index, only a type with items by index compiles (see `by_index::Field`).
        let (name, local, field) = match sequence {
            Expr::Path(path) => {
                let name = path.path.get_ident()?;
                let &(_, local) = self.env.iter().rev().find(|(n, _)| name == n)?;
                // (A body that reads the sequence is fine beside its shared items, as in the plain fn.)
                if !self.locals[local].indexed
                    || (dereferenced && !self.mutable_sequences.contains(&local))
                    || if mutable {
                        crate::syntax::mentions_ident(f.body.to_token_stream(), name)
                    } else {
                        !pattern_binds(&f.pat, name) && crate::syntax::changes_place(&f.body, name, &[])
                    }
                {
                    return None;
                }
                (name, local, None)
            }
            _ if !dereferenced => {
                let (root, path) = crate::syntax::field_path(sequence)?;
                let local = self.local_named(root)?;
                if !self.exclusive_arguments.contains(&local)
                    || if mutable {
                        crate::syntax::mentions_beyond_fields(f.body.to_token_stream(), root, &path)
                    } else {
                        !pattern_binds(&f.pat, root) && crate::syntax::changes_place(&f.body, root, &path)
                    }
                {
                    return None;
                }
                (root, local, Some(sequence))
            }
            _ => return None,
        };
        // A `&mut` of a sequence (or a field of one) not used after the loop nor in it: its iterator may take the
        // `&mut` for good (and the items its lifetime, `yield_!(x)` with `x: &'a mut T`), which needs no index (but
        // a `zip` with a sequence of the coroutine's does).
        let used_later = || {
            !self.loop_stack.is_empty()
                || self.later.iter().any(|(stmts, from)| {
                    stmts[*from..].iter().any(|s| crate::syntax::mentions_ident(s.to_token_stream(), name))
                })
        };
        // (A field's root used in the body, `self.seen += 1`, is held across its suspension points too.)
        let used_in_body = || crate::syntax::mentions_ident(f.body.to_token_stream(), name);
        if (field.is_some() || self.mutable_sequences.contains(&local))
            && !used_later()
            && !used_in_body()
            && partner.is_none()
        {
            return None;
        }
        let mut hidden = |base: &str| hidden_ident(&mut self.hidden_count, &self.env, base, f);
        let index = hidden("index");
        let size = slices.as_ref().map(|_| hidden("size"));
        // Through the runtime's `Indexed` (a trait of the user's with a `get` of its own has no say), spanned at the
        // user's iterator; a `&mut` of a sequence is reborrowed, which needs no `mut` on its binding.
        let span = f.expr.span();
        let reference = self.mutable_sequences.contains(&local);
        let (p, shared, exclusive) = match field {
            // Spanned at the field's root, the call to the runtime is the user's own tokens to rustc: its error for a
            // field's type without items by index is reported at the loop's iterator, once (a place reached through
            // the state, as the arms after the first `yield_!` reach it, would be located at the attribute).
            Some(field) => {
                let span = crate::syntax::field_path(field).map_or(span, |(root, _)| root.span());
                let p = quote::quote_spanned!(span=> ::stackless::by_index);
                let shared = quote::quote_spanned!(span=> #p::field(#p::at(&#field)));
                let exclusive = quote::quote_spanned!(span=> #p::field_mut(#p::at_mut(&mut #field)));
                (p, shared, exclusive)
            }
            None if reference => (
                quote::quote!(::stackless::by_index),
                quote::quote_spanned!(span=> &*#name),
                quote::quote_spanned!(span=> &mut *#name),
            ),
            None => (
                quote::quote!(::stackless::by_index),
                quote::quote_spanned!(span=> &#name),
                quote::quote_spanned!(span=> &mut #name),
            ),
        };
        // What `windows(k)` and `chunks(k)` slice: the local, or the field's items (see `by_index::Field`).
        let place = if field.is_some() { quote::quote!((#shared)) } else { name.to_token_stream() };
        let start = match skipped {
            Some(n) => quote::quote_spanned!(n.span()=> #n),
            None => quote::quote!(0),
        };
        let (start, get, step) = match (mutable, backwards) {
            _ if let (Some((method, _)), Some(size)) = (&slices, &size) => {
                let get = if *method == "chunks_mut" {
                    let place = if field.is_some() { quote::quote!((#exclusive)) } else { name.to_token_stream() };
                    quote::quote_spanned!(span=> #p::chunk_mut(&mut #place[..], #index, #size))
                } else {
                    let slice = if *method == "windows" { quote::quote!(window) } else { quote::quote!(chunk) };
                    quote::quote_spanned!(span=> #p::#slice(&#place[..], #index, #size))
                };
                (start, get, true)
            }
            (true, false) => (start, quote::quote_spanned!(span=> #p::item_mut(#exclusive, #index)), true),
            (false, false) if let Some(partner) = &partner => {
                (start, quote::quote_spanned!(span=> #p::zipped(#shared, #partner, #index)), true)
            }
            (false, false) => (start, quote::quote_spanned!(span=> #p::item(#shared, #index)), true),
            (true, true) => (
                quote::quote_spanned!(span=> #p::item_count(#shared)),
                quote::quote_spanned!(span=> #p::item_before_mut(#exclusive, &mut #index)),
                false,
            ),
            (false, true) => (
                quote::quote_spanned!(span=> #p::item_count(#shared)),
                quote::quote_spanned!(span=> #p::item_before(#shared, &mut #index)),
                false,
            ),
        };
        // From the back: `take(n)` starts at the `n`th item at most, `skip(m)` stops above `m`.
        let start = match back_taken {
            Some(n) => quote::quote_spanned!(n.span()=> ::core::cmp::min(#start, #n)),
            None => start,
        };
        let (low, get) = match back_skipped {
            Some(m) => {
                let low = hidden("low");
                let get = quote::quote!(if #index > #low { #get } else { ::core::option::Option::None });
                (Some(quote::quote_spanned!(m.span()=> let #low: usize = #m;)), get)
            }
            None => (None, get),
        };
        // `take(n)`: the index's end, read once after the start (as `take` is called after `skip`).
        // `cloned().skip(n)`: the skipped items cloned and dropped, where `Skip` does so, when the loop asks for
        // its first item (not at all under a `take(0)`).
        let skip_clones =
            clones_skipped.then(|| quote::quote_spanned!(span=> #index = #p::skip_cloned(#shared, #index);));
        let (end, get) = match taken {
            Some(n) => {
                let end = hidden("end");
                let get = quote::quote!(if #index < #end { #get } else { ::core::option::Option::None });
                let skip_clones = skip_clones.map(|skip| quote::quote!(if #index < #end { #skip }));
                (Some(quote::quote_spanned!(n.span()=> let #end: usize = #index.saturating_add(#n); #skip_clones)), get)
            }
            None => (skip_clones, get),
        };
        // `copied()`, `cloned()`: the pattern binds a copy of the item (a type that isn't `Copy` or `Clone` is
        // reported at the adapter, as rustc reports it there).
        let (pat, item) = match by_value {
            Some(method) => {
                let item = hidden("item");
                let value = if method == "copied" {
                    quote::quote_spanned!(method.span()=> ::stackless::by_index::copied(#item))
                } else {
                    quote::quote_spanned!(method.span()=> ::core::clone::Clone::clone(#item))
                };
                (item.to_token_stream(), Some(quote::quote!(let #pat = #value;)))
            }
            None => (pat.to_token_stream(), None),
        };
        let (label, stmts) = (&f.label, &f.body.stmts);
        // (After an inner `skip(n)`, or over a range, the position counts from the index's start: `i` is `__index1 -
        // __start2`.)
        let (first, position) = match position {
            Some(p) if counted_after_skip || range.is_some() => {
                let first = hidden("start");
                let position = quote::quote!(let #p = #index - #first;);
                (Some(quote::quote!(let #first: usize = #index;)), Some(position))
            }
            p => (None, p.map(|p| quote::quote!(let #p = #index;))),
        };
        // A range's start and end (`by_index::range_bounds`), after the index's `let`.
        let (bounds, get) = match range {
            Some(range) => {
                let end = hidden("end");
                let get = quote::quote!(if #index < #end { #get } else { ::core::option::Option::None });
                // (Spanned at the loop's iterator: a panic is located there, as the plain fn's.)
                let bounds = quote::quote_spanned! {span=>
                    let #end: usize = ::stackless::by_index::range_bounds(&#place[..], #range, &mut #index);
                };
                (Some(bounds), get)
            }
            None => (None, get),
        };
        let step = step.then(|| quote::quote!(#index += 1;));
        // The size, read once; `windows(0)` and `chunks(0)` panic as they do, when the loop starts (and
        // `chunks_mut(0)` as `chunks(0)`, with the same message).
        let size = slices.as_ref().zip(size.as_ref()).map(|((method, k), size)| {
            let method = if method == "chunks_mut" { syn::Ident::new("chunks", method.span()) } else { method.clone() };
            quote::quote_spanned! {k.span()=>
                let #size: usize = #k;
                ::core::mem::drop((#shared).#method(#size));
            }
        });
        // (The index first: the caller names the block's first local after the loop, as a `for` loop's iterator.)
        let rewritten = syn::parse2(quote::quote! {{
            let mut #index: usize = #start;
            #bounds
            #low
            #first
            #end
            #size
            #label while let ::core::option::Option::Some(#pat) = #get {
                #position
                #step
                #item
                #(#stmts)*
            }
        }})
        .ok()?;
        Some(ByIndex { rewritten, field: loop_field_name(&f.pat, label.as_ref()), items_borrow: true })
    }

    /// A `for` loop with a suspension point over the chars, bytes, lines or words of a string the coroutine owns
    /// (`text.chars()`, `char_indices()`, `bytes()`, `lines()`, `split_whitespace()`, `split_ascii_whitespace()`,
    /// the first three also `.rev()`, maybe `.enumerate()`d) that its body doesn't change: the same loop by position, whose state between two
    /// items is a byte offset into the string, not an iterator borrowing it, which the state couldn't hold. Each
    /// item is the std iterator's next one from the offset (`stackless::by_position`), and the offset moves past
    /// it before the body runs, so the items and jumps are the plain fn's (a body that may change the string
    /// keeps the iterator, and rustc's error).
    ///
    /// The string is a local taken for a `String` ([`crate::ir::Local::text`]), or, over its chars or words (which
    /// only `str` has among std's types), a local of a type the macro doesn't know (a reference goes by position
    /// too; another type is rustc's error at the loop's iterator, `by_position::Text`). Not `lines()` nor
    /// `bytes()` of such a local: `BufRead::lines(self)` and `Read::bytes(self)` own a reader.
    ///
    /// Input: `for line in text.lines() { .. }` — Output: `{ let mut __index1: usize = 0; while let Some(line) =
    /// ::stackless::by_position::next_line(&text, &mut __index1) { .. } }`. Lines and words borrow the string
    /// (`borrows` reports one still in use at a `yield_!`); chars and bytes are copies.
    fn by_position(&mut self, f: &syn::ExprForLoop) -> Option<ByIndex> {
        // `for (i, line) in text.lines().enumerate()`: `i` counts the items.
        let (iterated, count, pat) = match (strip_parens(&f.expr), &*f.pat) {
            (Expr::MethodCall(m), Pat::Tuple(t))
                if m.method == "enumerate" && m.args.is_empty() && t.elems.len() == 2 =>
            {
                (strip_parens(&m.receiver), Some(&t.elems[0]), &t.elems[1])
            }
            (iterated, pat) => (iterated, None, pat),
        };
        // `text.chars().rev()`: from the back, the offset starting at the text's end.
        let (iterated, backwards) = match iterated {
            Expr::MethodCall(m) if m.method == "rev" && m.args.is_empty() => (strip_parens(&m.receiver), true),
            iterated => (iterated, false),
        };
        let Expr::MethodCall(m) = iterated else { return None };
        let (next, str_only, items_borrow) = match (m.method.to_string().as_str(), backwards) {
            ("chars", false) => ("next_char", true, false),
            ("char_indices", false) => ("next_char_index", true, false),
            ("bytes", false) => ("next_byte", false, false),
            ("lines", false) => ("next_line", false, true),
            ("split_whitespace", false) => ("next_word", true, true),
            ("split_ascii_whitespace", false) => ("next_ascii_word", true, true),
            ("chars", true) => ("prev_char", true, false),
            ("char_indices", true) => ("prev_char_index", true, false),
            ("bytes", true) => ("prev_byte", false, false),
            _ => return None,
        };
        let Expr::Path(path) = strip_parens(&m.receiver) else { return None };
        let name = path.path.get_ident().filter(|name| *name != "self")?;
        let local = self.local_named(name)?;
        let info = &self.locals[local];
        let unknown = info.value == Value::Unknown && !self.reference_arguments.contains(&local);
        if !m.args.is_empty()
            || !(info.text || str_only && unknown)
            || !pattern_binds(&f.pat, name) && crate::syntax::changes_place(&f.body, name, &[])
        {
            return None;
        }
        let index = hidden_ident(&mut self.hidden_count, &self.env, "index", f);
        let next = syn::Ident::new(next, m.method.span());
        // Spanned at the user's iterator: a type without text is reported there (`by_position::Text`), once: for a
        // local of a type the macro doesn't know, the block keeps that span where an arm reaches the local through
        // the state (`&(*s)`), which rustc would otherwise locate at the attribute.
        // (The `&` in the macro's context: clippy's `needless_borrows_for_generic_args` would flag it in the user's
        // code when the local is itself a `&str`.)
        let borrow = syn::Token![&](Span::mixed_site());
        let string =
            if info.text { quote::quote!(&#name) } else { quote::quote_spanned!(f.expr.span()=> { #borrow #name }) };
        let item = quote::quote_spanned!(f.expr.span()=> ::stackless::by_position::#next(#string, &mut #index));
        let start = if backwards {
            quote::quote_spanned!(f.expr.span()=> ::stackless::by_position::text_end(#string))
        } else {
            quote::quote!(0)
        };
        let (count_start, count_step) = match count {
            Some(p) => {
                let counter = hidden_ident(&mut self.hidden_count, &self.env, "count", f);
                (
                    Some(quote::quote!(let mut #counter: usize = 0;)),
                    Some(quote::quote!(let #p = #counter; #counter += 1;)),
                )
            }
            None => (None, None),
        };
        let (label, stmts) = (&f.label, &f.body.stmts);
        // (The offset first: the caller names the block's first local after the loop, as a `for` loop's iterator.)
        let rewritten = syn::parse2(quote::quote! {{
            let mut #index: usize = #start;
            #count_start
            #label while let ::core::option::Option::Some(#pat) = #item {
                #count_step
                #(#stmts)*
            }
        }})
        .ok()?;
        Some(ByIndex { rewritten, field: loop_field_name(&f.pat, label.as_ref()), items_borrow })
    }

    /// A `for` loop that suspends over `it.by_ref()`, or over `&mut it` with `it` a local iterator
    /// ([`Self::iterators`]), as `while let Some(x) = Iterator::next(&mut it) { .. }`: the same calls of `next`
    /// (the loop's `&mut I` is an iterator that calls `it`'s), each borrowing `it` anew, where the loop would hold
    /// its borrow of `it`, a local in the state, across its suspension points. (The plain fn's body can't use `it`
    /// while the loop borrows it; this one may.)
    fn by_next(&self, f: &syn::ExprForLoop) -> Option<Expr> {
        let (it, known) = match strip_parens(&f.expr) {
            Expr::MethodCall(m) if m.method == "by_ref" && m.args.is_empty() => (strip_parens(&m.receiver), true),
            Expr::Reference(r) if r.mutability.is_some() => (strip_parens(&r.expr), false),
            _ => return None,
        };
        let Expr::Path(path) = it else { return None };
        let name = path.path.get_ident().filter(|name| *name != "self")?;
        let local = self.local_named(name)?;
        if !known && !self.iterators.contains(&local) {
            return None;
        }
        let syn::ExprForLoop { attrs, label, pat, body, .. } = f;
        let next = quote::quote_spanned!(f.expr.span()=> ::core::iter::Iterator::next(&mut #name));
        syn::parse2(quote::quote! {
            #(#attrs)* #label while let ::core::option::Option::Some(#pat) = #next #body
        })
        .ok()
    }

    /// What a loop by index over `xs.iter().zip(partner)` pairs `xs`'s items with: `ys.iter()` or `&ys`, of a local
    /// sequence the loop's body doesn't change, as a shared borrow of it (`&ys`, or `&*ys` of a `&mut` of one).
    fn zip_partner(&self, partner: &Expr, f: &syn::ExprForLoop) -> Option<proc_macro2::TokenStream> {
        let sequence = match strip_parens(partner) {
            Expr::Reference(r) if r.mutability.is_none() => strip_parens(&r.expr),
            Expr::MethodCall(m) if m.method == "iter" && m.args.is_empty() => strip_parens(&m.receiver),
            _ => return None,
        };
        // (`&*ys` of a `&mut` of a sequence: `ys`'s items.)
        let (sequence, dereferenced) = match sequence {
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => (strip_parens(&u.expr), true),
            sequence => (sequence, false),
        };
        let Expr::Path(path) = sequence else { return None };
        let name = path.path.get_ident()?;
        let &(_, local) = self.env.iter().rev().find(|(n, _)| name == n)?;
        if !self.locals[local].indexed
            || dereferenced && !self.mutable_sequences.contains(&local)
            || !pattern_binds(&f.pat, name) && crate::syntax::changes_place(&f.body, name, &[])
        {
            return None;
        }
        let span = partner.span();
        Some(if self.mutable_sequences.contains(&local) {
            quote::quote_spanned!(span=> &*#name)
        } else {
            quote::quote_spanned!(span=> &#name)
        })
    }

    /// `vec![a, b]` whose items are each a `&mut` or a local (`vec![self]` in a `&mut self` method, `vec![&mut
    /// root]`): the locals, to be [`Value::MutRefItems`] once they are all known to be `&mut`s (an argument's value
    /// is known after the body is lowered).
    fn vec_of_mut_refs(&self, expr: &Expr) -> Option<Vec<LocalId>> {
        let Expr::Macro(m) = strip_parens(expr) else { return None };
        if !m.mac.path.is_ident("vec") {
            return None;
        }
        let items = m.mac.parse_body_with(Punctuated::<Expr, syn::Token![,]>::parse_terminated).ok()?;
        let mut locals = Vec::new();
        for item in &items {
            match strip_parens(item) {
                Expr::Reference(r) if r.mutability.is_some() => {}
                Expr::Path(p) => locals.push(self.local_named(p.path.get_ident()?)?),
                _ => return None,
            }
        }
        (!items.is_empty()).then_some(locals)
    }

    /// The local a name as written resolves to (`self` is bound as `__self`).
    fn local_named(&self, ident: &syn::Ident) -> Option<LocalId> {
        let bound = if ident == "self" { "__self".to_string() } else { ident.to_string() };
        self.env.iter().rev().find(|(n, _)| *n == bound).map(|&(_, local)| local)
    }

    /// The header of a `for` loop that suspends, its adapters' closures that capture only locals surely `Copy`
    /// (numbers, `bool`s, `char`s, shared references) made `move`: `v.into_iter().filter(|x| *x > limit)` would
    /// borrow `limit`, a local in the state, for as long as the loop's iterator, which the state holds at the
    /// `yield_!`. A copy is the same value: the plain fn's borrow keeps the local unchanged while the iterator lives,
    /// and the closure changes none of them (one that assigns a capture keeps its borrow, and `borrows`' error).
    fn closures_copying(&self, mut header: Expr) -> Expr {
        let mut link = &mut header;
        while let Expr::MethodCall(m) = link
            && ITERATOR_ADAPTERS.contains(&m.method.to_string().as_str())
        {
            for arg in &mut m.args {
                if let Expr::Closure(c) = arg
                    && c.capture.is_none()
                    && self.copied_captures(c).is_some()
                {
                    c.capture = Some(Token![move](c.inputs_begin.span));
                }
            }
            link = &mut *m.receiver;
            while let Expr::Paren(p) = link {
                link = &mut *p.expr;
            }
        }
        header
    }

    /// A closure bound by `let` (`let scale = |x| x * factor;`), made `move` when it names only locals surely
    /// `Copy`, changes none of them, and uses them by value only: held across a `yield_!`, it would borrow them in
    /// the state; a copy is the same value while the plain fn's borrow keeps them unchanged, and what the closure
    /// returns can't borrow its own copy ([`crate::syntax::uses_only_by_value`]), so it compiles wherever the
    /// borrowing closure does.
    fn copying_closure(&self, c: &mut syn::ExprClosure) {
        if c.capture.is_some() {
            return;
        }
        let Some(captured) = self.copied_captures(c) else { return };
        let captured: Vec<&syn::Ident> = captured.iter().map(|(ident, _)| ident).collect();
        let scalars: Vec<&syn::Ident> =
            captured.iter().copied().filter(|i| self.local_named(i).is_some_and(|l| self.locals[l].scalar)).collect();
        if crate::syntax::uses_only_by_value(c, &captured, &scalars) {
            c.capture = Some(Token![move](c.inputs_begin.span));
        }
    }

    /// The coroutine's locals closure `c` captures, when there are some, all surely `Copy`, none changed by the
    /// closure, and its captures are all known ([`crate::syntax::closure_captures`]).
    fn copied_captures(&self, c: &syn::ExprClosure) -> Option<Vec<(syn::Ident, LocalId)>> {
        let mentions = crate::syntax::closure_captures(c, |i| self.local_named(i).is_some())?;
        let captures: Vec<(syn::Ident, LocalId)> =
            mentions.into_iter().filter_map(|ident| Some((ident.clone(), self.local_named(&ident)?))).collect();
        let copied = captures.iter().all(|(ident, l)| {
            let local = &self.locals[*l];
            let shared_reference_argument =
                self.reference_arguments.contains(l) && !self.exclusive_arguments.contains(l);
            (local.scalar || local.value == Value::Plain || shared_reference_argument)
                && !crate::syntax::closure_changes(c, ident)
        });
        (copied && !captures.is_empty()).then_some(captures)
    }

    /// The [`Word`] of the local or argument a path names.
    fn word_of(&self, ident: &syn::Ident) -> Option<Word> {
        match self.env.iter().rev().find(|(n, _)| ident == n) {
            Some(&(_, l)) => self.locals[l].word,
            None => self.param_types.iter().find(|(v, _)| v == ident).and_then(|(_, ty)| word_type(ty)),
        }
    }

    /// Whether the local or argument a path names is a [`scalar_type`].
    fn scalar_of(&self, ident: &syn::Ident) -> bool {
        match self.env.iter().rev().find(|(n, _)| ident == n) {
            Some(&(_, l)) => self.locals[l].scalar,
            None => self.param_types.iter().any(|(v, ty)| v == ident && scalar_type(ty)),
        }
    }

    /// The [`Word`] of a `for` loop's iterator over `range`: a range of words when one end is a word.
    fn range_word(&self, range: &Expr) -> Option<Word> {
        let Expr::Range(r) = range else { return None };
        let end = |e: &Option<Box<Expr>>| e.as_deref().and_then(|e| word_expr(e, &|i| self.word_of(i)));
        end(&r.start).or_else(|| end(&r.end)).filter(|w| *w == Word::Number)
    }

    fn declare_hidden(&mut self, name: &str) -> usize {
        self.hidden_count += 1;
        let ident = syn::Ident::new(&format!("__{name}{}", self.hidden_count), Span::mixed_site());
        let scope = self.current_scope();
        self.locals.push(Local::new(ident, scope, true));
        let id = self.locals.len() - 1;
        self.in_scope.push(id);
        id
    }

    fn leaf(&mut self, mut expr: Expr, ctx: UseKind) -> Leaf {
        let loops = self.loop_stack.clone();
        let labels: Vec<(Option<String>, bool)> =
            self.loops.iter().map(|l| (l.label.as_ref().map(|l| l.ident.to_string()), l.is_block)).collect();
        let label_of = move |id: LoopId| labels.get(id).cloned().unwrap_or((None, false));
        let locals = &self.locals;
        let deref_reads = |l: LocalId| locals[l].reads_through_deref;
        let mut walker = Walker::new(&self.env, &loops, &label_of).reading_through_deref(&deref_reads);
        walker.walk(&mut expr, ctx);
        for (keyword, span) in std::mem::take(&mut walker.stray_jumps) {
            let message = match keyword {
                "break" => "`break` outside of a loop or labeled block",
                "continue-block" => "`continue` pointing to a labeled block: labeled blocks cannot be `continue`'d",
                _ => "`continue` outside of a loop",
            };
            self.errors.error(span, message);
        }
        let (uses, jumps, jump_exits) = (walker.uses, walker.jumps, walker.jump_exits);
        self.leaf_count += 1;
        Leaf {
            id: self.leaf_count - 1,
            diverges: diverges(&expr),
            expr,
            env: self.env.clone(),
            loops,
            uses,
            ctx,
            jumps,
            jump_exits,
        }
    }

    /// A block whose scope is already open (the fn body, or a loop body whose pattern scope was pushed).
    fn block_in_scope(&mut self, block: syn::Block, scope: ScopeId, at_exit: bool) -> Block {
        let n = block.stmts.len();
        let mut stmts = Vec::new();
        let all: std::rc::Rc<[SynStmt]> = block.stmts.into();
        for i in 0..n {
            let stmt = all[i].clone();
            self.later.push((std::rc::Rc::clone(&all), i + 1));
            self.block_stmt(stmt, i + 1 == n, at_exit, &mut stmts);
            self.later.pop();
        }
        self.scopes[scope].ends_at_exit = at_exit && !self.scopes[scope].in_loop;
        Block { scope, stmts }
    }

    /// One statement of [`Self::block_in_scope`], lowered into `stmts`; `last`: the block's last.
    fn block_stmt(&mut self, stmt: SynStmt, last: bool, at_exit: bool, stmts: &mut Vec<Stmt>) {
        {
            // A plain assignment statement, or a block's tail, is lowered as one leaf: the next one.
            let join_before = match &stmt {
                SynStmt::Local(local) => Some((JoinBefore::Let(self.lets), local.let_token.span)),
                SynStmt::Expr(Expr::Assign(a), _) => Some((JoinBefore::Leaf(self.leaf_count), a.eq_token.span)),
                // A block's tail, or a call that stores a closure (`fs.push(|z| ..);`).
                SynStmt::Expr(e, _) => Some((JoinBefore::Leaf(self.leaf_count), first_span(e))),
                // A `yield_!` of a closure (its value is the next leaf).
                SynStmt::Macro(m) => Some((JoinBefore::Leaf(self.leaf_count), m.mac.path.span())),
                SynStmt::Item(_) => None,
            };
            if let Some((join, span)) = join_before
                && self.joins.contains(&join)
            {
                let join = self.join_point(span);
                stmts.push(Stmt::Expr(join, Some(syn::Token![;](span))));
            }
            let stmt = match stmt {
                SynStmt::Local(mut local) if capitalised_binding(&local) => {
                    // `let N = 3;` (with `non_snake_case` allowed): a binding, which a `let` can't refute, rather
                    // than a constant's pattern. `mut` is what tells a binding from a constant in the rest of the
                    // transform (see `syntax::binds`); the unused `mut` is allowed in the generated code.
                    if let Pat::Ident(p) = &mut local.pat {
                        p.mutability = Some(syn::Token![mut](p.ident.span()));
                    } else if let Pat::Type(t) = &mut local.pat
                        && let Pat::Ident(p) = &mut *t.pat
                    {
                        p.mutability = Some(syn::Token![mut](p.ident.span()));
                    }
                    self.block_stmt(SynStmt::Local(local), last, at_exit, stmts);
                    return;
                }
                SynStmt::Local(local) if extends_temporaries(&local) => {
                    let (temporaries, rest) = self.extended_temporaries(local);
                    stmts.extend(temporaries);
                    rest
                }
                // `yield_! { v }` before other statements: a statement, as if followed by `;` (a macro invoked
                // with braces needs none).
                SynStmt::Macro(mut m) if !last && m.semi_token.is_none() && suspension_name(&m.mac).is_some() => {
                    m.semi_token = Some(syn::Token![;](m.mac.delimiter.span().close()));
                    SynStmt::Macro(m)
                }
                other => other,
            };
            match stmt {
                SynStmt::Expr(Expr::ForLoop(f), semi) if simple_range(&f.expr) && loop_suspends(&f) => {
                    let (iterator, rest) = self.range_loop(f, semi);
                    stmts.push(iterator);
                    let rest = self.stmt(rest, at_exit && last);
                    // The loop's pattern binds the range's items: plain values, as in a `for` loop over a range.
                    if let Stmt::Expr(Node::While { cond, .. }, _) = &rest {
                        for c in cond {
                            if let Cond::Let { binding, .. } = c {
                                binding.locals.iter().for_each(|&l| self.locals[l].value = Value::Plain);
                            }
                        }
                    }
                    stmts.push(rest);
                }
                stmt => stmts.push(self.stmt(stmt, at_exit && last)),
            }
        }
    }

    /// `for PAT in a..b BODY` as a statement of a block, as `let mut it = IntoIterator::into_iter(a..b);` in that
    /// block, then `while let Some(PAT) = Iterator::next(&mut it) BODY` (returned to be lowered): Rust's own
    /// desugaring, but with the iterator in the block, not in a scope of the loop's own. Dropping the range
    /// there is as unobservable as at the loop's end (no drop glue, and the endpoints make no temporaries: see
    /// [`simple_range`]), and a suspension point after the loop can then keep it where it is when it joins the
    /// loop's group (`layout::Planner::widen`), so that the loop's resumes move nothing.
    fn range_loop(&mut self, f: syn::ExprForLoop, semi: Option<syn::Token![;]>) -> (Stmt, SynStmt) {
        self.hidden_count += 1;
        let name = syn::Ident::new(&format!("__range{}", self.hidden_count), Span::mixed_site());
        let range = &f.expr;
        // Spanned at the user's range: an error of `into_iter` lands there.
        let init = quote::quote_spanned!(range.span()=> ::core::iter::IntoIterator::into_iter(#range));
        let iterator: SynStmt = syn::parse_quote!(let mut #name = #init;);
        let Stmt::Let(decl) = self.stmt(iterator, false) else {
            unreachable!("internal invariant: a `let` lowers to a `let`")
        };
        let it = decl.binding.locals[0];
        self.locals[it].value = Value::Range;
        self.locals[it].word = self.range_word(range);
        // Named after the loop, as a `for` loop's iterator is (see the `Expr::ForLoop` arm of `Self::expr`).
        self.locals[it].ident = syn::Ident::new(&loop_field_name(&f.pat, f.label.as_ref()), Span::mixed_site());
        let syn::ExprForLoop { attrs, label, pat, body, .. } = f;
        let rest: Expr = syn::parse_quote! {
            #(#attrs)* #label while let ::core::option::Option::Some(#pat) = ::core::iter::Iterator::next(&mut #name) #body
        };
        (Stmt::Let(decl), SynStmt::Expr(rest, semi))
    }

    /// A `let` whose value is, or borrows, temporaries that Rust extends to the end of the block
    /// ([`extended_roots`]): each becomes a hidden local declared before it, so that it lives (and drops) where
    /// the plain fn's does, also across a suspension point, where the reference to it is plain and left out of
    /// the state once no longer used; what is evaluated before one is evaluated into a hidden local first, in
    /// order. Returns those `let`s and what is left of the user's.
    ///
    /// Input: `let ref x = make();` — Output: `let __temporary1 = make();` and `let ref x = __temporary1;`
    ///
    /// Input: `let r = (n, &make().items[i]);` — Output: `let __spill1 = n;`, `let __temporary2 = make();` and
    /// `let r = (__spill1, &__temporary2.items[i]);`
    fn extended_temporaries(&mut self, local: syn::Local) -> (Vec<Stmt>, SynStmt) {
        let syn::Local { attrs, let_token, pat, init, semi_token, .. } = local;
        let mut init = init.expect("checked: an extended temporary is in an initializer").expr;
        let hoisted = extended_roots(&pat, &mut init).expect("checked: `extends_temporaries`");
        let mut decls = Vec::new();
        for (part, hoist) in hoisted {
            self.hidden_count += 1;
            let (kind, mutable) = match hoist {
                Hoist::Extended { mutable } => (crate::names::Hidden::Temporary, mutable),
                Hoist::Evaluated => (crate::names::Hidden::Spill, false),
            };
            let name = crate::names::hidden_local(kind, self.hidden_count, part.span());
            let value = std::mem::replace(part, syn::parse_quote!(#name));
            let mutable = mutable.then(<Token![mut]>::default);
            let temporary: SynStmt = syn::parse_quote!(#let_token #mutable #name = #value;);
            decls.push(self.stmt(temporary, false));
        }
        let rest: SynStmt = syn::parse_quote!(#(#attrs)* #let_token #pat = #init #semi_token);
        (decls, rest)
    }

    fn block(&mut self, block: syn::Block, in_loop: bool, at_exit: bool) -> Block {
        let scope = self.push_scope(in_loop);
        let b = self.block_in_scope(block, scope, at_exit);
        self.pop_scope_to(scope);
        b
    }

    fn stmt(&mut self, stmt: SynStmt, at_exit: bool) -> Stmt {
        let stmt = self.with_enclosing_lints(stmt);
        let outer = self.statement_lints.len();
        self.statement_lints.extend(lint_attrs(statement_attrs(&stmt)));
        let lowered = self.stmt_inner(stmt, at_exit);
        self.statement_lints.truncate(outer);
        lowered
    }

    /// A statement inside a statement that suspends, which the transform takes apart (`#[allow(unused_variables)]
    /// for i in 0..n { let unused = ..; yield_!(i); }`), gets the lint attributes of the statements around it, as it
    /// has in the plain fn: a `let`, or a call, a method call or a block-like expression statement without a
    /// suspension point. (Rust takes attributes on no other statement: an assignment's would need a nightly
    /// feature, a macro's are unused.)
    fn with_enclosing_lints(&self, stmt: SynStmt) -> SynStmt {
        let lints = &self.statement_lints;
        if lints.is_empty() {
            return stmt;
        }
        match stmt {
            SynStmt::Local(mut local) => {
                local.attrs.splice(0..0, lints.iter().cloned());
                SynStmt::Local(local)
            }
            SynStmt::Expr(expr, semi)
                if (semi.is_some() && matches!(expr, Expr::Call(_) | Expr::MethodCall(_))
                    || matches!(
                        expr,
                        Expr::If(_)
                            | Expr::Match(_)
                            | Expr::Block(_)
                            | Expr::Loop(_)
                            | Expr::While(_)
                            | Expr::ForLoop(_)
                            | Expr::Unsafe(_)
                    ))
                    && find_yield(&expr).is_none() =>
            {
                syn::parse2(quote::quote!(#(#lints)* #expr #semi)).unwrap_or(SynStmt::Expr(expr, semi))
            }
            stmt => stmt,
        }
    }

    fn stmt_inner(&mut self, stmt: SynStmt, at_exit: bool) -> Stmt {
        match stmt {
            SynStmt::Local(local)
                if local
                    .init
                    .as_ref()
                    .and_then(|i| i.diverge.as_ref())
                    .is_some_and(|(_, e)| find_yield(e).is_some()) =>
            {
                let rewritten = let_else_as_match(local);
                self.stmt(rewritten, at_exit)
            }
            SynStmt::Local(mut local) => {
                let ordinal = self.lets;
                self.lets += 1;
                if let Some(init) = &mut local.init
                    && let Expr::Closure(c) = &mut *init.expr
                {
                    self.copying_closure(c);
                }
                // A suspending initializer's yielded value takes the `let`'s lint attributes as well, an `expect`
                // as an `allow` (`lint_attrs`): the lint may be raised there only, so the `let` keeps an `allow` too.
                let suspends = local.init.as_ref().is_some_and(|i| find_yield(&i.expr).is_some());
                let attrs = if suspends { expectations_allowed(local.attrs) } else { local.attrs };
                let (init, diverge) = match local.init {
                    Some(init) => {
                        let ctx =
                            if let_reads_in_place(&local.pat, &init.expr) { UseKind::Place } else { UseKind::Move };
                        let node = self.expr(*init.expr, ctx, false);
                        // (An `else` block with a suspension point was rewritten as a `match` above.)
                        let diverge = init.diverge.map(|(_, e)| self.leaf(*e, UseKind::Move));
                        (Some(node), diverge)
                    }
                    None => (None, None),
                };
                // (Of an initializer that suspends, `let r = &v[yield_!(..)];`: the value its block ends with.)
                let value = match &init {
                    Some(Node::Block { id: None, block, .. }) => match block.stmts.last() {
                        Some(Stmt::Expr(Node::Leaf(tail), None)) => Some(tail),
                        _ => None,
                    },
                    Some(Node::Leaf(leaf)) => Some(leaf),
                    _ => None,
                };
                let no_drop = value.is_some_and(|l| no_drop_expr(&l.expr))
                    || matches!(&local.pat, Pat::Type(t) if no_drop_type(&t.ty));
                let owned = init.as_ref().is_some_and(|n| matches!(n, Node::Leaf(l) if owned_expr(&l.expr)))
                    || matches!(&local.pat, Pat::Type(t) if owned_type(&t.ty));
                let items = match &local.pat {
                    Pat::Type(t) => items_value(&t.ty),
                    _ => None,
                };
                let mut_ref_items = match &local.pat {
                    Pat::Ident(_) => value.and_then(|leaf| self.vec_of_mut_refs(&leaf.expr)),
                    _ => None,
                };
                let binding = self.declare(&local.pat, no_drop);
                if let (Some(made_of), [single]) = (mut_ref_items, &binding.locals[..]) {
                    self.vecs_of_mut_refs.push((*single, made_of));
                }
                if let Pat::Type(t) = &local.pat
                    && no_drop_value(&t.ty) == Some(Value::MutRef)
                {
                    binding.locals.iter().for_each(|&l| self.locals[l].value = Value::MutRef);
                }
                // `let r = &mut x;`: no drop glue, but not `Copy` either.
                if let Some(leaf) = value
                    && matches!(strip_parens(&leaf.expr), Expr::Reference(r) if r.mutability.is_some())
                    && let Pat::Ident(_) = &local.pat
                {
                    binding.locals.iter().for_each(|&l| self.locals[l].value = Value::MutRef);
                }
                if let Some(Node::Leaf(leaf)) = &init {
                    // (A written type without a reference in it, `let t: Ticket = line.first();`, says the method
                    // isn't std's view.)
                    let owned_written = matches!(&local.pat, Pat::Type(t)
                    if !t.ty.to_token_stream().into_iter().any(|tree| {
                        matches!(tree, proc_macro2::TokenTree::Punct(p) if p.as_char() == '&')
                    }));
                    if !owned_written {
                        self.note_view(&leaf.expr, &binding.locals);
                    }
                    // (Not `let ref w = v;`, a reference.)
                    if let ([single], Some((source, moved))) = (&binding.locals[..], Self::cloned_local(leaf))
                        && ref_bindings(&local.pat).is_empty()
                    {
                        self.clones.push((*single, source, moved));
                    }
                }
                if let ([single], Some(Node::Leaf(leaf)), Pat::Ident(_)) = (&binding.locals[..], &init, &local.pat) {
                    self.locals[*single].typed_later = leaves_type_open(&leaf.expr);
                }
                if let ([single], Pat::Ident(_), Some(Node::Leaf(leaf))) = (&binding.locals[..], &local.pat, &init)
                    && makes_an_iterator(&leaf.expr)
                {
                    self.iterators.push(*single);
                }
                if let ([single], Pat::Type(t)) = (&binding.locals[..], &local.pat)
                    && matches!(&*t.pat, Pat::Ident(p) if p.subpat.is_none())
                {
                    self.locals[*single].written_type = Some((*t.ty).clone());
                }
                if let [single] = binding.locals[..] {
                    let plain = |p: &Pat| matches!(p, Pat::Ident(p) if p.subpat.is_none() && p.by_ref.is_none());
                    self.locals[single].word = match (&local.pat, &init) {
                        (Pat::Type(t), _) if plain(&t.pat) => word_type(&t.ty),
                        (pat, Some(Node::Leaf(leaf))) if plain(pat) => word_expr(&leaf.expr, &|i| self.word_of(i)),
                        _ => None,
                    };
                    self.locals[single].scalar = match (&local.pat, &init) {
                        (Pat::Type(t), _) if plain(&t.pat) => scalar_type(&t.ty),
                        (pat, Some(Node::Leaf(leaf))) if plain(pat) => scalar_expr(&leaf.expr, &|i| self.scalar_of(i)),
                        _ => false,
                    };
                }
                // `let p = __p_p;` of an argument `p: &mut T` (or `&mut self`): its fields' loops may go by index; of
                // a reference argument: its fields' std views are trusted.
                if let ([single], Some(Node::Leaf(l))) = (&binding.locals[..], &init)
                    && let Expr::Path(p) = &l.expr
                    && let Some(var) = p.path.get_ident()
                    && let Some((_, ty)) = self.param_types.iter().find(|(v, _)| v == var)
                {
                    if has_mut_reference(ty) {
                        self.exclusive_arguments.push(*single);
                    }
                    if is_reference(ty) {
                        self.reference_arguments.push(*single);
                    } else if owned_type(ty)
                        || self.type_params.iter().any(|t| matches!(ty, syn::Type::Path(p) if p.path.is_ident(t)))
                    {
                        // (Not any other type, which may be an alias of a reference.)
                        self.locals[*single].by_value_argument = true;
                    }
                }
                if let [single] = binding.locals[..] {
                    // (An argument's variable: whether it is a `&mut`.)
                    let argument = match &init {
                        Some(Node::Leaf(l)) => match &l.expr {
                            Expr::Path(p) => p
                                .path
                                .get_ident()
                                .and_then(|i| self.indexed_params.iter().find(|(v, _)| v == i).map(|&(_, r)| r)),
                            _ => None,
                        },
                        _ => None,
                    };
                    let typed = match &local.pat {
                        Pat::Type(t) if indexed_type(&t.ty) => Some(is_reference(&t.ty)),
                        _ => None,
                    };
                    // (`let sorted = words.clone();`, `let w = v;`: what an indexed local's clone or move is; a
                    // moved `&mut` stays one.)
                    let indexed_source = |e: &Expr| match e {
                        Expr::Path(p) => p.path.get_ident().and_then(|i| {
                            let &(_, l) = self.env.iter().rev().find(|(n, _)| i == n)?;
                            self.locals[l].indexed.then_some(l)
                        }),
                        _ => None,
                    };
                    let moved_reference = match &init {
                        Some(Node::Leaf(l)) => {
                            indexed_source(strip_parens(&l.expr)).is_some_and(|l| self.mutable_sequences.contains(&l))
                        }
                        _ => false,
                    };
                    let of_indexed = |e: &Expr| match strip_parens(e) {
                        Expr::MethodCall(m) if m.method == "clone" && m.args.is_empty() => {
                            indexed_source(strip_parens(&m.receiver)).is_some()
                        }
                        e => indexed_source(e).is_some(),
                    };
                    let made = matches!(&local.pat, Pat::Ident(_))
                        && init.as_ref().is_some_and(
                            |n| matches!(n, Node::Leaf(l) if indexed_expr(&l.expr) || of_indexed(&l.expr)),
                        );
                    self.locals[single].indexed = typed.is_some() || argument.is_some() || made;
                    // (`let text = text;` of a `String` argument, `let s: String = ..`, `String::from(..)`, a clone or
                    // move of another.)
                    let text_local = |e: &Expr| match strip_parens(e) {
                        Expr::Path(p) => {
                            p.path.get_ident().and_then(|i| self.local_named(i)).is_some_and(|l| self.locals[l].text)
                        }
                        _ => false,
                    };
                    let text_source = |e: &Expr| match strip_parens(e) {
                        Expr::MethodCall(m) if m.method == "clone" && m.args.is_empty() => text_local(&m.receiver),
                        e => text_local(e),
                    };
                    self.locals[single].text = match (&local.pat, &init) {
                        (Pat::Type(t), _) => text_type(&t.ty),
                        (Pat::Ident(_), Some(Node::Leaf(l))) => {
                            text_expr(&l.expr)
                                || text_source(&l.expr)
                                || matches!(&l.expr, Expr::Path(p) if p.path.get_ident().is_some_and(|i| {
                                    self.param_types.iter().any(|(v, ty)| v == i && text_type(ty))
                                }))
                        }
                        _ => false,
                    };
                    if typed == Some(true) || argument == Some(true) || moved_reference {
                        self.mutable_sequences.push(single);
                    }
                }
                if let [single] = binding.locals[..]
                    && ref_bindings(&local.pat).is_empty()
                {
                    self.locals[single].reads_through_deref = matches!(&local.pat, Pat::Type(t) if deref_read_type(&t.ty))
                        || init.as_ref().is_some_and(|n| matches!(n, Node::Leaf(l) if reads_through_deref(&l.expr)));
                    if let Some(items) = items {
                        self.locals[single].value = items;
                    } else if owned && no_drop && !init.as_ref().is_some_and(borrows_mutably) {
                        // An array literal of plain values (`[&mut a, &mut b]` is not `Copy`).
                        self.locals[single].value = Value::PlainArray;
                    } else if owned {
                        self.locals[single].value = Value::Owned;
                    }
                }
                Stmt::Let(Let { ordinal, attrs, binding, init, diverge, delegated: None })
            }
            // An `if` statement that jumps to a loop of the body (`if c { x = t; continue; }`) is lowered as a
            // node even without a suspension point: the analysis then sees what its paths do before they jump
            // (as one leaf, `x = t` would be a conditional write that doesn't end `x`'s liveness on the
            // `continue` path).
            SynStmt::Expr(Expr::If(i), semi)
                if (semi.is_some() || i.else_branch.is_none()) && find_yield(&i.cond).is_none() && jumps_out(&i) =>
            {
                Stmt::Expr(self.if_(i, at_exit), semi)
            }
            SynStmt::Expr(expr, semi) => {
                let ctx = UseKind::Move;
                let node = self.expr(expr, ctx, at_exit);
                Stmt::Expr(node, semi)
            }
            SynStmt::Macro(m) => {
                let expr = Expr::Macro(syn::ExprMacro { attrs: m.attrs, mac: m.mac });
                let node = self.expr(expr, UseKind::Move, at_exit);
                Stmt::Expr(node, m.semi_token)
            }
            SynStmt::Item(item) => {
                // Items can't see the body's locals, and every resume arm needs them: they go to the fn's top.
                self.items.push(item);
                Stmt::Expr(Node::Leaf(self.leaf(Expr::Verbatim(TokenStream::new()), UseKind::Move)), None)
            }
        }
    }

    /// Lowers an expression: a leaf when it has no suspension point, a node otherwise.
    fn expr(&mut self, expr: Expr, ctx: UseKind, at_exit: bool) -> Node {
        if find_yield(&expr).is_none() {
            return Node::Leaf(self.leaf(expr, ctx));
        }
        // A block statement's lint attributes are its statements' (`Self::with_enclosing_lints`).
        let mut expr = expr;
        if let Expr::Block(b) = &mut expr
            && !b.attrs.is_empty()
            && lint_attrs(&b.attrs).len() == b.attrs.len()
        {
            b.attrs.clear();
        }
        if let Expr::Block(b) = &expr
            && let Some(attr) = b.attrs.first()
        {
            // Normalizing would hand the same attributed block back forever.
            self.errors.error(
                attr.pound_token.span,
                "attributes on a block that contains `yield_!` are not supported\n\
                 help: put the attribute on the fn, or on a statement inside the block",
            );
            return Node::Leaf(self.leaf(Expr::Verbatim(TokenStream::new()), UseKind::Move));
        }
        if needs_normalizing(&expr) {
            let before = self.errors.count();
            let normalized = Normalizer::new(self.errors, &mut self.hidden_count).normalize(expr);
            if self.errors.count() > before {
                return Node::Leaf(self.leaf(Expr::Verbatim(TokenStream::new()), UseKind::Move));
            }
            return self.expr(normalized, ctx, at_exit);
        }
        match expr {
            Expr::Macro(m) if suspension_name(&m.mac) == Some("yield_from") => {
                let Some((desugared, operand)) = self.delegation(&m.mac) else {
                    return Node::Leaf(self.leaf(Expr::Verbatim(TokenStream::new()), UseKind::Move));
                };
                let mut node = self.expr(desugared, ctx, at_exit);
                // The block's first statement binds the delegate (see `Self::delegation`).
                if let Node::Block { block, .. } = &mut node
                    && let Some(Stmt::Let(delegate)) = block.stmts.first_mut()
                {
                    delegate.delegated = Some(operand);
                }
                node
            }
            Expr::Macro(m) if yield_macro(&m.mac) => {
                let span = m.mac.path.span();
                let text = crate::stream::source_text(&m.attrs).unwrap_or_else(|| m.mac.to_token_stream().to_string());
                let arg = match m.mac.parse_body_with(parse_yield_arg) {
                    Ok(arg) => arg,
                    Err(e) => {
                        self.errors.push(e);
                        None
                    }
                };
                let value = arg.map(|e| self.leaf(e, UseKind::Move));
                let args_span = m.mac.delimiter.span().join();
                let in_scope = self.in_scope.clone();
                let lints = self.statement_lints.clone();
                self.yields.push(YieldPoint { span, args_span, value, in_scope, text, join: false, lints });
                Node::Yield(self.yields.len() - 1)
            }
            Expr::Paren(p) => self.expr(*p.expr, ctx, at_exit),
            Expr::Group(g) => self.expr(*g.expr, ctx, at_exit),
            Expr::Block(b) if b.attrs.is_empty() => {
                let label = b.label;
                match &label {
                    Some(l) => {
                        // `break 'label` leaves it: a jump target like a loop's.
                        self.loops.push(LoopInfo { label: Some(l.name.clone()), is_block: true, by_index: false });
                        let id = self.loops.len() - 1;
                        self.loop_stack.push(id);
                        let block = self.block(b.block, false, at_exit);
                        self.loop_stack.pop();
                        Node::Block { label, id: Some(id), block }
                    }
                    None => Node::Block { label, id: None, block: self.block(b.block, false, at_exit) },
                }
            }
            Expr::If(i) => self.if_(i, at_exit),
            Expr::Match(m) => {
                if let Some(span) = find_yield(&m.expr) {
                    return self.unsupported(span, "a `match` scrutinee");
                }
                let scrut_ctx = crate::leaf::scrutinee_ctx(&m.expr, m.arms.iter().map(|a| &a.pat));
                let scrut = self.leaf(*m.expr, scrut_ctx);
                let mut arms = Vec::new();
                let temporary = !is_place_expression(&scrut.expr);
                for mut arm in m.arms {
                    let scope = self.push_scope(false);
                    // The parts of a temporary scrutinee that the pattern leaves (`_`) live until the end of the
                    // `match` statement, after the arm's own locals: bind them first, the user's names after.
                    if temporary && find_yield(&arm.body).is_some() {
                        // (Not under a guard whose names hide in a macro or a closure, which renaming can't
                        // reach soundly: the parts then drop at the first suspension, as before.)
                        let guard_renamable = match &arm.pat {
                            Pat::Guard(g) => !has_macro_or_closure(&g.guard),
                            _ => true,
                        };
                        let pat = match &mut arm.pat {
                            Pat::Guard(g) => &mut *g.pat,
                            pat => pat,
                        };
                        if guard_renamable && let Some((pinned, renamed)) = pin_wilds(pat, &mut self.hidden_count) {
                            *pat = pinned;
                            // A guard reads the bindings under their hidden names (it runs before the arm's body).
                            if let Pat::Guard(g) = &mut arm.pat {
                                rename_locals(&mut g.guard, &renamed);
                            }
                            let rebinds = rebinds(&renamed);
                            let body = arm.body;
                            arm.body = Box::new(syn::parse_quote!({ #(#rebinds)* #body }));
                        }
                    }
                    let (mut pat, guard) = match arm.pat {
                        Pat::Guard(g) => (*g.pat, Some(*g.guard)),
                        other => (other, None),
                    };
                    // A pattern that binds nothing (`Some(_)`, `Err(_)`, `_`) leaves the whole temporary in place: it
                    // is bound whole (`__wild1 @ Some(_)`), so that the arm holds it across its suspension points.
                    let mut bound_whole = false;
                    if temporary
                        && find_yield(&arm.body).is_some()
                        && let Some(whole) = bind_whole(&pat, &mut self.hidden_count)
                    {
                        pat = whole;
                        bound_whole = true;
                    }
                    let binding = self.declare_matched(&pat, &scrut.expr);
                    // (`match w.parse() { .. __wild1 @ Err(_) => { yield_!(..); .. } }`: typed by later code.)
                    if bound_whole && typed_by_its_uses(&scrut.expr) {
                        binding.locals.iter().for_each(|&l| self.locals[l].typed_by_its_uses = true);
                    }
                    let guard = guard.map(|g| {
                        if let Some(span) = find_yield(&g) {
                            self.errors.error(span, "`yield_!` in a match guard is not supported yet\nhelp: move the condition into the arm: `x => if cond { .. }`");
                        }
                        self.leaf(g, UseKind::Place)
                    });
                    let body = self.expr(*arm.body, ctx, at_exit);
                    self.scopes[scope].ends_at_exit = at_exit && !self.scopes[scope].in_loop;
                    self.pop_scope_to(scope);
                    arms.push(Arm { attrs: arm.attrs, binding, guard, scope, body });
                }
                Node::Match { scrut, arms }
            }
            Expr::Loop(l) => {
                let id = self.new_loop(l.label.as_ref());
                self.loop_stack.push(id);
                let body = self.block(l.body, true, false);
                self.loop_stack.pop();
                Node::Loop { id, label: l.label, body }
            }
            Expr::While(w) => {
                let id = self.new_loop(w.label.as_ref());
                self.loop_stack.push(id);
                let cond_scope = self.push_scope(true);
                let cond = self.cond(*w.cond);
                let body = self.block(w.body, true, false);
                self.pop_scope_to(cond_scope);
                self.loop_stack.pop();
                Node::While { id, label: w.label, cond, cond_scope, body }
            }
            Expr::ForLoop(f) => {
                if let Some(span) = find_yield(&f.expr) {
                    return self.unsupported(span, "the iterator of a `for` loop");
                }
                let suspends = loop_suspends(&f);
                if suspends && let Some(rewritten) = self.by_next(&f) {
                    return self.expr(rewritten, ctx, at_exit);
                }
                if suspends
                    && let Some(ByIndex { rewritten, field, items_borrow }) =
                        self.by_position(&f).or_else(|| self.by_index(&f))
                {
                    // The `while` is the next loop (its block's `let` of the index has none), and the index the next
                    // local. (What the item's pattern binds is a reference: `declare_matched`.)
                    let (id, index) = (self.loops.len(), self.locals.len());
                    let node = self.expr(rewritten, ctx, at_exit);
                    if let Some(info) = self.loops.get_mut(id) {
                        info.by_index = items_borrow;
                    }
                    // Named as a `for` loop's iterator would be (its state field shows it).
                    if let Some(local) = self.locals.get_mut(index) {
                        local.ident = syn::Ident::new(&field, Span::mixed_site());
                    }
                    return node;
                }
                let header = if suspends { self.closures_copying(*f.expr) } else { *f.expr };
                let iter = self.leaf(header, UseKind::Move);
                let id = self.new_loop(f.label.as_ref());
                let it_scope = self.push_scope(false);
                self.scopes[it_scope].ends_at_exit = at_exit && !self.scopes[it_scope].in_loop;
                let it = self.declare_hidden("iter");
                // Named after the loop (`for_x` for `for x in ..`, `for_outer` for `'outer: for _ in ..`), so that a
                // suspended state's `Debug` shows a field the user can place. Mixed-site: the user's own `for_x`
                // is a different local; a second loop of the same name gets `_2` like any shadowed local.
                self.locals[it].ident = syn::Ident::new(&loop_field_name(&f.pat, f.label.as_ref()), Span::mixed_site());
                // A range over integers holds no drop glue (but isn't `Copy`).
                if matches!(&iter.expr, Expr::Range(_)) {
                    self.locals[it].value = Value::Range;
                    self.locals[it].word = self.range_word(&iter.expr);
                } else if let Some((Value::View, owner)) = self.view_of(&iter.expr) {
                    // `for (i, c) in line.char_indices()`: a std view, without drop glue, which a suspension point
                    // where it is dead (`yield_!(i); break;`) needn't store.
                    self.views.push(View { locals: vec![it], value: Value::View, owner, item: false });
                }
                self.loop_stack.push(id);
                let pat_scope = self.push_scope(true);
                let no_drop = matches!(&iter.expr, Expr::Range(_));
                // The parts of an item that the pattern leaves (`_` in `(a, _)`) drop after the body, with the
                // item (Rust matches it as a `match` arm's temporary): bound under hidden names, declared again
                // first in the body, the user's names after.
                let pinned = if suspends { pin_wilds(&f.pat, &mut self.hidden_count) } else { None };
                let mut f_body = f.body;
                let (pat, renamed) = match pinned {
                    Some((pinned, renamed)) => {
                        f_body.stmts.splice(0..0, rebinds(&renamed));
                        (pinned, renamed)
                    }
                    None => (*f.pat.clone(), Vec::new()),
                };
                let binding = self.declare(&pat, no_drop);
                // What the item binds as the user's `name`: the local of that name, or the hidden one
                // (`__boundN`) it is declared again from; both are given what is known of the item.
                let bound_as = |l: &Self, name: &syn::Ident| -> Vec<LocalId> {
                    let hidden = renamed.iter().find(|(user, _, _)| user == name).map_or(name, |(_, _, h)| h);
                    binding.locals.iter().copied().filter(|&b| l.locals[b].ident == *hidden).collect()
                };
                // The index of `for (i, x) in it.enumerate()` is a `usize`: plain.
                if let Some(index) = enumerate_index(&iter.expr, &f.pat) {
                    for local in bound_as(self, index) {
                        self.locals[local].value = Value::Plain;
                    }
                }
                // `for row in grid.iter_mut()` binds a `&mut`: once no longer used, it is left out of the state,
                // where a reborrow through it (`row.iter_mut()`) would still be alive.
                if let Some(item) = mut_ref_items(&iter.expr, &f.pat) {
                    for local in bound_as(self, item) {
                        self.locals[local].value = Value::MutRef;
                    }
                }
                // `for word in words` over a `Vec<String>` binds a `String`, and so do `words.into_iter().rev()`
                // and the item of `(i, word)` in `words.drain(..).enumerate()` (the arguments' flags are set after
                // the body is lowered, so this is resolved then).
                if let Some((path, item)) = items_source(&iter.expr, &f.pat)
                    && let Some(ident) = path.path.get_ident()
                    && let Some(&(_, owner)) = iter.env.iter().rev().find(|(name, _)| ident == name)
                {
                    for local in bound_as(self, item) {
                        self.items_of.push((local, owner));
                    }
                }
                let body = self.block(f_body, true, false);
                // (The user's names, declared again at the body's top, are given the same by `Self::clones`.)
                self.pop_scope_to(pat_scope);
                self.loop_stack.pop();
                self.pop_scope_to(it_scope);
                Node::For { id, label: f.label, iter, it, it_scope, binding, pat_scope, body }
            }
            Expr::Assign(a) => {
                if let Some(span) = find_yield(&a.left) {
                    return self.unsupported(span, "the place of an assignment");
                }
                let value = self.expr(*a.right, UseKind::Move, false);
                let place = self.leaf(*a.left, UseKind::Write);
                Node::Assign { place, value: Box::new(value) }
            }
            other => {
                let span = find_yield(&other).unwrap_or_else(|| other.span());
                self.unsupported(span, "this position")
            }
        }
    }

    /// `yield_from!(inner)` / `yield_from!(inner, first)` as the loop that drives the inner coroutine, whose
    /// `yield_!` is the delegation's suspension point. The inner coroutine is a local of its own, so it is held
    /// across that point and dropped first when the outer coroutine is dropped there.
    ///
    /// Output: `{ let (mut yield_from, mut __resumeN) = (D(inner), first);
    ///           loop { match step(&mut yield_from, __resumeN) { Yielded(y) => __resumeN = yield_!(y),
    ///                                                         Complete(r) => break r } } }`
    ///
    /// The delegate is named `yield_from` (mixed-site), not `__delegateN`: a `+ Debug` state prints it as the
    /// field `yield_from: <the inner one>`. Both are bound by one `let`, so `first` is evaluated before the
    /// name is in scope and a user's own `yield_from` in it still means theirs. Returned with the user's `inner`;
    /// `None` after an error.
    fn delegation(&mut self, mac: &syn::Macro) -> Option<(Expr, Expr)> {
        let span = mac.path.span();
        let args = match mac.parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated) {
            Ok(args) => args,
            Err(e) => {
                self.errors.push(e);
                return None;
            }
        };
        let mut args = args.into_iter();
        let (Some(inner), first, None) = (args.next(), args.next(), args.next()) else {
            self.errors.error(
                span,
                "expected `yield_from!(inner)`, or `yield_from!(inner, first)` where `first` is the inner coroutine's \
                 first resume argument",
            );
            return None;
        };
        let first = match first {
            Some(first) if self.generator => {
                self.errors.error(
                    first.span(),
                    "a generator resumes what it delegates to with `()`: write `yield_from!(inner)`",
                );
                return None;
            }
            Some(first) => quote::quote!(#first),
            None if self.resume_unit => quote::quote_spanned!(span=> ()),
            None => {
                self.errors.error(
                    span,
                    "`yield_from!` needs the inner coroutine's first resume argument here\n\
                     note: this coroutine is resumed with a value, and starting the inner one takes one too\n\
                     help: pass it, typically the value this coroutine just received: `yield_from!(inner, value)`",
                );
                return None;
            }
        };
        self.hidden_count += 1;
        let n = self.hidden_count;
        let delegate = syn::Ident::new("yield_from", Span::mixed_site());
        let resume = syn::Ident::new(&format!("__resume{n}"), Span::mixed_site());
        // Spanned at the argument (a mixed-site span would be shown at the attribute): a yielded value of the
        // wrong type is reported there. It is bound and used inside the arm only, where no user code is.
        let y = syn::Ident::new("__inner_yielded", inner.span());
        // At the argument too: a returned value of the wrong type for where the delegation's value goes.
        let r = syn::Ident::new("__inner_returned", Span::mixed_site().located_at(inner.span()));
        let p = quote::quote!(::stackless::__private);
        // In a generator the operand is driven as an iterator (a coroutine through `ToCoroutine`), converted by
        // `IntoIterator::into_iter` at the argument: an operand that is neither is reported there, as std
        // reports a non-iterator. A coroutine is resumed through the public trait, spanned at the argument: one
        // that isn't a coroutine is reported there, as `Coroutine` not implemented for its type.
        let wrap = if self.generator {
            quote::quote_spanned!(inner.span()=> ::core::iter::IntoIterator::into_iter({
                #[allow(unused_imports)]
                use #p::{ViaCoroutine as _, ViaIterator as _};
                (&&#p::Delegate::new(#inner)).delegation()
            }))
        } else {
            quote::quote_spanned!(inner.span()=> #inner)
        };
        let yield_ = syn::Ident::new("yield_", span);
        let step = if self.generator {
            // `next` spanned at the argument too: an operand that isn't iterable is reported there alone.
            let next = quote::quote_spanned!(inner.span()=> ::core::iter::Iterator::next({ &mut #delegate }));
            quote::quote_spanned!(span=> {
                let () = #resume;
                match #next {
                    ::core::option::Option::Some(#y) => ::stackless::CoroutineState::Yielded(#y),
                    ::core::option::Option::None => ::stackless::CoroutineState::Complete({
                        #[allow(unused_imports)]
                        use #p::{ReturnOf as _, NoReturn as _};
                        (&&#p::Finished::new(&mut #delegate)).returned()
                    }),
                }
            })
        } else {
            quote::quote_spanned!(inner.span()=>
                ::stackless::Coroutine::resume(::core::pin::Pin::new(&mut #delegate), #resume))
        };
        let operand = inner.clone();
        let desugared = syn::parse_quote_spanned! {span=> {
            let (mut #delegate, mut #resume) = (#wrap, #first);
            loop {
                match #step {
                    ::stackless::CoroutineState::Yielded(#y) => #resume = #yield_!(#y),
                    ::stackless::CoroutineState::Complete(#r) => break #r,
                }
            }
        }};
        Some((desugared, operand))
    }

    fn unsupported(&mut self, span: Span, position: &str) -> Node {
        self.errors.error(
            span,
            format!(
                "`yield_!` in {position} is not supported yet: a suspension point must be a statement, a `let` initializer, \
                 the value of an assignment, or a block's tail\n\
                 help: bind it first: `let value = yield_!(..);` and use `value`"
            ),
        );
        Node::Leaf(self.leaf(Expr::Verbatim(TokenStream::new()), UseKind::Move))
    }

    fn new_loop(&mut self, label: Option<&syn::Label>) -> LoopId {
        self.loops.push(LoopInfo { label: label.map(|l| l.name.clone()), is_block: false, by_index: false });
        self.loops.len() - 1
    }

    fn if_(&mut self, i: syn::ExprIf, at_exit: bool) -> Node {
        if let Some(span) = find_yield(&i.cond) {
            return self.unsupported(span, "an `if` condition");
        }
        let cond_scope = self.push_scope(false);
        let cond = self.cond(*i.cond);
        let then = self.block(i.then_branch, false, at_exit);
        self.scopes[cond_scope].ends_at_exit = at_exit && !self.scopes[cond_scope].in_loop;
        self.pop_scope_to(cond_scope);
        let els = i.else_branch.map(|(_, e)| Box::new(self.expr(*e, UseKind::Move, at_exit)));
        Node::If { cond, cond_scope, then, els }
    }

    /// A condition, split at `&&` into boolean leaves and `let` bindings (declared in the current scope).
    fn cond(&mut self, cond: Expr) -> Vec<Cond> {
        if let Some(span) = find_yield(&cond) {
            self.unsupported(span, "a loop condition");
            return Vec::new();
        }
        let mut parts = Vec::new();
        flatten_and(cond, &mut parts);
        parts
            .into_iter()
            .map(|part| match part {
                Expr::Let(l) => {
                    let ctx = crate::leaf::scrutinee_ctx(&l.expr, [&*l.pat]);
                    let scrut = self.leaf(*l.expr, ctx);
                    let binding = self.declare_matched(&l.pat, &scrut.expr);
                    Cond::Let { binding, scrut }
                }
                other => Cond::Expr(self.leaf(other, UseKind::Place)),
            })
            .collect()
    }
}

/// Whether lowering can't split `expr` at its suspension points as it is: they sit inside a larger expression
/// (an operand, a condition, a scrutinee) rather than where a statement could be.
fn needs_normalizing(expr: &Expr) -> bool {
    match expr {
        Expr::Macro(m) if suspension_name(&m.mac) == Some("yield_") => {
            m.mac.parse_body_with(parse_yield_arg).ok().flatten().is_some_and(|arg| find_yield(&arg).is_some())
        }
        Expr::Macro(m) if suspension_name(&m.mac).is_some() => false,
        Expr::Paren(p) => needs_normalizing(&p.expr),
        Expr::Group(g) => needs_normalizing(&g.expr),
        Expr::Block(b) => !b.attrs.is_empty(),
        Expr::If(i) => find_yield(&i.cond).is_some(),
        Expr::While(w) => find_yield(&w.cond).is_some(),
        // A head with temporaries (which live across the suspension points in the body) too.
        Expr::Match(m) => {
            find_yield(&m.expr).is_some() || has_temporary(&m.expr) || suspending_arm_borrows_the_scrutinee(m)
        }
        Expr::ForLoop(f) => find_yield(&f.expr).is_some() || has_temporary(&f.expr),
        Expr::Loop(_) => false,
        // `x = f(yield_!(..))`: the whole assignment, so that the spilled operands' temporaries outlive the
        // drop of the old value, as in the plain fn.
        Expr::Assign(a) => find_yield(&a.left).is_some() || needs_normalizing(&a.right),
        _ => true,
    }
}

/// `let PAT = init else { diverge };` with a suspension point in `diverge`, as a `match` whose other arm is the
/// `else` block (lowering splits `match` arms).
///
/// Input: `let Some(mut x) = e else { .. };` — Output: `let mut x = match e { Some(x) => x, _ => { .. } };`
fn let_else_as_match(local: syn::Local) -> SynStmt {
    struct NoMut;
    impl syn::visit_mut::VisitMut for NoMut {
        fn visit_pat_ident_mut(&mut self, p: &mut syn::PatIdent) {
            p.mutability = None;
            syn::visit_mut::visit_pat_ident_mut(self, p);
        }
        fn visit_expr_mut(&mut self, _: &mut Expr) {}
    }
    let syn::Local { attrs, pat, init, .. } = local;
    let init = init.expect("internal invariant: checked by the caller");
    let (expr, diverge) = (init.expr, init.diverge.expect("internal invariant: checked by the caller").1);
    let bound = pattern_idents(&pat);
    // The arm's pattern binds without `mut`; the new `let` declares what was `mut`.
    let mut arm_pat = pat;
    syn::visit_mut::VisitMut::visit_pat_mut(&mut NoMut, &mut arm_pat);
    let names: Vec<_> = bound.iter().map(|(ident, _)| ident.clone()).collect();
    let decl: Vec<TokenStream> = bound
        .iter()
        .map(|(ident, mutable)| if *mutable { quote::quote!(mut #ident) } else { quote::quote!(#ident) })
        .collect();
    // The `else` block must diverge, as rustc requires of it: typed `Infallible`, one that ends with a value is
    // a mismatch at the user's block (the `match` would otherwise report it against its generated arm).
    let never = syn::Ident::new("__else_never", Span::mixed_site());
    let diverge: Expr = syn::parse_quote! {
        {
            let #never: ::core::convert::Infallible = #diverge;
            match #never {}
        }
    };
    if is_place_expression(&expr) {
        return syn::parse_quote! {
            #(#attrs)*
            let (#(#decl,)*) = match #expr {
                #arm_pat => (#(#names,)*),
                _ => #diverge,
            };
        };
    }
    // A value: as in the plain `let ... else`, it and the temporaries of its evaluation are dropped before the
    // `else` block runs (a `match` would keep both alive until its end, across the block's suspension points).
    let value = syn::Ident::new("__let_else_value", Span::mixed_site());
    syn::parse_quote! {
        #(#attrs)*
        let (#(#decl,)*) = match { let #value = #expr; #value } {
            #arm_pat => (#(#names,)*),
            #value => {
                ::core::mem::drop(#value);
                #diverge
            }
        };
    }
}

/// Destructuring assignments as Rust desugars them: `(a, b) = e;` is `{ let (__assigned1, __assigned2) = e; a =
/// __assigned1; b = __assigned2; }`, so that each place is assigned (a write that starts a value, which lives to
/// the end of its local's scope) and what the pattern leaves of `e` drops at the end of the `let`. Not inside
/// nested items; an assignee the desugaring doesn't know (a macro) is left as it is.
fn desugar_destructuring_assignments(block: &mut syn::Block, counter: &mut usize) {
    struct Desugar<'c> {
        counter: &'c mut usize,
    }
    impl Desugar<'_> {
        /// The pattern binding what `assignee` is assigned, with the assignments that follow, in order.
        fn pattern(&mut self, assignee: &Expr, assigns: &mut Vec<SynStmt>) -> Option<Pat> {
            Some(match assignee {
                Expr::Infer(_) => syn::parse_quote!(_),
                Expr::Paren(p) => self.pattern(&p.expr, assigns)?,
                // `..` in a tuple, tuple struct or slice assignee.
                Expr::Range(r) if r.start.is_none() && r.end.is_none() => syn::parse_quote!(..),
                Expr::Tuple(t) => {
                    let elems = t.elems.iter().map(|e| self.pattern(e, assigns)).collect::<Option<Vec<Pat>>>()?;
                    syn::parse_quote!((#(#elems,)*))
                }
                Expr::Array(a) => {
                    let elems = a.elems.iter().map(|e| self.pattern(e, assigns)).collect::<Option<Vec<Pat>>>()?;
                    syn::parse_quote!([#(#elems),*])
                }
                Expr::Call(c) => {
                    let Expr::Path(func) = &*c.func else { return None };
                    let elems = c.args.iter().map(|e| self.pattern(e, assigns)).collect::<Option<Vec<Pat>>>()?;
                    syn::parse_quote!(#func(#(#elems),*))
                }
                Expr::Struct(st) => {
                    let path = &st.path;
                    let mut fields = Vec::new();
                    for f in &st.fields {
                        let member = &f.member;
                        let pat = self.pattern(&f.expr, assigns)?;
                        fields.push(quote::quote!(#member: #pat));
                    }
                    let rest = st.dot2_token.map(|_| quote::quote!(..));
                    syn::parse_quote!(#path { #(#fields,)* #rest })
                }
                Expr::Path(_) | Expr::Field(_) | Expr::Index(_) | Expr::Unary(_) => {
                    *self.counter += 1;
                    let fresh = syn::Ident::new(&format!("__assigned{}", self.counter), Span::mixed_site());
                    assigns.push(syn::parse_quote!(#assignee = #fresh;));
                    syn::parse_quote!(#fresh)
                }
                _ => return None,
            })
        }
    }
    impl syn::visit_mut::VisitMut for Desugar<'_> {
        fn visit_expr_mut(&mut self, e: &mut Expr) {
            syn::visit_mut::visit_expr_mut(self, e);
            let Expr::Assign(a) = e else { return };
            if !matches!(strip_parens(&a.left), Expr::Tuple(_) | Expr::Array(_) | Expr::Call(_) | Expr::Struct(_)) {
                return;
            }
            let mut assigns = Vec::new();
            let Some(pat) = self.pattern(&a.left, &mut assigns) else { return };
            let value = &a.right;
            let attrs = &a.attrs;
            *e = syn::parse_quote!(#(#attrs)* { let #pat = #value; #(#assigns)* });
        }
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    syn::visit_mut::VisitMut::visit_block_mut(&mut Desugar { counter }, block);
}

/// How [`Lowerer::extended_temporaries`] hoists a part of a `let`'s value.
#[derive(Clone, Copy)]
enum Hoist {
    /// A temporary that Rust extends to the end of the block (`mutable`: borrowed `mut`).
    Extended { mutable: bool },
    /// Evaluated before an extended temporary: evaluated into a hidden local first, in order.
    Evaluated,
}

/// The parts of this `let`'s value to hoist ([`Lowerer::extended_temporaries`]), in evaluation order: the
/// temporaries it binds or borrows that Rust extends to the end of the block, and what is evaluated before them.
/// Those temporaries are what the pattern binds when every binding of it is `ref`/`ref mut`
/// (`let ref x = make();`), or what the references in the value point into (`let r = &make();`), also through
/// parentheses, `as`, and tuple, array and struct literals (`(n, &make())`); a borrow may be of a part
/// (`.field`, `[i]`). Each must be a value that is surely not promoted to a constant ([`unpromoted`]), and no
/// std view, iterator or closure ([`may_borrow`]). `None` where hoisting would change what the plain fn does: a
/// part before one of them with a closure (it would lose the type the literal gives it); a hoisted part that
/// makes temporaries of its own (more than one call) before a later call (they would drop before it); a borrow
/// of a part of one before another (its `Index` or `Deref` would run after that one is made). (The caller
/// leaves out a `let` with a written type, which may coerce inside the value, `&[Box::new(1)]` as a
/// `&[Box<dyn Debug>]`, and one with an `else` or a `#[cfg]`.)
fn extended_roots<'e>(pat: &Pat, init: &'e mut Expr) -> Option<Vec<(&'e mut Expr, Hoist)>> {
    enum Part<'e> {
        /// An extended temporary, whether it is borrowed `mut`, and whether a part of it is (`.field`, `[i]`).
        Extended(&'e mut Expr, bool, bool),
        /// Evaluated in place; whether it may be evaluated after what follows (a literal, a reference to a
        /// local).
        Other(&'e mut Expr, bool),
    }
    fn parts<'e>(e: &'e mut Expr, out: &mut Vec<Part<'e>>) {
        let order_free = match &*e {
            Expr::Lit(_) => true,
            Expr::Reference(r) => matches!(strip_parens(&r.expr), Expr::Path(_)),
            _ => false,
        };
        let extended = matches!(&*e, Expr::Reference(r) if unpromoted(extended_root(&r.expr)));
        let extends = matches!(&*e, Expr::Paren(_) | Expr::Cast(_) | Expr::Tuple(_) | Expr::Array(_))
            || matches!(&*e, Expr::Struct(s) if s.rest.is_none());
        if !extended && !extends {
            out.push(Part::Other(e, order_free));
            return;
        }
        match e {
            Expr::Paren(syn::ExprParen { expr, .. }) | Expr::Cast(syn::ExprCast { expr, .. }) => parts(expr, out),
            Expr::Tuple(syn::ExprTuple { elems, .. }) | Expr::Array(syn::ExprArray { elems, .. }) => {
                elems.iter_mut().for_each(|e| parts(e, out));
            }
            Expr::Struct(s) => s.fields.iter_mut().for_each(|f| parts(&mut f.expr, out)),
            Expr::Reference(r) => {
                let mutable = r.mutability.is_some();
                let projected = !matches!(strip_parens(&r.expr), Expr::Call(_) | Expr::MethodCall(_) | Expr::Macro(_))
                    && !matches!(strip_parens(&r.expr), Expr::Tuple(_) | Expr::Array(_) | Expr::Struct(_));
                out.push(Part::Extended(extended_root_mut(&mut r.expr), mutable, projected));
            }
            _ => unreachable!("checked: an expression that extends its operands, or a borrow of a temporary"),
        }
    }
    if binds_only_by_ref(pat) {
        let mutable = ref_bindings(pat).iter().any(|p| p.mutability.is_some());
        let root = extended_root_mut(init);
        return (unpromoted(root) && !may_borrow(root)).then(|| vec![(root, Hoist::Extended { mutable })]);
    }
    let mut all = Vec::new();
    parts(init, &mut all);
    let last = all.iter().rposition(|p| matches!(p, Part::Extended(..)))?;
    // Whether a part after each one makes a call (which a temporary of a hoisted part must not see dropped).
    let calls_after: Vec<bool> = (0..all.len())
        .map(|i| {
            all[i + 1..].iter().any(|p| match p {
                Part::Extended(root, ..) => calls(root) > 0,
                Part::Other(e, _) => calls(e) > 0,
            })
        })
        .collect();
    let mut hoisted = Vec::new();
    for (i, part) in all.into_iter().enumerate().take(last + 1) {
        let (e, hoist) = match part {
            // The projection (an `Index` or `Deref` impl, a bounds check) runs after the hoisted parts.
            Part::Extended(_, _, true) if i < last => return None,
            Part::Extended(root, ..) if may_borrow(root) => return None,
            Part::Extended(root, mutable, _) => (root, Hoist::Extended { mutable }),
            Part::Other(_, true) => continue,
            Part::Other(e, false) if crate::syntax::has_closure(e) => return None,
            Part::Other(e, false) => (e, Hoist::Evaluated),
        };
        // Its own temporaries (`d("x")` in `d("x").n()`) end with its `let`, before the later calls: only a
        // part that makes one call at most.
        if calls_after[i] && calls(e) > 1 {
            return None;
        }
        hoisted.push((e, hoist));
    }
    Some(hoisted)
}

/// A value that may borrow a local: one made from a borrow (`&v` anywhere in it, a method called on a local,
/// `line.split(' ').collect::<Vec<_>>()`), a std view or iterator (`it.rev()`), or anything with a closure in it.
/// Held to the block's end, it would hold the borrow across the suspension points after it, where the plain fn
/// holds it too but the state can't; left as written, it drops at the next one, which is unobservable unless its
/// type has a `Drop` of its own.
fn may_borrow(e: &Expr) -> bool {
    struct Borrows(bool);
    impl<'ast> syn::visit::Visit<'ast> for Borrows {
        fn visit_expr(&mut self, e: &'ast Expr) {
            match e {
                Expr::Reference(_) | Expr::RawAddr(_) | Expr::Closure(_) | Expr::Async(_) => self.0 = true,
                Expr::MethodCall(m) => {
                    let method = m.method.to_string();
                    let method = method.as_str();
                    let mut receiver = strip_parens(&m.receiver);
                    while let Expr::Field(syn::ExprField { base, .. })
                    | Expr::Index(syn::ExprIndex { expr: base, .. }) = receiver
                    {
                        receiver = strip_parens(base);
                    }
                    self.0 |= matches!(receiver, Expr::Path(_))
                        || BORROWING_ITERATORS.contains(&method)
                        || ITERATOR_ADAPTERS.contains(&method)
                        || std_view(method).is_some();
                }
                _ => {}
            }
            syn::visit::visit_expr(self, e);
        }
    }
    let mut borrows = Borrows(false);
    syn::visit::Visit::visit_expr(&mut borrows, e);
    borrows.0
}

/// `let N = ..;` (or `let N: T = ..;`) with a capitalised name that `syntax::binds` would take for a constant's:
/// a binding, unless its value or its type is that same name (`let Marker = Marker;`, `let Marker: Marker =
/// make();`: a unit struct's pattern).
fn capitalised_binding(local: &syn::Local) -> bool {
    let (ident, typed_so) = match &local.pat {
        Pat::Ident(p) => (p, false),
        Pat::Type(t) => match &*t.pat {
            Pat::Ident(p) => {
                let named = matches!(&*t.ty, syn::Type::Path(ty) if ty.qself.is_none() && ty.path.is_ident(&p.ident));
                (p, named)
            }
            _ => return false,
        },
        _ => return false,
    };
    let value = local.init.as_ref().and_then(|init| match strip_parens(&init.expr) {
        Expr::Path(p) => p.path.get_ident(),
        _ => None,
    });
    let valued_so = value.is_some_and(|v| *v == ident.ident);
    // (Not the `let`s the transform writes for the arguments, from their hidden variables: an argument's pattern
    // stays as written, `Marker: Marker`.)
    let argument = value.is_some_and(|v| v.to_string().starts_with("__"));
    !crate::syntax::binds(ident) && !typed_so && !valued_so && !argument
}

/// [`extended_roots`] applies to this `let`. (Not to one under `#[cfg]`, which the macro can't evaluate: the
/// hidden local would be stored at the suspension points after it, also where the `let` is gone.)
fn extends_temporaries(local: &syn::Local) -> bool {
    let cfg = local.attrs.iter().any(|a| a.path().is_ident("cfg") || a.path().is_ident("cfg_attr"));
    let Some(init) =
        local.init.as_ref().filter(|init| init.diverge.is_none() && !matches!(local.pat, Pat::Type(_)) && !cfg)
    else {
        return false;
    };
    let mut value = (*init.expr).clone();
    extended_roots(&local.pat, &mut value).is_some()
}

/// The value at the root of a place (`make()` in `make().items[i]`): what a borrow of the place borrows, unless a
/// dereference on the way reaches through a reference (`make()` itself may return one, which only the types
/// say: a reference is plain, so hoisting it changes nothing).
fn extended_root(mut e: &Expr) -> &Expr {
    loop {
        e = match e {
            Expr::Paren(p) => &p.expr,
            Expr::Field(f) => &f.base,
            Expr::Index(i) => &i.expr,
            _ => return e,
        };
    }
}

/// [`extended_root`], to be replaced by the hidden local.
fn extended_root_mut(mut e: &mut Expr) -> &mut Expr {
    loop {
        e = match e {
            Expr::Paren(p) => &mut p.expr,
            Expr::Field(f) => &mut f.base,
            Expr::Index(i) => &mut i.expr,
            _ => return e,
        };
    }
}

/// The state field of a `for` loop's iterator: `for_` and the names its pattern binds, else its label.
fn loop_field_name(pat: &Pat, label: Option<&syn::Label>) -> String {
    let names: Vec<String> =
        crate::syntax::pattern_names(pat).iter().map(|n| n.trim_start_matches("r#").to_string()).collect();
    match (names.is_empty(), label) {
        (false, _) => format!("for_{}", names.join("_")),
        (true, Some(label)) => format!("for_{}", label.name.ident),
        (true, None) => "for_iter".to_string(),
    }
}

/// A binding of the user's that [`pin_wilds`] renamed: (its name, its `mut`, the hidden name the pattern binds).
type Renamed = (syn::Ident, Option<syn::Token![mut]>, syn::Ident);

/// `let x = __bound1;` for each binding [`pin_wilds`] renamed.
fn rebinds(renamed: &[Renamed]) -> Vec<SynStmt> {
    renamed.iter().map(|(user, mutability, hidden)| syn::parse_quote!(let #mutability #user = #hidden;)).collect()
}

/// `expr` has a macro call or a closure in it, where a name may not be a path [`rename_locals`] sees (macro tokens)
/// or may be a closure's own parameter.
fn has_macro_or_closure(expr: &Expr) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_macro(&mut self, _: &'ast syn::Macro) {
            self.0 = true;
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {
            self.0 = true;
        }
    }
    let mut finder = Finder(false);
    syn::visit::Visit::visit_expr(&mut finder, expr);
    finder.0
}

/// Replaces the mentions of the user's names in `expr` (a match guard) with the hidden names they are bound to.
fn rename_locals(expr: &mut Expr, renamed: &[Renamed]) {
    struct Renamer<'r>(&'r [Renamed]);
    impl syn::visit_mut::VisitMut for Renamer<'_> {
        fn visit_expr_path_mut(&mut self, p: &mut syn::ExprPath) {
            if p.qself.is_none()
                && let Some(ident) = p.path.get_ident()
                && let Some((_, _, hidden)) = self.0.iter().find(|(user, ..)| user == ident)
            {
                let mut hidden = hidden.clone();
                hidden.set_span(hidden.span().located_at(ident.span()));
                p.path = hidden.into();
            }
        }
    }
    syn::visit_mut::VisitMut::visit_expr_mut(&mut Renamer(renamed), expr);
}

/// Gives the `_` parts of a destructuring pattern names of their own, declared before the user's bindings.
///
/// Input: `(x, _, _)` — Output: `(__bound1, __wild2, __wild3)` and the renames for `let __wild3_held = __wild3;
/// let __wild2_held = __wild2; let x = __bound1;`, so that `x` (declared last) is dropped first, then the parts
/// `_` left in place in their order, as a plain fn's argument or `match` temporary drops what its pattern left.
/// `None` when there is no `_` or no binding, or the pattern binds by reference.
fn pin_wilds(pat: &Pat, counter: &mut usize) -> Option<(Pat, Vec<Renamed>)> {
    struct Pinner<'c> {
        counter: &'c mut usize,
        rebinds: Vec<Renamed>,
        wilds: Vec<syn::Ident>,
        by_ref: bool,
    }
    impl syn::visit_mut::VisitMut for Pinner<'_> {
        fn visit_pat_mut(&mut self, pat: &mut Pat) {
            if matches!(pat, Pat::Wild(_)) {
                *self.counter += 1;
                let name = syn::Ident::new(&format!("__wild{}", self.counter), Span::mixed_site());
                *pat = syn::parse_quote!(#name);
                self.wilds.push(name);
                return;
            }
            syn::visit_mut::visit_pat_mut(self, pat);
        }
        fn visit_pat_ident_mut(&mut self, p: &mut syn::PatIdent) {
            if !crate::syntax::binds(p) {
                return;
            }
            if p.by_ref.is_some() || p.subpat.is_some() {
                self.by_ref = true;
                return;
            }
            *self.counter += 1;
            let hidden = syn::Ident::new(&format!("__bound{}", self.counter), Span::mixed_site());
            let user = std::mem::replace(&mut p.ident, hidden.clone());
            let mutability = p.mutability.take();
            self.rebinds.push((user, mutability, hidden));
        }
        fn visit_field_pat_mut(&mut self, f: &mut syn::FieldPat) {
            // `Pair { x, y: _ }`: the shorthand names the field after the binding, which is renamed.
            if f.colon_token.is_none() {
                f.colon_token = Some(Token![:](f.member.span()));
            }
            syn::visit_mut::visit_field_pat_mut(self, f);
        }
        fn visit_expr_mut(&mut self, _: &mut Expr) {}
    }
    let mut pinned = pat.clone();
    let mut visitor = Pinner { counter, rebinds: Vec::new(), wilds: Vec::new(), by_ref: false };
    syn::visit_mut::VisitMut::visit_pat_mut(&mut visitor, &mut pinned);
    if visitor.wilds.is_empty() || visitor.rebinds.is_empty() || visitor.by_ref {
        return None;
    }
    // The parts are declared again last first, so that they drop in their order in the value (the pattern
    // declares them first to last), before which the user's bindings drop.
    let mut renamed: Vec<Renamed> = visitor
        .wilds
        .iter()
        .rev()
        .map(|wild| (syn::Ident::new(&format!("{wild}_held"), Span::mixed_site()), None, wild.clone()))
        .collect();
    renamed.extend(visitor.rebinds);
    Some((pinned, renamed))
}

/// Binds the whole value of a pattern that binds nothing, so that the arm holds the temporary it matched.
///
/// Input: `Err(_)` — Output: `__wild1 @ Err(_)`, which holds the error to the end of the arm, where the plain
/// fn's `match` temporary drops it, whole (its fields in their order; a type of the user's with `Drop` too).
/// `None` when the pattern binds something.
fn bind_whole(pat: &Pat, counter: &mut usize) -> Option<Pat> {
    if !crate::syntax::pattern_names(pat).is_empty() || crate::syntax::binds_by_ref(pat) {
        return None;
    }
    *counter += 1;
    let ident = syn::Ident::new(&format!("__wild{counter}"), Span::mixed_site());
    Some(match pat {
        Pat::Wild(_) => syn::parse_quote!(#ident),
        Pat::Or(_) => syn::parse_quote!(#ident @ (#pat)),
        _ => syn::parse_quote!(#ident @ #pat),
    })
}

/// `pat` binds `name` (a loop's pattern that shadows the sequence it goes over).
fn pattern_binds(pat: &Pat, name: &syn::Ident) -> bool {
    crate::syntax::pattern_names(pat).iter().any(|bound| name == bound)
}

/// `it.copied()` or `it.cloned()`: `it` and the adapter's name.
fn by_value_adapter(expr: &Expr) -> Option<(&Expr, &syn::Ident)> {
    match expr {
        Expr::MethodCall(m) if m.args.is_empty() && (m.method == "copied" || m.method == "cloned") => {
            Some((strip_parens(&m.receiver), &m.method))
        }
        _ => None,
    }
}

/// The argument of `skip(n)`, `take(n)`, `windows(k)` or `chunks(k)` in a loop by index, which reads it once at
/// the loop's start, where the plain loop's header evaluates it: [`temporary_free`] (a temporary of the header
/// would live until the loop's end).
fn count_argument(expr: &Expr) -> bool {
    temporary_free(expr)
}

/// A range (`a..b`, `a..=b`, `a..`) whose endpoints are [`temporary_free`]: a temporary would live until the end of
/// the `for` statement.
fn simple_range(expr: &Expr) -> bool {
    match strip_parens(expr) {
        Expr::Range(r) => r.start.as_deref().is_none_or(temporary_free) && r.end.as_deref().is_none_or(temporary_free),
        _ => false,
    }
}

/// An expression that creates no temporary with drop glue: literals, places of locals (a local, its fields, an
/// index), and arithmetic, casts and method calls on such places (`v.len()`, `i + 1`, `n as usize`).
fn temporary_free(expr: &Expr) -> bool {
    /// A local's name (lowercase, by Rust's naming rules): not a `const` or a unit struct, which would be a
    /// temporary.
    fn local(p: &syn::ExprPath) -> bool {
        p.qself.is_none()
            && p.path.get_ident().is_some_and(|i| i.to_string().starts_with(|c: char| c.is_lowercase() || c == '_'))
    }
    /// A place made of locals: no value is made here to be borrowed (`mk().v.len()` would drop its `mk()` after
    /// the loop; reviewed in session 8).
    fn place(e: &Expr) -> bool {
        match e {
            Expr::Path(p) => local(p),
            Expr::Paren(p) => place(&p.expr),
            Expr::Field(f) => place(&f.base),
            Expr::Index(i) => place(&i.expr) && temporary_free(&i.index),
            _ => false,
        }
    }
    match expr {
        Expr::Lit(_) => true,
        Expr::Path(_) | Expr::Field(_) | Expr::Index(_) => place(expr),
        Expr::Paren(p) => temporary_free(&p.expr),
        Expr::Unary(u) => !matches!(u.op, syn::UnOp::Deref(_)) && temporary_free(&u.expr),
        Expr::Binary(b) => temporary_free(&b.left) && temporary_free(&b.right),
        Expr::Cast(c) => temporary_free(&c.expr),
        Expr::MethodCall(m) => place(&m.receiver) && m.args.iter().all(temporary_free),
        _ => false,
    }
}

/// The body of a `for` loop has a suspension point.
fn loop_suspends(f: &syn::ExprForLoop) -> bool {
    find_yield(&Expr::Block(syn::ExprBlock { attrs: Vec::new(), label: None, block: f.body.clone() })).is_some()
}

/// `a && let P = e && b` → `[a, let P = e, b]`. Parenthesised `&&` is a plain boolean and stays whole.
fn flatten_and(expr: Expr, out: &mut Vec<Expr>) {
    match expr {
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) && contains_let(&b.left) | contains_let(&b.right) => {
            flatten_and(*b.left, out);
            flatten_and(*b.right, out);
        }
        other => out.push(other),
    }
}

/// Control never continues past this expression.
fn diverges(expr: &Expr) -> bool {
    let block_diverges = |b: &syn::Block| {
        b.stmts.iter().any(|s| match s {
            SynStmt::Expr(e, _) => diverges(e),
            SynStmt::Macro(m) => panicking_macro(&m.mac),
            _ => false,
        })
    };
    match expr {
        Expr::Return(_) | Expr::Break(_) | Expr::Continue(_) => true,
        Expr::Macro(m) => panicking_macro(&m.mac),
        Expr::Block(b) if b.label.is_none() => block_diverges(&b.block),
        // A labeled block nothing breaks out of, a loop nothing breaks (`'b: { return x; }`, `loop { .. }`): the
        // code after it is dead, which the analysis must know as rustc does (difftest seed 0x5eed73, program
        // 1140: a local moved by the `return` looked moved, not dead, at a later `yield_!`).
        Expr::Block(b) => block_diverges(&b.block) && !breaks_out(&b.block, b.label.as_ref(), false),
        Expr::Loop(l) => !breaks_out(&l.body, l.label.as_ref(), true),
        // Every branch leaves (`if c { return; } else { return; }`, difftest seed 0xff0c7, program 1400): a value
        // typed by such a branch would be typed from nothing.
        Expr::If(i) => block_diverges(&i.then_branch) && i.else_branch.as_ref().is_some_and(|(_, e)| diverges(e)),
        Expr::Match(m) => m.arms.iter().all(|a| diverges(&a.body)),
        Expr::Paren(p) => diverges(&p.expr),
        _ => false,
    }
}

/// A `break` or `continue` in the `if` that may leave a loop (or labeled block) around it: unlabeled and not
/// inside a loop of its own, or labeled.
fn jumps_out(i: &syn::ExprIf) -> bool {
    let mut finder = JumpFinder { leaves: &|label, _, depth| label.is_some() || depth == 0, depth: 0, found: false };
    syn::visit::Visit::visit_expr_if(&mut finder, i);
    finder.found
}

/// A `break` in `block` leaves the labeled block or loop that `block` is the body of (`label`; `is_loop`: an
/// unlabeled `break` at its level leaves it too).
fn breaks_out(block: &syn::Block, label: Option<&syn::Label>, is_loop: bool) -> bool {
    let leaves = |jump: Option<&syn::Lifetime>, is_break: bool, depth: usize| match (jump, label) {
        (Some(jump), Some(own)) => is_break && jump.ident == own.name.ident,
        (None, _) => is_break && is_loop && depth == 0,
        (Some(_), None) => false,
    };
    let mut finder = JumpFinder { leaves: &leaves, depth: 0, found: false };
    syn::visit::Visit::visit_block(&mut finder, block);
    finder.found
}

/// Looks for a `break` or `continue` that `leaves` says leaves the code searched, given its label, whether it is a
/// `break`, and how many loops of the searched code are around it. Not into closures, async blocks or items,
/// whose jumps are their own.
struct JumpFinder<'f> {
    leaves: &'f dyn Fn(Option<&syn::Lifetime>, bool, usize) -> bool,
    depth: usize,
    found: bool,
}

impl<'ast> syn::visit::Visit<'ast> for JumpFinder<'_> {
    fn visit_expr_break(&mut self, b: &'ast syn::ExprBreak) {
        self.found |= (self.leaves)(b.label.as_ref(), true, self.depth);
        syn::visit::visit_expr_break(self, b);
    }
    fn visit_expr_continue(&mut self, c: &'ast syn::ExprContinue) {
        self.found |= (self.leaves)(c.label.as_ref(), false, self.depth);
    }
    fn visit_expr_loop(&mut self, l: &'ast syn::ExprLoop) {
        self.depth += 1;
        syn::visit::visit_expr_loop(self, l);
        self.depth -= 1;
    }
    fn visit_expr_while(&mut self, w: &'ast syn::ExprWhile) {
        self.depth += 1;
        syn::visit::visit_expr_while(self, w);
        self.depth -= 1;
    }
    fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
        self.depth += 1;
        syn::visit::visit_expr_for_loop(self, f);
        self.depth -= 1;
    }
    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
    fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// What a value of a type without drop glue is: plain when it is also `Copy`, [`Value::MutRef`] when it holds a
/// `&mut` (which a use by value moves). `None` for a type that may have drop glue.
fn no_drop_value(ty: &syn::Type) -> Option<Value> {
    // `Option<&mut T>`: a `&mut` that may be missing (`cur = node.next.as_deref_mut()`).
    if let Some(inner) = option_of(ty)
        && matches!(inner, syn::Type::Reference(r) if r.mutability.is_some())
    {
        return Some(Value::MutRef);
    }
    match (no_drop_type(ty), has_mut_reference(ty)) {
        (false, _) => None,
        (true, false) => Some(Value::Plain),
        (true, true) => Some(Value::MutRef),
    }
}

/// The type holds a `&mut` (a use by value moves it).
fn has_mut_reference(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Reference(r) => r.mutability.is_some(),
        syn::Type::Paren(p) => has_mut_reference(&p.elem),
        syn::Type::Group(g) => has_mut_reference(&g.elem),
        syn::Type::Tuple(t) => t.elems.iter().any(has_mut_reference),
        syn::Type::Array(a) => has_mut_reference(&a.elem),
        _ => false,
    }
}

/// For `for pat in iter` where `iter` is a `&mut` iterator of a sequence (`v.iter_mut()`, `m.values_mut()`,
/// `v.chunks_mut(n)`, through adapters that keep the items, and one `enumerate()` with an `(i, item)` pattern):
/// the identifier `pat` binds an item, a `&mut`, to. (Trusted on any receiver, as std names them.)
fn mut_ref_items<'a>(iter: &Expr, pat: &'a Pat) -> Option<&'a syn::Ident> {
    let mut expr = strip_parens(iter);
    let mut enumerated = false;
    loop {
        let Expr::MethodCall(m) = expr else { return None };
        let method = m.method.to_string();
        if ITEM_KEEPERS.contains(&method.as_str()) || (method == "enumerate" && !enumerated) {
            enumerated |= method == "enumerate";
            expr = strip_parens(&m.receiver);
            continue;
        }
        if !matches!(method.as_str(), "iter_mut" | "values_mut" | "chunks_mut" | "chunks_exact_mut" | "rchunks_mut") {
            return None;
        }
        break;
    }
    let item = match (pat, enumerated) {
        (Pat::Ident(p), false) => p,
        (Pat::Tuple(t), true) if t.elems.len() == 2 => match &t.elems[1] {
            Pat::Ident(p) => p,
            _ => return None,
        },
        _ => return None,
    };
    (item.subpat.is_none() && item.by_ref.is_none()).then_some(&item.ident)
}

/// For `for (i, x) in iter` where `iter` is `.enumerate()` (followed by adapters that keep its items, like
/// `.rev()` or `.skip(1)`): the identifier `i` binds the index to.
fn enumerate_index<'a>(iter: &Expr, pat: &'a Pat) -> Option<&'a syn::Ident> {
    let mut expr = strip_parens(iter);
    while let Expr::MethodCall(m) = expr
        && ITEM_KEEPERS.contains(&m.method.to_string().as_str())
    {
        expr = strip_parens(&m.receiver);
    }
    let Expr::MethodCall(m) = expr else { return None };
    if m.method != "enumerate" {
        return None;
    }
    let Pat::Tuple(t) = pat else { return None };
    match t.elems.first() {
        Some(Pat::Ident(p)) if p.subpat.is_none() => Some(&p.ident),
        _ => None,
    }
}

/// For `for pat in iter`, where `iter` yields the items of a sequence local by value (`v`, `v.clone()`,
/// `v.into_iter()`, `v.drain(..)`, through adapters that keep the items, and one `enumerate()` with a `(i, item)`
/// pattern): that local's path and the identifier `pat` binds an item to.
fn items_source<'a>(iter: &'a Expr, pat: &'a Pat) -> Option<(&'a syn::ExprPath, &'a syn::Ident)> {
    let mut expr = strip_parens(iter);
    let mut enumerated = false;
    loop {
        match expr {
            Expr::MethodCall(m) if ITEM_KEEPERS.contains(&m.method.to_string().as_str()) => expr = &m.receiver,
            Expr::MethodCall(m) if m.method == "enumerate" && !enumerated => {
                enumerated = true;
                expr = &m.receiver;
            }
            Expr::MethodCall(m) if m.method == "into_iter" || m.method == "drain" => {
                expr = &m.receiver;
                break;
            }
            _ => break,
        }
        expr = strip_parens(expr);
    }
    // A clone's items are the sequence's (`for row in grid.clone()`).
    if let Expr::MethodCall(m) = strip_parens(expr)
        && m.method == "clone"
        && m.args.is_empty()
    {
        expr = &m.receiver;
    }
    let Expr::Path(path) = strip_parens(expr) else { return None };
    let item = match pat {
        Pat::Tuple(t) if enumerated && t.elems.len() == 2 => &t.elems[1],
        _ if enumerated => return None,
        other => other,
    };
    match item {
        Pat::Ident(p) if p.subpat.is_none() && p.by_ref.is_none() => Some((path, &p.ident)),
        _ => None,
    }
}

/// What a sequence type's items are known to be: `Vec<String>`, `[Vec<u8>; 4]` own theirs
/// ([`Value::OwnedItems`]); `Vec<&T>`, `VecDeque<(u8, char)>` are plain ([`Value::PlainItems`]), and `[u64; 4]`
/// is also without drop glue ([`Value::PlainArray`]); `Vec<&mut Node>`'s are `&mut`s ([`Value::MutRefItems`]).
fn items_value(ty: &syn::Type) -> Option<Value> {
    let item = match ty {
        syn::Type::Array(a) => &*a.elem,
        syn::Type::Paren(p) => return items_value(&p.elem),
        syn::Type::Group(g) => return items_value(&g.elem),
        syn::Type::Path(p) if p.qself.is_none() => {
            let s = p.path.segments.last()?;
            if !matches!(s.ident.to_string().as_str(), "Vec" | "VecDeque" | "BinaryHeap") {
                return None;
            }
            let syn::PathArguments::AngleBracketed(args) = &s.arguments else { return None };
            args.args.iter().find_map(|a| match a {
                syn::GenericArgument::Type(t) => Some(t),
                _ => None,
            })?
        }
        _ => return None,
    };
    if no_drop_type(item) {
        // An array of `&mut`s has no drop glue either, but isn't `Copy`: only a sequence of plain items.
        Some(if has_mut_reference(item) {
            Value::MutRefItems
        } else if matches!(ty, syn::Type::Array(_)) {
            Value::PlainArray
        } else {
            Value::PlainItems
        })
    } else if owned_type(item) {
        Some(Value::OwnedItems)
    } else {
        None
    }
}

/// An initializer whose value is an iterator, by the method that made it: one that only iterators, or things that
/// are iterated, have (`into_iter`, `chars`, `peekable`, `skip(n)`…; not `map` or `filter`, which `Option` has too).
fn makes_an_iterator(expr: &Expr) -> bool {
    let Expr::MethodCall(m) = strip_parens(expr) else { return false };
    match m.method.to_string().as_str() {
        "into_iter"
        | "iter"
        | "iter_mut"
        | "chars"
        | "bytes"
        | "char_indices"
        | "lines"
        | "split_whitespace"
        | "split_ascii_whitespace"
        | "drain"
        | "peekable"
        | "enumerate"
        | "step_by"
        | "skip_while"
        | "take_while"
        | "map_while"
        | "rev"
        | "chain"
        | "cycle"
        | "fuse"
        | "scan"
        | "flat_map"
        | "filter_map"
        | "windows"
        | "chunks" => true,
        "skip" => m.args.len() == 1,
        _ => false,
    }
}

/// An initializer that builds an owned value, syntactically (`vec![..]`, `String::from(..)`, `Vec::new()`,
/// `.to_vec()`, `.collect()`, `format!(..)`, an array literal; a `Box`, `Rc`, `Arc`, `RefCell`, `Mutex` or
/// `RwLock` made by `new`, or an `Rc::clone(..)`: a borrow through one, `rc.borrow_mut()`, borrows the local).
fn owned_expr(expr: &Expr) -> bool {
    match expr {
        Expr::Array(_) | Expr::Repeat(_) => true,
        Expr::Paren(p) => owned_expr(&p.expr),
        Expr::Macro(m) => m.mac.path.segments.last().is_some_and(|s| s.ident == "vec" || s.ident == "format"),
        Expr::MethodCall(m) => {
            matches!(
                m.method.to_string().as_str(),
                "to_vec"
                    | "to_string"
                    | "to_owned"
                    | "collect"
                    | "into_bytes"
                    | "to_lowercase"
                    | "to_uppercase"
                    | "to_ascii_lowercase"
                    | "to_ascii_uppercase"
                    | "repeat"
                    | "replace"
                    | "replacen"
            ) || (m.method == "join" && m.args.len() == 1)
        }
        Expr::Call(c) => match &*c.func {
            Expr::Path(p) => {
                let segments: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
                matches!(
                    segments.iter().map(String::as_str).collect::<Vec<_>>()[..],
                    [
                        ..,
                        "Vec" | "String" | "VecDeque" | "HashMap" | "BTreeMap" | "HashSet" | "BTreeSet",
                        "new" | "from" | "with_capacity" | "from_iter"
                    ] | [.., "Box" | "Rc" | "Arc" | "RefCell" | "Mutex" | "RwLock", "new"]
                        | [.., "Rc" | "Arc", "clone"]
                )
            }
            _ => false,
        },
        _ => false,
    }
}

/// An initializer whose value has no drop glue, syntactically: literals, references, and tuples of them.
fn no_drop_expr(expr: &Expr) -> bool {
    match expr {
        Expr::Lit(_) | Expr::Reference(_) => true,
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => no_drop_expr(&u.expr),
        Expr::Cast(c) => no_drop_type(&c.ty),
        Expr::Call(c) => plain_primitive_call(c),
        Expr::Tuple(t) => t.elems.iter().all(no_drop_expr),
        Expr::Array(a) => a.elems.iter().all(no_drop_expr),
        Expr::Repeat(r) => no_drop_expr(&r.expr),
        Expr::Paren(p) => no_drop_expr(&p.expr),
        _ => false,
    }
}

/// A leaf that is an array literal with a `&mut` borrow among its items.
fn borrows_mutably(node: &Node) -> bool {
    let Node::Leaf(leaf) = node else { return false };
    match strip_parens(&leaf.expr) {
        Expr::Array(a) => {
            a.elems.iter().any(|e| matches!(strip_parens(e), Expr::Reference(r) if r.mutability.is_some()))
        }
        _ => false,
    }
}

/// The span of an expression's first token.
fn first_span(expr: &Expr) -> Span {
    expr.to_token_stream().into_iter().next().map_or_else(Span::call_site, |t| t.span())
}

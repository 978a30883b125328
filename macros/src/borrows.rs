//! Phase 4, after the analysis: borrows of the coroutine's own locals that would have to survive a suspension.
//!
//! The state is moved around freely (it is `Unpin` and never relies on its address), so a reference into it
//! can't be held across a `yield_!` — rustc rejects the same code in movable coroutines (E0626). rustc would
//! report it here too, but in terms of the generated code; this pass catches the shapes that can be seen
//! syntactically and explains them in the user's terms:
//! - a `for` loop (or a `yield_from!`) with a suspension point that iterates over a borrow of a local (`for x in
//!   &v`, `v.iter()`, `line.split(',')`), or whose iterator holds a closure that captures a local owning its value
//!   by reference (`.filter(|x| names.contains(x))`);
//! - a closure bound by `let` without `move`, still in use at a suspension point, that names a local owning its
//!   value or a number;
//! - a `let` that binds a borrow of a local (`let r = &v;`), or an iterator, reference or guard into a local
//!   known to own its value (`let it = v.iter();` with `let v = vec![..];`, `let g = cell.borrow_mut();` with
//!   `cell: Rc<RefCell<T>>`), which is still held at a suspension point;
//! - a `let` that borrows a temporary it extends to the end of the block (`let r = &make();`, which lowering
//!   made a hidden local), and a `ref` binding (into a temporary, a `for` loop's item, or a local), still in use
//!   at a suspension point.
//!
//! - a yielded value that borrows a local (`yield_!(&s)`, `yield_!(v.first())`), which the caller may hold
//!   after the coroutine moved or finished.
//!
//! And, in a `+ Clone` coroutine, a `&mut` held across a suspension point ([`check_clone`]).
//!
//! A held borrow (a loop's iterator, a `let`'s value) of a local of a type the macro doesn't know is left to rustc,
//! which the emitter asks whether that local is a reference ([`receivers_to_check`]): a bound that explains itself.

use proc_macro2::Span;
use quote::ToTokens;
use syn::Expr;
use syn::spanned::Spanned;

use crate::analysis::Analysis;
use crate::conventions::{
    ALSO_CONSUMING, BORROWING_ITERATORS, ENTRY_VIEWS, GUARD_METHODS, ITERATOR_ADAPTERS, On, Returns, STR_ITERATORS,
    std_view,
};
use crate::errors::Errors;
use crate::ir::{Binding, Block, Body, Cond, Leaf, Let, LocalId, LoopId, Node, Stmt, Value};
use crate::names::Hidden;
use crate::syntax::{
    closure_captures, closure_changes, closure_mentions, is_place_expression, pattern_names, ref_bindings,
    str_or_char_literal, strip_parens, unpromoted,
};

/// What a pattern's bindings bind into.
#[derive(Clone, Copy)]
enum Source<'a> {
    /// The value of this expression: a place (a local or part of one) or an rvalue.
    Of(&'a Leaf),
    /// A value no expression names (a `for` loop's item, the value of a `let` whose initializer suspends).
    Temporary,
}

/// What holds an iterator across its suspension points.
#[derive(Clone, Copy)]
enum Holder {
    /// A `for` loop with a `yield_!` in its body.
    Loop,
    /// `yield_from!(iter)`.
    Delegation,
}

/// What a method that borrows its receiver returns.
enum Borrow {
    /// Made by this method (`chars`, `iter`), which decides how to make its items owned.
    Iterator(String),
    Getter,
    /// A guard (`cell.borrow_mut()`, `mutex.lock().unwrap()`), which has a `Drop` of its own.
    Guard,
}

const STATE_MOVES: &str = "a coroutine's locals live in its state, which moves when the coroutine moves, so a \
                           reference into it can't survive a suspension";

/// A `+ Clone` coroutine clones everything it holds at a suspension point, and a `&mut` can't be cloned: a local
/// known to be one (a `&mut T` argument, `let r = &mut x;`) held across a `yield_!` is reported at its
/// declaration, where rustc would report the unmet `Clone` bound through the generated state type.
pub fn check_clone(body: &Body, an: &Analysis, errors: &mut Errors) {
    for (l, local) in body.locals.iter().enumerate() {
        if local.value == Value::MutRef && an.held(l, false) {
            let name = &local.written;
            errors.error(
                local.ident.span(),
                format!(
                    "`{name}` is a `&mut` held across a `yield_!`, and a `+ Clone` coroutine clones what it holds\n\
                     note: a `&mut` reference can't be cloned\n\
                     help: take the reference again after the `yield_!` instead of holding it, or remove `+ Clone`"
                ),
            );
        }
    }
}

/// The borrows of locals of a type the macro doesn't know that a suspension point holds: the iterator of a `for`
/// loop that the state stores (`for w in text.split(' ')` with `let text = load();`), and a `let`'s value still
/// in use at a suspension point (`let t = s.trim();` with `s` from a fn of one's own). Each borrows the state
/// unless the local is a reference: the emitter asks rustc, with a bound that is met by references only and
/// explains itself otherwise (`stackless::state::borrowed_through_reference`), instead of leaving rustc to report
/// the borrow against the generated code.
#[derive(Default)]
pub struct ReceiverChecks {
    /// Per `for` loop: the local its iterator borrows, and its token there.
    pub loops: std::collections::HashMap<LoopId, (LocalId, syn::Ident)>,
    /// Per `let` (by its ordinal): the local its value borrows, and its token there.
    pub lets: std::collections::HashMap<usize, (LocalId, syn::Ident)>,
    /// The loops by index over a field of a `&mut` argument (`self.items`) whose item is still in use at a
    /// suspension point: only a field that is a shared reference (`&'a [T]`) has items that outlive the borrow of
    /// the field, which rustc checks with a bound that explains itself (`stackless::by_index::held_field`).
    pub held_fields: std::collections::HashSet<LoopId>,
}

pub fn receivers_to_check(body: &Body, an: &Analysis) -> ReceiverChecks {
    let mut out = ReceiverChecks::default();
    crate::ir::walk_block(
        &body.root,
        &mut |node| {
            if let Node::For { id, iter, it, .. } = node
                && an.held(*it, false)
                && let Some(found) = borrowed_unknown_receiver(body, iter, false)
            {
                out.loops.insert(*id, found);
            }
            if let Node::While { id, cond, body: loop_body, .. } = node
                && body.loops[*id].by_index
                && let [Cond::Let { binding, scrut }] = &cond[..]
                && over_a_field(&scrut.expr)
                && !dereferences(&binding.pat)
                && (held_item(body, an, binding, loop_body).is_some() || yields_its_item(body, binding, loop_body))
            {
                out.held_fields.insert(*id);
            }
        },
        &mut |l| {
            if let Some(Node::Leaf(init)) = &l.init
                && l.binding.locals.iter().any(|&b| an.held(b, true))
                && let Some(found) = borrowed_unknown_receiver(body, init, true)
            {
                out.lets.insert(l.ordinal, found);
            }
        },
    );
    out
}

/// Whether `loop_body` yields the loop's item itself (`yield_!(j)`, `yield_!(&j.name)`'s `j`… only as the
/// whole value: `yield_!(*x)`, `yield_!(j.id)` are copies), which must then outlive the step.
fn yields_its_item(body: &Body, binding: &Binding, loop_body: &Block) -> bool {
    let mut found = false;
    crate::ir::walk_block(
        loop_body,
        &mut |node| {
            if let Node::Yield(j) = node
                && let Some(value) = &body.yields[*j].value
                && matches!(strip_parens(&value.expr), Expr::Path(_))
            {
                found |= value.uses.iter().any(|u| binding.locals.contains(&u.local));
            }
        },
        &mut |_| {},
    );
    found
}

/// A loop by index's `item(by_index::field(..), i)` or `window(&(by_index::field(..))[..], i, k)` (see `lower`'s
/// `by_index`): over a field.
fn over_a_field(get: &Expr) -> bool {
    let Some(get) = crate::syntax::loop_item_call(get) else { return false };
    let Some(mut sequence) = get.args.first().map(strip_parens) else { return false };
    while let Expr::Reference(syn::ExprReference { expr, .. }) | Expr::Index(syn::ExprIndex { expr, .. }) = sequence {
        sequence = strip_parens(expr);
    }
    matches!(sequence, Expr::Call(c) if matches!(&*c.func, Expr::Path(f)
        if f.path.segments.last().is_some_and(|s| s.ident == "field" || s.ident == "field_mut")))
}

/// Whether one of `locals` is stored at a suspension point (`Some(true)`) or only at a join point (`Some(false)`).
fn held_at(body: &Body, an: &Analysis, locals: &[LocalId]) -> Option<bool> {
    let held_at = |join: bool| {
        locals.iter().any(|b| an.stored.iter().zip(&body.yields).any(|(s, y)| y.join == join && s.contains(b)))
    };
    if held_at(false) {
        Some(true)
    } else if held_at(true) {
        Some(false)
    } else {
        None
    }
}

/// Of a loop by index, binding its item with `binding`: the item, or what `loop_body` makes of it that still
/// borrows it, held at a suspension point. The item counts where it is held at all (it has no drop glue: only
/// where it is live), what is made of it where it is live (a dead one of a `Copy` type is held as `Dead`, which
/// borrows nothing).
fn held_item(body: &Body, an: &Analysis, binding: &Binding, loop_body: &Block) -> Option<LocalId> {
    let mut made = binding.locals.clone();
    made_of(loop_body, &mut made);
    let live = |l: LocalId| {
        an.stored
            .iter()
            .zip(&an.dead)
            .zip(&body.yields)
            .any(|((stored, dead), point)| !point.join && stored.contains(&l) && !dead.contains(l))
    };
    made.into_iter()
        .find(|&l| if binding.locals.contains(&l) { held_at(body, an, &[l]) == Some(true) } else { live(l) })
}

/// The local of a type the macro doesn't know that `leaf`'s value borrows through a borrowing iterator or a std
/// view of it (`text.split(' ')`, `s.chars().rev()`; with `references`, also `s.trim()`), and its token there.
/// Not `lines` and `bytes` (`BufRead::lines(self)`, `Read::bytes(self)` own a reader), nor a `split` without a
/// `str` or `char` pattern (`BufRead::split(self, b'\n')`): those may own their receiver.
fn borrowed_unknown_receiver(body: &Body, leaf: &Leaf, references: bool) -> Option<(LocalId, syn::Ident)> {
    let mut expr = strip_parens(&leaf.expr);
    while let Expr::MethodCall(m) = expr
        && ITERATOR_ADAPTERS.contains(&m.method.to_string().as_str())
    {
        expr = strip_parens(&m.receiver);
    }
    let Expr::MethodCall(m) = expr else { return None };
    let method = m.method.to_string();
    let literal_pattern = m.args.first().is_some_and(str_or_char_literal);
    let borrowing = !ALSO_CONSUMING.contains(&method.as_str())
        && (BORROWING_ITERATORS.contains(&method.as_str())
            || match std_view(&method) {
                Some((Returns::Iter, On::LiteralPattern)) => literal_pattern,
                Some((Returns::Ref, On::LiteralPattern)) => references && literal_pattern,
                Some((Returns::Iter, On::Any)) => true,
                Some((Returns::Ref, On::Any)) => references,
                _ => false,
            });
    let Expr::Path(p) = strip_parens(&m.receiver) else { return None };
    let ident = p.path.get_ident()?;
    if !borrowing || ident == "self" {
        return None;
    }
    let &(_, local) = leaf.env.iter().rev().find(|(name, _)| ident == name)?;
    let info = &body.locals[local];
    (info.value == Value::Unknown && !info.reads_through_deref).then(|| (local, ident.clone()))
}

pub fn check(body: &Body, an: &Analysis, errors: &mut Errors) {
    let mut checker = Checker {
        body,
        an,
        errors,
        bound_to: std::collections::HashMap::new(),
        collected: std::collections::HashMap::new(),
    };
    checker.block(&body.root);
    checker.yielded_borrows();
}

struct Checker<'a> {
    body: &'a Body,
    an: &'a Analysis,
    errors: &'a mut Errors,
    /// The initializers of the `let`s seen so far that bind one local (`let it = v.iter();`), by local: a `for`
    /// loop over that local iterates over what its initializer borrows.
    bound_to: std::collections::HashMap<LocalId, &'a Leaf>,
    /// Of those, the ones that collect references (`let parts: Vec<&str> = line.split(',').collect();`): the
    /// iterator collected, whose items borrow what it borrows.
    collected: std::collections::HashMap<LocalId, &'a Expr>,
}

impl<'a> Checker<'a> {
    fn block(&mut self, block: &'a Block) {
        for stmt in &block.stmts {
            match stmt {
                Stmt::Let(l) => {
                    // (Not a `let mut`, which may be assigned another iterator before the loop; a hidden local is
                    // never assigned.)
                    if let (Some(Node::Leaf(init)), [local]) = (&l.init, &l.binding.locals[..])
                        && (!self.body.locals[*local].mutable || self.body.locals[*local].hidden.is_some())
                    {
                        self.bound_to.insert(*local, init);
                        if let Some(iterator) = collected_references(&init.expr, &[&l.binding]) {
                            self.collected.insert(*local, iterator);
                        }
                    }
                    if let (Some(Node::Leaf(init)), Some(operand)) = (&l.init, &l.delegated) {
                        self.iterator_borrow(init, operand, Holder::Delegation);
                        self.delegate_reborrow(&l.binding.locals, init, operand, false);
                    } else if let Some(Node::Leaf(init)) = &l.init
                        && let Expr::Closure(_) = strip_parens(&init.expr)
                    {
                        self.closure_held(l, init);
                    } else if let Some(Node::Leaf(init)) = &l.init {
                        self.closure_held(l, init);
                        if let Some(owner) = self.extended_temporary_borrowed(init)
                            && self.held_at(&l.binding.locals).is_some()
                        {
                            self.extended_temporary_held(l, owner);
                        } else {
                            self.held_borrow(init, &[&l.binding]);
                        }
                    } else if let Some(Node::Block { id: None, block, .. }) = &l.init
                        && let Some(Stmt::Expr(Node::Leaf(value), None)) = block.stmts.last()
                    {
                        // An initializer that suspends (`let r = &v[yield_!(..)];`): the value it ends with.
                        self.held_borrow(value, &[&l.binding]);
                    }
                    let source = match &l.init {
                        Some(Node::Leaf(init)) => Source::Of(init),
                        _ => Source::Temporary,
                    };
                    self.ref_bindings(&l.binding, source);
                    if let Some(init) = &l.init {
                        self.node(init);
                    }
                }
                Stmt::Expr(node, _) => self.node(node),
            }
        }
    }

    fn node(&mut self, node: &'a Node) {
        match node {
            Node::Leaf(_) | Node::Yield(_) => {}
            Node::Block { block, .. } | Node::Loop { body: block, .. } => self.block(block),
            Node::If { cond, then, els, .. } => {
                self.cond_bindings(cond);
                self.block(then);
                if let Some(e) = els {
                    self.node(e);
                }
            }
            Node::Match { scrut, arms } => {
                let bindings: Vec<&Binding> = arms.iter().map(|arm| &arm.binding).collect();
                self.held_borrow(scrut, &bindings);
                // `e.await`, as `stream` rewrites it: `match awaited(e) { mut awaiting => .. }`.
                if let Expr::Call(c) = strip_parens(&scrut.expr)
                    && let Expr::Path(f) = &*c.func
                    && f.path.segments.iter().any(|s| s.ident == "async_gen")
                    && f.path.segments.last().is_some_and(|s| s.ident == "awaited")
                    && let [future] = &c.args.iter().collect::<Vec<_>>()[..]
                {
                    let held: Vec<LocalId> = bindings.iter().flat_map(|b| b.locals.iter().copied()).collect();
                    self.delegate_reborrow(&held, scrut, future, true);
                    // `let f = pin!(fut); f.await`.
                    if let Some(local) = Self::local_of(scrut, strip_parens(future))
                        && let Some(init) = self.bound_to.get(&local).copied()
                    {
                        self.pinned_to_the_frame(init);
                    }
                }
                for arm in arms {
                    self.ref_bindings(&arm.binding, Source::Of(scrut));
                    self.node(&arm.body);
                }
            }
            Node::While { id, cond, body, .. } if self.body.loops[*id].by_index => {
                self.item_by_index(cond, body);
                self.block(body);
            }
            Node::While { cond, body, .. } => {
                self.cond_bindings(cond);
                self.block(body);
            }
            Node::For { iter, body, binding, it, .. } => {
                // Each item is a temporary of its iteration.
                self.ref_bindings(binding, Source::Temporary);
                // An iterator that no suspension point stores (dead at each, without drop glue: `yield_!(i);
                // break;`) borrows nothing across one.
                if !self.an.held(*it, false) {
                    self.block(body);
                    return;
                }
                // `let it = v.iter(); for x in it`: the loop iterates over what `it`'s initializer borrows.
                let iterated = Self::local_of(iter, strip_parens(&iter.expr));
                let (iter, header) =
                    match iterated.and_then(|l| Some((*self.bound_to.get(&l)?, self.collected.get(&l)))) {
                        Some((init, Some(&collected))) => (init, collected),
                        Some((init, None)) => (init, &init.expr),
                        None => (iter, &iter.expr),
                    };
                self.iterator_borrow(iter, header, Holder::Loop);
                self.block(body);
            }
            Node::Assign { value, .. } => self.node(value),
        }
    }

    /// A yielded value that borrows one of the coroutine's own locals (`yield_!(&s)`, `yield_!(v.first())`, with
    /// `s` and `v` owning their values): the caller may hold it while the coroutine moves or finishes. rustc
    /// reports it in terms of the generated code, and as a move of the local by the `yield_!`.
    fn yielded_borrows(&mut self) {
        for point in self.body.yields.iter().filter(|y| !y.join) {
            let Some(value) = &point.value else { continue };
            let expr = strip_parens(&value.expr);
            let borrowed = self
                .borrowed_local(value, expr, false)
                .or_else(|| self.borrow_of_owned_local(value, expr).map(|(borrowed, _)| borrowed));
            if let Some((local, span)) = borrowed {
                let name = &self.body.locals[local].written;
                self.errors.error(
                    span,
                    format!(
                        "`yield_!` hands out a borrow of `{name}`, a local of this coroutine\n\
                         note: the coroutine's locals live in its state, which moves with it and drops them when it \
                         finishes, while the caller may still hold what it yielded\n\
                         help: yield an owned value (`{name}.clone()`), or a borrow of what an argument points to"
                    ),
                );
            }
        }
    }

    /// A `yield_from!` whose delegate, or an `.await` whose future, reborrows a `&mut` local (`fill(&mut *buf)`,
    /// `fill(buf)`, `Box::pin(self.load(i))`) that the state holds at the suspension point too (it is used after
    /// it): the delegate borrows through that `&mut` while the state holds it. `held`: the locals that hold the
    /// delegate or future there.
    fn delegate_reborrow(&mut self, held: &[LocalId], init: &Leaf, operand: &Expr, awaited: bool) {
        /// What the delegate may keep a reborrow of: the outermost call's arguments and receiver that are a
        /// local (`buf`), or a borrow of one or of its parts (`&mut *buf`, `&mut buf[1..]`).
        fn passed(arg: &Expr) -> Option<&syn::Ident> {
            let mut e = strip_parens(arg);
            loop {
                match e {
                    Expr::Reference(syn::ExprReference { expr, .. })
                    | Expr::Unary(syn::ExprUnary { expr, op: syn::UnOp::Deref(_), .. })
                    | Expr::Index(syn::ExprIndex { expr, .. })
                    | Expr::Field(syn::ExprField { base: expr, .. }) => e = strip_parens(expr),
                    Expr::Path(p) => return p.path.get_ident(),
                    _ => return None,
                }
            }
        }
        // (`Box::pin(f(..))`, `Box::new(..)`: the call inside is the delegate.)
        let mut operand = strip_parens(operand);
        while let Expr::Call(c) = operand
            && let Expr::Path(f) = &*c.func
            && let [.., ty, method] = &f.path.segments.iter().map(|s| s.ident.to_string()).collect::<Vec<_>>()[..]
            && ty == "Box"
            && (method == "pin" || method == "new")
            && c.args.len() == 1
        {
            operand = strip_parens(&c.args[0]);
        }
        let mentioned: Vec<&syn::Ident> = match operand {
            Expr::Call(c) => c.args.iter().filter_map(passed).collect(),
            Expr::MethodCall(m) => std::iter::once(&*m.receiver).chain(&m.args).filter_map(passed).collect(),
            _ => Vec::new(),
        };
        let held_with_the_delegate = |x: LocalId| {
            self.an.stored.iter().any(|stored| stored.contains(&x) && held.iter().any(|d| stored.contains(d)))
        };
        let found = mentioned.into_iter().find_map(|ident| {
            let name = if ident == "self" { "__self".to_string() } else { ident.to_string() };
            let &(_, x) = init.env.iter().rev().find(|(n, _)| *n == name)?;
            (self.body.locals[x].value == Value::MutRef && held_with_the_delegate(x)).then_some((ident, x))
        });
        let Some((ident, x)) = found else { return };
        let name = &self.body.locals[x].written;
        let message = if awaited {
            format!(
                "the future this `.await` waits for reborrows `{name}`, a `&mut` the coroutine uses again after it\n\
                 note: the future borrows through `{name}` while the coroutine's state holds `{name}` too, which a \
                 state that moves can't express\n\
                 help: give the future what it needs by value (an `async move` block over what it reads), or don't \
                 use `{name}` after this `.await`"
            )
        } else {
            format!(
                "this `yield_from!` reborrows `{name}`, a `&mut` the coroutine uses again after it\n\
                 note: the delegate borrows through `{name}` while the coroutine's state holds `{name}` too, which a \
                 state that moves can't express\n\
                 help: write the delegated coroutine's body here instead of the `yield_from!`"
            )
        };
        self.errors.error(ident.span(), message);
    }

    /// A loop's iterator (`loop_`) or a delegate borrowing a temporary of its header that the transform holds in a
    /// hidden local (`self.queue.borrow()` in `for x in self.queue.borrow().iter()`): the error names the
    /// temporary as written, not the hidden local.
    /// `method`: what the header calls on the temporary (`chars` in `n.to_string().chars()`), which decides how to
    /// make the items owned.
    fn temporary_borrow(&mut self, owner: LocalId, span: Span, loop_: bool, method: &str) {
        let (mut written, mut span) = (None, span);
        crate::ir::walk_block(&self.body.root, &mut |_| {}, &mut |l| {
            if l.binding.locals.contains(&owner)
                && let Some(Node::Leaf(init)) = &l.init
            {
                written = Some(crate::syntax::stringified(init.expr.to_token_stream()));
                // At the user's own tokens: the hidden local's span is the transform's, which rustc shows "in this
                // attribute macro expansion".
                span = init.expr.span();
            }
        });
        let temporary = written.map_or_else(|| String::from("a temporary"), |w| format!("`{w}`"));
        let (what, over) = if loop_ {
            ("this loop borrows", "iterate over it by value (`for x in items`)")
        } else {
            ("this `yield_from!` borrows", "delegate to `items`")
        };
        // The items made owned in the header itself, where the method's items are `Copy` or `&str`s: the
        // temporary is then only read while the header runs. (A copy of the temporary bound first would be a local
        // the loop borrows in turn.)
        let collected = match written_owned_items(method) {
            Some(call) if temporary.starts_with('`') => {
                let copies = format!("{}.{call}", &temporary[1..temporary.len() - 1]);
                Some(if loop_ { format!("`for x in {copies}`") } else { format!("`yield_from!({copies})`") })
            }
            _ => None,
        };
        let help = match collected {
            Some(collected) => format!("collect the items in the header: {collected}"),
            None => {
                format!("bind an owned copy of what the loop needs first ({}), then {over}", written_copy(&temporary))
            }
        };
        self.errors.error(
            span,
            format!(
                "{what} a temporary, {temporary}, which the coroutine would hold while it suspends at a `yield_!`\n\
                 note: {STATE_MOVES}\n\
                 help: {help}"
            ),
        );
    }

    /// What `holder` iterates over, `header` (in `leaf`), held across its suspension point: an error at a borrow
    /// of one of the coroutine's own locals in it (`v.iter()`, `&v`, through adapters), or at a local a closure in
    /// it captures by reference.
    fn iterator_borrow(&mut self, leaf: &Leaf, header: &Expr, holder: Holder) {
        // `text.lines().enumerate()` borrows what `text.lines()` borrows; `.zip(ys.iter())` and `.chain(&ys)` what
        // their argument borrows too.
        let mut expr = strip_parens(header);
        let mut partner = None;
        while let Expr::MethodCall(m) = expr
            && ITERATOR_ADAPTERS.contains(&m.method.to_string().as_str())
        {
            if (m.method == "zip" || m.method == "chain")
                && let Some(arg) = m.args.first()
                && let Some(found) = self.borrowed_local(leaf, strip_parens(arg), true)
            {
                partner = Some((m.method.to_string(), found));
            }
            expr = strip_parens(&m.receiver);
        }
        if let Some((method, (owner, span))) = partner
            && self.body.locals[owner].hidden.is_none()
        {
            let name = &self.body.locals[owner].written;
            let (what, by) = match holder {
                Holder::Loop => (
                    "this loop",
                    "a loop over `xs.iter().zip(ys.iter())` goes by index when both are \
                                  local sequences its body doesn't change; ",
                ),
                Holder::Delegation => ("this `yield_from!`", ""),
            };
            self.errors.error(
                span,
                format!(
                    "{what} borrows `{name}` through `{method}` while it suspends at a `yield_!`\n\
                     note: {STATE_MOVES}; {by}the iterator here borrows `{name}` for as long as it runs\n\
                     help: {method} with owned items: `{name}.clone()`, or `{name}` by value if it isn't used after"
                ),
            );
            return;
        }
        let (holds, loop_) = match holder {
            Holder::Loop => ("the loop holds the closure across a `yield_!`", true),
            Holder::Delegation => ("`yield_from!` holds it while it suspends", false),
        };
        if let Some((mention, changed)) = self.closure_borrow(leaf, header) {
            // As the user wrote it (`self`, not the local it is bound to).
            let name = mention.to_string();
            let help = if changed {
                format!(
                    "change `{name}` outside the closure (in the loop's body): a `move` closure would change a copy \
                     of it"
                )
            } else {
                format!("capture `{name}` by value: write `move` before the closure's parameters")
            };
            self.errors.error(
                mention.span(),
                format!(
                    "this closure borrows `{name}`, and {holds}\n\
                     note: {STATE_MOVES}\n\
                     help: {help}"
                ),
            );
            return;
        }
        let Some((owner, span)) = self.borrowed_local(leaf, expr, true) else { return };
        if self.body.locals[owner].hidden.is_some() {
            let method = match expr {
                Expr::MethodCall(m) => m.method.to_string(),
                _ => String::new(),
            };
            self.temporary_borrow(owner, span, loop_, &method);
            return;
        }
        let local_name = self.body.locals[owner].written.clone();
        // The helps name what is iterated: a field of the local as written (`self.jobs`), or the local.
        let iterated = match expr {
            Expr::MethodCall(m) => Some(&*m.receiver),
            Expr::Reference(r) => Some(&*r.expr),
            _ => None,
        };
        let name = iterated.and_then(field_path).unwrap_or_else(|| local_name.clone());
        let method = match expr {
            Expr::MethodCall(m) => m.method.to_string(),
            _ => String::new(),
        };
        let adapters = written_adapters(header, expr).filter(|a| method == "iter" && !a.is_empty());
        // By index: not for what is known to own its value without being a sequence (a map, a `String`).
        let info = &self.body.locals[owner];
        let by_index = (name != local_name || info.indexed || !info.owned())
            .then(|| format!("by index (`for i in 0..{name}.len()`)"));
        // The call as written (`line.split(',')`), when its arguments are literals or paths.
        let args = match expr {
            Expr::MethodCall(m) => m.args.iter().map(written_argument).collect::<Option<Vec<_>>>(),
            _ => None,
        };
        let args = args.map_or_else(|| String::from(".."), |a| a.join(", "));
        // Iterating over owned copies made by `copies`.
        let over_copies = |copies: String, item: &str| {
            if loop_ {
                format!("iterate over owned copies: `for {item} in {copies}`")
            } else {
                format!("delegate to owned copies: `yield_from!({copies})`")
            }
        };
        let help = if method == "by_ref" {
            format!("advance it by hand: `while let Some(x) = {name}.next() {{ .. }}`")
        } else if method == "drain" && loop_ {
            // The items moved out first: the loop owns them, and `name` is left empty, as after `drain(..)`.
            if args == ".." {
                format!("move the items out first: `for x in std::mem::take(&mut {name})`, which leaves `{name}` empty")
            } else {
                format!("move the items out first: `for x in {name}.drain({args}).collect::<Vec<_>>()`")
            }
        } else if method == "chars" || method == "bytes" || method == "char_indices" {
            // The items are `Copy`: collecting them is enough.
            let copy = format!("{name}.{method}().collect::<Vec<_>>()");
            if loop_ {
                format!("iterate over a copy: `for x in {copy}`")
            } else {
                format!("delegate to a copy: `yield_from!({copy})`")
            }
        } else if STR_ITERATORS.contains(&method.as_str())
            || matches!(std_view(&method), Some((Returns::Iter, On::Any | On::LiteralPattern)))
        {
            over_copies(format!("{name}.{method}({args}).map(ToOwned::to_owned).collect::<Vec<_>>()"), "x")
        } else if method.starts_with("windows") || method.starts_with("chunks") {
            // Slices of the sequence: owned copies of each.
            over_copies(format!("{name}.{method}({args}).map(<[_]>::to_vec).collect::<Vec<_>>()"), "w")
        } else if method == "keys" || method == "values" {
            // A map: no index to iterate by.
            let copies = format!("{name}.{method}().cloned().collect::<Vec<_>>()");
            if loop_ {
                format!("iterate over copies (`for x in {copies}`), or by value (`for (k, v) in {name}`)")
            } else {
                format!("delegate to copies (`yield_from!({copies})`)")
            }
        } else if loop_ {
            // `for (i, x) in v.iter().enumerate()`: the same chain over the items by value.
            let (by_value, clone) = match &adapters {
                Some(adapters) => {
                    (format!("for .. in {name}.into_iter(){adapters}"), format!("{name}.clone().into_iter(){adapters}"))
                }
                None => (format!("for x in {name}"), format!("for x in {name}.clone()")),
            };
            let ways = [Some(format!("by value (`{by_value}`)")), Some(format!("over a clone (`{clone}`)")), by_index];
            format!("iterate {}", alternatives(ways.into_iter().flatten()))
        } else {
            let (by_value, clone) = match &adapters {
                Some(adapters) => (
                    format!("{name}.into_iter(){adapters}"),
                    format!("a clone's (`yield_from!({name}.clone().into_iter(){adapters})`)"),
                ),
                None => (name.clone(), format!("a clone (`yield_from!({name}.clone())`)")),
            };
            format!("delegate to its items by value (`yield_from!({by_value})`) or to {clone}")
        };
        let borrows = if loop_ {
            format!("this loop borrows `{local_name}` while it suspends at a `yield_!`")
        } else {
            format!("this `yield_from!` borrows `{local_name}` while it suspends")
        };
        // A `Vec`, `VecDeque` or array goes by index by itself unless the loop's body changes it (see `lower`).
        let by_index = if loop_ && self.body.locals[owner].indexed && name == local_name {
            format!(
                "\nnote: a loop over `&{name}`, `&mut {name}`, `{name}.iter()` or `{name}.iter_mut()` (also with \
                 `.enumerate()`, `.rev()`, `.skip(n)`, `.take(n)`, `.copied()`, `.cloned()` or `.zip(ys.iter())`), \
                 `&{name}[a..b]`, `{name}.windows(k)`, `{name}.chunks(k)` or `{name}.chunks_mut(k)` goes by index, \
                 which needs no borrow while suspended, when its body doesn't change `{name}` (nor name it, over \
                 `&mut` items)"
            )
        } else {
            String::new()
        };
        self.errors.error(
            span,
            format!(
                "{borrows}\n\
                 note: a coroutine's locals live in its state, which moves when the coroutine moves, so an iterator borrowing one can't survive a suspension{by_index}\n\
                 help: {help}"
            ),
        );
    }

    /// `let f = |x| x * factor[0];` without `move`, or `let it = v.into_iter().filter(|x| *x > min);`, with `f` or
    /// `it` still in use at a suspension point: the closure borrows the locals it names
    /// ([`Self::borrowed_by_closure`]) across it: an error at the first one's mention.
    fn closure_held(&mut self, l: &Let, init: &Leaf) {
        let held_where = |live: bool| l.binding.locals.iter().any(|&b| self.an.held(b, live));
        if !held_where(false) {
            return;
        }
        let mention = match strip_parens(&init.expr) {
            Expr::Closure(c) if c.capture.is_none() => self.borrowed_local_of_closure(init, c),
            Expr::Closure(_) => None,
            // The closures passed to the adapters of an iterator chain.
            other => self.closure_borrow(init, other).map(|(mention, _)| mention),
        };
        let Some(mention) = mention else { return };
        let name = mention.to_string();
        let closure = l.binding.locals.first().map_or_else(String::new, |&b| self.body.locals[b].written.clone());
        // A closure that only reads numbers (or shared references) is given copies of them (lowering made it
        // `move`): one whose captures are all such, but changes one or lends a borrow of it, keeps its borrow.
        let local_named = |i: &syn::Ident| Self::local_of(init, &crate::syntax::ident_expr(i.clone()));
        let copyable = |x: LocalId| self.body.locals[x].scalar || self.body.locals[x].value == Value::Plain;
        let needs_the_local = match strip_parens(&init.expr) {
            Expr::Closure(c)
                if closure_captures(c, |i| local_named(i).is_some())
                    .is_some_and(|captures| captures.iter().filter_map(local_named).all(copyable)) =>
            {
                Some(closure_changes(c, &mention))
            }
            _ => None,
        };
        let message = if let Some(changes) = needs_the_local {
            let (what, why, help) = if changes {
                (
                    "changes",
                    format!("a copy would change in place of `{name}`"),
                    format!("change `{name}` outside the closure, or pass it in (`|{name}: &mut _| ..`)"),
                )
            } else {
                (
                    "borrows",
                    format!("this one uses `{name}` by reference, which a copy inside the closure couldn't lend out"),
                    format!("use `{name}` by value in the closure (`|| {name}` rather than `|| &{name}`)"),
                )
            };
            format!(
                "this closure {what} `{name}`, and `{closure}` is still in scope at a later `yield_!`\n\
                 note: {STATE_MOVES}; a closure that only reads a number is given a copy of it, but {why}\n\
                 help: {help}"
            )
        } else if held_where(true) {
            format!(
                "this closure borrows `{name}`, and `{closure}` holds the closure across a `yield_!`\n\
                 note: {STATE_MOVES}\n\
                 help: capture `{name}` by value: write `move` before the closure's parameters (after a clone, if \
                 `{name}` is used after it)"
            )
        } else {
            // No longer used there, but still in scope: a closure is kept to its scope's end (whether it has
            // anything to drop is only known after the body is checked).
            format!(
                "this closure borrows `{name}`, and `{closure}` is still in scope at a later `yield_!`, which \
                 keeps it\n\
                 note: {STATE_MOVES}\n\
                 help: capture `{name}` by value: write `move` before the closure's parameters, or end \
                 `{closure}`'s scope before the `yield_!` (`let first = {{ let {closure} = ..; {closure}(..) }};`)"
            )
        };
        self.errors.error(mention.span(), message);
    }

    /// The hidden local that `init` borrows as a whole (`&__temporary1`, also behind parentheses, `as` and in
    /// tuple, array and struct literals): a temporary of the user's that the `let` extends (`let r = &make();`,
    /// see `Lowerer::extended_temporaries` in lower.rs), or a part of one that is a literal (`&(make(), 1).0`).
    /// A borrow of a part of a call's value (`&make().field`) may reach through a reference that `make()`
    /// returns, which only rustc knows.
    fn extended_temporary_borrowed(&self, init: &Leaf) -> Option<LocalId> {
        // The expressions that extend their operands' temporaries.
        let mut pending = vec![&init.expr];
        while let Some(e) = pending.pop() {
            match e {
                Expr::Paren(syn::ExprParen { expr, .. }) | Expr::Cast(syn::ExprCast { expr, .. }) => pending.push(expr),
                Expr::Tuple(syn::ExprTuple { elems, .. }) | Expr::Array(syn::ExprArray { elems, .. }) => {
                    pending.extend(elems);
                }
                Expr::Struct(s) => pending.extend(s.fields.iter().map(|f| &f.expr)),
                Expr::Reference(r) => {
                    let root = Self::root_local(init, &r.expr);
                    let Some(l) = root.filter(|&l| self.body.locals[l].hidden == Some(Hidden::Temporary)) else {
                        continue;
                    };
                    // A part of a tuple, array or struct literal is in it.
                    let whole = Self::local_of(init, strip_parens(&r.expr)).is_some();
                    let literal = self.bound_to.get(&l).is_some_and(|v| {
                        matches!(strip_parens(&v.expr), Expr::Tuple(_) | Expr::Array(_) | Expr::Struct(_))
                    });
                    if whole || literal {
                        return Some(l);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The `let` `l` borrows the extended temporary `owner`: reported at the user's value of the temporary when
    /// the borrow is still in use at a suspension point. (Held there though dead, through `Hold`, it is rustc's
    /// error only when the binding's type is not `Copy`, which the macro can't see.)
    fn extended_temporary_held(&mut self, l: &Let, owner: LocalId) {
        let live = l.binding.locals.iter().any(|&b| self.an.held(b, true));
        if !live {
            return;
        }
        let value = match self.bound_to.get(&owner) {
            Some(init) => init.expr.to_token_stream(),
            None => self.body.locals[owner].ident.to_token_stream(),
        };
        let message = format!(
            "this temporary is borrowed, and the borrow is still in use at a later `yield_!`\n\
             note: {STATE_MOVES}\n\
             help: bind the value itself, without `&`, and borrow it where a reference is needed"
        );
        self.errors.push(syn::Error::new_spanned(value, message));
    }

    /// A `for` loop over a borrow of a sequence, lowered by index (`while let Some(x) = v.get(i)`): its item, a
    /// borrow of the sequence, still in use at a `yield_!` in the body.
    fn item_by_index(&mut self, cond: &'a [Cond], body: &'a Block) {
        for part in cond {
            let Cond::Let { binding, scrut } = part else { continue };
            self.ref_bindings(binding, Source::Of(scrut));
            if dereferences(&binding.pat) {
                continue;
            }
            let Some(held) = held_item(self.body, self.an, binding, body) else { continue };
            // `item(&v, i)`, `item_mut(&mut *v, i)`, `window(&v[..], i, k)`: the sequence is the call's first
            // argument.
            let Some(get) = crate::syntax::loop_item_call(&scrut.expr) else { continue };
            // `zipped(&xs, &ys, i)` binding `(x, y)`: `y` borrows `ys`.
            let zipped =
                matches!(&*get.func, Expr::Path(f) if f.path.segments.last().is_some_and(|s| s.ident == "zipped"));
            // (The pattern is the `while let`'s, `Some((x, y))`.)
            let pair = match &binding.pat {
                syn::Pat::TupleStruct(s) if s.elems.len() == 1 => &s.elems[0],
                pat => pat,
            };
            let second = match pair {
                syn::Pat::Tuple(t) if zipped && t.elems.len() == 2 => {
                    pattern_names(&t.elems[1]).contains(&self.body.locals[held].ident.to_string())
                }
                _ => false,
            };
            let Some(mut place) = get.args.iter().nth(usize::from(second)).map(strip_parens) else { continue };
            while let Expr::Reference(syn::ExprReference { expr, .. })
            | Expr::Unary(syn::ExprUnary { expr, op: syn::UnOp::Deref(_), .. })
            | Expr::Index(syn::ExprIndex { expr, .. }) = place
            {
                place = strip_parens(expr);
            }
            // (Not over a field, `by_index::field(&self.items)`: a field that is a shared reference, `&'a [T]`,
            // has items that outlive the loop, which rustc alone can tell.)
            let Some(sequence) = Self::local_of(scrut, place) else { continue };
            let name = &self.body.locals[sequence].written;
            // (The held one, of a pair: `y` of `(x, y)`.)
            let item = if binding.locals.contains(&held) { Some(&held) } else { binding.locals.first() }
                .map_or_else(|| String::from("x"), |&l| self.body.locals[l].written.clone());
            let delegated = delegate_locals(body).contains(&held);
            let what = if binding.locals.contains(&held) {
                String::from("the loop's item borrows `{name}` and is still in use at a later `yield_!`")
            } else if delegated {
                format!(
                    "the loop's item borrows `{{name}}`, and a `yield_from!` given `{item}` holds it while it suspends"
                )
            } else if self.body.locals[held].hidden.is_some() || self.body.locals[held].written.starts_with("__") {
                format!("the loop's item borrows `{{name}}`, and a loop over `{item}` still holds it at a `yield_!`")
            } else {
                let made = &self.body.locals[held].written;
                format!(
                    "the loop's item borrows `{{name}}`, and `{made}`, made from it, is still in use at a later `yield_!`"
                )
            };
            let what = what.replace("{name}", name);
            // A `&mut` argument's items aren't in the state, but the item reborrows through the `&mut` the state
            // holds (it is used after the loop); an owned sequence's are.
            let message = if self.body.locals[sequence].value == Value::MutRef {
                format!(
                    "{what}\n\
                     note: the item is borrowed through `{name}`, which the coroutine's state holds to use it again \
                     after the loop: the state can't hold both\n\
                     help: use the item before the body's first `yield_!` (`let n = *{item};`), or don't use `{name}` \
                     after the loop (the loop then takes it for good)"
                )
            } else if matches!(&*get.func, Expr::Path(f) if f.path.segments.iter().any(|s| s.ident == "by_position")) {
                // `text.lines()`, `text.split_whitespace()`: the item is a `&str` into `text`.
                format!(
                    "{what}\n\
                     note: {STATE_MOVES}; a loop over the lines or words of a string the coroutine owns goes by \
                     position, and borrows its item anew each round, but not across a `yield_!`\n\
                     help: use the item before the body's first `yield_!` (`let n = {item}.len();`), or own it \
                     first (`let {item} = {item}.to_owned();`)"
                )
            } else {
                // `v.windows(k)`, `v.chunks(k)`: the item is a slice of `v`.
                let slices = matches!(&*get.func, Expr::Path(f)
                    if f.path.segments.last().is_some_and(|s| s.ident == "window" || s.ident == "chunk"));
                let ways = if slices {
                    format!("or copy it first (`let {item} = {item}.to_vec();`)")
                } else {
                    format!("iterate by value (`for .. in {name}`), or over a clone (`for .. in {name}.clone()`)")
                };
                format!(
                    "{what}\n\
                     note: {STATE_MOVES}; a loop over a borrow of a `Vec`, a `VecDeque` or an array goes by index, \
                     and borrows its item anew each round, but not across a `yield_!`\n\
                     help: use the item before the body's first `yield_!` (`let n = {item}.len();`), {ways}"
                )
            };
            self.errors.error(place.span(), message);
        }
    }

    fn cond_bindings(&mut self, cond: &'a [Cond]) {
        for part in cond {
            if let Cond::Let { binding, scrut } = part {
                self.ref_bindings(binding, Source::Of(scrut));
                self.held_borrow(scrut, &[binding]);
            }
        }
    }

    /// Whether one of `locals` is stored at a suspension point (`Some(true)`) or only at a join point
    /// (`Some(false)`).
    fn held_at(&self, locals: &[LocalId]) -> Option<bool> {
        held_at(self.body, self.an, locals)
    }

    /// The locals of `bindings`, bound from `init` (a `let`'s initializer, an `if let`/`while let`/`match`
    /// scrutinee), held where `init` borrows a local of the coroutine: an error at the borrow. (Not a pattern that
    /// dereferences, `Some(&x)`, which binds a copy.)
    fn held_borrow(&mut self, init: &Leaf, bindings: &[&Binding]) {
        let locals: Vec<LocalId> =
            bindings.iter().filter(|b| !dereferences(&b.pat)).flat_map(|b| b.locals.iter().copied()).collect();
        let Some(at_yield) = self.held_at(&locals) else { return };
        if self.pinned_to_the_frame(init) {
            return;
        }
        // The help, and whether it is a way to hold something owned instead (a guard is what keeps the value
        // borrowed: holding it is the problem).
        let found = match self.borrowed_local(init, &init.expr, false) {
            Some(found) => Some((found, String::from("an index into `{name}`, a clone, or move `{name}` into the reference's place"), true)),
            None => match collected_references(&init.expr, bindings) {
                // `let parts: Vec<&str> = line.split(',').collect();`: references into what the iterator borrows.
                Some(iterator) => self.borrow_of_owned_local(init, iterator).map(|(found, _)| {
                    (found, String::from("collect owned copies (`.map(ToOwned::to_owned).collect::<Vec<String>>()` for `&str`s)"), true)
                }),
                None => self.borrow_of_owned_local(init, &init.expr).map(|(found, kind)| match kind {
                    // `src.chars()` of a `String`: no `into_iter()`; its items collected are owned.
                    Borrow::Iterator(method) => match written_owned_items(&method) {
                        Some(call) => (found, format!("collect the items first (`{{name}}.{call}`), or keep an index into `{{name}}`"), true),
                        None => (found, String::from("iterate by value (`{name}.into_iter()`, or collect into a `Vec` first), or keep an index into `{name}`"), true),
                    },
                    Borrow::Getter => (found, String::from("an owned copy of the result (`.to_owned()`, `.cloned()`, `.to_string()`), or an index into `{name}`"), true),
                    Borrow::Guard => (found, String::from("take the guard where it is used, after the `yield_!`, or end its scope before the `yield_!`"), false),
                }),
            },
        };
        let Some(((owner, span), help, owned_instead)) = found else {
            self.reborrow_beside_its_mut_ref(init, &locals);
            return;
        };
        let name = self.body.locals[owner].written.clone();
        let help = help.replace("{name}", &name);
        // A method's receiver (or another operand) evaluated before a suspension point in the same expression
        // (`v.get_mut(0).unwrap().push(yield_!(..))`): held in a hidden local (spilled, or a hoisted temporary)
        // until the expression goes on.
        let spilled = locals.iter().any(|&l| self.body.locals[l].hidden.is_some());
        let message = if at_yield && spilled {
            format!(
                "`{name}` is borrowed here, and the expression suspends after it, at a `yield_!` in its operands\n\
                 note: {STATE_MOVES}\n\
                 help: suspend first: bind the value (`let x = yield_!(..);`) before this expression, and use `x` in it"
            )
        } else if at_yield && !owned_instead {
            format!(
                "`{name}` is borrowed here and the borrow is still in use at a later `yield_!`\n\
                 note: {STATE_MOVES}\n\
                 help: {help}"
            )
        } else if at_yield {
            format!(
                "`{name}` is borrowed here and the borrow is still in use at a later `yield_!`\n\
                 note: {STATE_MOVES}\n\
                 help: hold something owned instead: {help}"
            )
        } else {
            format!(
                "`{name}` is borrowed here and the borrow is still in use where a closure is created \
                 after several suspension points\n\
                 note: a closure needs one type, so the code that creates it runs in one place, \
                 which the suspension points reach through the coroutine's state; {STATE_MOVES}\n\
                 help: borrow `{name}` after the closure's `let`, or hold something owned: {help}"
            )
        };
        self.errors.error(span, message);
    }

    /// A `let` whose value borrows a part of what a `&mut` local points to (`let r = &mut self.buf;` with `&mut
    /// self`), with both still in use at one suspension point: the state would hold the `&mut` and a borrow through
    /// it (rustc's E0505, "cannot move out of value because it is borrowed", at the `yield_!`), where rustc's own
    /// coroutine holds the one in place beside the other. Only borrows rustc surely ties to the `&mut`: a `&mut`
    /// of any part of it, and a shared borrow of one of its fields (`&self.items`). A shared borrow deeper in (`&self
    /// .r.x`) may go through a shared reference the field holds, which doesn't borrow `self`.
    fn reborrow_beside_its_mut_ref(&mut self, init: &Leaf, locals: &[LocalId]) {
        let Expr::Reference(borrow) = strip_parens(&init.expr) else { return };
        let mut root = strip_parens(&borrow.expr);
        let (mut fields, mut indexes) = (0, 0);
        loop {
            match root {
                Expr::Field(f) => (root, fields) = (strip_parens(&f.base), fields + 1),
                Expr::Index(i) => (root, indexes) = (strip_parens(&i.expr), indexes + 1),
                _ => break,
            }
        }
        let tied = if borrow.mutability.is_some() { fields + indexes > 0 } else { fields == 1 && indexes == 0 };
        let Some(owner) = Self::local_of(init, root).filter(|&o| tied && self.body.locals[o].value == Value::MutRef)
        else {
            return;
        };
        let live_at = |k: usize, l: LocalId| self.an.stored[k].contains(&l) && !self.an.dead[k].contains(l);
        let both_held = (0..self.an.stored.len()).any(|k| {
            !self.body.yields[k].join
                && self.an.reachable[k]
                && live_at(k, owner)
                && locals.iter().any(|&l| live_at(k, l))
        });
        if !both_held {
            return;
        }
        let name = &self.body.locals[owner].written;
        let part = borrow.expr.to_token_stream().to_string().replace(" . ", ".").replace(" [", "[");
        self.errors.error(
            borrow.expr.span(),
            format!(
                "this borrows `{part}` through `{name}`, and both the borrow and `{name}` are still in use at a later \
                 `yield_!`\n\
                 note: the coroutine's state holds `{name}`, a `&mut`, to use it after the `yield_!`, and can't hold a \
                 borrow through it beside it\n\
                 help: borrow `{part}` again after the `yield_!` instead of holding the borrow, or don't use `{name}` \
                 after the `yield_!` (the borrow then takes it for good)"
            ),
        );
    }

    /// `init` is `pin!(..)`, and what it binds is held across a suspension point (or awaited, which holds it): the
    /// pinned value is a temporary of the step, gone at the next resume (rustc's E0716 at the attribute, naming
    /// the step's guard). An error at the `pin!`.
    fn pinned_to_the_frame(&mut self, init: &Leaf) -> bool {
        let Expr::Macro(m) = strip_parens(&init.expr) else { return false };
        let Some(pin) = m.mac.path.segments.last().filter(|s| s.ident == "pin") else { return false };
        self.errors.error(
            pin.ident.span(),
            "`pin!` pins a value to the current frame, and this one is still in use at a later `yield_!`, after which \
             the frame is gone: the coroutine's state holds what it keeps across it, and moves\n\
             help: box it instead: `Box::pin(..)`",
        );
        true
    }

    /// `ref x` / `ref mut x` in a pattern, still used after a suspension point: a borrow of a temporary (an
    /// rvalue matched or bound by `let`, a `for` loop's item) or of a local (`match opt { Some(ref x) => .. }`),
    /// either of which is in the state then. (One no longer used there is left out of the state: a plain
    /// reference.)
    fn ref_bindings(&mut self, binding: &Binding, source: Source<'a>) {
        // The hidden local `let ref x = make();` binds into stands for the temporary (see
        // `Lowerer::extended_temporaries` in lower.rs); a part of it (`make().field`) may be behind a reference that
        // `make()` returns, which only rustc knows.
        let owner = match source {
            // A value that may be promoted to a constant (`let ref s = "abc";`) is rustc's to judge.
            Source::Of(leaf) if !is_place_expression(&leaf.expr) && !unpromoted(&leaf.expr) => return,
            Source::Of(leaf) if is_place_expression(&leaf.expr) => {
                let root = Self::root_local(leaf, &leaf.expr);
                match root.filter(|&r| self.body.locals[r].hidden.is_some()) {
                    Some(_) if Self::local_of(leaf, strip_parens(&leaf.expr)).is_none() => return,
                    Some(_) => None,
                    None => Some(root),
                }
            }
            _ => None,
        };
        let idents = crate::syntax::pattern_idents(&binding.pat);
        let refs = ref_bindings(&binding.pat);
        for ((ident, mutable), &l) in idents.iter().zip(&binding.locals) {
            let Some(by_ref) = refs.iter().find(|p| p.ident == *ident) else { continue };
            // The error covers `ref mut x`.
            let by_ref = {
                let (by_ref, mutability, ident) = (&by_ref.by_ref, &by_ref.mutability, &by_ref.ident);
                quote::quote!(#by_ref #mutability #ident)
            };
            if !self.an.held(l, true) {
                continue;
            }
            let message = match owner {
                None => {
                    let (binding, borrow) = if *mutable { ("mut ", "&mut ") } else { ("", "&") };
                    format!(
                        "`{ident}` is bound by `ref` to a temporary that lives across a `yield_!`\n\
                         note: {STATE_MOVES}\n\
                         help: bind the value itself: `{binding}{ident}` without `ref` owns it, and `{borrow}{ident}` \
                         borrows it where a reference is needed"
                    )
                }
                Some(root) => {
                    let root =
                        root.map_or_else(|| "the value".to_string(), |r| format!("`{}`", self.body.locals[r].ident));
                    format!(
                        "`{ident}` borrows {root} (`ref`), and the borrow is still in use at a later `yield_!`\n\
                         note: {STATE_MOVES}\n\
                         help: bind an owned copy (match on a clone, without `ref`), or match again after the `yield_!`"
                    )
                }
            };
            self.errors.push(syn::Error::new_spanned(by_ref, message));
        }
    }

    /// The local a place expression is rooted at (`opt` in `opt.0[i]`), when it is one.
    fn root_local(leaf: &Leaf, place: &Expr) -> Option<LocalId> {
        let mut root = strip_parens(place);
        while let Expr::Index(syn::ExprIndex { expr: base, .. })
        | Expr::Field(syn::ExprField { base, .. })
        | Expr::Unary(syn::ExprUnary { expr: base, .. }) = root
        {
            root = strip_parens(base);
        }
        Self::local_of(leaf, root)
    }

    /// `x.iter()`, `x.chars().rev()`, `x.get(0)`, `x.strip_prefix('#')`… where `x` is a local known to own its
    /// value (`vec![..]`, a `String` argument, a `for` binding over a `Vec<String>`): unlike in a `for` loop, the
    /// value may also be a reference, which can be held.
    fn borrow_of_owned_local(&self, leaf: &Leaf, expr: &Expr) -> Option<((LocalId, Span), Borrow)> {
        let mut e = expr;
        let mut adapted = false;
        loop {
            match e {
                Expr::Paren(p) => e = &p.expr,
                // `v.first().unwrap()`, `v.get(i)?`: the reference inside.
                Expr::Try(t) if !adapted => e = &t.expr,
                Expr::MethodCall(m) if !adapted && (m.method == "unwrap" || m.method == "expect") => e = &m.receiver,
                Expr::MethodCall(m) if ITERATOR_ADAPTERS.contains(&m.method.to_string().as_str()) => {
                    adapted = true;
                    e = &m.receiver;
                }
                // `counts.entry(k).or_default()`: a `&mut` into `counts`.
                Expr::MethodCall(m)
                    if !adapted
                        && ENTRY_VIEWS.contains(&m.method.to_string().as_str())
                        && matches!(strip_parens(&m.receiver), Expr::MethodCall(e) if e.method == "entry") =>
                {
                    let Expr::MethodCall(entry) = strip_parens(&m.receiver) else { return None };
                    let owner = Self::local_of(leaf, strip_parens(&entry.receiver))?;
                    return self.body.locals[owner].owned().then(|| ((owner, e.span()), Borrow::Getter));
                }
                // A getter's `Option<&T>` has methods named like adapters that make it owned (`.map(..)`).
                Expr::MethodCall(m) => {
                    let method = m.method.to_string();
                    let kind = match std_view(&method) {
                        _ if GUARD_METHODS.contains(&method.as_str()) && !adapted => Borrow::Guard,
                        _ if BORROWING_ITERATORS.contains(&method.as_str()) => Borrow::Iterator(method),
                        Some((Returns::Iter, _)) => Borrow::Iterator(method),
                        Some((Returns::Ref | Returns::RefMut, _)) if !adapted => Borrow::Getter,
                        _ => return None,
                    };
                    let owner = Self::local_of(leaf, &m.receiver)?;
                    return self.body.locals[owner].owned().then(|| ((owner, e.span()), kind));
                }
                _ => return None,
            }
        }
    }

    /// `&x`, `&mut x` where `x` is a local that is no plain reference, or `x.iter()`… where `x` is known not to be
    /// a reference: a method's auto-reference borrows the local itself only then. A local of unknown type may
    /// hold a reference (`line` in `for (n, line) in text.lines().enumerate()` with `text: &str`), whose
    /// `line.split_whitespace()` borrows the caller's data: the macro leaves such a loop to rustc, which rejects
    /// a genuine borrow of the state on its own.
    fn borrowed_local(&self, leaf: &Leaf, expr: &Expr, iterators: bool) -> Option<(LocalId, Span)> {
        let (target, reference) = match expr {
            Expr::Reference(r) => (&*r.expr, true),
            Expr::MethodCall(m) if iterators && BORROWING_ITERATORS.contains(&m.method.to_string().as_str()) => {
                (&*m.receiver, false)
            }
            // `line.split(',')`: a std view that iterates, of a local known to own its value.
            Expr::MethodCall(m) if iterators && matches!(std_view(&m.method.to_string()), Some((Returns::Iter, _))) => {
                let local = Self::local_of(leaf, strip_parens(&m.receiver))?;
                return self.body.locals[local].owned().then(|| (local, expr.span()));
            }
            Expr::Paren(p) => return self.borrowed_local(leaf, &p.expr, iterators),
            _ => return None,
        };
        // `&v[i]`, `&v.f`: a borrow of a part of the local, which is in the state when the local owns it.
        let mut root = strip_parens(target);
        let mut projected = false;
        while let Expr::Index(syn::ExprIndex { expr: base, .. }) | Expr::Field(syn::ExprField { base, .. }) = root {
            root = strip_parens(base);
            projected = true;
        }
        let local = Self::local_of(leaf, root)?;
        let local_info = &self.body.locals[local];
        let borrows = if reference && projected {
            local_info.owned()
        } else if reference {
            !local_info.plain()
        } else if let Expr::MethodCall(m) = expr
            && ALSO_CONSUMING.contains(&m.method.to_string().as_str())
        {
            local_info.owned()
        } else {
            // A view (`s.chars()`, `v.iter()`) is an iterator by value, never a reference: `it.by_ref()` borrows it.
            // A guard, `Rc` or `Box` (`let g = m.lock().unwrap();`) lends what it points to through `deref(&g)`: a
            // borrow of the local itself.
            local_info.owned() || local_info.value == Value::View || local_info.reads_through_deref
        };
        // At the borrowed local (`&words[i]` is reported at `words`).
        let span = if reference { root.span() } else { expr.span() };
        borrows.then_some((local, span))
    }

    /// In a `for` loop's iterator, a closure passed to an iterator adapter without `move`
    /// (`v.into_iter().filter(|x| names.contains(x))`): it captures the coroutine's locals it names by reference,
    /// and the loop's iterator holds it across its suspension points. The first such local it borrows
    /// ([`Self::borrowed_by_closure`]), at its mention. (An adapter calls its closure more than once, so the
    /// closure can't move a captured local out: it borrows it.)
    /// Also: whether the closure changes that local (`inspect(|_| seen += 1)`), which `move` wouldn't fix.
    fn closure_borrow(&self, leaf: &Leaf, header: &Expr) -> Option<(syn::Ident, bool)> {
        let mut expr = strip_parens(header);
        while let Expr::MethodCall(m) = expr
            && ITERATOR_ADAPTERS.contains(&m.method.to_string().as_str())
        {
            for arg in &m.args {
                if let Expr::Closure(c) = strip_parens(arg)
                    && c.capture.is_none()
                    && let Some(found) = self.borrowed_local_of_closure(leaf, c)
                {
                    let changed = closure_changes(c, &found);
                    return Some((found, changed));
                }
            }
            expr = strip_parens(&m.receiver);
        }
        None
    }

    /// A closure without `move` that names `local` borrows the local itself: it is known to own its value, to be a
    /// number, `bool` or `char` (borrowed to be copied), or to be a closure (borrowed to be called). A local that may be a reference (`text: &str`) is
    /// captured as a reborrow of what it points to, which is fine; the macro sees no types to tell a `u32` it
    /// wasn't told of from a `&u32`: rustc reports those.
    fn borrowed_by_closure(&self, local: LocalId) -> bool {
        self.body.locals[local].owned()
            || self.body.locals[local].scalar
            || self.bound_to.get(&local).is_some_and(|init| matches!(strip_parens(&init.expr), Expr::Closure(_)))
    }

    /// The first of the coroutine's locals that closure `c` names and that `wanted` accepts, skipping every name
    /// the closure binds itself (its parameters, its `let`s, its patterns), so that a shadowing binding is never
    /// taken for a capture.
    fn named_local(leaf: &Leaf, c: &syn::ExprClosure, wanted: impl Fn(LocalId) -> bool) -> Option<syn::Ident> {
        closure_mentions(c).into_iter().find(|ident| {
            let name = if ident == "self" { "__self".to_string() } else { ident.to_string() };
            leaf.env.iter().rev().find(|(n, _)| *n == name).is_some_and(|&(_, local)| wanted(local))
        })
    }

    /// The first of the coroutine's locals that closure `c` (without `move`) borrows: one
    /// [`Self::borrowed_by_closure`] accepts, or an argument of a type that is no reference which the closure uses
    /// by reference (`*x == sep` with `sep: T`: [`crate::syntax::closure_borrows`]).
    fn borrowed_local_of_closure(&self, leaf: &Leaf, c: &syn::ExprClosure) -> Option<syn::Ident> {
        closure_mentions(c).into_iter().find(|ident| {
            let name = if ident == "self" { "__self".to_string() } else { ident.to_string() };
            leaf.env.iter().rev().find(|(n, _)| *n == name).is_some_and(|&(_, local)| {
                self.borrowed_by_closure(local)
                    || self.body.locals[local].by_value_argument && crate::syntax::closure_borrows(c, ident)
            })
        })
    }

    /// The coroutine's local that `target` names, if it is a plain path to one.
    fn local_of(leaf: &Leaf, target: &Expr) -> Option<LocalId> {
        let Expr::Path(p) = target else { return None };
        let ident = p.path.get_ident()?;
        let name = if ident == "self" { "__self".to_string() } else { ident.to_string() };
        leaf.env.iter().rev().find(|(n, _)| *n == name).map(|(_, local)| *local)
    }
}

/// The pattern has a reference pattern (`Some(&x)`, `&(a, b)`): what it binds there is a copy, not a reference.
fn dereferences(pat: &syn::Pat) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_pat_reference(&mut self, _: &'ast syn::PatReference) {
            self.0 = true;
        }
        fn visit_expr(&mut self, _: &'ast Expr) {}
    }
    let mut finder = Finder(false);
    syn::visit::Visit::visit_pat(&mut finder, pat);
    finder.0
}

/// The adapters a `for` header applies to `base` (`.enumerate().rev()` in `v.iter().enumerate().rev()`), as
/// written, when each takes only literals and paths (`.skip(1)`): empty for none, `None` when one takes more (a
/// closure is better left out of a suggestion than printed token by token).
fn written_adapters(header: &Expr, base: &Expr) -> Option<String> {
    let mut chain = Vec::new();
    let mut expr = strip_parens(header);
    while !std::ptr::eq(expr, base) {
        let Expr::MethodCall(m) = expr else { return None };
        expr = strip_parens(&m.receiver);
        // Over the items by value, `.copied()` and `.cloned()` have nothing to do (and don't compile).
        if m.method == "copied" || m.method == "cloned" {
            continue;
        }
        let args = m.args.iter().map(written_argument).collect::<Option<Vec<_>>>()?;
        chain.push(format!(".{}({})", m.method, args.join(", ")));
    }
    chain.reverse();
    Some(chain.concat())
}

/// An argument as written, when it is a literal or a path (`','`, `1`, `SEP`): `None` otherwise (a closure is
/// better left out of a suggestion than printed token by token).
fn written_argument(arg: &Expr) -> Option<String> {
    match arg {
        Expr::Lit(syn::ExprLit { lit, .. }) => Some(quote::ToTokens::to_token_stream(lit).to_string()),
        Expr::Path(p) => Some(p.path.segments.iter().map(|s| s.ident.to_string()).collect::<Vec<_>>().join("::")),
        _ => None,
    }
}

/// `iterator.collect()` into a collection of references, as the `let`'s type (`let parts: Vec<&str> = ..`) or the
/// turbofish (`collect::<Vec<&str>>()`) writes it: the iterator, whose items borrow what it borrows.
fn collected_references<'e>(init: &'e Expr, bindings: &[&Binding]) -> Option<&'e Expr> {
    let Expr::MethodCall(m) = strip_parens(init) else { return None };
    if m.method != "collect" {
        return None;
    }
    let has_reference = |ty: &syn::Type| {
        struct Finder(bool);
        impl<'ast> syn::visit::Visit<'ast> for Finder {
            fn visit_type_reference(&mut self, _: &'ast syn::TypeReference) {
                self.0 = true;
            }
        }
        let mut finder = Finder(false);
        syn::visit::Visit::visit_type(&mut finder, ty);
        finder.0
    };
    let in_turbofish = m
        .turbofish
        .as_ref()
        .is_some_and(|t| t.args.iter().any(|a| matches!(a, syn::GenericArgument::Type(ty) if has_reference(ty))));
    let in_let_type = bindings.iter().any(|b| matches!(&b.pat, syn::Pat::Type(t) if has_reference(&t.ty)));
    // Items copied or cloned out of the collection (`m.keys().copied()` of a map keyed by `&str`) point where
    // the collection's items point, not into it.
    let mut chain = strip_parens(&m.receiver);
    while let Expr::MethodCall(link) = chain {
        if link.method == "copied" || link.method == "cloned" {
            return None;
        }
        chain = strip_parens(&link.receiver);
    }
    (in_turbofish || in_let_type).then_some(&*m.receiver)
}

/// The locals of `block` that what is in `made` flows into while still borrowing, added to `made` in one pass in
/// source order (a flow backwards through a loop of the body is missed: rustc then reports it): a `let` or a loop made from one (`let s = x.as_str();`, `for c in x.iter()`), or a local that stores
/// one (`out.push(x)`, `last = Some(x)`). Only through std's views and iterators, constructors and references:
/// a fn's or another method's result (`x.len()`, `score(x)`, `Tag::new(x)`) is taken for owned, a copy (`*x`) and arithmetic
/// are, so that a valid loop isn't rejected (a borrow they do carry is rustc's to report).
fn made_of(block: &Block, made: &mut Vec<LocalId>) {
    fn uses_made(leaf: &Leaf, made: &[LocalId]) -> bool {
        leaf.uses.iter().any(|u| made.contains(&u.local))
    }
    /// The expression's value may hold a borrow that a local in `made` holds: the local itself (a reference,
    /// moved or copied), a borrow of it or of a part of it (`&x.f`, `&mut *x`), a constructor, tuple, array or
    /// struct literal of one, a closure that names one, a std view or iterator of one (`x.as_str()`,
    /// `x.iter().rev()`, `x.first().unwrap()`). A field or an element read by value is a copy, and a fn's or
    /// another method's result (`x.len()`, `score(x)`, `x.first().copied()`) is taken for owned: a borrow they
    /// do carry is rustc's to report.
    fn carries(e: &Expr, leaf: &Leaf, made: &[LocalId]) -> bool {
        let is_made = |place: &Expr| Checker::root_local(leaf, place).is_some_and(|l| made.contains(&l));
        match strip_parens(e) {
            Expr::Path(_) => is_made(e),
            Expr::Reference(r) => is_made(&r.expr),
            Expr::Try(t) => carries(&t.expr, leaf, made),
            // A tuple struct's or variant's constructor (`Some(x)`, `Cow::Borrowed(x)`); an associated fn
            // (`Tag::new(x)`) is a fn like another.
            Expr::Call(c) => {
                let constructor = matches!(&*c.func, Expr::Path(p)
                    if p.path.segments.last().is_some_and(|s| s.ident.to_string().starts_with(char::is_uppercase)));
                constructor && c.args.iter().any(|a| carries(a, leaf, made))
            }
            Expr::Tuple(t) => t.elems.iter().any(|a| carries(a, leaf, made)),
            Expr::Array(a) => a.elems.iter().any(|a| carries(a, leaf, made)),
            Expr::Struct(st) => st.fields.iter().any(|f| carries(&f.expr, leaf, made)),
            Expr::Closure(c) => Checker::named_local(leaf, c, |l| made.contains(&l)).is_some(),
            Expr::MethodCall(m) => {
                let method = m.method.to_string();
                let passes = matches!(method.as_str(), "unwrap" | "expect" | "as_ref" | "as_mut" | "as_deref");
                // `x.first().copied()` is owned; `x.iter().copied()` still iterates over `x`.
                let owned = matches!(method.as_str(), "copied" | "cloned") && !iterates(&m.receiver);
                // (An adapter's name on the item itself is an `Option`'s: `x.map(|p| p.0)` makes a new value.)
                let view = std_view(&method).is_some()
                    || BORROWING_ITERATORS.contains(&method.as_str())
                    || (ITERATOR_ADAPTERS.contains(&method.as_str()) && iterates(&m.receiver));
                !owned && (passes || view) && carries(&m.receiver, leaf, made)
            }
            _ => false,
        }
    }
    /// `extend(it.copied())`: what is stored are copies of the items.
    fn copies(method: &syn::Ident, arg: &Expr) -> bool {
        method.to_string().starts_with("extend")
            && matches!(strip_parens(arg), Expr::MethodCall(m) if m.method == "copied" || m.method == "cloned")
    }
    /// A method chain with an iterator in it (`x.iter()`, `x.chars().rev()`).
    fn iterates(e: &Expr) -> bool {
        match strip_parens(e) {
            Expr::MethodCall(m) => {
                let method = m.method.to_string();
                BORROWING_ITERATORS.contains(&method.as_str())
                    || matches!(std_view(&method), Some((Returns::Iter, _)))
                    || iterates(&m.receiver)
            }
            _ => false,
        }
    }
    fn stores(leaf: &Leaf, made: &mut Vec<LocalId>) {
        let target = match strip_parens(&leaf.expr) {
            // `out.push(x)`; `out.extend(x.iter().copied())` stores copies.
            Expr::MethodCall(m) if m.args.iter().any(|a| carries(a, leaf, made) && !copies(&m.method, a)) => {
                Checker::root_local(leaf, &m.receiver)
            }
            // `last = Some(x)`
            Expr::Assign(a) if carries(&a.right, leaf, made) => Checker::root_local(leaf, &a.left),
            _ => None,
        };
        if let Some(l) = target
            && !made.contains(&l)
        {
            made.push(l);
        }
    }
    fn made_of_node(node: &Node, made: &mut Vec<LocalId>) {
        match node {
            Node::Leaf(leaf) => stores(leaf, made),
            Node::Yield(_) => {}
            Node::Block { block, .. } | Node::Loop { body: block, .. } => made_of(block, made),
            Node::If { cond, then, els, .. } => {
                cond_made(cond, made);
                made_of(then, made);
                if let Some(e) = els {
                    made_of_node(e, made);
                }
            }
            Node::While { cond, body, .. } => {
                cond_made(cond, made);
                made_of(body, made);
            }
            Node::Match { scrut, arms } => {
                if carries(&scrut.expr, scrut, made) {
                    made.extend(arms.iter().flat_map(|a| a.binding.locals.iter().copied()));
                }
                for arm in arms {
                    made_of_node(&arm.body, made);
                }
            }
            Node::For { iter, it, binding, body, .. } => {
                if carries(&iter.expr, iter, made) {
                    made.push(*it);
                    made.extend(&binding.locals);
                }
                made_of(body, made);
            }
            Node::Assign { place, value } => {
                made_of_node(value, made);
                stores(place, made);
            }
        }
    }
    fn cond_made(cond: &[Cond], made: &mut Vec<LocalId>) {
        for c in cond {
            if let Cond::Let { binding, scrut } = c
                && carries(&scrut.expr, scrut, made)
            {
                made.extend(&binding.locals);
            }
        }
    }
    for stmt in &block.stmts {
        match stmt {
            Stmt::Let(l) => {
                // A delegate holds what it is given, whatever makes it (`yield_from!(chars_of(w))`).
                let given = |init: &Leaf, made: &[LocalId]| match l.delegated.as_ref().map(strip_parens) {
                    Some(Expr::Call(c)) => c.args.iter().any(|a| carries(a, init, made)),
                    Some(operand @ Expr::MethodCall(m)) => {
                        carries(operand, init, made) || m.args.iter().any(|a| carries(a, init, made))
                    }
                    Some(operand) => carries(operand, init, made),
                    None => carries(&init.expr, init, made),
                };
                if let Some(Node::Leaf(init)) = &l.init
                    && uses_made(init, made)
                    && !dereferences(&l.binding.pat)
                    && given(init, made)
                {
                    made.extend(&l.binding.locals);
                }
                if let Some(init) = &l.init {
                    made_of_node(init, made);
                }
            }
            Stmt::Expr(node, _) => made_of_node(node, made),
        }
    }
}

/// The locals of `block` that hold a `yield_from!`'s delegate.
fn delegate_locals(block: &Block) -> Vec<LocalId> {
    let mut out = Vec::new();
    crate::ir::walk_block(block, &mut |_| {}, &mut |l| {
        if l.delegated.is_some() {
            out.extend(&l.binding.locals);
        }
    });
    out
}

/// The help's owned copy of a temporary (`` `self.queue.borrow()` `` gives `let items = self.queue.borrow().clone();`).
/// The call of a `str` iterator `method` with its items made owned, as written after `s.`: collected as they are
/// for `chars`, `bytes` and `char_indices` (they are `Copy`), as owned copies for the iterators of `&str`s
/// (`lines`, `split(..)`); `None` for other methods.
fn written_owned_items(method: &str) -> Option<String> {
    let args = if matches!(
        method,
        "chars" | "bytes" | "char_indices" | "lines" | "split_whitespace" | "split_ascii_whitespace"
    ) {
        "()"
    } else {
        "(..)"
    };
    if matches!(method, "chars" | "bytes" | "char_indices") {
        Some(format!("{method}{args}.collect::<Vec<_>>()"))
    } else if STR_ITERATORS.contains(&method)
        || matches!(std_view(method), Some((Returns::Iter, On::Any | On::LiteralPattern)))
    {
        Some(format!("{method}{args}.map(ToOwned::to_owned).collect::<Vec<_>>()"))
    } else {
        None
    }
}

fn written_copy(temporary: &str) -> String {
    match temporary.strip_prefix('`').and_then(|t| t.strip_suffix('`')) {
        Some(expr) => format!("`let items = {expr}.clone();`"),
        None => String::from("`let items = ...clone();`"),
    }
}

/// A field of a local as written (`self.jobs`, `page.items.rows`), for a help; `None` for anything else.
fn field_path(e: &Expr) -> Option<String> {
    match strip_parens(e) {
        Expr::Field(f) => {
            let syn::Member::Named(member) = &f.member else { return None };
            Some(format!("{}.{member}", field_path(&f.base).or_else(|| path_name(&f.base))?))
        }
        _ => None,
    }
}

fn path_name(e: &Expr) -> Option<String> {
    match strip_parens(e) {
        Expr::Path(p) => p.path.get_ident().map(ToString::to_string),
        _ => None,
    }
}

/// `a, b or c` (`a or b`, `a`).
fn alternatives(ways: impl Iterator<Item = String>) -> String {
    let ways: Vec<String> = ways.collect();
    match ways.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, [first])) => format!("{first} or {last}"),
        Some((last, rest)) => format!("{}, or {last}", rest.join(", ")),
        None => String::new(),
    }
}

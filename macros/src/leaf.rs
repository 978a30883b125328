//! The walker over yield-free user expressions ("leaves"), shared by lowering and emission.
//!
//! It resolves every single-identifier path to a body [`Local`](crate::ir::Local) (respecting bindings the
//! expression itself introduces: closure parameters, `match` arms, inner `let`s), classifies each use
//! ([`UseKind`]) and finds the jumps that leave the expression. In rewrite mode it also replaces those uses by
//! their access path and lowers the jumps, so both modes see exactly the same uses in the same order.
//!
//! - Use kinds are syntactic: a value operand is a `Move`, a receiver or operand of a comparison a `Place`.
//!   Method receivers count as places except for methods that by convention consume (`into_*`, `unwrap`…).
//! - Macro arguments: the format and assertion macros take their arguments by reference, `vec!` by value;
//!   in other macros every identifier token that names a local counts as a receiver use (borrowed, or moved at
//!   its last use: `consume!(x)`), in the logging macros of `log` and `tracing` as a place use.
//! - Per use, the conditional contexts and jumps around it: a move followed on every path by an assignment of
//!   the same local is the value's last use ([`LastUse`](crate::ir::LastUse)), `cur = next(cur)`.

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::punctuated::Punctuated;
use syn::visit_mut::VisitMut;
use syn::{Expr, Pat, Token};

use crate::conventions::{
    LOGGING_MACROS, REF_MACROS, VALUE_MACROS, borrowing_method, consuming_by_arity, consuming_method, panicking_macro,
    shared_method,
};
use crate::ir::{Jump, LocalId, LoopId, Use, UseKind};
use crate::syntax::{format_captures, ident_expr, let_reads_in_place, pattern_names};

/// What the rewrite mode needs from emission. The methods that take `&mut self` let emission note what the
/// rewritten code needs: the locals it reaches, the loops it jumps out of, an arm that can't run in place.
pub trait Rewrite {
    /// The expression that accesses `local` for a use of `kind`; `last` says no later use in this expression
    /// exists and the local is dead afterwards (a `Move` then really moves).
    fn access(&mut self, local: LocalId, kind: UseKind, last: bool, token: &syn::Ident) -> Expr;
    /// Rewrites `local = value` when the local needs it (a drop-flagged local stores `Some(value)`).
    fn assign(&mut self, local: LocalId, value: Expr, token: &syn::Ident) -> Option<Expr>;
    /// A read through a shared borrow only (a formatting macro's argument): a drop-flagged local is reached with
    /// a shared borrow, so that several reads can be alive at once. Defaults to [`Rewrite::access`].
    fn access_shared(&mut self, local: LocalId, token: &syn::Ident) -> Expr {
        self.access(local, UseKind::Place, false, token)
    }
    /// A field of `local` is moved out by value (`page.items`): whether to vacate it (take it out and leave an
    /// empty value) because the local must stay whole; `held_after` says the state stores it after the leaf.
    fn vacates_field(&mut self, local: LocalId, held_after: bool) -> bool;
    /// Whether a `move` closure must not capture the local's access path (a `&mut` into the state, or a drop
    /// flag) but a value taken from it just before the closure.
    fn captured_by_value(&self, local: LocalId) -> bool;
    /// The local's own identifier (spanned at `token`), as a `move` closure's body refers to the value taken for it.
    fn plain_ident(&self, local: LocalId, token: &syn::Ident) -> syn::Ident;
    /// `return value` (value already rewritten).
    fn return_(&self, value: Option<Expr>) -> Expr;
    /// `expr?` (expr already rewritten).
    fn try_(&self, expr: Expr, question: &Token![?]) -> Expr;
    /// `break`/`continue` to a structured loop of the body.
    fn jump(&mut self, jump: Jump, value: Option<Expr>, original: &Expr) -> Expr;
}

pub struct Walker<'a> {
    env: &'a [(String, LocalId)],
    loops: &'a [LoopId],
    loop_labels: &'a dyn Fn(LoopId) -> (Option<String>, bool),
    /// Names bound inside the expression (they hide body locals), with scope marks.
    shadow: Vec<String>,
    ctx: UseKind,
    /// The conditional contexts (a branch, a loop's body, a closure, the right of `&&`) being walked, outermost
    /// first, each a construct id: a use inside them may not happen.
    conditions: Vec<u32>,
    /// The `break`s, `continue`s, `return`s and `?`s walked so far.
    jumps_seen: u32,
    /// Inside a closure or async block: `return`/`?` belong to it, and its loops to it.
    in_closure: usize,
    /// Loops of the expression itself (their labels; `None` for unlabeled), innermost last.
    inner_loops: Vec<Option<String>>,
    pub uses: Vec<Use>,
    pub jumps: Vec<Jump>,
    /// `break`/`continue` with no label and no loop around them in the body (rustc would blame the step closure),
    /// and `continue` to a labeled block the transform made a jump target (rustc would blame the attribute).
    pub stray_jumps: Vec<(&'static str, proc_macro2::Span)>,
    rewrite: Option<Rewriting<'a>>,
    /// The exclusive branches (`if`/`else`, `match` arms) being walked: (construct, branch).
    branches: Vec<(u32, u32)>,
    /// `move` closures being walked.
    move_closures: usize,
    /// Formatting macros' arguments being walked (only read through shared borrows).
    shared_reads: usize,
    /// The code being walked is followed, on its path in the leaf, by a `return`, a panic or a `break` out of
    /// the leaf: the statement lists (or `break` values) that end so, innermost last (ids from `new_construct`).
    returning: Vec<u32>,
    /// The exits of `returning` that jump out of the leaf: a `break` out of a loop (or labeled block), or a
    /// `continue` of a loop around the leaf.
    pub jump_exits: Vec<(u32, Jump)>,
    /// Per use: the identifier token it was written with (rewrite mode).
    tokens: Vec<Option<syn::Ident>>,
    /// The loops being walked (their code runs again).
    repeats: Vec<u32>,
    constructs: u32,
    /// Visiting the base of a field moved out by value: the root local's use is a field move.
    moving_field: bool,
    /// The locals `*` reads through (`ir::Local::reads_through_deref`): `*x` by value is a use in place.
    deref_reads: &'a dyn Fn(LocalId) -> bool,
}

struct Rewriting<'a> {
    rewrite: &'a mut dyn Rewrite,
    /// For each use index of the collection pass: is it the last use of its local's value in this expression?
    last_use: Vec<crate::ir::LastUse>,
    live_after: &'a dyn Fn(LocalId) -> bool,
    /// Live where a jump out of the leaf goes: after the loop (or labeled block) a `break` leaves, at the head
    /// of the loop a `continue` goes on with.
    live_after_jump: &'a dyn Fn(Jump, LocalId) -> bool,
    /// Per use index of the collection pass: the root of a field moved out by value.
    field_moves: Vec<bool>,
    /// The local is stored at a suspension point after the leaf (before it is declared again).
    held_after: &'a dyn Fn(LocalId) -> bool,
}

/// A statement that always leaves the body: `return ..;`, a panic, or a block with one.
fn exits(stmt: &syn::Stmt) -> bool {
    match stmt {
        syn::Stmt::Expr(Expr::Return(_), _) => true,
        // `{ return x; }`: a block that always exits (difftest seed 0x0f0f, program 1375), unless a statement
        // before may jump elsewhere (`{ if c { break; } return x; }`: seed 0x5eed83, program 1936; an earlier
        // `return` exits too).
        syn::Stmt::Expr(Expr::Block(b), _) if b.label.is_none() => {
            b.block.stmts.iter().position(exits).is_some_and(|e| !b.block.stmts[..e].iter().any(may_jump_to_live_code))
        }
        syn::Stmt::Expr(Expr::Macro(m), _) => panicking_macro(&m.mac),
        syn::Stmt::Macro(m) => panicking_macro(&m.mac),
        _ => false,
    }
}

/// The statement has a `break` or `continue` (outside closures and items): control may leave it for a place other
/// than its end where locals are live. (A `return` or `?` leaves the fn, where none is: what precedes such a
/// statement is still followed, on every path that goes on, by what follows it.)
fn may_jump_to_live_code(stmt: &syn::Stmt) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_expr(&mut self, e: &'ast Expr) {
            match e {
                Expr::Break(_) | Expr::Continue(_) => self.0 = true,
                Expr::Closure(_) | Expr::Async(_) => return,
                _ => {}
            }
            syn::visit::visit_expr(self, e);
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder(false);
    syn::visit::Visit::visit_stmt(&mut finder, stmt);
    finder.0
}

impl<'a> Walker<'a> {
    pub fn new(
        env: &'a [(String, LocalId)],
        loops: &'a [LoopId],
        loop_labels: &'a dyn Fn(LoopId) -> (Option<String>, bool),
    ) -> Self {
        Walker {
            env,
            loops,
            loop_labels,
            shadow: Vec::new(),
            ctx: UseKind::Move,
            conditions: Vec::new(),
            jumps_seen: 0,
            in_closure: 0,
            inner_loops: Vec::new(),
            uses: Vec::new(),
            jumps: Vec::new(),
            stray_jumps: Vec::new(),
            rewrite: None,
            branches: Vec::new(),
            repeats: Vec::new(),
            move_closures: 0,
            shared_reads: 0,
            returning: Vec::new(),
            jump_exits: Vec::new(),
            tokens: Vec::new(),
            constructs: 0,
            moving_field: false,
            deref_reads: &|_| false,
        }
    }

    /// Which locals `*` reads through, so that `*x` by value doesn't move `x` (see `ir::Local`).
    pub fn reading_through_deref(mut self, deref_reads: &'a dyn Fn(LocalId) -> bool) -> Self {
        self.deref_reads = deref_reads;
        self
    }

    /// Switches to rewrite mode; `uses` must be the collection pass's result for the same expression.
    pub fn rewriting(
        mut self,
        rewrite: &'a mut dyn Rewrite,
        uses: &[Use],
        live_after: &'a dyn Fn(LocalId) -> bool,
        live_after_jump: &'a dyn Fn(Jump, LocalId) -> bool,
        held_after: &'a dyn Fn(LocalId) -> bool,
    ) -> Self {
        let last_use = crate::ir::last_uses(uses);
        let field_moves = uses.iter().map(|u| u.field_move).collect();
        self.rewrite = Some(Rewriting { rewrite, last_use, live_after, live_after_jump, field_moves, held_after });
        self
    }

    /// Walks `expr` as a value of context `ctx`.
    pub fn walk(&mut self, expr: &mut Expr, ctx: UseKind) {
        self.visit(expr, ctx);
    }

    fn resolve(&self, name: &str) -> Option<LocalId> {
        // The receiver is bound as `__self`: `self` can't be re-declared.
        let name = if name == "self" { "__self" } else { name };
        if self.shadow.iter().any(|s| s == name) {
            return None;
        }
        self.env.iter().rev().find(|(n, _)| n == name).map(|(_, id)| *id)
    }

    fn with<R>(&mut self, ctx: UseKind, conditional: bool, f: impl FnOnce(&mut Self) -> R) -> R {
        let saved = self.ctx;
        self.ctx = ctx;
        if conditional {
            let id = self.new_construct();
            self.conditions.push(id);
        }
        let r = f(self);
        if conditional {
            self.conditions.pop();
        }
        self.ctx = saved;
        r
    }

    fn new_construct(&mut self) -> u32 {
        self.constructs += 1;
        self.constructs
    }

    fn repeating<R>(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
        let id = self.new_construct();
        self.repeats.push(id);
        // A return after the loop doesn't follow its body: the body runs again first.
        let returning = std::mem::take(&mut self.returning);
        let r = f(self);
        self.returning = returning;
        self.repeats.pop();
        r
    }

    fn branch<R>(&mut self, construct: u32, index: u32, f: impl FnOnce(&mut Self) -> R) -> R {
        self.branches.push((construct, index));
        let r = f(self);
        self.branches.pop();
        r
    }

    fn visit(&mut self, expr: &mut Expr, ctx: UseKind) {
        self.with(ctx, false, |w| w.visit_expr_mut(expr));
    }

    fn visit_cond(&mut self, expr: &mut Expr, ctx: UseKind) {
        self.with(ctx, true, |w| w.visit_expr_mut(expr));
    }

    /// Records a use of `local` and returns its replacement in rewrite mode.
    fn record(&mut self, local: LocalId, kind: UseKind, token: &syn::Ident) -> Option<Expr> {
        let index = self.uses.len();
        self.tokens.push(Some(token.clone()));
        self.uses.push(Use {
            local,
            kind,
            conditions: self.conditions.clone(),
            jumps_before: self.jumps_seen,
            branches: self.branches.clone(),
            repeats: self.repeats.clone(),
            returns: if self.in_closure == 0 { self.returning.clone() } else { Vec::new() },
            field_move: std::mem::take(&mut self.moving_field),
        });
        let rw = self.rewrite.as_mut()?;
        if self.move_closures > 0 && rw.rewrite.captured_by_value(local) {
            return Some(ident_expr(rw.rewrite.plain_ident(local, token)));
        }
        // Dead after the leaf, or the leaf returns right after this use on its path, or jumps to where it is
        // dead (after a loop it leaves, at the head of a loop it goes on with).
        let live_after = match self.uses[index].exit_after(&self.jump_exits) {
            None => (rw.live_after)(local),
            Some(jump) => (rw.live_after_jump)(jump, local),
        };
        let last = rw.last_use.get(index).is_some_and(|last| last.moves(live_after));
        if self.shared_reads > 0 && kind == UseKind::Place {
            return Some(rw.rewrite.access_shared(local, token));
        }
        Some(rw.rewrite.access(local, kind, last, token))
    }

    fn bind_pat_names(&mut self, pat: &Pat) {
        self.shadow.extend(pattern_names(pat));
    }

    fn scoped<R>(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
        let mark = self.shadow.len();
        let r = f(self);
        self.shadow.truncate(mark);
        r
    }

    fn target(&self, label: Option<&syn::Lifetime>) -> Option<LoopId> {
        match label {
            None if !self.inner_loops.is_empty() => None,
            None => self.loops.iter().rev().copied().find(|id| !(self.loop_labels)(*id).1),
            Some(l) => {
                let name = l.ident.to_string();
                if self.inner_loops.iter().any(|i| i.as_deref() == Some(name.as_str())) {
                    return None;
                }
                self.loops.iter().rev().copied().find(|id| (self.loop_labels)(*id).0.as_deref() == Some(name.as_str()))
            }
        }
    }

    fn visit_block_stmts(&mut self, block: &mut syn::Block) {
        self.scoped(|w| {
            let n = block.stmts.len();
            // The statements up to one that returns, panics or breaks out of the leaf (its own value included) are
            // followed by it.
            let exit = block.stmts.iter().enumerate().find_map(|(i, stmt)| {
                let jump = match stmt {
                    syn::Stmt::Expr(Expr::Break(b), _) if w.in_closure == 0 => {
                        Some(Jump::Break(w.target(b.label.as_ref())?))
                    }
                    // `{ let v = x; continue; }`: `x` is moved there if it is dead at the loop's head (difftest
                    // seed 0x9a13f, program 1094).
                    syn::Stmt::Expr(Expr::Continue(c), _) if w.in_closure == 0 => {
                        Some(Jump::Continue(w.target(c.label.as_ref())?))
                    }
                    _ if exits(stmt) => None,
                    _ => return None,
                };
                let id = w.new_construct();
                if let Some(jump) = jump {
                    w.jump_exits.push((id, jump));
                }
                Some((i, id))
            });
            // A statement before the exit that may jump elsewhere (`if c { break; }`) leaves the earlier ones
            // with another way on: only those after it are surely followed by the exit (difftest seed 0x5eed83,
            // program 1936: `if f(p) { break; } return ..;` took `p` for moved by `f(p)`). One that may only
            // return doesn't (`let Some(y) = f(x) else { return };` before the exit: difftest seed 0x5eeda6,
            // program 172, where a `move` closure before it didn't take what it captured).
            let first_followed = exit.map_or(0, |(e, _)| {
                (0..e).rev().find(|&j| may_jump_to_live_code(&block.stmts[j])).map_or(0, |j| j + 1)
            });
            for (i, stmt) in block.stmts.iter_mut().enumerate() {
                let is_tail = i + 1 == n;
                let returns = exit.filter(|(e, _)| first_followed <= i && i <= *e).map(|(_, id)| id);
                if let Some(id) = returns {
                    w.returning.push(id);
                }
                match stmt {
                    syn::Stmt::Local(local) => {
                        if let Some(init) = &mut local.init {
                            let in_place = let_reads_in_place(&local.pat, &init.expr);
                            w.visit(&mut init.expr, if in_place { UseKind::Place } else { UseKind::Move });
                            if let Some((_, diverge)) = &mut init.diverge {
                                w.visit_cond(diverge, UseKind::Move);
                            }
                        }
                        w.bind_pat_names(&local.pat);
                    }
                    syn::Stmt::Expr(e, _) => {
                        let ctx = if is_tail { w.ctx } else { UseKind::Move };
                        w.visit(e, ctx);
                    }
                    syn::Stmt::Macro(m) => w.visit_macro(&mut m.mac),
                    syn::Stmt::Item(_) => {}
                }
                if returns.is_some() {
                    w.returning.pop();
                }
            }
        });
    }

    fn visit_macro(&mut self, mac: &mut syn::Macro) {
        let name = mac.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
        let parser = Punctuated::<Expr, Token![,]>::parse_terminated;
        if REF_MACROS.contains(&name.as_str()) || VALUE_MACROS.contains(&name.as_str()) {
            if let Ok(mut args) = mac.parse_body_with(parser) {
                let arg_ctx = if VALUE_MACROS.contains(&name.as_str()) { UseKind::Move } else { UseKind::Place };
                let shared = usize::from(arg_ctx == UseKind::Place);
                self.shared_reads += shared;
                let mut inline_captures = Vec::new();
                let mut named_args = Vec::new();
                for arg in &mut args {
                    match arg {
                        // `name = value` format arguments: `name` is not a local.
                        Expr::Assign(assign) if matches!(&*assign.left, Expr::Path(p) if p.path.get_ident().is_some()) =>
                        {
                            if let Expr::Path(p) = &*assign.left {
                                named_args.extend(p.path.get_ident().map(ToString::to_string));
                            }
                            self.visit(&mut assign.right, arg_ctx);
                        }
                        Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) if arg_ctx == UseKind::Place => {
                            inline_captures.extend(format_captures(&s.value()));
                        }
                        _ => self.visit(arg, arg_ctx),
                    }
                }
                // `{x}` captures: a local whose access path differs from its name gets a named argument (unless
                // the call names an argument `x` itself: `{x}` is that one).
                let mut extra = Vec::new();
                let mut captured: Vec<String> = Vec::new();
                for name in inline_captures {
                    // (Once per name: `"{a}{}{a}"` names `a` twice.)
                    if named_args.contains(&name) || captured.contains(&name) {
                        continue;
                    }
                    captured.push(name.clone());
                    if let Some(local) = self.resolve(&name) {
                        let token = syn::Ident::new(
                            &name,
                            mac.path.segments.last().map_or_else(proc_macro2::Span::call_site, |s| s.ident.span()),
                        );
                        if let Some(access) = self.record(local, UseKind::Place, &token)
                            && access != ident_expr(token.clone())
                        {
                            extra.push(quote!(#token = #access));
                        }
                    }
                }
                self.shared_reads -= shared;
                if self.rewrite.is_some() {
                    let mut tokens = args.to_token_stream();
                    for e in extra {
                        if !tokens.is_empty() {
                            tokens.extend(quote!(,));
                        }
                        tokens.extend(e);
                    }
                    mac.tokens = tokens;
                }
                return;
            }
            if let Some(mut repeat @ crate::syntax::MacroOperands::Repeat(..)) = crate::syntax::macro_operands(mac) {
                // `vec![value; count]`.
                for operand in repeat.iter_mut() {
                    self.visit(operand, UseKind::Move);
                }
                if self.rewrite.is_some() {
                    mac.tokens = repeat.into_tokens();
                }
                return;
            }
        }
        // Tokens the macro may do anything with: a local named there is used as the receiver of a method the
        // macro doesn't know (borrowed, or moved at its last use).
        let kind = if LOGGING_MACROS.contains(&name.as_str()) { UseKind::Place } else { UseKind::Receiver };
        let tokens = std::mem::take(&mut mac.tokens);
        mac.tokens = self.visit_tokens(tokens, kind);
    }

    /// Rewrite mode, after a `move` closure's body: a local held in the state (or behind a drop flag) is taken
    /// out just before the closure (copied, or moved at its last use), and the closure captures that value.
    ///
    /// Input: `move |z| z * c` with `c` held in place — Output: `{ let c = (*c); move |z| z * c }`
    /// A `move` closure or `async move` block (`expr`, whose uses start at `first`) takes every local it
    /// mentions when it is created.
    fn moved_in(&mut self, expr: &mut Expr, first: usize) {
        for u in &mut self.uses[first..] {
            u.kind = UseKind::Move;
            u.conditions.clone_from(&self.conditions);
        }
        if self.move_closures == 0 {
            self.capture_by_value(expr, first);
        }
    }

    fn capture_by_value(&mut self, expr: &mut Expr, first: usize) {
        let Some(rw) = &mut self.rewrite else { return };
        let mut lets = Vec::new();
        let mut seen = Vec::new();
        for (i, u) in self.uses.iter().enumerate().skip(first) {
            if seen.contains(&u.local) || !rw.rewrite.captured_by_value(u.local) {
                continue;
            }
            seen.push(u.local);
            let last_index = (first..self.uses.len()).rev().find(|j| self.uses[*j].local == u.local).unwrap_or(i);
            // Dead after the leaf, or where the leaf goes right after making the closure (`return (move || ..)()`
            // leaves the fn: a local live only on the path that doesn't return is still taken by the closure).
            let live_after = match self.uses[last_index].exit_after(&self.jump_exits) {
                None => (rw.live_after)(u.local),
                Some(jump) => (rw.live_after_jump)(jump, u.local),
            };
            let last = rw.last_use.get(last_index).is_some_and(|last| last.moves(live_after));
            let token = self.tokens.get(i).cloned().flatten();
            let Some(token) = token else { continue };
            let ident = rw.rewrite.plain_ident(u.local, &token);
            let value = rw.rewrite.access(u.local, UseKind::Move, last, &token);
            lets.push(quote!(let #ident = #value;));
        }
        if !lets.is_empty() {
            let closure = std::mem::replace(expr, Expr::Verbatim(TokenStream::new()));
            *expr = syn::parse_quote!({ #(#lets)* #closure });
        }
    }

    /// Unknown macros: identifier tokens naming a local (not a field, method or path segment) are uses of `kind`.
    fn visit_tokens(&mut self, tokens: TokenStream, kind: UseKind) -> TokenStream {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut out = Vec::with_capacity(trees.len());
        for (i, tt) in trees.iter().enumerate() {
            match tt {
                TokenTree::Group(g) => {
                    let inner = self.visit_tokens(g.stream(), kind);
                    let mut group = Group::new(g.delimiter(), inner);
                    group.set_span(g.span());
                    out.push(TokenTree::Group(group));
                }
                TokenTree::Ident(ident) => {
                    let prev_is_path = i > 0
                        && matches!(&trees[i - 1], TokenTree::Punct(p) if p.as_char() == '.' || p.as_char() == ':' || p.as_char() == '\'');
                    let next_is_path = matches!(trees.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == ':' || p.as_char() == '!');
                    let name = ident.to_string();
                    let local = if prev_is_path || next_is_path { None } else { self.resolve(&name) };
                    match local.and_then(|l| self.record(l, kind, ident)) {
                        // The local itself, as written: still an identifier (`$x:ident`).
                        Some(Expr::Path(p)) if p.path.get_ident().is_some() && p.attrs.is_empty() => {
                            let mut access = p.path.get_ident().cloned().expect("checked: single identifier");
                            access.set_span(access.span().located_at(ident.span()));
                            out.push(TokenTree::Ident(access));
                        }
                        Some(access) => {
                            let mut group = Group::new(Delimiter::Parenthesis, access.to_token_stream());
                            group.set_span(ident.span());
                            out.push(TokenTree::Group(group));
                        }
                        None => out.push(tt.clone()),
                    }
                }
                other => out.push(other.clone()),
            }
        }
        out.into_iter().collect()
    }
}

/// How a scrutinee is used: by value when a pattern binds by value, except a field of a local, which the
/// patterns move out of only in parts (`match page.kind { Kind::A(n) => .. }` copies `n`): no field move.
/// Matched only against `Option` patterns (`if let Some(s) = page.title`), a field is moved out as a whole.
pub fn scrutinee_ctx<'p>(scrutinee: &Expr, pats: impl IntoIterator<Item = &'p Pat>) -> UseKind {
    let pats: Vec<&Pat> = pats.into_iter().collect();
    let moves = pats.iter().any(|p| pattern_moves(p));
    if moves && (!is_field(scrutinee) || pats.iter().all(|p| option_pattern(p))) {
        UseKind::Move
    } else {
        UseKind::Place
    }
}

/// `Some(..)`, `None` or `_`.
fn option_pattern(pat: &Pat) -> bool {
    let last_is = |path: &syn::Path, name: &str| path.segments.last().is_some_and(|s| s.ident == name);
    match pat {
        Pat::Wild(_) => true,
        Pat::Ident(p) => p.ident == "None" && p.subpat.is_none(),
        Pat::Path(p) => last_is(&p.path, "None"),
        Pat::TupleStruct(t) => last_is(&t.path, "Some"),
        Pat::Or(o) => o.cases.iter().all(option_pattern),
        Pat::Paren(p) => option_pattern(&p.pat),
        _ => false,
    }
}

fn is_field(expr: &Expr) -> bool {
    match expr {
        Expr::Field(_) => true,
        Expr::Paren(p) => is_field(&p.expr),
        _ => false,
    }
}

/// The local at the root of a chain of fields (`page` in `page.a.b`, given `page.a`) and the number of fields
/// in the given expression.
fn field_root(base: &Expr) -> Option<(&syn::Ident, usize)> {
    match base {
        Expr::Path(p) if p.qself.is_none() && p.attrs.is_empty() => p.path.get_ident().map(|i| (i, 0)),
        Expr::Field(f) if f.attrs.is_empty() => field_root(&f.base).map(|(i, d)| (i, d + 1)),
        _ => None,
    }
}

/// A field moved out of a local the state keeps whole (`depth` fields, the local's access path already
/// rewritten): a `Copy` field is copied, another is taken out and leaves its empty value behind. A closure that
/// is never called moves the field out of a value of the local's type, so rustc checks the move as in the plain
/// fn (not out of a reference, nor out of a type that implements `Drop`).
///
/// Input: `(*page).items` — Output:
/// `({ use ..; check_field_move(&(*page), |page| page.items); (*page).items.stackless_move_field() })`
///
/// Parenthesized: at the start of a statement, a block would end the expression there (`{ yield_!(0); p.x * 2 }`
/// must stay a product).
fn vacate_field(expr: &Expr, depth: usize, name: &syn::Ident) -> Expr {
    let mut members = Vec::new();
    let mut base = expr;
    for _ in 0..depth {
        let Expr::Field(f) = base else { break };
        members.push(f.member.clone());
        base = &f.base;
    }
    members.reverse();
    let span = members.last().map_or_else(proc_macro2::Span::call_site, syn::spanned::Spanned::span);
    let method = syn::Ident::new("stackless_move_field", span);
    let name = syn::Ident::new(&name.to_string().replace("__self", "self_"), name.span());
    syn::parse_quote_spanned! {span=>
        ({
            #[allow(unused_imports)]
            use ::stackless::partial_move::{MoveFieldCopy as _, MoveFieldVacate as _};
            ::stackless::partial_move::check_field_move(&#base, |#name| #name #(.#members)*);
            #expr.#method()
        })
    }
}

/// Whether matching the pattern moves out of the scrutinee (it binds something by value).
pub fn pattern_moves(pat: &Pat) -> bool {
    struct ByValue(bool);
    impl<'ast> syn::visit::Visit<'ast> for ByValue {
        fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
            if p.by_ref.is_none() && !p.ident.to_string().starts_with(|c: char| c.is_uppercase()) {
                self.0 = true;
            }
            syn::visit::visit_pat_ident(self, p);
        }
        fn visit_expr(&mut self, _: &'ast Expr) {}
    }
    let mut v = ByValue(false);
    syn::visit::Visit::visit_pat(&mut v, pat);
    v.0
}

impl VisitMut for Walker<'_> {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        let ctx = self.ctx;
        // Counted after its operand, which is evaluated before it jumps.
        let jumps = matches!(expr, Expr::Break(_) | Expr::Continue(_) | Expr::Return(_) | Expr::Try(_));
        match expr {
            Expr::Path(p) if p.qself.is_none() && p.path.get_ident().is_some() => {
                let ident = p.path.get_ident().cloned().expect("checked: single identifier");
                if let Some(local) = self.resolve(&ident.to_string())
                    && let Some(new) = self.record(local, ctx, &ident)
                {
                    *expr = new;
                }
            }
            Expr::Macro(m) => self.visit_macro(&mut m.mac),
            Expr::Closure(c) => {
                let is_move = c.capture.is_some();
                let first = self.uses.len();
                self.in_closure += 1;
                self.move_closures += usize::from(is_move);
                let saved_loops = std::mem::take(&mut self.inner_loops);
                // A closure captures when it is created, once: it is not a loop.
                self.scoped(|w| {
                    for input in &c.inputs {
                        w.bind_pat_names(input);
                    }
                    w.visit_cond(&mut c.body, UseKind::Move);
                });
                self.inner_loops = saved_loops;
                self.move_closures -= usize::from(is_move);
                self.in_closure -= 1;
                // The closure is created where it is written: a `return` after it follows its uses (a `move`
                // one takes them then, and an earlier use by value doesn't move).
                for u in &mut self.uses[first..] {
                    u.returns.clone_from(&self.returning);
                }
                if is_move {
                    self.moved_in(expr, first);
                }
            }
            Expr::Async(a) => {
                // Like a closure: an `async move` block takes every local it mentions when it is created.
                let is_move = a.capture.is_some();
                let first = self.uses.len();
                self.in_closure += 1;
                self.move_closures += usize::from(is_move);
                let saved_loops = std::mem::take(&mut self.inner_loops);
                self.with(UseKind::Move, true, |w| w.visit_block_stmts(&mut a.block));
                self.inner_loops = saved_loops;
                self.move_closures -= usize::from(is_move);
                self.in_closure -= 1;
                // Made where it is written, as a closure: a `return` after it follows its uses.
                for u in &mut self.uses[first..] {
                    u.returns.clone_from(&self.returning);
                }
                if is_move {
                    self.moved_in(expr, first);
                }
            }
            Expr::Return(r) if self.in_closure == 0 => {
                if let Some(v) = &mut r.expr {
                    // The value is followed by the return, wherever the `return` is (`2 => return v,`).
                    let id = self.new_construct();
                    self.returning.push(id);
                    self.visit(v, UseKind::Move);
                    self.returning.pop();
                }
                self.jumps.push(Jump::Return);
                if let Some(rw) = &self.rewrite {
                    *expr = rw.rewrite.return_(r.expr.take().map(|b| *b));
                }
            }
            Expr::Try(t) if self.in_closure == 0 => {
                // `Err(v)?` always returns: its operand is followed by the return.
                let always_returns =
                    matches!(&*t.expr, Expr::Call(c) if matches!(&*c.func, Expr::Path(p) if p.path.is_ident("Err")));
                if always_returns {
                    let id = self.new_construct();
                    self.returning.push(id);
                }
                self.visit(&mut t.expr, UseKind::Move);
                if always_returns {
                    self.returning.pop();
                }
                self.jumps.push(Jump::Return);
                if let Some(rw) = &self.rewrite {
                    let inner = std::mem::replace(&mut *t.expr, Expr::Verbatim(TokenStream::new()));
                    *expr = rw.rewrite.try_(inner, &t.question_token);
                }
            }
            Expr::Try(t) => self.visit(&mut t.expr, UseKind::Move),
            Expr::Break(b) => {
                if let Some(v) = &mut b.expr {
                    // The value is followed by the jump out of the loop (when it leaves the leaf).
                    let target = if self.in_closure == 0 { self.target(b.label.as_ref()) } else { None };
                    let exit = target.map(|target| {
                        let id = self.new_construct();
                        self.jump_exits.push((id, Jump::Break(target)));
                        self.returning.push(id);
                    });
                    self.visit(v, UseKind::Move);
                    if exit.is_some() {
                        self.returning.pop();
                    }
                }
                if self.in_closure == 0 && b.label.is_none() && self.inner_loops.is_empty() && self.loops.is_empty() {
                    self.stray_jumps.push(("break", b.break_token.span));
                }
                if self.in_closure == 0
                    && let Some(target) = self.target(b.label.as_ref())
                {
                    self.jumps.push(Jump::Break(target));
                    if let Some(rw) = &mut self.rewrite {
                        let original = expr.clone();
                        let value = match expr {
                            Expr::Break(b) => b.expr.take().map(|b| *b),
                            _ => None,
                        };
                        *expr = rw.rewrite.jump(Jump::Break(target), value, &original);
                    }
                }
            }
            Expr::Continue(c) => {
                if self.in_closure == 0 && c.label.is_none() && self.inner_loops.is_empty() && self.loops.is_empty() {
                    self.stray_jumps.push(("continue", c.continue_token.span));
                }
                if self.in_closure == 0
                    && let Some(target) = self.target(c.label.as_ref())
                {
                    if (self.loop_labels)(target).1 {
                        self.stray_jumps.push(("continue-block", c.continue_token.span));
                    }
                    self.jumps.push(Jump::Continue(target));
                    if let Some(rw) = &mut self.rewrite {
                        let original = expr.clone();
                        *expr = rw.rewrite.jump(Jump::Continue(target), None, &original);
                    }
                }
            }
            Expr::Loop(l) => {
                self.inner_loops.push(l.label.as_ref().map(|l| l.name.ident.to_string()));
                self.repeating(|w| w.with(UseKind::Move, true, |w| w.visit_block_stmts(&mut l.body)));
                self.inner_loops.pop();
            }
            Expr::While(wh) => {
                self.inner_loops.push(wh.label.as_ref().map(|l| l.name.ident.to_string()));
                self.repeating(|w| {
                    w.scoped(|w| {
                        w.visit(&mut wh.cond, UseKind::Place);
                        w.with(UseKind::Move, true, |w| w.visit_block_stmts(&mut wh.body));
                    });
                });
                self.inner_loops.pop();
            }
            Expr::ForLoop(f) => {
                self.visit(&mut f.expr, UseKind::Move);
                self.inner_loops.push(f.label.as_ref().map(|l| l.name.ident.to_string()));
                self.repeating(|w| {
                    w.scoped(|w| {
                        w.bind_pat_names(&f.pat);
                        w.with(UseKind::Move, true, |w| w.visit_block_stmts(&mut f.body));
                    });
                });
                self.inner_loops.pop();
            }
            Expr::If(i) => {
                let construct = self.new_construct();
                self.scoped(|w| {
                    w.visit(&mut i.cond, UseKind::Place);
                    w.branch(construct, 0, |w| w.with(ctx, true, |w| w.visit_block_stmts(&mut i.then_branch)));
                });
                if let Some((_, els)) = &mut i.else_branch {
                    self.branch(construct, 1, |w| w.visit_cond(els, ctx));
                }
            }
            Expr::Let(l) => {
                let scrut_ctx = scrutinee_ctx(&l.expr, [&*l.pat]);
                self.visit(&mut l.expr, scrut_ctx);
                // The bindings are visible in the rest of the condition and the `then` block: the enclosing
                // `if`/`while` scope mark removes them.
                self.bind_pat_names(&l.pat);
            }
            Expr::Match(m) => {
                let scrut_ctx = scrutinee_ctx(&m.expr, m.arms.iter().map(|a| &a.pat));
                self.visit(&mut m.expr, scrut_ctx);
                let construct = self.new_construct();
                for (index, arm) in m.arms.iter_mut().enumerate() {
                    self.branch(construct, u32::try_from(index).unwrap_or(u32::MAX), |w| {
                        w.scoped(|w| {
                            w.bind_pat_names(&arm.pat);
                            if let Pat::Guard(g) = &mut arm.pat {
                                w.visit_cond(&mut g.guard, UseKind::Place);
                            }
                            w.visit_cond(&mut arm.body, ctx);
                        });
                    });
                }
            }
            Expr::Block(b) => {
                // A block is a value: its tail is moved out even where the block stands for a place (`match
                // { x } { _ => .. }` moves `x`, as normalization's `match { __spill1 } { .. }` does: probe 44).
                let ctx = if matches!(ctx, UseKind::Place | UseKind::Receiver) { UseKind::Move } else { ctx };
                self.with(ctx, false, |w| {
                    if let Some(label) = &b.label {
                        w.inner_loops.push(Some(label.name.ident.to_string()));
                        w.visit_block_stmts(&mut b.block);
                        w.inner_loops.pop();
                    } else {
                        w.visit_block_stmts(&mut b.block);
                    }
                });
            }
            Expr::Unsafe(u) => self.visit_block_stmts(&mut u.block),
            Expr::Const(c) => self.visit_block_stmts(&mut c.block),
            Expr::TryBlock(t) => {
                // A `?` inside may leave the block before any later use: they are conditional.
                self.in_closure += 1;
                self.with(UseKind::Move, true, |w| w.visit_block_stmts(&mut t.block));
                self.in_closure -= 1;
            }
            Expr::MethodCall(m) => {
                let receiver_local = match &*m.receiver {
                    Expr::Path(p) if p.qself.is_none() => p.path.get_ident().and_then(|i| self.resolve(&i.to_string())),
                    _ => None,
                };
                let method = m.method.to_string();
                // A hidden local holding an evaluated rvalue receiver (normalize's `__spillN`) is a temporary
                // of the statement: unless the method is known to borrow, it takes it by value
                // (`p.get(yield_!(i)).copied()`), and keeping it alive could hold a borrow across a suspension.
                let spilled = receiver_local.is_some()
                    && matches!(&*m.receiver, Expr::Path(p)
                        if p.path.get_ident().and_then(crate::names::hidden_kind) == Some(crate::names::Hidden::Spill));
                let shared = shared_method(&method);
                let consumes = consuming_method(&method) || consuming_by_arity(&method, m.args.len());
                let receiver_ctx = if consumes || (spilled && !borrowing_method(&method)) {
                    UseKind::Move
                } else if borrowing_method(&method) || shared {
                    UseKind::Place
                } else {
                    UseKind::Receiver
                };
                // Even inside formatting arguments, a method may need its receiver mutably (`it.next()`), unless
                // it is one that only reads it (`line.len()`, `line.trim()`); the operands of an rvalue receiver
                // (`(0..lens(&v)).count()`) are still only read.
                let shared_reads = self.shared_reads;
                if crate::syntax::is_local_place(&m.receiver) {
                    self.shared_reads = usize::from(shared);
                }
                self.visit(&mut m.receiver, receiver_ctx);
                self.shared_reads = shared_reads;
                let args_start = self.uses.len();
                for arg in &mut m.args {
                    self.visit(arg, UseKind::Move);
                }
                // `v.push(v.len())` on a local reached through a helper call (a drop flag) can't use a two-phase
                // borrow: the arguments are evaluated first, into hidden locals (a place receiver has nothing to
                // evaluate, so the order is the same). Bound by a `match`, whose scrutinee's temporaries live to
                // the end of the statement, as the arguments' own do (a `let` would drop them at its end: difftest
                // seed 0x5eed84, program 1026).
                if let (Some(local), Some(rw)) = (receiver_local, &self.rewrite)
                    && rw.rewrite.captured_by_value(local)
                    && self.uses[args_start..].iter().any(|u| u.local == local)
                {
                    let args = std::mem::take(&mut m.args);
                    let names: Vec<syn::Ident> = (0..args.len())
                        .map(|i| syn::Ident::new(&format!("__method_arg{i}"), proc_macro2::Span::mixed_site()))
                        .collect();
                    let values = args.into_iter();
                    m.args = names.iter().map(|n| -> Expr { syn::parse_quote!(#n) }).collect();
                    let call = std::mem::replace(expr, Expr::Verbatim(TokenStream::new()));
                    *expr = syn::parse_quote!(match (#(#values,)*) { (#(#names,)*) => #call });
                }
            }
            Expr::Call(c) => {
                self.visit(&mut c.func, UseKind::Place);
                for arg in &mut c.args {
                    self.visit(arg, UseKind::Move);
                }
            }
            Expr::Field(f) => {
                // A field of a local used by value (`for x in page.items`, `let n = page.next`) outside a closure.
                let root = match ctx {
                    UseKind::Move if self.in_closure == 0 => field_root(&f.base)
                        .and_then(|(ident, depth)| Some((self.resolve(&ident.to_string())?, ident.clone(), depth + 1))),
                    _ => None,
                };
                let index = self.uses.len();
                if root.is_some() {
                    self.moving_field = true;
                    self.visit(&mut f.base, UseKind::Place);
                    self.moving_field = false;
                } else {
                    self.visit(&mut f.base, UseKind::Place);
                }
                if let (Some((local, ident, depth)), Some(rw)) = (root, &mut self.rewrite)
                    && rw.field_moves.get(index).copied().unwrap_or(false)
                    && rw.rewrite.vacates_field(local, (rw.held_after)(local))
                {
                    let name = rw.rewrite.plain_ident(local, &ident);
                    *expr = vacate_field(expr, depth, &name);
                }
            }
            Expr::Index(i) => {
                self.visit(&mut i.expr, UseKind::Place);
                // Only the indexed place is read shared; the index is an expression of its own (`{ n += 1; n }`).
                let shared_reads = std::mem::take(&mut self.shared_reads);
                self.visit(&mut i.index, UseKind::Move);
                self.shared_reads = shared_reads;
            }
            // A shared borrow of a place only reads it: a drop-flagged local is reached through a shared helper
            // call, so that the borrow (`let cmd = first_word(&line);`) doesn't keep `line` borrowed mutably.
            Expr::Reference(r) if r.mutability.is_none() && crate::syntax::is_local_place(&r.expr) => {
                self.shared_reads += 1;
                self.visit(&mut r.expr, UseKind::Place);
                self.shared_reads -= 1;
            }
            Expr::Reference(r) => {
                let shared_reads = std::mem::take(&mut self.shared_reads);
                self.visit(&mut r.expr, UseKind::Place);
                self.shared_reads = shared_reads;
            }
            Expr::RawAddr(r) => self.visit(&mut r.expr, UseKind::Place),
            Expr::Unary(u) => {
                // `*b` by value moves out of a `Box` (and copies out of a reference): the operand takes the
                // context of the dereference; through a guard or an `Rc` it only reads.
                // A field dereferenced (`*page.count`) is not moved itself.
                let reads_through = |e: &Expr| match crate::syntax::strip_parens(e) {
                    Expr::Path(p) => {
                        p.path.get_ident().and_then(|i| self.resolve(&i.to_string())).is_some_and(self.deref_reads)
                    }
                    _ => false,
                };
                let inner = match u.op {
                    syn::UnOp::Deref(_) if is_field(&u.expr) || reads_through(&u.expr) => UseKind::Place,
                    syn::UnOp::Deref(_) => ctx,
                    _ => UseKind::Move,
                };
                self.visit(&mut u.expr, inner);
            }
            Expr::Binary(b) => {
                use syn::BinOp::{
                    AddAssign, And, BitAndAssign, BitOrAssign, BitXorAssign, DivAssign, Eq, Ge, Gt, Le, Lt, MulAssign,
                    Ne, Or, RemAssign, ShlAssign, ShrAssign, SubAssign,
                };
                match b.op {
                    Eq(_) | Ne(_) | Lt(_) | Le(_) | Gt(_) | Ge(_) => {
                        self.visit(&mut b.left, UseKind::Place);
                        self.visit(&mut b.right, UseKind::Place);
                    }
                    And(_) | Or(_) => {
                        self.visit(&mut b.left, UseKind::Move);
                        self.visit_cond(&mut b.right, UseKind::Move);
                    }
                    AddAssign(_) | SubAssign(_) | MulAssign(_) | DivAssign(_) | RemAssign(_) | BitXorAssign(_)
                    | BitAndAssign(_) | BitOrAssign(_) | ShlAssign(_) | ShrAssign(_) => {
                        // The right side is evaluated first for primitive operands, then the place is read and
                        // written; a place use covers both.
                        self.visit(&mut b.right, UseKind::Move);
                        self.visit(&mut b.left, UseKind::Place);
                    }
                    _ => {
                        self.visit(&mut b.left, UseKind::Move);
                        self.visit(&mut b.right, UseKind::Move);
                    }
                }
            }
            Expr::Assign(a) => {
                // `_ = x;` neither moves nor drops `x`, as `let _ = x;` doesn't.
                let ctx = if matches!(&*a.left, Expr::Infer(_)) { UseKind::Place } else { UseKind::Move };
                self.visit(&mut a.right, ctx);
                let target = match &*a.left {
                    Expr::Path(p) if p.qself.is_none() => p.path.get_ident().cloned(),
                    _ => None,
                };
                match target.as_ref().and_then(|i| self.resolve(&i.to_string()).map(|l| (l, i.clone()))) {
                    Some((local, ident)) => {
                        self.tokens.push(Some(ident.clone()));
                        self.uses.push(Use {
                            local,
                            kind: UseKind::Write,
                            conditions: self.conditions.clone(),
                            jumps_before: self.jumps_seen,
                            branches: self.branches.clone(),
                            repeats: self.repeats.clone(),
                            returns: if self.in_closure == 0 { self.returning.clone() } else { Vec::new() },
                            field_move: false,
                        });
                        if let Some(rw) = &mut self.rewrite {
                            let value = (*a.right).clone();
                            if let Some(new) = rw.rewrite.assign(local, value, &ident) {
                                *expr = new;
                            } else if let Some(access) = Some(rw.rewrite.access(local, UseKind::Write, false, &ident)) {
                                *a.left = access;
                            }
                        }
                    }
                    None => self.visit(&mut a.left, UseKind::Place),
                }
            }
            Expr::Paren(p) => self.visit(&mut p.expr, ctx),
            Expr::Group(g) => self.visit(&mut g.expr, ctx),
            _ => self.with(UseKind::Move, false, |w| syn::visit_mut::visit_expr_mut(w, expr)),
        }
        if jumps {
            self.jumps_seen += 1;
        }
    }

    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        self.visit_block_stmts(block);
    }

    /// `S { x }` with `x` rewritten (`(*x)` in place) is written out: `S { x: (*x) }`.
    fn visit_field_value_mut(&mut self, field: &mut syn::FieldValue) {
        syn::visit_mut::visit_field_value_mut(self, field);
        let still_shorthand = matches!(&field.member, syn::Member::Named(name)
            if matches!(&field.expr, Expr::Path(p) if p.path.is_ident(name)));
        if field.colon_token.is_none() && !still_shorthand {
            field.colon_token = Some(syn::Token![:](syn::spanned::Spanned::span(&field.member)));
        }
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_receivers_and_operands() {
        let env = vec![("v".to_string(), 0), ("n".to_string(), 1)];
        let labels = |_| (None, false);
        let mut w = Walker::new(&env, &[], &labels);
        let mut e: Expr = syn::parse_quote!(v.push(n + 1));
        w.walk(&mut e, UseKind::Move);
        let kinds: Vec<_> = w.uses.iter().map(|u| (u.local, u.kind)).collect();
        assert_eq!(kinds, vec![(0, UseKind::Place), (1, UseKind::Move)]);
    }

    #[test]
    fn fields_used_by_value_are_field_moves() {
        let env = vec![("page".to_string(), 0)];
        let labels = |_| (None, false);
        let field_moves = |e: Expr| {
            let mut e = e;
            let mut w = Walker::new(&env, &[], &labels);
            w.walk(&mut e, UseKind::Move);
            w.uses.iter().map(|u| (u.kind, u.field_move)).collect::<Vec<_>>()
        };
        let moved = vec![(UseKind::Place, true)];
        let read = vec![(UseKind::Place, false)];
        assert_eq!(field_moves(syn::parse_quote!(page.items)), moved);
        assert_eq!(field_moves(syn::parse_quote!(f(page.inner.items, 1))), moved);
        assert_eq!(field_moves(syn::parse_quote!(page.items.into_iter())), moved);
        assert_eq!(field_moves(syn::parse_quote!(if let Some(t) = page.title { t } else { 0 })), moved);
        assert_eq!(field_moves(syn::parse_quote!(page.items.len())), read);
        assert_eq!(field_moves(syn::parse_quote!(&page.items)), read);
        assert_eq!(field_moves(syn::parse_quote!(*page.count)), read);
        assert_eq!(
            field_moves(syn::parse_quote!(match page.kind {
                Kind::A(n) => n,
                _ => 0,
            })),
            read
        );
        assert_eq!(field_moves(syn::parse_quote!(|| page.items)), read);
    }

    #[test]
    fn closure_parameters_shadow_locals() {
        let env = vec![("x".to_string(), 0)];
        let labels = |_| (None, false);
        let mut w = Walker::new(&env, &[], &labels);
        let mut e: Expr = syn::parse_quote!(|x| x + 1);
        w.walk(&mut e, UseKind::Move);
        assert!(w.uses.is_empty());
    }
}

//! Mistakes the macro recognises in the body before lowering it, reported at the user's tokens with the fix
//! (rustc would otherwise report them against the generated code): `?` in a generator, whose body returns
//! `()`, a `yield_from!` of a literal, a `yield_from!` of the fn itself without a boxed state, nightly's
//! `yield` keyword (or `yield!`) and a call `yield_(..)` where `yield_!` is meant, a `yield_!` in an assertion's
//! message (evaluated only when the assertion fails), an `if` without `else` used as a value, a
//! generator's `return` of a value that surely isn't `()`, `#[cfg]` on a statement that suspends (which the
//! macro can't evaluate), items of the body whose move to the fn's top would change what a name means, and
//! `break value` out of a `for` or `while` loop that suspends (a `loop` once transformed), and a `let ... else`
//! whose suspending `else` block surely doesn't diverge.
//!
//! Only the fn's own body is looked at: not closures, async blocks, constants or nested items, where `?` and
//! `yield_from!` mean something else (or are reported by `syntax::check_misplaced`).

use proc_macro2::Span;
use quote::ToTokens;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Expr, Token};

use crate::errors::Errors;
use crate::signature::Shape;
use crate::syntax::{find_yield, macro_operands, parse_yield_arg, statement_attrs, suspension_name};

/// Reports every `?` in a generator's own body, every `yield_from!` whose argument is a literal or, unboxed, a
/// call of the fn itself, and every `yield` expression.
/// `unboxed_name`: the fn's name when its state isn't boxed, where a `yield_from!` of a call of itself can't
/// work (the state would contain itself: rustc's E0720 "cannot resolve opaque type", without a hint).
pub fn check_body(block: &syn::Block, shape: &Shape, unboxed_name: Option<&syn::Ident>, errors: &mut Errors) {
    // An async generator's body returns `()` too.
    let generator = shape.is_generator() || shape.is_stream();
    // In an async generator of `Result`s, `?` yields the error and ends the stream (`stream.rs`).
    let question_allowed = shape.streams_results();
    let mut checker = Checker {
        errors,
        generator,
        stream: shape.is_stream(),
        question_allowed,
        // An async generator of `Result`s takes `?`, when the signature says so in words the macro can read.
        alias_note: if shape.stream_item_may_alias_result() {
            "\nnote: `?` in an async generator yields the error as its last item when the signature's item type is \
             written `Result<T, E>` (or `io::Result<T>`…): a type alias of your own (`Res<T>`) isn't seen through"
        } else {
            ""
        },
        unboxed_name,
    };
    syn::visit::Visit::visit_block(&mut checker, block);
    check_moved_items(block, errors);
    check_loop_values(block, errors);
}

/// Items declared in the body move to the fn's top (every arm needs them), where an item of a nested block that
/// suspends becomes visible in the whole fn, and `macro_rules!` lose their order. Where that would change what a
/// name means, an error at the item: a nested item named like something used outside its block (it would hide
/// it: `fn v()` in a loop, with a `v()` of the module called after the loop), or like another item of the body,
/// and a `macro_rules!` defined twice.
fn check_moved_items(body: &syn::Block, errors: &mut Errors) {
    let mut moved = MovedItems { items: Vec::new(), macros: Vec::new(), at_top: true };
    syn::visit::Visit::visit_block(&mut moved, body);
    let MovedItems { items: found, macros, .. } = moved;
    // The mentions of `name` as a path (not a method's or a field's name after a `.`).
    let count = |tokens: proc_macro2::TokenStream, name: &syn::Ident| {
        let mut n = 0;
        let mut pending = vec![tokens];
        while let Some(stream) = pending.pop() {
            let mut after_dot = false;
            for tree in stream {
                match &tree {
                    proc_macro2::TokenTree::Ident(i) if i == name && !after_dot => n += 1,
                    proc_macro2::TokenTree::Group(g) => pending.push(g.stream()),
                    _ => {}
                }
                after_dot = matches!(&tree, proc_macro2::TokenTree::Punct(p) if p.as_char() == '.');
            }
        }
        n
    };
    let body_tokens = body.to_token_stream();
    for (i, (name, block)) in found.iter().enumerate() {
        let Some(block) = block else { continue };
        let twin = found.iter().enumerate().any(|(j, (other, _))| j != i && other == name);
        let outside = count(body_tokens.clone(), name) > count(block.clone(), name);
        if twin || outside {
            errors.error(
                name.span(),
                format!(
                    "an item declared in a block that suspends is visible in the whole fn (the transform moves it to \
                     the fn's top), where `{name}` also names something else\n\
                     help: give it a name of its own, or declare it at the top of the fn's body"
                ),
            );
        }
    }
    for (i, name) in macros.iter().enumerate() {
        if macros[..i].contains(name) {
            errors.error(
                name.span(),
                format!(
                    "`macro_rules! {name}` is defined twice in the body: the transform moves both to the fn's top, \
                     where the second would hide the first everywhere\n\
                     help: give each its own name"
                ),
            );
        }
    }
}

/// The items [`check_moved_items`] looks at: those of the body's top and of the blocks that suspend (with the
/// tokens of the nested block that declares each), and the names of the `macro_rules!` of those blocks.
struct MovedItems {
    items: Vec<(syn::Ident, Option<proc_macro2::TokenStream>)>,
    macros: Vec<syn::Ident>,
    /// The next block visited is the body itself.
    at_top: bool,
}

impl<'ast> syn::visit::Visit<'ast> for MovedItems {
    fn visit_block(&mut self, b: &'ast syn::Block) {
        let top = std::mem::replace(&mut self.at_top, false);
        let suspends =
            find_yield(&Expr::Block(syn::ExprBlock { attrs: Vec::new(), label: None, block: b.clone() })).is_some();
        if !top && !suspends {
            return;
        }
        for stmt in &b.stmts {
            match stmt {
                syn::Stmt::Item(syn::Item::Macro(m)) if m.mac.path.is_ident("macro_rules") => {
                    self.macros.extend(m.ident.clone());
                }
                syn::Stmt::Item(item) => {
                    let tokens = (!top).then(|| b.to_token_stream());
                    self.items.extend(item_names(item).into_iter().map(|name| (name, tokens.clone())));
                }
                _ => {}
            }
        }
        syn::visit::visit_block(self, b);
    }
    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
    fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// The names an item declares (a `use`: its last segments and renames).
fn item_names(item: &syn::Item) -> Vec<syn::Ident> {
    fn used(tree: &syn::UseTree, out: &mut Vec<syn::Ident>) {
        match tree {
            syn::UseTree::Path(p) => used(&p.tree, out),
            syn::UseTree::Name(n) if n.ident != "self" => out.push(n.ident.clone()),
            syn::UseTree::Rename(r) => out.push(r.rename.clone()),
            syn::UseTree::Group(g) => g.items.iter().for_each(|t| used(t, out)),
            syn::UseTree::Name(_) | syn::UseTree::Glob(_) => {}
        }
    }
    let mut out = Vec::new();
    match item {
        syn::Item::Fn(f) => out.push(f.sig.ident.clone()),
        syn::Item::Const(c) => out.push(c.ident.clone()),
        syn::Item::Static(s) => out.push(s.ident.clone()),
        syn::Item::Struct(s) => out.push(s.ident.clone()),
        syn::Item::Enum(e) => out.push(e.ident.clone()),
        syn::Item::Union(u) => out.push(u.ident.clone()),
        syn::Item::Trait(t) => out.push(t.ident.clone()),
        syn::Item::Type(t) => out.push(t.ident.clone()),
        syn::Item::Mod(m) => out.push(m.ident.clone()),
        syn::Item::Use(u) => used(&u.tree, &mut out),
        _ => {}
    }
    out
}

struct Checker<'e> {
    errors: &'e mut Errors,
    /// The body returns `()`: a generator's or an async generator's.
    generator: bool,
    stream: bool,
    /// `?` yields the error (an async generator of `Result`s).
    question_allowed: bool,
    /// A note for `?`'s error when the async generator's item type may be an alias of a `Result` (`Res<u32>`).
    alias_note: &'static str,
    unboxed_name: Option<&'e syn::Ident>,
}

/// How the messages name what the fn returns.
struct Words {
    /// What a recursive one must return instead.
    boxed: &'static str,
    /// What its `yield_from!` takes.
    delegates_to: &'static str,
}

impl Checker<'_> {
    fn words(&self) -> Words {
        match (self.stream, self.generator) {
            (true, _) => Words {
                boxed: "a boxed async generator, `-> Pin<Box<dyn Stream<Item = ..>>>`",
                delegates_to: "a stream",
            },
            (false, true) => Words {
                boxed: "a boxed generator, `-> Box<dyn Iterator<Item = ..>>`",
                delegates_to: "a coroutine or an iterator",
            },
            (false, false) => Words {
                boxed: "a boxed coroutine, `-> Pin<Box<dyn stackless::Coroutine<.., Yield = .., Return = ..>>>`",
                delegates_to: "a coroutine",
            },
        }
    }

    fn question(&mut self, span: Span) {
        let (what, items) = if self.stream { ("an async generator", "Stream") } else { ("a generator", "Iterator") };
        let alias_note = self.alias_note;
        self.errors.error(
            span,
            format!(
                "cannot use the `?` operator in {what}: its body returns `()`, not a `Result` or an `Option`{alias_note}\n\
                 help: handle the error here (`match`, `if let`, `let ... else`), or yield the results as items: \
                 `-> impl {items}<Item = Result<T, E>>` and `yield_!(Err(e))`"
            ),
        );
    }

    /// `yield_from!(count(n - 1))` inside `count`, `yield_from!(self.walk(..))` inside `walk`.
    fn delegated_to_itself(&mut self, arg: &Expr) {
        let Some(name) = self.unboxed_name else { return };
        // `count(..)`, `Self::count(..)`, `self.count(..)`: not `other.count(..)` or `module::count(..)`.
        let callee = match arg {
            Expr::Call(c) => match &*c.func {
                Expr::Path(p) if p.qself.is_none() => match &p.path.segments.iter().collect::<Vec<_>>()[..] {
                    [f] => Some(&f.ident),
                    [ty, f] if ty.ident == "Self" => Some(&f.ident),
                    _ => None,
                },
                _ => None,
            },
            Expr::MethodCall(m) if matches!(&*m.receiver, Expr::Path(p) if p.path.is_ident("self")) => Some(&m.method),
            _ => None,
        };
        if callee.is_some_and(|callee| callee == name) {
            // A coroutine is resumed through `Pin<&mut Self>`: boxed, it is `Pin<Box<dyn ..>>`.
            let boxed = self.words().boxed;
            self.errors.error(
                arg.span(),
                format!(
                    "`{name}` delegates to itself, so its state would contain itself\n\
                     help: return {boxed}: the macro boxes the state"
                ),
            );
        }
    }

    fn delegated_literal(&mut self, lit: &syn::ExprLit) {
        let lit = lit.to_token_stream();
        let inner = self.words().delegates_to;
        self.errors.error(
            lit.span(),
            format!(
                "`yield_from!` delegates to {inner}, not to a literal\n\
                 help: to yield this one value, write `yield_!({lit})`"
            ),
        );
    }
}

impl<'ast> syn::visit::Visit<'ast> for Checker<'_> {
    fn visit_expr_yield(&mut self, y: &'ast syn::ExprYield) {
        let value = match y.expr.as_deref() {
            // `yield!(v)`: the macro's name without its `_` (`!` and the parentheses then parse as the value).
            Some(Expr::Unary(syn::ExprUnary { op: syn::UnOp::Not(_), expr, .. })) => match &**expr {
                Expr::Paren(p) => p.expr.to_token_stream(),
                Expr::Tuple(t) => t.elems.to_token_stream(),
                other => quote::quote!(!#other),
            },
            other => other.map(ToTokens::to_token_stream).unwrap_or_default(),
        };
        self.errors.error(
            y.yield_token.span,
            format!(
                "`yield` is the keyword of nightly Rust's coroutines\n\
                 help: in a `#[stackless::coroutine]` fn, suspend with the macro: `yield_!({value})`"
            ),
        );
        syn::visit::visit_expr_yield(self, y);
    }

    fn visit_stmt(&mut self, stmt: &'ast syn::Stmt) {
        // `#[cfg(..)] yield_!(x);`: the statement is taken apart into the arms, where the `cfg` can't follow it
        // (the macro can't evaluate it): the suspension would happen whatever the `cfg` says.
        if let Some(cfg) = statement_attrs(stmt).iter().find(|a| a.path().is_ident("cfg"))
            && statement_suspends(stmt)
        {
            self.errors.error(
                cfg.pound_token.span,
                "`#[cfg(..)]` on a statement that suspends is not supported: the macro can't evaluate it\n\
                 help: test it in the code instead: `if cfg!(..) { .. }`",
            );
        }
        syn::visit::visit_stmt(self, stmt);
    }

    fn visit_local(&mut self, l: &'ast syn::Local) {
        // `let x = if c { yield_!(..); 5 };`: rustc's E0317, which the split `if` would hide behind the macro's
        // type witness.
        if let Some(init) = &l.init
            && let Expr::If(i) = &*init.expr
            && i.else_branch.is_none()
            && find_yield(&init.expr).is_some()
            && let Some(syn::Stmt::Expr(tail @ Expr::Lit(_), None)) = i.then_branch.stmts.last()
        {
            self.errors.error(
                tail.span(),
                "`if` may be missing an `else` clause: without one, it has no value when its condition is false\n\
                 help: add an `else` block with a value of the same type",
            );
        }
        // `let Some(x) = o else { yield_!(0); };`: an `else` block that suspends and then surely ends without
        // diverging (its last statement is a suspension or a `let`): rustc's "`else` clause of `let...else` does
        // not diverge", which the split block would report as a mismatch against generated code.
        if let Some(init) = &l.init
            && let Some((_, els)) = &init.diverge
            && let Expr::Block(b) = &**els
            && b.block.stmts.iter().any(statement_suspends)
            && let Some(ends_with) = match b.block.stmts.last() {
                Some(syn::Stmt::Local(_)) => Some("a `let`"),
                Some(syn::Stmt::Macro(m)) => suspension_name(&m.mac).map(|_| "a suspension"),
                Some(syn::Stmt::Expr(Expr::Macro(m), _)) => suspension_name(&m.mac).map(|_| "a suspension"),
                _ => None,
            }
        {
            self.errors.error(
                b.block.brace_token.span.close(),
                format!(
                    "the `else` block of `let ... else` must diverge, and this one ends with {ends_with}\n\
                     help: end it with `return`, `break`, `continue` or a panic"
                ),
            );
        }
        syn::visit::visit_local(self, l);
    }

    fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
        // `yield_(v)`: the macro called as a fn (rustc would only say it can't find a fn `yield_`).
        if let Expr::Path(p) = &*c.func
            && let Some(name) = p.path.get_ident().filter(|i| *i == "yield_" || *i == "yield_from")
        {
            let args = c.args.to_token_stream();
            self.errors.error(name.span(), format!("`{name}` is a macro, not a fn\nhelp: write `{name}!({args})`"));
        }
        syn::visit::visit_expr_call(self, c);
    }

    fn visit_expr_return(&mut self, r: &'ast syn::ExprReturn) {
        // A generator's body returns `()` (rustc would say so against the step's generated return type).
        // (Only values that surely aren't `()`: `return f();` with `f` returning `()` is fine.)
        let not_unit = |e: &Expr| match e {
            Expr::Lit(_) => true,
            Expr::Path(p) => p.path.is_ident("None"),
            Expr::Call(c) => {
                matches!(&*c.func, Expr::Path(f) if ["Some", "Ok", "Err"].iter().any(|n| f.path.is_ident(n)))
            }
            _ => false,
        };
        if self.generator
            && let Some(value) = &r.expr
            && not_unit(value)
        {
            let message = if self.stream {
                "an async generator's body returns `()`: its `return` takes no value\n\
                 help: yield the value, then return: `yield_!(value); return;`"
            } else {
                "a generator's body returns `()`: its `return` takes no value\n\
                 help: yield the value, then return: `yield_!(value); return;`, or make it a coroutine that \
                 returns one: `-> impl Coroutine<Yield = Y, Return = T>`"
            };
            self.errors.error(value.span(), message);
        }
        syn::visit::visit_expr_return(self, r);
    }

    fn visit_expr_try(&mut self, t: &'ast syn::ExprTry) {
        if self.generator && !self.question_allowed {
            self.question(t.question_token.span);
        }
        syn::visit::visit_expr_try(self, t);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        match suspension_name(mac) {
            Some("yield_") => {
                if let Ok(Some(arg)) = mac.parse_body_with(parse_yield_arg) {
                    syn::visit::visit_expr(self, &arg);
                }
            }
            Some(_) => {
                if let Ok(args) = mac.parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated) {
                    match args.first() {
                        Some(Expr::Lit(lit)) => self.delegated_literal(lit),
                        Some(arg) => self.delegated_to_itself(arg),
                        None => {}
                    }
                    for arg in &args {
                        syn::visit::visit_expr(self, arg);
                    }
                }
            }
            None => {
                if let Some(args) = macro_operands(mac) {
                    // An assertion's message is evaluated only when it fails: a suspension point there would run
                    // whether it fails or not.
                    let name = mac.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
                    let checked = match name.trim_start_matches("debug_") {
                        "assert" => 1,
                        "assert_eq" | "assert_ne" => 2,
                        _ => usize::MAX,
                    };
                    if let Some(span) = args.iter().skip(checked).find_map(find_yield) {
                        self.errors.error(
                            span,
                            format!(
                                "`yield_!` in the message of `{name}!` is not supported: the message is evaluated \
                                 only when the assertion fails\n\
                                 help: write the check out: `if !(..) {{ panic!(\"..\", yield_!(..)) }}`"
                            ),
                        );
                    }
                    for arg in args.iter() {
                        syn::visit::visit_expr(self, arg);
                    }
                }
            }
        }
    }

    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
    fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
    fn visit_expr_const(&mut self, _: &'ast syn::ExprConst) {}
    fn visit_expr_try_block(&mut self, _: &'ast syn::ExprTryBlock) {}
    fn visit_item(&mut self, _: &'ast syn::Item) {}
    fn visit_type(&mut self, _: &'ast syn::Type) {}
}

/// `break value` out of a `for` or `while` loop that suspends: rustc's E0571 for the plain fn, but the transform
/// makes such a loop a `loop` (its arms continue it in the middle), where the value would be taken, and rustc
/// would report a type mismatch against generated code instead.
fn check_loop_values(block: &syn::Block, errors: &mut Errors) {
    struct Loops<'e> {
        errors: &'e mut Errors,
        /// The enclosing loops and labeled blocks, innermost last: (a `for` or `while` that suspends, label,
        /// labeled block).
        stack: Vec<(Option<&'static str>, Option<String>, bool)>,
    }
    impl<'ast> syn::visit::Visit<'ast> for Loops<'_> {
        fn visit_expr(&mut self, e: &'ast Expr) {
            let (kind, label, body): (Option<&'static str>, _, _) = match e {
                Expr::ForLoop(f) => (Some("for"), f.label.as_ref(), Some(&f.body)),
                Expr::While(w) => (Some("while"), w.label.as_ref(), Some(&w.body)),
                Expr::Loop(l) => (None, l.label.as_ref(), Some(&l.body)),
                Expr::Block(b) if b.label.is_some() => {
                    let label = b.label.as_ref().map(|l| l.name.ident.to_string());
                    self.stack.push((None, label, true));
                    syn::visit::visit_expr(self, e);
                    self.stack.pop();
                    return;
                }
                Expr::Break(b) => {
                    if let Some(value) = &b.expr {
                        let wanted = b.label.as_ref().map(|l| l.ident.to_string());
                        let target = self.stack.iter().rev().find(|(_, label, block)| match &wanted {
                            Some(w) => label.as_ref() == Some(w),
                            None => !block,
                        });
                        if let Some((Some(kind), ..)) = target {
                            self.errors.error(
                                b.break_token.span,
                                format!(
                                    "`break` with a value out of a `{kind}` loop: only `loop` gives one (rustc's E0571)\n\
                                     help: break on its own after setting a local, `found = Some(..); break;`, or \
                                     write the loop as a `loop`"
                                ),
                            );
                        }
                        self.visit_expr(value);
                    }
                    return;
                }
                Expr::Closure(_) | Expr::Async(_) | Expr::Const(_) => return,
                _ => (None, None, None),
            };
            match body {
                Some(body) => {
                    let suspends = kind.is_some() && body.stmts.iter().any(statement_suspends);
                    let label = label.map(|l| l.name.ident.to_string());
                    self.stack.push((kind.filter(|_| suspends), label, false));
                    syn::visit::visit_expr(self, e);
                    self.stack.pop();
                }
                None => syn::visit::visit_expr(self, e),
            }
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut loops = Loops { errors, stack: Vec::new() };
    syn::visit::Visit::visit_block(&mut loops, block);
}

/// The statement has a suspension point of its own: a `yield_!`, `yield_from!` or (in an async generator)
/// `.await` outside closures, async blocks and items.
fn statement_suspends(stmt: &syn::Stmt) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_expr(&mut self, e: &'ast Expr) {
            if matches!(e, Expr::Await(_)) || find_yield(e).is_some() {
                self.0 = true;
                return;
            }
            syn::visit::visit_expr(self, e);
        }
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            let e = Expr::Macro(syn::ExprMacro { attrs: Vec::new(), mac: mac.clone() });
            self.0 |= find_yield(&e).is_some();
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder(false);
    syn::visit::Visit::visit_stmt(&mut finder, stmt);
    finder.0
}

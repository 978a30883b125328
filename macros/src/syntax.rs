//! Vocabulary: recognising the user's syntax. Shared by the phases; imports no phase (only the other
//! vocabulary modules and the error accumulator).
//!
//! - Suspension points: `yield_!`/`yield_from!` ([`suspension_name`], [`find_yield`], [`parse_yield_arg`]), the
//!   macros whose arguments are expressions ([`expression_macro`]) and the misplaced ones ([`check_misplaced`]).
//! - Places and patterns: [`is_local_place`] and [`is_place_expression`] (two different rules, see each),
//!   [`contains_let`], what a pattern binds ([`binds`], [`pattern_idents`], [`pattern_names`], [`ref_bindings`],
//!   [`binds_by_ref`], [`binds_only_by_ref`]) and whether a `let` reads its value in place
//!   ([`let_reads_in_place`]).
//! - Values: [`strip_parens`], whether one is surely a temporary rustc doesn't promote ([`unpromoted`]), how many
//!   calls it makes ([`calls`]), whether it has a closure ([`has_closure`]) or its value surely holds none of its
//!   closures (a search's: [`result_without_closure`]), a `str` method's literal pattern ([`str_or_char_literal`]); and the two the rewrites of a local's
//!   uses build for every use, made directly rather than parsed from tokens ([`ident_expr`], [`deref_expr`]);
//!   whether `*` of a `let`'s value reads through it, a guard or an `Rc` ([`reads_through_deref`]).
//! - Statements: the attributes written on one ([`statement_attrs`]).

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Expr, Pat, Token};

use crate::conventions::{GUARD_METHODS, REF_MACROS, VALUE_MACROS};
use crate::errors::Errors;

/// `ident` as an expression, as `parse_quote!(#ident)` makes it.
pub fn ident_expr(ident: syn::Ident) -> Expr {
    Expr::Path(syn::ExprPath { attrs: Vec::new(), qself: None, path: ident.into() })
}

/// `(*inner)`, with the parentheses and the `*` at `span`: located at the user's token, an error about the place
/// (a move out of it, a second `&mut` of it) is reported there, not at the attribute.
pub fn deref_expr(inner: Expr, span: Span) -> Expr {
    let deref =
        Expr::Unary(syn::ExprUnary { attrs: Vec::new(), op: syn::UnOp::Deref(Token![*](span)), expr: Box::new(inner) });
    Expr::Paren(syn::ExprParen { attrs: Vec::new(), paren_token: syn::token::Paren(span), expr: Box::new(deref) })
}

/// A `yield_!(..)` or `yield_from!(..)` invocation: a suspension point.
pub fn yield_macro(mac: &syn::Macro) -> bool {
    suspension_name(mac).is_some()
}

/// `yield_` or `yield_from` when the macro is one of ours (`yield_!`, `stackless::yield_!`, ...).
pub fn suspension_name(mac: &syn::Macro) -> Option<&'static str> {
    let segs: Vec<String> = mac.path.segments.iter().map(|s| s.ident.to_string()).collect();
    let last = match segs.as_slice() {
        [one] => one.as_str(),
        [krate, one] if krate == "stackless" => one.as_str(),
        _ => return None,
    };
    match last {
        "yield_" => Some("yield_"),
        "yield_from" => Some("yield_from"),
        _ => None,
    }
}

/// Finds the first `yield_!` in an expression, not looking into closures, async blocks or items (those are
/// reported by [`check_misplaced`]).
pub fn find_yield(expr: &Expr) -> Option<Span> {
    struct Finder(Option<Span>);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            if self.0.is_none() && yield_macro(mac) {
                self.0 = Some(mac.path.span());
            } else if self.0.is_none() {
                self.0 = yield_in_tokens(mac.tokens.clone());
            }
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
        fn visit_expr_const(&mut self, _: &'ast syn::ExprConst) {}
        // Array lengths are constants (reported by `check_misplaced`).
        fn visit_expr_repeat(&mut self, r: &'ast syn::ExprRepeat) {
            syn::visit::visit_expr(self, &r.expr);
        }
        fn visit_type_array(&mut self, a: &'ast syn::TypeArray) {
            syn::visit::visit_type(self, &a.elem);
        }
    }
    let mut finder = Finder(None);
    syn::visit::Visit::visit_expr(&mut finder, expr);
    finder.0
}

/// `yield_` followed by `!` anywhere in a token stream (inside another macro's arguments).
fn yield_in_tokens(tokens: TokenStream) -> Option<Span> {
    let trees: Vec<_> = tokens.into_iter().collect();
    for (i, tt) in trees.iter().enumerate() {
        match tt {
            proc_macro2::TokenTree::Ident(id) if id == "yield_" || id == "yield_from" => {
                if matches!(trees.get(i + 1), Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == '!') {
                    return Some(id.span());
                }
            }
            proc_macro2::TokenTree::Group(g) => {
                if let Some(span) = yield_in_tokens(g.stream()) {
                    return Some(span);
                }
            }
            _ => {}
        }
    }
    None
}

/// Tokens as `stringify!` prints an expression (`f(a, b).x + 1`, `yield_!(5)`, `v[i]`, `&x`, `x?`): no space
/// around `.` and `::`, none before `,`, `;`, `?` or the brackets of a call, an index or a macro, one around binary
/// operators and after commas.
pub fn stringified(tokens: TokenStream) -> String {
    use proc_macro2::{Delimiter, Spacing, TokenTree};
    /// What was printed last, which decides the space before the next token.
    #[derive(Clone, Copy, PartialEq)]
    enum Last {
        Start,
        /// An identifier, a literal, a closed group or `?`: a call's or an index's brackets follow it directly.
        Word,
        /// `.`, `::` or a macro's `!`: the next token follows directly.
        Glue,
        /// A prefix operator (`&`, `-`, `*`, `!`).
        Prefix,
        /// A binary operator, a `,` or a `;`: a space follows.
        Spaced,
    }
    let mut out = String::new();
    let mut last = Last::Start;
    // Open generic arguments (`::<`), whose `<` and `>` are tight.
    let mut angles = 0usize;
    // Inside a closure's `|..|`.
    let mut in_pipes = false;
    let mut trees = tokens.into_iter().peekable();
    while let Some(tree) = trees.next() {
        let space_before = match &tree {
            TokenTree::Group(g) if matches!(g.delimiter(), Delimiter::Parenthesis | Delimiter::Bracket) => {
                last == Last::Spaced
            }
            TokenTree::Punct(_) => false,
            _ => matches!(last, Last::Word | Last::Spaced),
        };
        match tree {
            TokenTree::Group(g) => {
                let (open, close) = match g.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::Brace => ("{ ", " }"),
                    Delimiter::None => ("", ""),
                };
                if space_before {
                    out.push(' ');
                }
                out.push_str(open);
                out.push_str(&stringified(g.stream()));
                out.push_str(close);
                last = Last::Word;
            }
            TokenTree::Ident(_) | TokenTree::Literal(_) => {
                if space_before {
                    out.push(' ');
                }
                out.push_str(&tree.to_string());
                last = Last::Word;
            }
            TokenTree::Punct(p) => {
                // A multi-character operator (`==`, `+=`, `::`, `=>`) is one.
                let mut op = p.as_char().to_string();
                let mut spacing = p.spacing();
                while spacing == Spacing::Joint {
                    match trees.peek() {
                        Some(TokenTree::Punct(next)) => {
                            op.push(next.as_char());
                            spacing = next.spacing();
                            trees.next();
                        }
                        _ => break,
                    }
                }
                let macro_bang = op == "!" && last == Last::Word && matches!(trees.peek(), Some(TokenTree::Group(_)));
                let closing = op.chars().all(|c| c == '>') && angles >= op.len();
                last = match op.as_str() {
                    "." | "::" | ".." | "..=" => Last::Glue,
                    // A closure's parameters: `|x| ..`, `|| ..`.
                    "|" if in_pipes => {
                        in_pipes = false;
                        out.push('|');
                        last = Last::Spaced;
                        continue;
                    }
                    "|" | "||" if last != Last::Word => {
                        if last == Last::Spaced {
                            out.push(' ');
                        }
                        out.push_str(&op);
                        in_pipes = op == "|";
                        last = if in_pipes { Last::Glue } else { Last::Spaced };
                        continue;
                    }
                    "<" if last == Last::Glue => {
                        angles += 1;
                        Last::Glue
                    }
                    _ if closing => {
                        angles -= op.len();
                        Last::Word
                    }
                    _ if macro_bang => Last::Glue,
                    "?" => Last::Word,
                    "," | ";" => {
                        out.push_str(&op);
                        last = Last::Spaced;
                        continue;
                    }
                    "&" | "-" | "*" | "!" | "&&" if last != Last::Word => {
                        if last == Last::Spaced {
                            out.push(' ');
                        }
                        out.push_str(&op);
                        last = Last::Prefix;
                        continue;
                    }
                    _ => {
                        out.push(' ');
                        out.push_str(&op);
                        last = Last::Spaced;
                        continue;
                    }
                };
                out.push_str(&op);
            }
        }
    }
    out
}

/// `dbg!(e)` whose `e` suspends, as `dbg!` expands, with `e`'s text as written: spilling `e` (or rewriting an
/// `.await` in it) would make `dbg!` print the spilled local's name (`__spill1 = 5`). Each argument is matched into a value, printed as `dbg!`
/// prints it (`[file:line:column] e = {:#?}`), and returned (several as a tuple). `None` when the arguments
/// aren't expressions (rustc reports it).
pub fn dbg_by_hand(mac: &syn::Macro) -> Option<Expr> {
    let args = mac.parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated).ok()?;
    let at = mac.path.span();
    let value = syn::Ident::new("__dbg", Span::mixed_site());
    let each = args.iter().map(|arg| {
        let text = stringified(arg.to_token_stream());
        quote::quote_spanned! {at=>
            match #arg {
                #value => {
                    ::std::eprintln!(
                        "[{}:{}:{}] {} = {:#?}",
                        ::core::file!(), ::core::line!(), ::core::column!(), #text, &#value
                    );
                    #value
                }
            }
        }
    });
    Some(match args.len() {
        1 => syn::parse2(each.into_iter().next()?).ok()?,
        _ => syn::parse_quote_spanned!(at=> (#(#each),*)),
    })
}

/// `#[stackless::coroutine]`, or `#[coroutine]` (imported).
pub fn is_coroutine_attribute(attr: &syn::Attribute) -> bool {
    let path = attr.path();
    path.segments.last().is_some_and(|s| s.ident == "coroutine")
        && (path.segments.len() == 1 || path.segments.first().is_some_and(|s| s.ident == "stackless"))
}

/// Reports `yield_!` where no suspension is possible: in a closure, async block, const block or nested item.
pub fn check_misplaced(block: &syn::Block, errors: &mut Errors) {
    struct Checker<'e> {
        errors: &'e mut Errors,
        /// What we are inside of, innermost last.
        context: Vec<&'static str>,
    }
    impl Checker<'_> {
        fn report(&mut self, span: Span, name: &str) {
            let message = match self.context.last().copied() {
                Some("closure") => "`yield_!` cannot be used inside a closure\n\
                    note: a stackless coroutine can only suspend in its own body, not inside a closure it creates or calls: \
                    the closure runs as a separate function whose frame is gone when the coroutine suspends\n\
                    help: use a `for` loop instead of `for_each`/`map` (`for x in items { yield_!(x); }`), \
                    or make the closure a coroutine of its own and delegate to it"
                    .to_string(),
                Some("async block") => "`yield_!` cannot be used inside an `async` block: it would have to suspend the future, not the coroutine".to_string(),
                Some("const") => "`yield_!` cannot be used in a constant expression: constants are evaluated at compile time".to_string(),
                Some("macro") => "`yield_!` inside the arguments of this macro is not supported: its arguments \
                    aren't known to be expressions evaluated in order\n\
                    help: bind the resumed value first: `let value = yield_!(..);` and pass `value` to the macro"
                    .to_string(),
                Some(other) => format!(
                    "`yield_!` cannot be used inside a nested {other}: only the `#[stackless::coroutine]` fn's own body can suspend\n\
                     help: mark the nested fn `#[stackless::coroutine]` too and iterate over or resume it"
                ),
                None => return,
            };
            let message = message.replacen("`yield_!`", &format!("`{name}!`"), 1);
            self.errors.error(span, message);
        }
        fn inside(&mut self, what: &'static str, f: impl FnOnce(&mut Self)) {
            self.context.push(what);
            f(self);
            self.context.pop();
        }
    }
    impl<'ast> syn::visit::Visit<'ast> for Checker<'_> {
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            if let Some(name) = suspension_name(mac) {
                self.report(mac.path.span(), name);
                if let Ok(Some(inner)) = mac.parse_body_with(parse_yield_arg) {
                    syn::visit::visit_expr(self, &inner);
                }
            } else if let Some(args) = macro_operands(mac) {
                // Its arguments are expressions: a suspension there is spilled like a call argument.
                for arg in args.iter() {
                    syn::visit::visit_expr(self, arg);
                }
            } else if let Some(span) = yield_in_tokens(mac.tokens.clone()) {
                let what =
                    if self.context.is_empty() { "macro" } else { self.context.last().copied().unwrap_or("macro") };
                self.inside(what, |c| c.report(span, "yield_"));
            }
        }
        fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
            self.inside("closure", |s| syn::visit::visit_expr_closure(s, c));
        }
        fn visit_expr_async(&mut self, a: &'ast syn::ExprAsync) {
            self.inside("async block", |s| syn::visit::visit_expr_async(s, a));
        }
        fn visit_expr_const(&mut self, c: &'ast syn::ExprConst) {
            self.inside("const", |s| syn::visit::visit_expr_const(s, c));
        }
        fn visit_expr_repeat(&mut self, r: &'ast syn::ExprRepeat) {
            syn::visit::visit_expr(self, &r.expr);
            self.inside("const", |s| syn::visit::visit_expr(s, &r.len));
        }
        fn visit_type_array(&mut self, a: &'ast syn::TypeArray) {
            syn::visit::visit_type(self, &a.elem);
            self.inside("const", |s| syn::visit::visit_expr(s, &a.len));
        }
        fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
            // A nested `#[stackless::coroutine]` fn suspends in its own body: its expansion checks it.
            if !f.attrs.iter().any(is_coroutine_attribute) {
                self.inside("fn", |s| syn::visit::visit_item_fn(s, f));
            }
        }
        fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
            if !f.attrs.iter().any(is_coroutine_attribute) {
                syn::visit::visit_impl_item_fn(self, f);
            }
        }
        fn visit_item_const(&mut self, c: &'ast syn::ItemConst) {
            self.inside("const", |s| syn::visit::visit_item_const(s, c));
        }
        fn visit_item_static(&mut self, c: &'ast syn::ItemStatic) {
            self.inside("const", |s| syn::visit::visit_item_static(s, c));
        }
        fn visit_item_impl(&mut self, i: &'ast syn::ItemImpl) {
            self.inside("impl block", |s| syn::visit::visit_item_impl(s, i));
        }
        fn visit_item_trait(&mut self, i: &'ast syn::ItemTrait) {
            self.inside("trait", |s| syn::visit::visit_item_trait(s, i));
        }
        fn visit_item_mod(&mut self, i: &'ast syn::ItemMod) {
            self.inside("module", |s| syn::visit::visit_item_mod(s, i));
        }
    }
    let mut checker = Checker { errors, context: Vec::new() };
    syn::visit::Visit::visit_block(&mut checker, block);
}

/// The argument of `yield_!`: nothing, or one expression.
pub fn parse_yield_arg(input: syn::parse::ParseStream) -> syn::Result<Option<Expr>> {
    if input.is_empty() {
        return Ok(None);
    }
    let expr: Expr = input.parse().map_err(|e| {
        syn::Error::new(e.span(), "expected the value to yield: `yield_!(value)`, or `yield_!()` to yield `()`")
    })?;
    if input.peek(syn::Token![,]) {
        let comma: syn::Token![,] = input.parse()?;
        if !input.is_empty() {
            return Err(syn::Error::new(
                comma.span,
                "`yield_!` takes one value\nhelp: to yield several values at once, yield a tuple: `yield_!((a, b))`",
            ));
        }
    }
    Ok(Some(expr))
}

/// Whether the macro's arguments are expressions this pass (and the misplacement check) can see into.
pub fn expression_macro(mac: &syn::Macro) -> bool {
    macro_operands(mac).is_some()
}

/// The operands of an expression macro, in evaluation order.
pub enum MacroOperands {
    /// Comma-separated expressions (`format!("{}", a)`, `vec![a, b]`, `assert_eq!(a, b)`).
    List(Punctuated<Expr, Token![,]>),
    /// `vec![value; count]`.
    Repeat(Box<Expr>, Box<Expr>),
}

impl MacroOperands {
    pub fn iter(&self) -> Box<dyn Iterator<Item = &Expr> + '_> {
        match self {
            MacroOperands::List(list) => Box::new(list.iter()),
            MacroOperands::Repeat(value, count) => Box::new([&**value, &**count].into_iter()),
        }
    }

    pub fn iter_mut(&mut self) -> Box<dyn Iterator<Item = &mut Expr> + '_> {
        match self {
            MacroOperands::List(list) => Box::new(list.iter_mut()),
            MacroOperands::Repeat(value, count) => Box::new([&mut **value, &mut **count].into_iter()),
        }
    }

    /// The macro's tokens again, around the operands as they are now.
    pub fn into_tokens(self) -> TokenStream {
        match self {
            MacroOperands::List(list) => list.into_token_stream(),
            MacroOperands::Repeat(value, count) => quote::quote!(#value; #count),
        }
    }
}

/// The operands of a std macro whose arguments are expressions evaluated in order (not `matches!`, whose second
/// argument is a pattern): see [`MacroOperands`].
pub fn macro_operands(mac: &syn::Macro) -> Option<MacroOperands> {
    let name = mac.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
    let known = (REF_MACROS.contains(&name.as_str()) && name != "matches") || VALUE_MACROS.contains(&name.as_str());
    if !known {
        return None;
    }
    if let Ok(list) = mac.parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated) {
        return Some(MacroOperands::List(list));
    }
    let repeat = |input: syn::parse::ParseStream| {
        let value: Expr = input.parse()?;
        input.parse::<Token![;]>()?;
        let count: Expr = input.parse()?;
        Ok(MacroOperands::Repeat(Box::new(value), Box::new(count)))
    };
    if name == "vec" { mac.parse_body_with(repeat).ok() } else { None }
}

/// A place rooted at a local: a local, or a field, index or dereference of one (`*f()` is none: its base is a
/// value). Compare [`is_place_expression`].
pub fn is_local_place(e: &Expr) -> bool {
    match e {
        Expr::Path(_) => true,
        Expr::Field(f) => is_local_place(&f.base),
        Expr::Index(i) => is_local_place(&i.expr),
        Expr::Paren(p) => is_local_place(&p.expr),
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => is_local_place(&u.expr),
        _ => false,
    }
}

/// A place expression as Rust defines it (any dereference `*e`, any index, fields of those): matching on it
/// moves nothing that the pattern doesn't bind. Compare [`is_local_place`].
pub fn is_place_expression(expr: &Expr) -> bool {
    match expr {
        Expr::Path(_) | Expr::Index(_) => true,
        Expr::Field(f) => is_place_expression(&f.base),
        Expr::Paren(p) => is_place_expression(&p.expr),
        Expr::Unary(u) => matches!(u.op, syn::UnOp::Deref(_)),
        _ => false,
    }
}

/// Whether a `&&` chain contains a `let` (a let chain).
pub fn contains_let(expr: &Expr) -> bool {
    match expr {
        Expr::Let(_) => true,
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => contains_let(&b.left) || contains_let(&b.right),
        _ => false,
    }
}

/// Every identifier a pattern binds.
pub fn pattern_names(pat: &Pat) -> Vec<String> {
    pattern_idents(pat).into_iter().map(|(i, _)| i.to_string()).collect()
}

/// Every identifier a pattern binds, with its `mut`.
pub fn pattern_idents(pat: &Pat) -> Vec<(syn::Ident, bool)> {
    struct Names(Vec<(syn::Ident, bool)>);
    impl<'ast> syn::visit::Visit<'ast> for Names {
        fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
            // The alternatives of an or-pattern (`Ok(x) | Err(x)`) bind the same names: one local each.
            if binds(p) && !self.0.iter().any(|(i, _)| *i == p.ident) {
                self.0.push((p.ident.clone(), p.mutability.is_some()));
            }
            syn::visit::visit_pat_ident(self, p);
        }
        fn visit_expr(&mut self, _: &'ast Expr) {}
    }
    let mut names = Names(Vec::new());
    syn::visit::Visit::visit_pat(&mut names, pat);
    names.0
}

/// The identifiers a pattern binds by reference (`ref x`, `ref mut x`).
pub fn ref_bindings(pat: &Pat) -> Vec<&syn::PatIdent> {
    struct Refs<'ast>(Vec<&'ast syn::PatIdent>);
    impl<'ast> syn::visit::Visit<'ast> for Refs<'ast> {
        fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
            if p.by_ref.is_some() {
                self.0.push(p);
            }
            syn::visit::visit_pat_ident(self, p);
        }
        fn visit_expr(&mut self, _: &'ast Expr) {}
    }
    let mut refs = Refs(Vec::new());
    syn::visit::Visit::visit_pat(&mut refs, pat);
    refs.0
}

/// Whether an identifier pattern binds a variable: a lone capitalised identifier is most likely a unit variant
/// or a constant.
pub fn binds(p: &syn::PatIdent) -> bool {
    let looks_like_const = p.subpat.is_none()
        && p.by_ref.is_none()
        && p.mutability.is_none()
        && p.ident.to_string().starts_with(|c: char| c.is_uppercase());
    !looks_like_const
}

/// The pattern binds something by reference (`Some(ref s)`, `(ref mut a, _)`).
pub fn binds_by_ref(pat: &Pat) -> bool {
    !ref_bindings(pat).is_empty()
}

/// A value that is surely a temporary, never promoted to a constant when borrowed: a call of a fn (a lowercase
/// path: `make(..)`, `Vec::new()`; not a tuple struct or variant, `Some(1)`, `P(1, 2)`), a method call, `vec!`,
/// `format!` or a suspension point; or a tuple, array or struct literal (also `P(..)`) with such a call in it, and
/// no reference or closure (`(D::new(..), n + 1)`, `Some(make())`). Any other macro may expand to a place or a
/// constant, and a literal of literals (`Noisy("x")`) may be promoted when its type has no `Drop`.
pub fn unpromoted(e: &Expr) -> bool {
    fn call(e: &Expr) -> bool {
        match e {
            Expr::Call(c) => match strip_parens(&c.func) {
                Expr::Path(p) => {
                    p.path.segments.last().is_some_and(|s| !s.ident.to_string().starts_with(char::is_uppercase))
                }
                _ => true,
            },
            Expr::MethodCall(_) => true,
            Expr::Macro(m) => {
                m.mac.path.is_ident("vec") || m.mac.path.is_ident("format") || suspension_name(&m.mac).is_some()
            }
            _ => false,
        }
    }
    /// No reference, closure, or macro that may expand to one, in it (a call's value is taken for owned,
    /// whatever its arguments): a part a temporary owns.
    fn owned_part(e: &Expr) -> bool {
        struct Owned(bool);
        impl<'ast> syn::visit::Visit<'ast> for Owned {
            fn visit_expr(&mut self, e: &'ast Expr) {
                match e {
                    Expr::Reference(_) | Expr::RawAddr(_) | Expr::Closure(_) | Expr::Async(_) => self.0 = false,
                    Expr::Call(_) | Expr::MethodCall(_) if call(e) => {}
                    Expr::Macro(_) if !call(e) => self.0 = false,
                    _ => syn::visit::visit_expr(self, e),
                }
            }
        }
        let mut owned = Owned(true);
        syn::visit::Visit::visit_expr(&mut owned, e);
        owned.0
    }
    /// A literal's parts, when it is a tuple, array or struct literal (also of a tuple struct or variant:
    /// `P(make())`) of owned parts.
    fn aggregate(e: &Expr) -> Option<Vec<&Expr>> {
        let parts: Vec<&Expr> = match e {
            Expr::Call(c) if !call(e) => c.args.iter().collect(),
            Expr::Tuple(t) => t.elems.iter().collect(),
            Expr::Array(a) => a.elems.iter().collect(),
            Expr::Struct(s) if s.rest.is_none() => s.fields.iter().map(|f| &f.expr).collect(),
            _ => return None,
        };
        parts.iter().all(|p| owned_part(p)).then_some(parts)
    }
    /// Makes a call (outside closures, which it has none of).
    fn has_call(e: &Expr) -> bool {
        struct Calls(bool);
        impl<'ast> syn::visit::Visit<'ast> for Calls {
            fn visit_expr(&mut self, e: &'ast Expr) {
                self.0 |= call(e);
                syn::visit::visit_expr(self, e);
            }
        }
        let mut calls = Calls(false);
        syn::visit::Visit::visit_expr(&mut calls, e);
        calls.0
    }
    let e = strip_parens(e);
    call(e) || aggregate(e).is_some_and(|_| has_call(e))
}

/// Whether `tokens` has the identifier `name` anywhere, also inside macro calls and as a format string's inline
/// argument (`"{name}"`, `"{name:?}"`, `"{x:name$}"`); not as a label or lifetime (`'name`). Conservative: a field
/// or a method of that name counts too.
pub fn mentions_ident(tokens: proc_macro2::TokenStream, name: &syn::Ident) -> bool {
    let name_text = name.to_string();
    let captured = |text: &str| {
        let (open, width) = (format!("{{{name_text}"), format!("{name_text}$"));
        text.match_indices(&open).any(|(at, _)| text[at + open.len()..].starts_with(['}', ':']))
            || text.contains(&width)
    };
    // (Not a label or a lifetime of that name: `'c`.)
    let mut after_quote = false;
    tokens.into_iter().any(|tree| {
        let found = match &tree {
            proc_macro2::TokenTree::Ident(i) => *i == *name && !after_quote,
            proc_macro2::TokenTree::Group(g) => mentions_ident(g.stream(), name),
            proc_macro2::TokenTree::Literal(l) => captured(&l.to_string()),
            proc_macro2::TokenTree::Punct(_) => false,
        };
        after_quote = matches!(&tree, proc_macro2::TokenTree::Punct(p) if p.as_char() == '\'');
        found
    })
}

/// `root.a.b`, a place made of fields only: its root's name and its fields (`self`, `["a", "b"]`).
pub fn field_path(expr: &Expr) -> Option<(&syn::Ident, Vec<String>)> {
    match strip_parens(expr) {
        Expr::Field(f) => {
            let (root, mut fields) = field_path(&f.base).or_else(|| match strip_parens(&f.base) {
                Expr::Path(p) if p.qself.is_none() => Some((p.path.get_ident()?, Vec::new())),
                _ => None,
            })?;
            fields.push(match &f.member {
                syn::Member::Named(name) => name.to_string(),
                syn::Member::Unnamed(index) => index.index.to_string(),
            });
            Some((root, fields))
        }
        _ => None,
    }
}

/// The names closure `c` mentions as plain paths (`limit`, `self`), in order, leaving out every name it binds
/// itself (its parameters, its `let`s, its patterns), so that a shadowing binding is never taken for a capture; the
/// std macros' operands and inline format captures (`format!("{label}={v}")`) count.
pub fn closure_mentions(c: &syn::ExprClosure) -> Vec<syn::Ident> {
    closure_names(c).captured
}

/// Closure `c`'s captures, when its tokens tell them all, with `outer` telling which names are the coroutine's
/// locals: `None` where it has a macro whose operands aren't known (a user's, which may name any local), or where a
/// name it mentions is also one that a `let` or pattern in its body binds, and one of `outer` (which of the two a
/// mention means depends on scopes; its parameters' names are its own throughout).
pub fn closure_captures(c: &syn::ExprClosure, outer: impl Fn(&syn::Ident) -> bool) -> Option<Vec<syn::Ident>> {
    let names = closure_names(c);
    (!names.opaque && !names.shadowed.iter().any(outer)).then_some(names.captured)
}

struct ClosureNames {
    captured: Vec<syn::Ident>,
    /// Mentioned, and bound by a `let` or pattern in the body (not a parameter).
    shadowed: Vec<syn::Ident>,
    opaque: bool,
}

fn closure_names(c: &syn::ExprClosure) -> ClosureNames {
    struct Names {
        bound: Vec<String>,
        mentioned: Vec<syn::Ident>,
        opaque: bool,
    }
    impl<'ast> syn::visit::Visit<'ast> for Names {
        fn visit_pat(&mut self, pat: &'ast syn::Pat) {
            self.bound.extend(pattern_names(pat));
        }
        fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
            if p.qself.is_none()
                && let Some(ident) = p.path.get_ident()
            {
                self.mentioned.push(ident.clone());
            }
        }
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            let Some(operands) = macro_operands(mac) else {
                self.opaque = true;
                return;
            };
            for operand in operands.iter() {
                match operand {
                    // `name = value`: `name` is the format's, not a local.
                    Expr::Assign(a) => self.visit_expr(&a.right),
                    Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => {
                        let captured = format_captures(&s.value());
                        self.mentioned.extend(captured.iter().map(|name| syn::Ident::new(name, s.span())));
                    }
                    other => self.visit_expr(other),
                }
            }
        }
    }
    let parameters: Vec<String> = c.inputs.iter().flat_map(pattern_names).collect();
    let mut names = Names { bound: Vec::new(), mentioned: Vec::new(), opaque: false };
    syn::visit::Visit::visit_expr_closure(&mut names, c);
    let Names { bound, mentioned, opaque } = names;
    let (bound, captured): (Vec<_>, Vec<_>) = mentioned.into_iter().partition(|i| bound.contains(&i.to_string()));
    let shadowed = bound.into_iter().filter(|i| !parameters.contains(&i.to_string())).collect();
    ClosureNames { captured, shadowed, opaque }
}

/// Closure `c` changes the local `name` it captures (`|| seen += 1`), as [`changes_place`] sees it: it borrows it
/// mutably.
pub fn closure_changes(c: &syn::ExprClosure, name: &syn::Ident) -> bool {
    let body =
        syn::Block { brace_token: syn::token::Brace::default(), stmts: vec![syn::Stmt::Expr((*c.body).clone(), None)] };
    changes_place(&body, name, &[])
}

/// Closure `c` uses `name` by reference somewhere, as written: behind `&`, as a method's receiver, a field's or an
/// index's base, an operand of a comparison (`*x == sep`, which compares through references), or matched by a
/// `ref` pattern. Without `move`, such a closure borrows the place it names.
pub fn closure_borrows(c: &syn::ExprClosure, name: &syn::Ident) -> bool {
    struct Borrows<'n> {
        name: &'n syn::Ident,
        found: bool,
    }
    impl Borrows<'_> {
        fn names(&self, e: &Expr) -> bool {
            let mut e = strip_parens(e);
            while let Expr::Field(syn::ExprField { base, .. }) | Expr::Index(syn::ExprIndex { expr: base, .. }) = e {
                e = strip_parens(base);
            }
            matches!(e, Expr::Path(p) if p.path.is_ident(self.name))
        }
    }
    impl<'ast> syn::visit::Visit<'ast> for Borrows<'_> {
        fn visit_expr_reference(&mut self, r: &'ast syn::ExprReference) {
            self.found |= self.names(&r.expr);
            syn::visit::visit_expr_reference(self, r);
        }
        fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
            self.found |= self.names(&m.receiver);
            syn::visit::visit_expr_method_call(self, m);
        }
        fn visit_expr_field(&mut self, f: &'ast syn::ExprField) {
            self.found |= self.names(&f.base);
            syn::visit::visit_expr_field(self, f);
        }
        fn visit_expr_index(&mut self, i: &'ast syn::ExprIndex) {
            self.found |= self.names(&i.expr);
            syn::visit::visit_expr_index(self, i);
        }
        fn visit_expr_binary(&mut self, b: &'ast syn::ExprBinary) {
            use syn::BinOp::{Eq, Ge, Gt, Le, Lt, Ne};
            if matches!(b.op, Eq(_) | Ne(_) | Lt(_) | Le(_) | Gt(_) | Ge(_)) {
                self.found |= self.names(&b.left) || self.names(&b.right);
            }
            syn::visit::visit_expr_binary(self, b);
        }
        fn visit_expr_match(&mut self, m: &'ast syn::ExprMatch) {
            self.found |= m.arms.iter().any(|a| binds_by_ref(&a.pat)) && self.names(&m.expr);
            syn::visit::visit_expr_match(self, m);
        }
    }
    let mut borrows = Borrows { name, found: false };
    syn::visit::Visit::visit_expr(&mut borrows, &c.body);
    borrows.found
}

/// Closure `c` uses each of `names` by value only: as an operand, an argument, an index, a value it returns or
/// binds by value, never behind `&`, as a method's receiver (but `scalars`, a number's `factor.pow(2)`) or a
/// field's base, in a nested closure or a macro, nor matched by a `ref` pattern. Made `move`, such a closure
/// returns nothing that borrows its own copy of them.
pub fn uses_only_by_value(c: &syn::ExprClosure, names: &[&syn::Ident], scalars: &[&syn::Ident]) -> bool {
    struct Uses<'n> {
        names: &'n [&'n syn::Ident],
        scalars: &'n [&'n syn::Ident],
        /// Inside a place whose address the expression takes (`&x`, `x.len()`, `x.0`).
        borrowed: usize,
        by_ref: bool,
    }
    impl Uses<'_> {
        fn borrowed_in(&mut self, e: &Expr) {
            self.borrowed += 1;
            syn::visit::Visit::visit_expr(self, e);
            self.borrowed -= 1;
        }
    }
    impl<'ast> syn::visit::Visit<'ast> for Uses<'_> {
        fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
            if self.borrowed > 0 && p.path.get_ident().is_some_and(|i| self.names.contains(&i)) {
                self.by_ref = true;
            }
        }
        fn visit_expr_reference(&mut self, r: &'ast syn::ExprReference) {
            self.borrowed_in(&r.expr);
        }
        fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
            match strip_parens(&m.receiver) {
                Expr::Path(p) if p.path.get_ident().is_some_and(|i| self.scalars.contains(&i)) => {}
                receiver => self.borrowed_in(receiver),
            }
            m.args.iter().for_each(|a| self.visit_expr(a));
        }
        fn visit_expr_field(&mut self, f: &'ast syn::ExprField) {
            self.borrowed_in(&f.base);
        }
        fn visit_expr_index(&mut self, i: &'ast syn::ExprIndex) {
            self.borrowed_in(&i.expr);
            self.visit_expr(&i.index);
        }
        fn visit_expr_match(&mut self, m: &'ast syn::ExprMatch) {
            if m.arms.iter().any(|a| binds_by_ref(&a.pat)) {
                self.borrowed_in(&m.expr);
            } else {
                self.visit_expr(&m.expr);
            }
            for arm in &m.arms {
                syn::visit::Visit::visit_arm(self, arm);
            }
        }
        fn visit_expr_let(&mut self, l: &'ast syn::ExprLet) {
            if binds_by_ref(&l.pat) { self.borrowed_in(&l.expr) } else { self.visit_expr(&l.expr) }
        }
        fn visit_local(&mut self, l: &'ast syn::Local) {
            match &l.init {
                Some(init) if binds_by_ref(&l.pat) => self.borrowed_in(&init.expr),
                _ => syn::visit::visit_local(self, l),
            }
        }
        fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
            self.borrowed_in(&c.body);
        }
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            if self.names.iter().any(|n| mentions_ident(mac.tokens.clone(), n)) {
                self.by_ref = true;
            }
        }
    }
    let mut uses = Uses { names, scalars, borrowed: 0, by_ref: false };
    syn::visit::Visit::visit_expr(&mut uses, &c.body);
    !uses.by_ref
}

/// Whether `body` may change the place `root.path` (a sequence a loop goes over by index) or a part of it, as
/// written: an assignment to it or to a part, a `&mut` of it (or of `root` or a field on the way), a method call on
/// it or on an item that changes its receiver ([`crate::conventions::sequence_change`]), a `write!` into it, or any
/// mention of `root` in a macro other than std's expression macros and `yield_!`. A method of `root` itself
/// (`self.total()`, with `path` = `items`) doesn't count: where it changes the items while the loop's item is in
/// use, rustc rejects the call here as in the plain fn. What follows a `let` that shadows `root` in a block names
/// that binding.
pub fn changes_place(body: &syn::Block, root: &syn::Ident, path: &[String]) -> bool {
    use syn::visit::Visit;
    struct Changes<'a> {
        root: &'a syn::Ident,
        path: &'a [String],
        found: bool,
    }
    impl Changes<'_> {
        /// The fields of `root` that `expr` reaches (through fields, indexes and derefs), if it is a place of it.
        fn reached(&self, expr: &Expr) -> Option<Vec<String>> {
            match strip_parens(expr) {
                Expr::Path(p) => p.path.is_ident(self.root).then(Vec::new),
                Expr::Field(f) => {
                    let mut fields = self.reached(&f.base)?;
                    fields.push(match &f.member {
                        syn::Member::Named(name) => name.to_string(),
                        syn::Member::Unnamed(index) => index.index.to_string(),
                    });
                    Some(fields)
                }
                Expr::Index(i) => self.reached(&i.expr),
                Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => self.reached(&u.expr),
                _ => None,
            }
        }
        /// `expr` is the loop's place, a part of it, or a place on the way to it.
        fn overlaps(&self, expr: &Expr) -> bool {
            self.reached(expr).is_some_and(|reached| !reached.iter().zip(self.path).any(|(a, b)| a != b))
        }
    }
    impl<'ast> Visit<'ast> for Changes<'_> {
        fn visit_expr(&mut self, expr: &'ast Expr) {
            self.found |= match expr {
                Expr::Assign(a) => self.overlaps(&a.left),
                Expr::Binary(b) => is_compound_assignment(&b.op) && self.overlaps(&b.left),
                Expr::Reference(r) => r.mutability.is_some() && self.overlaps(&r.expr),
                Expr::MethodCall(m) => {
                    crate::conventions::sequence_change(&m.method.to_string())
                        && self
                            .reached(&m.receiver)
                            .is_some_and(|reached| reached.len() >= self.path.len() && self.overlaps(&m.receiver))
                }
                _ => false,
            };
            syn::visit::visit_expr(self, expr);
        }
        fn visit_block(&mut self, block: &'ast syn::Block) {
            for stmt in &block.stmts {
                self.visit_stmt(stmt);
                if let syn::Stmt::Local(local) = stmt
                    && pattern_names(&local.pat).iter().any(|name| self.root == name)
                {
                    // The rest of the block names the new binding.
                    break;
                }
            }
        }
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            let operands = match suspension_name(mac) {
                Some(_) => mac.parse_body_with(parse_yield_arg).ok().map(|value| value.into_iter().collect::<Vec<_>>()),
                None => macro_operands(mac).map(|operands| operands.iter().cloned().collect()),
            };
            match operands {
                Some(operands) => {
                    let writer = mac.path.is_ident("write") || mac.path.is_ident("writeln");
                    self.found |= writer && operands.first().is_some_and(|first| self.overlaps(first));
                    for operand in &operands {
                        self.visit_expr(operand);
                    }
                }
                None => self.found |= mentions_ident(mac.tokens.clone(), self.root),
            }
        }
    }
    let mut changes = Changes { root, path, found: false };
    changes.visit_block(body);
    changes.found
}

/// `+=`, `-=` and the other compound assignments.
pub fn is_compound_assignment(op: &syn::BinOp) -> bool {
    use syn::BinOp::{
        AddAssign, BitAndAssign, BitOrAssign, BitXorAssign, DivAssign, MulAssign, RemAssign, ShlAssign, ShrAssign,
        SubAssign,
    };
    matches!(
        op,
        AddAssign(_)
            | SubAssign(_)
            | MulAssign(_)
            | DivAssign(_)
            | RemAssign(_)
            | BitXorAssign(_)
            | BitAndAssign(_)
            | BitOrAssign(_)
            | ShlAssign(_)
            | ShrAssign(_)
    )
}

/// Whether `tokens` name `root` other than through a field apart from `path` (with `path` = `items`:
/// `self.count += 1` and `self.a.len()` don't; `self.items.push(..)`, `self.len()`, `&mut *self`, `f(self)` and
/// `{self:?}` do; with `path` = `a.b`, `self.a.n` doesn't and `self.a` does).
pub fn mentions_beyond_fields(tokens: proc_macro2::TokenStream, root: &syn::Ident, path: &[String]) -> bool {
    use proc_macro2::TokenTree;
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    trees.iter().enumerate().any(|(at, tree)| match tree {
        TokenTree::Group(g) => mentions_beyond_fields(g.stream(), root, path),
        TokenTree::Literal(_) => mentions_ident(tree.clone().into(), root),
        TokenTree::Ident(i) if i == root => {
            if at > 0 && matches!(&trees[at - 1], TokenTree::Punct(p) if p.as_char() == '\'') {
                return false;
            }
            // The fields named after `root` (`self.0.1` is one literal, `0.1`), the last a method if called.
            let mut reached = Vec::new();
            let mut next = at + 1;
            while matches!(trees.get(next), Some(TokenTree::Punct(p)) if p.as_char() == '.') {
                match trees.get(next + 1) {
                    Some(TokenTree::Ident(f)) => reached.push(f.to_string()),
                    Some(TokenTree::Literal(l)) => reached.extend(l.to_string().split('.').map(str::to_owned)),
                    _ => break,
                }
                next += 2;
            }
            let called = matches!(trees.get(next), Some(TokenTree::Group(g))
                if g.delimiter() == proc_macro2::Delimiter::Parenthesis);
            if called {
                reached.pop();
            }
            // Apart: the two paths part somewhere.
            !reached.iter().zip(path).any(|(a, b)| a != b)
        }
        _ => false,
    })
}

/// The item's call of a loop lowered by index or by position (`by_index::item(&v, i)`), seen through the bound that
/// lowering puts around it (`if __index1 < __end2 { by_index::item_mut(..) } else { None }`: a `take(n)`, a range).
pub fn loop_item_call(expr: &Expr) -> Option<&syn::ExprCall> {
    match strip_parens(expr) {
        Expr::Call(c) => Some(c),
        Expr::If(i) => match i.then_branch.stmts.last() {
            Some(syn::Stmt::Expr(e, None)) => loop_item_call(e),
            _ => None,
        },
        _ => None,
    }
}

/// `e` without the parentheses around it.
pub fn strip_parens(mut expr: &Expr) -> &Expr {
    while let Expr::Paren(p) = expr {
        expr = &p.expr;
    }
    expr
}

/// Whether `expr` has a closure literal or an `async` block (not counting an item's): each has a type of its own.
pub fn has_closure(expr: &Expr) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {
            self.0 = true;
        }
        fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {
            self.0 = true;
        }
        // An item's closures are the item's.
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder(false);
    syn::visit::Visit::visit_expr(&mut finder, expr);
    finder.0
}

/// Whether the value of `expr` can't be made of a closure written in it (a local bound from it needn't be treated
/// as one that may hold a closure): its outermost call is a method that consumes its closures and gives an index,
/// a count or a flag (`v.iter().position(|x| ..)`, `any`, `is_some_and`), or an item of a receiver that makes
/// no closure (`seen.iter().find(|s| ..)`, `v.iter().max_by_key(|p| p.1)`: not `v.iter().map(|x| move || x)
/// .find(..)`), possibly through `?`, `unwrap` and the like.
pub fn result_without_closure(expr: &syn::Expr) -> bool {
    use syn::Expr;
    match expr {
        Expr::Paren(p) => result_without_closure(&p.expr),
        Expr::Try(t) => result_without_closure(&t.expr),
        Expr::MethodCall(m) => {
            let name = m.method.to_string();
            if matches!(
                name.as_str(),
                "unwrap" | "expect" | "unwrap_or" | "unwrap_or_default" | "unwrap_or_else" | "copied" | "cloned"
            ) {
                return result_without_closure(&m.receiver);
            }
            let index_count_or_flag = matches!(
                name.as_str(),
                "position"
                    | "rposition"
                    | "any"
                    | "all"
                    | "count"
                    | "is_some_and"
                    | "is_ok_and"
                    | "is_err_and"
                    | "is_none_or"
                    | "binary_search_by"
                    | "binary_search_by_key"
                    | "partition_point"
            );
            let item = matches!(name.as_str(), "find" | "rfind" | "max_by" | "min_by" | "max_by_key" | "min_by_key");
            index_count_or_flag || (item && !has_closure(&m.receiver))
        }
        _ => false,
    }
}

/// A string or `char` literal (the pattern of a `str` method: `split(',')`, `split(", ")`).
pub fn str_or_char_literal(e: &Expr) -> bool {
    matches!(e, Expr::Lit(l) if matches!(l.lit, syn::Lit::Str(_) | syn::Lit::Char(_)))
}

/// How many calls, method calls and macros `e` makes (outside closures), each of which may have side effects.
pub fn calls(e: &Expr) -> usize {
    struct Calls(usize);
    impl<'ast> syn::visit::Visit<'ast> for Calls {
        fn visit_expr(&mut self, e: &'ast Expr) {
            match e {
                Expr::Call(_) | Expr::MethodCall(_) | Expr::Macro(_) => self.0 += 1,
                Expr::Closure(_) => return,
                _ => {}
            }
            syn::visit::visit_expr(self, e);
        }
    }
    let mut calls = Calls(0);
    syn::visit::Visit::visit_expr(&mut calls, e);
    calls.0
}

/// Every binding of `pat` is `ref`/`ref mut` (and there is one): it borrows what it matches, moving nothing.
pub fn binds_only_by_ref(pat: &Pat) -> bool {
    let refs = ref_bindings(pat).len();
    refs > 0 && refs == pattern_idents(pat).len()
}

/// Whether a `let` reads its value in place: a place that the pattern binds nothing of by value
/// (`let _ = x;`, `let ref r = x;`); otherwise it moves it (also `let _ = if c { x } else { y };`, which moves `x`
/// into the value it makes).
pub fn let_reads_in_place(pat: &Pat, init: &Expr) -> bool {
    let pat = match pat {
        Pat::Type(t) => &*t.pat,
        pat => pat,
    };
    (matches!(pat, Pat::Wild(_)) || binds_only_by_ref(pat)) && is_place_expression(init)
}

/// A value that `*` reads through rather than moves out of, as far as the code shows: a guard
/// (`m.lock().unwrap()`, `cell.borrow_mut()`), or an `Rc`/`Arc` (`Rc::new(..)`, `Arc::clone(&a)`). `*b` of a
/// `Box` moves, and so does `*` of anything not known here.
pub fn reads_through_deref(init: &Expr) -> bool {
    let mut e = strip_parens(init);
    // `.unwrap()` / `.expect(..)` of a `LockResult` or `Option`, and `.unwrap_or_else(PoisonError::into_inner)`.
    while let Expr::MethodCall(m) = e
        && (m.method == "unwrap" || m.method == "expect" || m.method == "unwrap_or_else")
    {
        e = strip_parens(&m.receiver);
    }
    match e {
        Expr::MethodCall(m) => GUARD_METHODS.iter().any(|g| m.method == g),
        Expr::Call(c) => match &*c.func {
            Expr::Path(p) => {
                let segs: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
                matches!(segs.as_slice(), [.., ty, f] if (ty == "Rc" || ty == "Arc") && (f == "new" || f == "clone"))
            }
            _ => false,
        },
        _ => false,
    }
}

/// The attributes written on a statement (on its expression, for an expression statement).
pub fn statement_attrs(stmt: &syn::Stmt) -> &[syn::Attribute] {
    match stmt {
        syn::Stmt::Local(l) => &l.attrs,
        syn::Stmt::Macro(m) => &m.attrs,
        syn::Stmt::Item(_) => &[],
        syn::Stmt::Expr(e, _) => match e {
            Expr::Macro(m) => &m.attrs,
            Expr::Assign(a) => &a.attrs,
            Expr::Binary(b) => &b.attrs,
            Expr::Call(c) => &c.attrs,
            Expr::MethodCall(m) => &m.attrs,
            Expr::If(i) => &i.attrs,
            Expr::Match(m) => &m.attrs,
            Expr::Loop(l) => &l.attrs,
            Expr::While(w) => &w.attrs,
            Expr::ForLoop(f) => &f.attrs,
            Expr::Block(b) => &b.attrs,
            Expr::Return(r) => &r.attrs,
            Expr::Await(a) => &a.attrs,
            Expr::Paren(p) => &p.attrs,
            Expr::Try(t) => &t.attrs,
            Expr::Unary(u) => &u.attrs,
            Expr::Cast(c) => &c.attrs,
            Expr::Field(f) => &f.attrs,
            Expr::Index(i) => &i.attrs,
            Expr::Reference(r) => &r.attrs,
            Expr::Tuple(t) => &t.attrs,
            Expr::Array(a) => &a.attrs,
            Expr::Struct(s) => &s.attrs,
            Expr::Unsafe(u) => &u.attrs,
            Expr::Let(l) => &l.attrs,
            Expr::Path(p) => &p.attrs,
            Expr::Lit(l) => &l.attrs,
            Expr::Closure(c) => &c.attrs,
            Expr::Range(r) => &r.attrs,
            Expr::Repeat(r) => &r.attrs,
            Expr::Break(b) => &b.attrs,
            Expr::Continue(c) => &c.attrs,
            Expr::Async(a) => &a.attrs,
            Expr::Const(c) => &c.attrs,
            Expr::Group(g) => &g.attrs,
            _ => &[],
        },
    }
}

/// The names a format string captures inline (`{x}`, `{x:?}`, `{:>width$.prec$}`).
pub fn format_captures(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'{' {
            if bytes.get(i + 1) == Some(&b'{') {
                i += 2;
                continue;
            }
            let start = i + 1;
            let mut end = start;
            while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_') {
                end += 1;
            }
            let name = &s[start..end];
            if !name.is_empty() && !name.as_bytes()[0].is_ascii_digit() && matches!(bytes.get(end), Some(b'}' | b':')) {
                out.push(name.to_string());
            }
            i = end;
            if bytes.get(end) == Some(&b':') {
                // The spec's width and precision may name locals too (`{:>width$}`, `{:.prec$}`).
                let close = s[end..].find('}').map_or(s.len(), |c| end + c);
                let spec = &s[end + 1..close];
                let mut words = spec.char_indices().peekable();
                while let Some((at, c)) = words.next() {
                    if !(c.is_ascii_alphabetic() || c == '_') {
                        continue;
                    }
                    let mut stop = at + c.len_utf8();
                    while let Some(&(next, c)) = words.peek()
                        && (c.is_ascii_alphanumeric() || c == '_')
                    {
                        stop = next + 1;
                        words.next();
                    }
                    if spec[stop..].starts_with('$') {
                        out.push(spec[at..stop].to_string());
                    }
                }
                i = close;
            }
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{format_captures, stringified};

    #[test]
    fn format_captures_skip_escapes_and_positions() {
        assert_eq!(format_captures("{a} {{b}} {0} {c:?} {}"), vec!["a".to_string(), "c".to_string()]);
        assert_eq!(
            format_captures("{name:>width$} {:.prec$} {:x<8} {0:1$} {v:>w$.p$?}"),
            ["name", "width", "prec", "v", "w", "p"].map(String::from)
        );
    }
    use quote::quote;

    /// What `dbg!` prints of an expression the macro had to take apart is what `stringify!` gives.
    #[test]
    fn stringified_as_rustc_stringifies() {
        macro_rules! same {
            ($($e:tt)*) => {
                assert_eq!(stringified(quote!($($e)*)), stringify!($($e)*));
            };
        }
        same!(yield_!(5) + 1);
        same!(futures::future::ready(1u32).await);
        same!(v[i] * 2 - f(a, b));
        same!(&x.y);
        same!(-x == !y);
        same!(a && b || c);
        same!(s.parse::<u32>()?);
        same!(x += 1);
        same!({
            yield_!(0);
            5
        });
        same!(Some(3).map(|x| x + 1).unwrap_or(0));
        same!([1, 2, 3].len() as u64);
        same!(*r);
        same!(&mut v[0..2]);
    }

    /// A loop over `self.items` may go by index while its body uses `self`'s other fields only.
    #[test]
    fn other_fields_of_a_root() {
        let expr: syn::Expr = syn::parse_quote!(self.items.inner);
        let (root, path) = super::field_path(&expr).expect("a field path");
        assert_eq!(path, ["items", "inner"]);
        let mentions = |body| super::mentions_beyond_fields(body, root, &path);
        assert!(!mentions(quote!(self.count += 1; f(&mut self.buf, self.n.len()); let x = (self.g)(1);)));
        assert!(!mentions(quote!(self.items.other += 1; self.items.other.push(2); other.items.push(1);)));
        assert!(mentions(quote!(self.items.push(1);)));
        assert!(mentions(quote!(self.items.inner.push(1);)));
        assert!(mentions(quote!(let v = &self.items;)));
        assert!(mentions(quote!(self.bump();)));
        assert!(mentions(quote!(f(self);)));
        assert!(mentions(quote!(let s = &mut *self;)));
        assert!(mentions(quote!(println!("{self:?}");)));
        let tuple: syn::Expr = syn::parse_quote!(p.0.1);
        let (root, path) = super::field_path(&tuple).expect("a field path");
        assert_eq!(path, ["0", "1"]);
        assert!(super::mentions_beyond_fields(quote!(p.0.1.len();), root, &path));
        assert!(!super::mentions_beyond_fields(quote!(p.0.2 += 1; p.1 += 1;), root, &path));
        assert!(super::field_path(&syn::parse_quote!(self.items()[0])).is_none());
        assert!(super::field_path(&syn::parse_quote!(self)).is_none());
    }
}

//! Phase 1b: an async generator's body (`-> impl Stream<Item = Y>`) in terms of a coroutine's own suspension
//! points, before normalization.
//!
//! An async generator is a coroutine resumed with `()` and yielding `Poll<Y>`, whose step closure takes the poll's
//! `&mut Context` as its parameter `__cx` (the runtime's `Machine::stream` turns that into `Stream::poll_next`).
//! Its body is rewritten as rustc desugars `.await`, with `yield_!` as the suspension:
//!
//! - `e.await` → `match awaited(e) { mut awaiting => loop { match poll_awaited(&mut awaiting, __cx) {
//!   Ready(v) => break v, Pending => {} } yield_!(Pending); } }`: each `.await` is one suspension point holding
//!   its future, polled again at the next poll. `e`'s temporaries live as a `match` scrutinee's do, as in rustc's
//!   own desugaring.
//! - `s.next().await` with `s` a place (a local, a field, `*r`) polls `s` itself at each poll, as `StreamExt::next`'s
//!   future would: that future borrows `s`, which the state can't hold beside `s`. The same for
//!   `s.try_next().await` (`TryStream::try_poll_next`), `s.by_ref().next()` and `StreamExt::next(&mut s)`. A temporary `s`
//!   (`make().next().await`) is moved into a local of the `.await` first. So do tokio's `rx.recv().await`,
//!   `interval.tick().await` and `set.join_next().await`, with the receiver's `poll_recv`, `poll_tick` and
//!   `poll_join_next` ([`POLLED_IN_PLACE`]), and each of these inside `Box::pin(..)`.
//! - `yield_!(v)` → `yield_!(Ready(v))`, which is `()` as in an async generator.
//! - In a stream of `Result`s, `e?` → `match e { Ok(v) => v, Err(error) => { yield_!(Ready(Err(From::from(error))));
//!   return; } }`: the error is the last item, as with `async-stream`'s `try_stream!`.
//! - `yield_from!(s)` → a loop polling the `Stream` `s` and yielding what it yields (`Ready` items and
//!   `Pending`s alike) until it ends; `()`.
//!
//! `__cx` is no local of the body: lowering leaves the name as it is, and every arm of the step reads the step's
//! own parameter, so the `Context` is never stored in the state (a join point can't store it either).
//! Nothing inside a closure, an `async` block, a `const` or a nested item is touched: an `.await` there belongs
//! to that code, and a `yield_!` there is reported by the misplacement check.
//!
//! Each suspension point made here keeps the user's source text for the state's doc (`Suspended at
//! `rx.next().await` (line 7)`) in an attribute `#[suspends_at = ".."]` on the `yield_!`, read by lowering, and
//! messages about it say `.await` ([`Errors::written_as`]).

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;
use syn::{Expr, Stmt, Token};

use crate::errors::{Errors, Written};
use crate::names::poll_context;
use crate::syntax::{dbg_by_hand, macro_operands, parse_yield_arg, stringified, strip_parens, suspension_name};

/// The attribute that carries a suspension point's source text from this phase to lowering.
pub const SUSPENDS_AT: &str = "suspends_at";

/// The async generator's body rewritten. `results`: the items are `Result`s, and a `?` yields the error and ends
/// the stream.
pub fn rewrite(block: &mut syn::Block, results: bool, errors: &mut Errors) {
    errors.suspending_at_awaits_too();
    let mut rewriter = Rewriter { errors, cx: poll_context(), results };
    rewriter.visit_block_mut(block);
}

struct Rewriter<'e> {
    errors: &'e mut Errors,
    /// The step's `Context` parameter.
    cx: syn::Ident,
    /// The items are `Result`s: `e?` yields `Err(e.into())` and returns.
    results: bool,
}

impl Rewriter<'_> {
    /// `e.await`, `e` already rewritten.
    fn await_(&mut self, a: syn::ExprAwait) -> Expr {
        self.errors.written_as(a.await_token.span, Written::Await);
        // `pin!(f).await`, what rustc suggests for a future that isn't `Unpin`, pins to the step's frame, which is
        // gone at the next poll (rustc's E0716 pointed at the attribute).
        if let Expr::Macro(m) = strip_parens(&a.base)
            && let Some(pin) = m.mac.path.segments.last().filter(|s| s.ident == "pin")
        {
            self.errors.error(
                pin.ident.span(),
                "`pin!` pins a future to the current frame, and an async generator's is gone at its next poll: \
                 its state holds what it awaits, and moves\n\
                 help: box it instead: `Box::pin(..).await`",
            );
        }
        let text = format!("{}.await", stringified(a.base.to_token_stream()));
        match polled_in_place(&a.base) {
            Some((poll, stream, true)) => return self.poll_in_place(poll, stream, a.await_token.span, &text),
            Some((poll, stream, false)) => {
                // A temporary receiver (`make().next().await`): moved into a local of the `.await`, which the
                // state holds while it waits, and polled in place there. (It drops when the `.await` is done,
                // not at the end of the statement.)
                let held = syn::Ident::new("next_of", Span::mixed_site().located_at(stream.span()));
                let held_expr: Expr = syn::parse_quote!(#held);
                let poll_loop = self.poll_in_place(poll, &held_expr, a.await_token.span, &text);
                return syn::parse_quote_spanned! {a.await_token.span=>
                    match #stream {
                        mut #held => #poll_loop,
                    }
                };
            }
            None => {}
        }
        let base = a.base;
        let at = a.await_token.span;
        let p = quote_spanned!(at=> ::stackless::async_gen);
        let awaited = syn::Ident::new("awaiting", Span::mixed_site().located_at(base.span()));
        let output = syn::Ident::new("__output", Span::mixed_site());
        let cx = &self.cx;
        // `awaited(e)` at the operand: what isn't a future is reported there. The polled future, `{ &mut
        // awaiting }`, there too: one that isn't `Unpin` is reported at the operand, with the `.await` as the call
        // that needs it.
        let into_future = quote_spanned!(base.span()=> ::stackless::async_gen::awaited(#base));
        let future = quote_spanned!(base.span()=> { &mut #awaited });
        let poll = quote_spanned!(at=> #p::poll_awaited(#future, &mut *#cx));
        let pending = suspension(at, &text, quote!(::core::task::Poll::Pending));
        syn::parse_quote_spanned! {at=>
            match #into_future {
                mut #awaited => loop {
                    match #poll {
                        ::core::task::Poll::Ready(#output) => break #output,
                        ::core::task::Poll::Pending => {}
                    }
                    #pending;
                },
            }
        }
    }

    /// `s.next().await` (or `rx.recv().await`, ..) on a place `s`: `StreamExt::next`'s future only borrows `s`
    /// and polls it, so each poll polls `s` itself instead of holding a future that borrows it (which the state,
    /// holding `s` too, couldn't hold beside it). The stream keeps the waker it registered, so no wake-up is lost.
    fn poll_in_place(&self, poll: InPlace, stream: &Expr, at: Span, text: &str) -> Expr {
        let p = quote_spanned!(stream.span()=> ::stackless::async_gen);
        let output = syn::Ident::new("__output", Span::mixed_site());
        let cx = &self.cx;
        let poll = match poll {
            // `s` through a method, so that it auto-dereferences and reborrows as in `s.next()`.
            InPlace::Next => quote_spanned!(stream.span()=> #p::poll_next_in_place({
                #[allow(unused_imports)]
                use #p::Place as _;
                #stream.stackless_place()
            }, &mut *#cx)),
            InPlace::TryNext => quote_spanned!(stream.span()=> #p::try_poll_next_in_place({
                #[allow(unused_imports)]
                use #p::Place as _;
                #stream.stackless_place()
            }, &mut *#cx)),
            // The receiver's own `poll_` method, which its future calls (spanned at the user's method: a
            // receiver without one is reported there).
            // The receiver through `stackless_place` too (auto-dereferenced, so that an inherent `poll_recv` is
            // found before the runtime's stand-in), in a block spanned at the method, as the generated place
            // isn't in every arm.
            InPlace::Method(method) => quote_spanned!(method.span()=> {
                #[allow(unused_imports)]
                use #p::{Place as _, PolledInPlace as _};
                { #stream.stackless_place() }.#method(&mut *#cx)
            }),
        };
        let pending = suspension(at, text, quote!(::core::task::Poll::Pending));
        syn::parse_quote_spanned! {at=>
            loop {
                match #poll {
                    ::core::task::Poll::Ready(#output) => break #output,
                    ::core::task::Poll::Pending => {}
                }
                #pending;
            }
        }
    }

    /// `e?` in a stream of `Result`s, `e` already rewritten: the error is yielded as `Err(From::from(error))`,
    /// as `?` converts it, and the stream ends, as `async-stream`'s `try_stream!` does.
    fn question(t: syn::ExprTry) -> Expr {
        let text = stringified(t.to_token_stream());
        let at = t.question_token.span;
        let operand = t.expr;
        let value = syn::Ident::new("__value", Span::mixed_site());
        let error = syn::Ident::new("__error", Span::mixed_site().located_at(at));
        // Spanned at the `?`: an error type that doesn't convert is reported there, as for `?`.
        // (The block keeps that span on the argument, whatever span lowering gives the binding.)
        let converted =
            quote_spanned!(at=> ::core::result::Result::Err(::stackless::async_gen::question_error({ #error })));
        let point = suspension(at, &text, quote_spanned!(at=> ::core::task::Poll::Ready(#converted)));
        syn::parse_quote_spanned! {at=>
            match #operand {
                ::core::result::Result::Ok(#value) => #value,
                ::core::result::Result::Err(#error) => {
                    #point;
                    return;
                }
            }
        }
    }

    /// `yield_!(v)` / `yield_!()`, `v` already rewritten.
    fn yield_(mac: &syn::Macro, value: Option<Expr>) -> Expr {
        let at = mac.path.span();
        let text = mac.to_token_stream().to_string();
        let value = value.map_or_else(|| quote_spanned!(mac.delimiter.span().join()=> ()), |v| v.to_token_stream());
        let ready = quote_spanned!(at=> ::core::task::Poll::Ready(#value));
        let point = suspension(at, &text, ready);
        syn::parse_quote!(#point)
    }

    /// `yield_from!(s)`, `s` already rewritten: polls `s` until it ends, passing out what it yields.
    fn delegation(&self, mac: &syn::Macro, stream: Expr) -> Expr {
        let at = mac.path.span();
        let text = mac.to_token_stream().to_string();
        let p = quote_spanned!(stream.span()=> ::stackless::async_gen);
        let delegate = syn::Ident::new("yield_from", Span::mixed_site().located_at(stream.span()));
        // At the operand, in a block: an item of the wrong type is reported there.
        let item = syn::Ident::new("__item", Span::mixed_site().located_at(stream.span()));
        let item_value = quote_spanned!(stream.span()=> { #item });
        let cx = &self.cx;
        let delegated = quote_spanned!(stream.span()=> { &mut #delegate });
        let poll = quote_spanned!(stream.span()=> #p::poll_delegate(#delegated, &mut *#cx));
        let ready = suspension(at, &text, quote_spanned!(stream.span()=> ::core::task::Poll::Ready(#item_value)));
        let pending = suspension(at, &text, quote!(::core::task::Poll::Pending));
        syn::parse_quote_spanned! {at=> {
            let mut #delegate = #stream;
            loop {
                match #poll {
                    ::core::task::Poll::Ready(::core::option::Option::Some(#item)) => #ready,
                    ::core::task::Poll::Ready(::core::option::Option::None) => break,
                    ::core::task::Poll::Pending => #pending,
                }
            }
        }}
    }

    /// The rewritten form of a suspending macro, or `None` for any other macro (its arguments rewritten when they
    /// are expressions).
    fn macro_(&mut self, mac: &mut syn::Macro) -> Option<Expr> {
        match suspension_name(mac) {
            Some("yield_") => {
                let value = match mac.parse_body_with(parse_yield_arg) {
                    Ok(value) => value,
                    Err(e) => {
                        self.errors.push(e);
                        return Some(Expr::Verbatim(TokenStream::new()));
                    }
                };
                let value = value.map(|mut v| {
                    self.visit_expr_mut(&mut v);
                    v
                });
                Some(Self::yield_(mac, value))
            }
            Some(_) => {
                let args = match mac.parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated) {
                    Ok(args) => args,
                    Err(e) => {
                        self.errors.push(e);
                        return Some(Expr::Verbatim(TokenStream::new()));
                    }
                };
                let mut args = args.into_iter();
                let (Some(mut stream), None) = (args.next(), args.next()) else {
                    self.errors.error(
                        mac.path.span(),
                        "expected `yield_from!(stream)`: an async generator delegates to a `Stream`, which takes no \
                         resume argument",
                    );
                    return Some(Expr::Verbatim(TokenStream::new()));
                };
                self.visit_expr_mut(&mut stream);
                Some(self.delegation(mac, stream))
            }
            None if mac.path.is_ident("dbg") && await_in_tokens(mac.tokens.clone()).is_some() => {
                // Taken apart before its `.await`s are rewritten, so that it prints them as written.
                let mut by_hand = dbg_by_hand(mac)?;
                self.visit_expr_mut(&mut by_hand);
                Some(by_hand)
            }
            None => {
                if let Some(mut args) = macro_operands(mac) {
                    args.iter_mut().for_each(|arg| self.visit_expr_mut(arg));
                    mac.tokens = args.into_tokens();
                } else if let Some(at) = await_in_tokens(mac.tokens.clone()) {
                    // Left as it is, it would be rustc's "`await` is only allowed inside `async` functions",
                    // pointing at the attribute.
                    self.errors.error(
                        at,
                        "`.await` inside the arguments of this macro is not supported: its arguments aren't known to \
                         be expressions evaluated in order\n\
                         help: await first, `let value = future.await;`, and pass `value` to the macro",
                    );
                }
                None
            }
        }
    }
}

/// How `s.next()` (or `rx.recv()`, ..: [`POLLED_IN_PLACE`]) is polled in place, `s`, and whether `s` is a place
/// naming a local, a field, an element at an index that is a local or a literal, or what a reference points to
/// (evaluating it again at each poll reads the same place), or an rvalue (a temporary receiver).
fn polled_in_place(e: &Expr) -> Option<(InPlace, &Expr, bool)> {
    fn place(e: &Expr) -> bool {
        match e {
            Expr::Path(p) => p.qself.is_none(),
            Expr::Field(f) => place(&f.base),
            Expr::Index(i) => place(&i.expr) && matches!(&*i.index, Expr::Path(_) | Expr::Lit(_)),
            Expr::Paren(p) => place(&p.expr),
            Expr::Unary(u) => matches!(u.op, syn::UnOp::Deref(_)) && place(&u.expr),
            _ => false,
        }
    }
    // `s.by_ref()` is `&mut s`: polling it in place polls `s`.
    fn by_ref_stripped(e: &Expr) -> &Expr {
        match e {
            Expr::MethodCall(m) if m.method == "by_ref" && m.args.is_empty() => by_ref_stripped(&m.receiver),
            Expr::Paren(p) => by_ref_stripped(&p.expr),
            e => e,
        }
    }
    match e {
        Expr::MethodCall(m) if m.args.is_empty() && m.turbofish.is_none() => {
            let poll = if m.method == "next" {
                InPlace::Next
            } else if m.method == "try_next" {
                InPlace::TryNext
            } else {
                let (_, poll) = POLLED_IN_PLACE.iter().find(|(name, _)| m.method == name)?;
                InPlace::Method(syn::Ident::new(poll, m.method.span()))
            };
            let receiver = by_ref_stripped(&m.receiver);
            Some((poll, receiver, place(receiver)))
        }
        // `StreamExt::next(&mut s)`, `TryStreamExt::try_next(&mut s)`: the method's path form.
        Expr::Call(c)
            if c.args.len() == 1
                && matches!(&c.args[0], Expr::Reference(r) if r.mutability.is_some() && place(&r.expr))
                && matches!(&*c.func, Expr::Path(f) if f.path.segments.len() >= 2 && {
                    let names: Vec<String> = f.path.segments.iter().map(|s| s.ident.to_string()).collect();
                    names.ends_with(&["StreamExt".to_string(), "next".to_string()])
                        || names.ends_with(&["TryStreamExt".to_string(), "try_next".to_string()])
                }) =>
        {
            let Expr::Reference(r) = &c.args[0] else { return None };
            let Expr::Path(f) = &*c.func else { return None };
            let next = f.path.segments.last().is_some_and(|s| s.ident == "next");
            Some((if next { InPlace::Next } else { InPlace::TryNext }, &*r.expr, true))
        }
        Expr::Paren(p) => polled_in_place(&p.expr),
        // `Box::pin(rx.recv()).await` (what rustc suggests for a future that isn't `Unpin`): the same polls.
        Expr::Call(c)
            if c.args.len() == 1
                && matches!(&*c.func, Expr::Path(f) if {
                    let names: Vec<String> = f.path.segments.iter().map(|s| s.ident.to_string()).collect();
                    names.ends_with(&["Box".to_string(), "pin".to_string()])
                }) =>
        {
            polled_in_place(&c.args[0])
        }
        _ => None,
    }
}

/// How an `.await` on a method of a receiver the state holds polls that receiver in place.
enum InPlace {
    /// `s.next()`: `Stream::poll_next` (the runtime's `poll_next_in_place`).
    Next,
    /// `s.try_next()`: `TryStream::try_poll_next` (the runtime's `try_poll_next_in_place`).
    TryNext,
    /// The receiver's own method that the future calls at each poll ([`POLLED_IN_PLACE`]).
    Method(syn::Ident),
}

/// Methods taking no argument whose future only borrows its receiver and calls the receiver's own `poll_`
/// method at each poll, by convention (tokio's): `rx.recv().await` on an `mpsc::Receiver` or
/// `UnboundedReceiver`, `interval.tick().await`, `set.join_next().await` on a `JoinSet`. A receiver without the
/// `poll_` method (tokio's `broadcast::Receiver`) finds the runtime's `PolledInPlace` instead, whose bound says
/// why, at the method.
const POLLED_IN_PLACE: &[(&str, &str)] =
    &[("recv", "poll_recv"), ("tick", "poll_tick"), ("join_next", "poll_join_next")];

/// The first `.await` in a macro's tokens, outside `async` blocks (`async { .. }`, `async move { .. }`: an
/// `.await` there is that future's).
fn await_in_tokens(tokens: TokenStream) -> Option<Span> {
    use proc_macro2::TokenTree;
    let (mut after_dot, mut after_async) = (false, false);
    for tree in tokens {
        match &tree {
            TokenTree::Ident(i) if after_dot && i == "await" => return Some(i.span()),
            TokenTree::Group(g) if !(after_async && g.delimiter() == proc_macro2::Delimiter::Brace) => {
                if let Some(at) = await_in_tokens(g.stream()) {
                    return Some(at);
                }
            }
            _ => {}
        }
        after_dot = matches!(&tree, TokenTree::Punct(p) if p.as_char() == '.');
        // `async` or `async move` just before.
        after_async = matches!(&tree, TokenTree::Ident(i) if i == "async" || (after_async && i == "move"));
    }
    None
}

/// `yield_!(value)` with the source text it stands for.
fn suspension(at: Span, text: &str, value: TokenStream) -> TokenStream {
    let attr = syn::Ident::new(SUSPENDS_AT, Span::mixed_site());
    let yield_ = syn::Ident::new("yield_", at);
    quote_spanned!(at=> #[#attr = #text] #yield_!(#value))
}

impl VisitMut for Rewriter<'_> {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        match e {
            Expr::Await(_) => {
                let Expr::Await(mut a) = std::mem::replace(e, Expr::Verbatim(TokenStream::new())) else {
                    unreachable!()
                };
                self.visit_expr_mut(&mut a.base);
                *e = self.await_(a);
            }
            Expr::Try(_) if self.results => {
                let Expr::Try(mut t) = std::mem::replace(e, Expr::Verbatim(TokenStream::new())) else { unreachable!() };
                self.visit_expr_mut(&mut t.expr);
                *e = Self::question(t);
            }
            Expr::Macro(m) => {
                if let Some(rewritten) = self.macro_(&mut m.mac) {
                    *e = rewritten;
                }
            }
            Expr::Closure(_) | Expr::Async(_) | Expr::Const(_) => {}
            _ => syn::visit_mut::visit_expr_mut(self, e),
        }
    }

    fn visit_stmt_mut(&mut self, s: &mut Stmt) {
        match s {
            // A macro in statement position (`yield_!(x);`) is a statement of syn's, not an expression.
            Stmt::Macro(m) => {
                if let Some(rewritten) = self.macro_(&mut m.mac) {
                    *s = Stmt::Expr(rewritten, m.semi_token.or_else(|| Some(Token![;](m.mac.path.span()))));
                }
            }
            Stmt::Item(_) => {}
            _ => syn::visit_mut::visit_stmt_mut(self, s),
        }
    }
}

/// The source text a rewritten suspension point stands for (`rx.next().await`), if this phase made it.
pub fn source_text(attrs: &[syn::Attribute]) -> Option<String> {
    attrs.iter().find(|a| a.path().is_ident(SUSPENDS_AT)).and_then(|a| match &a.meta {
        syn::Meta::NameValue(syn::MetaNameValue {
            value: Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }),
            ..
        }) => Some(s.value()),
        _ => None,
    })
}

//! Writes the three variants of one corpus program from its single source (compiled into `build.rs`).
//!
//! A program file is ordinary stackless code: items, one or more `#[stackless::coroutine]` fns (free fns or
//! methods), and `fn parity()`, which sets up the arguments and names the run with `run!(call)` (a generator)
//! or `run!(call, script)` (a coroutine resumed with the values of `script: Vec<R>`, first one included).
//! From it this module writes:
//!
//! - the **stackless** variant: the file as written; `run!` becomes a call of [`rt::drive_gen`]/`drive_co`;
//! - the **plain** variant: each coroutine fn becomes the plain fn it must behave like. The attribute goes,
//!   the return type becomes `()` (generator) or `Return`, the resume pattern is bound from
//!   `rt::plain_first()`, `yield_!(e)` becomes `rt::plain_yield_*(e)` (logs, may unwind to cancel, returns
//!   the next resume argument), `yield_from!(f(..))` of a coroutine fn of the same file calls its plain fn
//!   (after `rt::set_first` for a coroutine), `yield_from!(iterable)` in a generator becomes a `for` loop;
//! - the **nightly** variant: each coroutine fn keeps its signature (with `core::ops` in place of
//!   `stackless`) and returns a `gen move` block (generators) or a `#[coroutine] move |r: R|` closure, boxed
//!   as the signature says, in which `yield_!(e)` is `yield e`. It starts with `let _ = &arg;` for every
//!   argument, so the block captures whole arguments, as the stackless state and the plain fn hold them
//!   (edition 2021 closures would capture only the fields used, and drop the rest when the fn returns).
//!
//! The rewriting is on tokens, so `yield_!` inside `println!` arguments is found too. Corpus rule: a coroutine
//! fn of the program is called only in `run!` and directly in `yield_from!` (the plain fn runs when called).
//!
//! [`rt::drive_gen`]: ../rt/fn.drive_gen.html

use proc_macro2::{Group, Ident, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::punctuated::Punctuated;
use syn::{Expr, GenericArgument, PathArguments, ReturnType, Type, TypeParamBound};

/// A coroutine fn of the program: its name and resume type (`None` for a generator).
type Names = (String, Option<Type>);

/// The three variants of one program, each the body of a module (`crate::rt` is the support module).
pub struct Variants {
    pub stackless: String,
    pub plain: String,
    pub nightly: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Stackless,
    Plain,
    Nightly,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Boxing {
    None,
    Box,
    PinBox,
}

/// What a coroutine fn's signature says.
struct Shape {
    /// `None` for a generator.
    resume: Option<Type>,
    yield_ty: Type,
    return_ty: Type,
    boxing: Boxing,
    resume_pat: Option<TokenStream>,
}

/// Rewrites one program file into its variants; the error names the program and what is wrong.
pub fn variants(name: &str, source: &str) -> Result<Variants, String> {
    let file = syn::parse_file(source).map_err(|e| format!("{name}: does not parse: {e}"))?;
    let mut names = Vec::new();
    for item in &file.items {
        match item {
            syn::Item::Fn(f) if is_coroutine(&f.attrs) => {
                names.push((
                    f.sig.ident.to_string(),
                    shape_of(&f.attrs, &f.sig).map_err(|e| format!("{name}: {e}"))?.resume,
                ));
            }
            syn::Item::Impl(imp) => {
                for it in &imp.items {
                    if let syn::ImplItem::Fn(f) = it
                        && is_coroutine(&f.attrs)
                    {
                        let resume = shape_of(&f.attrs, &f.sig).map_err(|e| format!("{name}: {e}"))?.resume;
                        names.push((f.sig.ident.to_string(), resume));
                    }
                }
            }
            _ => {}
        }
    }
    if names.is_empty() {
        return Err(format!("{name}: no `#[stackless::coroutine]` fn"));
    }
    if !file.items.iter().any(|i| matches!(i, syn::Item::Fn(f) if f.sig.ident == "parity")) {
        return Err(format!("{name}: no `fn parity()` (it sets up the arguments and calls `run!`)"));
    }
    let mut out = [TokenStream::new(), TokenStream::new(), TokenStream::new()];
    for (slot, mode) in out.iter_mut().zip([Mode::Stackless, Mode::Plain, Mode::Nightly]) {
        for item in &file.items {
            slot.extend(item_tokens(item, mode, &names).map_err(|e| format!("{name}: {e}"))?);
        }
    }
    let [_, plain, nightly] = out;
    // The stackless variant is the source as written, but for `fn parity`, so errors show the program's lines.
    let parity = file
        .items
        .iter()
        .find_map(|i| match i {
            syn::Item::Fn(f) if f.sig.ident == "parity" => Some(f),
            _ => None,
        })
        .expect("checked above");
    let start = parity.sig.fn_token.span.byte_range().start;
    let end = parity.block.brace_token.span.close().byte_range().end;
    let rewritten = item_tokens(&syn::Item::Fn(parity.clone()), Mode::Stackless, &names)?;
    let stackless = format!("{}{rewritten}{}", &source[..start], &source[end..]);
    Ok(Variants { stackless, plain: plain.to_string(), nightly: core_ops(nightly).to_string() })
}

fn is_coroutine(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        let segs: Vec<String> = a.path().segments.iter().map(|s| s.ident.to_string()).collect();
        segs == ["stackless", "coroutine"]
    })
}

fn item_tokens(item: &syn::Item, mode: Mode, names: &[Names]) -> Result<TokenStream, String> {
    match item {
        syn::Item::Fn(f) if is_coroutine(&f.attrs) => {
            coroutine_fn(&f.attrs, f.vis.to_token_stream(), &f.sig, &f.block, mode, names)
        }
        syn::Item::Fn(f) if f.sig.ident == "parity" => {
            let body: TokenStream = f.block.stmts.iter().map(ToTokens::to_token_stream).collect();
            let body = rewrite(body, &Cx { mode, shape: None, names, in_parity: true })?;
            let sig = &f.sig;
            Ok(quote!(pub #sig { #body }))
        }
        // A trait's method keeps its signature: the plain fns go into an inherent impl, whose methods take
        // precedence over the trait's in method calls.
        syn::Item::Impl(imp) if mode == Mode::Plain && imp.trait_.is_some() => {
            let mut plain = TokenStream::new();
            for it in &imp.items {
                if let syn::ImplItem::Fn(f) = it
                    && is_coroutine(&f.attrs)
                {
                    plain.extend(coroutine_fn(&f.attrs, TokenStream::new(), &f.sig, &f.block, mode, names)?);
                }
            }
            let (generics, self_ty) = (&imp.generics, &imp.self_ty);
            let where_clause = &generics.where_clause;
            Ok(quote!(#imp impl #generics #self_ty #where_clause { #plain }))
        }
        syn::Item::Impl(imp) => {
            let mut imp = imp.clone();
            for it in &mut imp.items {
                if let syn::ImplItem::Fn(f) = it
                    && is_coroutine(&f.attrs)
                {
                    let tokens = coroutine_fn(&f.attrs, f.vis.to_token_stream(), &f.sig, &f.block, mode, names)?;
                    *it = syn::ImplItem::Verbatim(tokens);
                }
            }
            Ok(imp.to_token_stream())
        }
        other => Ok(other.to_token_stream()),
    }
}

/// The rewriting context of one body.
struct Cx<'a> {
    mode: Mode,
    /// The enclosing coroutine fn's shape (`None` in `fn parity`).
    shape: Option<&'a Shape>,
    names: &'a [Names],
    in_parity: bool,
}

fn coroutine_fn(
    attrs: &[syn::Attribute],
    vis: TokenStream,
    sig: &syn::Signature,
    block: &syn::Block,
    mode: Mode,
    names: &[Names],
) -> Result<TokenStream, String> {
    if mode == Mode::Stackless {
        return Ok(quote!(#(#attrs)* #vis #sig #block));
    }
    let shape = shape_of(attrs, sig)?;
    let others: Vec<&syn::Attribute> = attrs.iter().filter(|a| !is_coroutine(std::slice::from_ref(a))).collect();
    let body: TokenStream = block.stmts.iter().map(ToTokens::to_token_stream).collect();
    let body = rewrite(body, &Cx { mode, shape: Some(&shape), names, in_parity: false })?;
    match mode {
        Mode::Stackless => unreachable!("handled above"),
        Mode::Plain => {
            let mut sig = sig.clone();
            sig.output = match &shape.resume {
                None => ReturnType::Default,
                Some(_) => {
                    let t = &shape.return_ty;
                    syn::parse_quote!(-> #t)
                }
            };
            let prologue = match (&shape.resume, &shape.resume_pat) {
                (None, _) => TokenStream::new(),
                (Some(r), Some(pat)) => quote!(let #pat: #r = crate::rt::plain_first::<#r>();),
                (Some(r), None) => quote!(let _: #r = crate::rt::plain_first::<#r>();),
            };
            Ok(quote!(#(#others)* #vis #sig { #prologue #body }))
        }
        Mode::Nightly => {
            let mut holds = TokenStream::new();
            for input in &sig.inputs {
                match input {
                    syn::FnArg::Receiver(_) => holds.extend(quote!(let _ = &self;)),
                    syn::FnArg::Typed(pt) => {
                        for id in pattern_idents(&pt.pat) {
                            holds.extend(quote!(let _ = &#id;));
                        }
                    }
                }
            }
            let block = match &shape.resume {
                None => quote!(gen move { #holds #body }),
                Some(r) => {
                    let pat = shape.resume_pat.clone().unwrap_or_else(|| quote!(_));
                    // `{ __resume }` moves the argument into a temporary, so `resume = _` drops it at once, as
                    // stackless and the plain fn's `let _ = ..;` do (a parameter would live to the end).
                    quote!(#[coroutine] move |__resume: #r| { let #pat = { __resume }; #holds #body })
                }
            };
            let returned = match shape.boxing {
                Boxing::None => block,
                Boxing::Box => quote!(::std::boxed::Box::new(#block)),
                Boxing::PinBox => quote!(::std::boxed::Box::pin(#block)),
            };
            Ok(quote!(#(#others)* #vis #sig { #returned }))
        }
    }
}

/// The names a parameter pattern binds.
fn pattern_idents(pat: &syn::Pat) -> Vec<Ident> {
    let mut out = Vec::new();
    collect_idents(pat, &mut out);
    out
}

fn collect_idents(pat: &syn::Pat, out: &mut Vec<Ident>) {
    match pat {
        syn::Pat::Ident(p) => out.push(p.ident.clone()),
        syn::Pat::Tuple(t) => t.elems.iter().for_each(|p| collect_idents(p, out)),
        syn::Pat::TupleStruct(t) => t.elems.iter().for_each(|p| collect_idents(p, out)),
        syn::Pat::Struct(s) => s.fields.iter().for_each(|f| collect_idents(&f.pat, out)),
        syn::Pat::Reference(r) => collect_idents(&r.pat, out),
        syn::Pat::Type(t) => collect_idents(&t.pat, out),
        syn::Pat::Slice(s) => s.elems.iter().for_each(|p| collect_idents(p, out)),
        syn::Pat::Paren(p) => collect_idents(&p.pat, out),
        _ => {}
    }
}

fn shape_of(attrs: &[syn::Attribute], sig: &syn::Signature) -> Result<Shape, String> {
    let ident = &sig.ident;
    let mut resume_pat = None;
    for a in attrs.iter().filter(|a| is_coroutine(std::slice::from_ref(a))) {
        if let syn::Meta::List(list) = &a.meta {
            let tokens: Vec<TokenTree> = list.tokens.clone().into_iter().collect();
            match tokens.as_slice() {
                [TokenTree::Ident(k), TokenTree::Punct(eq), rest @ ..] if k == "resume" && eq.as_char() == '=' => {
                    resume_pat = Some(rest.iter().cloned().collect::<TokenStream>());
                }
                _ => return Err(format!("`{ident}`: expected `resume = PATTERN` in the attribute")),
            }
        }
    }
    let ReturnType::Type(_, ty) = &sig.output else {
        return Err(format!("`{ident}` has no return type"));
    };
    let (bounds, boxing) = bounds_of(ty).ok_or_else(|| format!("`{ident}`: unsupported return type"))?;
    for bound in bounds {
        let TypeParamBound::Trait(tb) = bound else { continue };
        let Some(last) = tb.path.segments.last() else { continue };
        let assoc = |want: &str| -> Option<Type> {
            let PathArguments::AngleBracketed(args) = &last.arguments else { return None };
            args.args.iter().find_map(|a| match a {
                GenericArgument::AssocType(t) if t.ident == want => Some(t.ty.clone()),
                _ => None,
            })
        };
        if (last.ident == "Iterator" || last.ident == "FusedIterator")
            && let Some(item) = assoc("Item")
        {
            let unit: Type = syn::parse_quote!(());
            return Ok(Shape { resume: None, yield_ty: item, return_ty: unit, boxing, resume_pat });
        }
        if last.ident == "Coroutine" {
            let unit: Type = syn::parse_quote!(());
            let resume = match &last.arguments {
                PathArguments::AngleBracketed(args) => args
                    .args
                    .iter()
                    .find_map(|a| match a {
                        GenericArgument::Type(t) => Some(t.clone()),
                        _ => None,
                    })
                    .unwrap_or_else(|| unit.clone()),
                _ => unit.clone(),
            };
            return Ok(Shape {
                resume: Some(resume),
                yield_ty: assoc("Yield").unwrap_or_else(|| unit.clone()),
                return_ty: assoc("Return").unwrap_or(unit),
                boxing,
                resume_pat,
            });
        }
    }
    Err(format!("`{ident}`: neither `Iterator<Item = ..>` nor `Coroutine<..>` in the return type"))
}

type Bounds = Punctuated<TypeParamBound, syn::Token![+]>;

fn bounds_of(ty: &Type) -> Option<(&Bounds, Boxing)> {
    match ty {
        Type::ImplTrait(imp) => Some((&imp.bounds, Boxing::None)),
        Type::Path(p) => {
            let last = p.path.segments.last()?;
            let PathArguments::AngleBracketed(args) = &last.arguments else { return None };
            let Some(GenericArgument::Type(inner)) = args.args.first() else { return None };
            match (last.ident.to_string().as_str(), inner) {
                ("Box", Type::TraitObject(to)) => Some((&to.bounds, Boxing::Box)),
                ("Pin", inner) => bounds_of(inner).filter(|(_, b)| *b == Boxing::Box).map(|(b, _)| (b, Boxing::PinBox)),
                _ => None,
            }
        }
        Type::Paren(p) => bounds_of(&p.elem),
        _ => None,
    }
}

/// Rewrites `yield_!`, `yield_from!` (in coroutine bodies) and `run!` (in `fn parity`) for the mode.
fn rewrite(ts: TokenStream, cx: &Cx) -> Result<TokenStream, String> {
    let tts: Vec<TokenTree> = ts.into_iter().collect();
    let mut out = TokenStream::new();
    let mut i = 0;
    while i < tts.len() {
        if let TokenTree::Ident(id) = &tts[i]
            && let Some(TokenTree::Punct(bang)) = tts.get(i + 1)
            && bang.as_char() == '!'
            && let Some(TokenTree::Group(g)) = tts.get(i + 2)
        {
            let word = id.to_string();
            let handled = match word.as_str() {
                "yield_" if !cx.in_parity => Some(yield_one(g.stream(), cx)?),
                "yield_from" if !cx.in_parity => Some(yield_from(g.stream(), cx)?),
                "run" if cx.in_parity => Some(run(g.stream(), cx)?),
                _ => None,
            };
            if let Some(tokens) = handled {
                out.extend(tokens);
                i += 3;
                continue;
            }
        }
        match &tts[i] {
            TokenTree::Group(g) => {
                let mut ng = Group::new(g.delimiter(), rewrite(g.stream(), cx)?);
                ng.set_span(g.span());
                out.extend([TokenTree::Group(ng)]);
            }
            other => out.extend([other.clone()]),
        }
        i += 1;
    }
    Ok(out)
}

fn shape<'a>(cx: &Cx<'a>) -> &'a Shape {
    cx.shape.expect("yield_! is rewritten only inside a coroutine fn")
}

fn yield_one(args: TokenStream, cx: &Cx) -> Result<TokenStream, String> {
    let mut e = rewrite(args, cx)?;
    if e.is_empty() {
        e = quote!(());
    }
    let s = shape(cx);
    let y = &s.yield_ty;
    Ok(match (cx.mode, &s.resume) {
        (Mode::Stackless, _) => unreachable!("the stackless variant is not rewritten"),
        (Mode::Plain, None) => quote!((crate::rt::plain_yield_gen::<#y>(#e))),
        (Mode::Plain, Some(r)) => quote!((crate::rt::plain_yield_co::<#y, #r>(#e))),
        (Mode::Nightly, _) => quote!((yield #e)),
    })
}

/// Whether `e` calls one of the program's coroutine fns directly (`walk(..)`, `self.walk(..)`).
fn calls_coroutine_fn<'a>(e: &Expr, names: &'a [Names]) -> Option<&'a Names> {
    let called = match e {
        Expr::Call(c) => match &*c.func {
            Expr::Path(p) => p.path.segments.last()?.ident.to_string(),
            _ => return None,
        },
        Expr::MethodCall(m) => m.method.to_string(),
        Expr::Paren(p) => return calls_coroutine_fn(&p.expr, names),
        _ => return None,
    };
    names.iter().find(|(n, _)| *n == called)
}

fn split_args(args: TokenStream) -> Result<Vec<Expr>, String> {
    let parser = Punctuated::<Expr, syn::Token![,]>::parse_terminated;
    let list = syn::parse::Parser::parse2(parser, args.clone()).map_err(|e| format!("`{args}`: {e}"))?;
    Ok(list.into_iter().collect())
}

fn yield_from(args: TokenStream, cx: &Cx) -> Result<TokenStream, String> {
    let parts = split_args(args)?;
    let s = shape(cx);
    let (inner, first) = match parts.as_slice() {
        [inner] => (inner, None),
        [inner, first] => (inner, Some(first)),
        _ => return Err("`yield_from!` takes one or two arguments".into()),
    };
    let direct = calls_coroutine_fn(inner, cx.names).is_some();
    let inner = rewrite(inner.to_token_stream(), cx)?;
    let first = match first {
        Some(f) => rewrite(f.to_token_stream(), cx)?,
        None => quote!(()),
    };
    let y = &s.yield_ty;
    let x = Ident::new("__parity_item", Span::call_site());
    Ok(match (cx.mode, &s.resume, direct) {
        (Mode::Stackless, ..) => unreachable!("the stackless variant is not rewritten"),
        (Mode::Plain, None, true) => quote!((#inner)),
        (Mode::Plain, Some(r), true) => quote!(({ crate::rt::set_first::<#r>(#first); #inner })),
        (Mode::Plain, None, false) => quote!({ for #x in #inner { crate::rt::plain_yield_gen::<#y>(#x); } }),
        (Mode::Plain, Some(_), false) => {
            return Err(format!(
                "`yield_from!({inner})` in a coroutine: the corpus delegates to coroutines only by calling a coroutine fn of the program directly"
            ));
        }
        (Mode::Nightly, None, _) => quote!({ for #x in #inner { yield #x; } }),
        (Mode::Nightly, Some(_), _) => quote!({
            let mut __parity_inner = ::std::boxed::Box::pin(#inner);
            let mut __parity_arg = #first;
            loop {
                match ::core::ops::Coroutine::resume(__parity_inner.as_mut(), __parity_arg) {
                    ::core::ops::CoroutineState::Yielded(__parity_y) => __parity_arg = yield __parity_y,
                    ::core::ops::CoroutineState::Complete(__parity_r) => break __parity_r,
                }
            }
        }),
    })
}

fn run(args: TokenStream, cx: &Cx) -> Result<TokenStream, String> {
    let parts = split_args(args)?;
    let call = parts.first().ok_or("`run!` needs the call that makes the coroutine")?;
    Ok(match (cx.mode, parts.get(1)) {
        (_, Some(_)) if parts.len() > 2 => return Err("`run!` takes `call` or `call, script`".into()),
        (Mode::Plain, None) => quote!(crate::rt::run_plain_gen(|| { #call; })),
        (Mode::Plain, Some(script)) => {
            let Some((_, Some(r))) = calls_coroutine_fn(call, cx.names) else {
                return Err("`run!(call, script)`: `call` must call a coroutine fn of the program".into());
            };
            quote!(crate::rt::run_plain_co::<#r, _>(#script, || #call))
        }
        (Mode::Stackless | Mode::Nightly, None) => quote!(crate::rt::drive_gen(#call)),
        (Mode::Stackless, Some(script)) => quote!({
            let __parity_script = #script;
            crate::rt::drive_co(#call, __parity_script, |c, r| match ::stackless::Coroutine::resume(::core::pin::Pin::new(c), r) {
                ::stackless::CoroutineState::Yielded(y) => crate::rt::Step::Yielded(y),
                ::stackless::CoroutineState::Complete(t) => crate::rt::Step::Complete(t),
            })
        }),
        (Mode::Nightly, Some(script)) => quote!({
            let __parity_script = #script;
            crate::rt::drive_co(::std::boxed::Box::pin(#call), __parity_script, |c, r| match ::core::ops::Coroutine::resume(c.as_mut(), r) {
                ::core::ops::CoroutineState::Yielded(y) => crate::rt::Step::Yielded(y),
                ::core::ops::CoroutineState::Complete(t) => crate::rt::Step::Complete(t),
            })
        }),
    })
}

/// `stackless::X` → `core::ops::X` (the nightly variant uses rustc's `Coroutine` and `CoroutineState`).
fn core_ops(ts: TokenStream) -> TokenStream {
    let tts: Vec<TokenTree> = ts.into_iter().collect();
    let mut out = TokenStream::new();
    for (i, tt) in tts.iter().enumerate() {
        match tt {
            TokenTree::Ident(id)
                if id == "stackless" && matches!(tts.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == ':') =>
            {
                out.extend(quote!(core::ops));
            }
            TokenTree::Group(g) => {
                let mut ng = Group::new(g.delimiter(), core_ops(g.stream()));
                ng.set_span(g.span());
                out.extend([TokenTree::Group(ng)]);
            }
            other => out.extend([other.clone()]),
        }
    }
    out
}

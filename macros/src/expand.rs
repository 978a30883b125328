//! The pipeline: attribute arguments and signature → lowering → analysis → emission, and the one place where
//! errors become tokens.
//!
//! On any error the fn is still emitted with its signature intact and a body that type-checks
//! (`__private::failed()`), next to the `compile_error!`s, so callers and rust-analyzer see no follow-on errors.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::{FnArg, ItemFn, Pat};

use crate::conventions::no_drop_type;
use crate::errors::Errors;
use crate::ir::{JoinBefore, Value};
use crate::lower::{Input, Lowerer};
use crate::signature::{self, Kind, Shape};
use crate::syntax::{check_misplaced, is_coroutine_attribute};
use crate::{analysis, borrows, diagnose, emit};

pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let func: ItemFn = match syn::parse2(item.clone()) {
        Ok(func) => func,
        Err(_) => {
            let message = match syn::parse2::<syn::TraitItemFn>(item.clone()) {
                // A trait's method without a body: nothing to transform here.
                Ok(method) if method.default.is_none() => {
                    "`#[stackless::coroutine]` needs the fn's body, which a trait's declaration doesn't have\n\
                     help: put the attribute on the method in each `impl` of the trait"
                }
                _ => "`#[stackless::coroutine]` can only be used on a fn: it turns the fn's body into a state machine",
            };
            let error = syn::Error::new(first_token_span(&item), message);
            let mut out = error.to_compile_error();
            out.extend(item);
            return out;
        }
    };
    let mut errors = Errors::default();
    // The attribute written twice: the second would transform the first one's output.
    for attr in func.attrs.iter().filter(|a| is_coroutine_attribute(a)) {
        let name = attr.path().segments.last().map_or_else(Span::call_site, |s| s.ident.span());
        errors.error(name, "`#[stackless::coroutine]` is applied twice to this fn\nhelp: remove one of them");
    }
    let shape = signature::parse(args, &func.sig, &mut errors);
    // Whether the placeholder body `__private::failed()` has the type the signature promises.
    let supported = signature::classify_return(&func.sig, &mut Errors::default()).map(|shape| shape.kind);
    check_misplaced(&func.block, &mut errors);
    if let Some(shape) = &shape {
        let unboxed_name = (shape.boxing == signature::Boxing::None).then_some(&func.sig.ident);
        diagnose::check_body(&func.block, shape, unboxed_name, &mut errors);
    }
    let result = match shape {
        Some(shape) if errors.is_empty() => transform(&func, &shape, &mut errors),
        _ => None,
    };
    match (errors.into_result(), result) {
        (Ok(()), Some(tokens)) => {
            if std::env::var_os("STACKLESS_DEBUG_EXPAND").is_some() {
                eprintln!("{tokens}");
            }
            tokens
        }
        (Err(errors), _) => fallback(&func, supported.as_ref(), errors),
        (Ok(()), None) => fallback(
            &func,
            supported.as_ref(),
            syn::Error::new(Span::call_site(), "internal error: the transform failed without a message")
                .to_compile_error(),
        ),
    }
}

fn first_token_span(item: &TokenStream) -> Span {
    item.clone().into_iter().next().map_or_else(Span::call_site, |t| t.span())
}

/// The std traits an empty iterator implements.
const ITERATOR_TRAITS: &[&str] =
    &["Iterator", "IntoIterator", "DoubleEndedIterator", "ExactSizeIterator", "FusedIterator"];

/// The fn with its body replaced by a placeholder of the right type, after the errors.
fn fallback(func: &ItemFn, supported: Option<&Kind>, errors: TokenStream) -> TokenStream {
    let ItemFn { attrs, vis, sig, .. } = func;
    // Already reported, and rustc would report them again for the placeholder: the attribute written twice (it
    // would transform the placeholder), `+ Copy`, a `const fn` or a C-variadic fn.
    let attrs = attrs.iter().filter(|a| !is_coroutine_attribute(a));
    let mut sig = sig.clone();
    sig.constness = None;
    sig.variadic = None;
    if let syn::ReturnType::Type(_, ty) = &mut sig.output
        && let syn::Type::ImplTrait(it) = &mut **ty
    {
        it.bounds = std::mem::take(&mut it.bounds)
            .into_iter()
            .filter(|b| !matches!(b, syn::TypeParamBound::Trait(t) if t.path.is_ident("Copy")))
            .collect();
    }
    signature::without_rebindings(&mut sig);
    // A trait written without `impl` (`-> Iterator<Item = u32>`, reported): as the `impl` it was meant to be.
    if let syn::ReturnType::Type(_, ty) = &mut sig.output
        && let syn::Type::Path(p) = &**ty
        && p.qself.is_none()
        && p.path
            .segments
            .last()
            .is_some_and(|s| ITERATOR_TRAITS.iter().any(|t| s.ident == t) || s.ident == "Coroutine")
    {
        let path = p.path.clone();
        **ty = syn::parse_quote!(impl #path);
    }
    // Any other return type gets a body of type `!` (which in edition 2024 also satisfies an unsupported
    // `impl Trait`, such as `impl Display`), except an iterator trait's, which `!` doesn't implement: an
    // empty iterator (of `()` when the item type isn't named, `-> impl Iterator`), or, next to `Coroutine`, the
    // failed machine, which is both; `impl Stream` gets a failed async generator.
    let body = match &sig.output {
        syn::ReturnType::Type(_, ty) if supported.is_some() && matches!(&**ty, syn::Type::ImplTrait(_)) => {
            match supported {
                Some(Kind::Stream { .. }) => quote!(::stackless::__private::failed_stream::<_>()),
                _ => quote!(::stackless::__private::failed::<_, _, _>()),
            }
        }
        syn::ReturnType::Type(_, ty) if let syn::Type::ImplTrait(it) = &**ty => {
            let traits: Vec<&syn::PathSegment> = it
                .bounds
                .iter()
                .filter_map(|b| match b {
                    syn::TypeParamBound::Trait(t) => t.path.segments.last(),
                    _ => None,
                })
                .collect();
            let iterator = traits.iter().any(|s| ITERATOR_TRAITS.iter().any(|t| s.ident == t));
            let coroutine = traits.iter().any(|s| s.ident == "Coroutine");
            let stream = traits.iter().any(|s| s.ident == "Stream" || s.ident == "FusedStream");
            let item_named = traits.iter().any(|s| matches!(&s.arguments, syn::PathArguments::AngleBracketed(_)));
            match (iterator, item_named) {
                // `-> impl Stream` (reported): a failed async generator of `()`s.
                _ if stream => quote!(::stackless::__private::failed_stream::<()>()),
                // Both (reported): what a failed expansion returns is both.
                (true, _) if coroutine => quote!(::stackless::__private::failed::<_, _, _>()),
                (true, true) => quote!(::core::iter::empty()),
                (true, false) => quote!(::core::iter::empty::<()>()),
                (false, _) => quote!(::core::unreachable!()),
            }
        }
        _ => quote!(::core::unreachable!()),
    };
    // The placeholder uses no argument: rustc's warnings about them (`mut` not needed) would be false.
    quote! {
        #errors
        #(#attrs)*
        #[allow(unused_variables, unused_mut, unreachable_code)]
        #vis #sig { #body }
    }
}

/// Rounds of adding join points before giving up (a closure inside a closure-bearing initializer inside a
/// loop… takes one round per level).
const MAX_JOIN_ROUNDS: usize = 4;

fn transform(func: &ItemFn, shape: &Shape, errors: &mut Errors) -> Option<TokenStream> {
    let mut sig = func.sig.clone();
    let mut params = Vec::new();
    let mut values = Vec::new();
    for (i, arg) in sig.inputs.iter_mut().enumerate() {
        match arg {
            FnArg::Receiver(recv) => {
                let mutable = recv.mutability.take();
                let ident = syn::Ident::new("__self", Span::mixed_site());
                let pat: Pat = syn::parse_quote!(#mutable #ident);
                let no_drop_ty: Option<syn::Type> = match &recv.kind {
                    // (`&mut self` is a `&mut` like any `&mut T` argument: a use by value moves it.)
                    syn::ReceiverKind::Reference(_, _, Some(_)) => Some(syn::parse_quote!(&mut ())),
                    syn::ReceiverKind::Reference(..) => Some(syn::parse_quote!(&())),
                    syn::ReceiverKind::Typed(_, ty) => Some((**ty).clone()),
                    _ => None,
                };
                params.push((pat, no_drop_ty, ident.clone()));
                let self_token = &recv.self_token;
                values.push((ident, quote!(#self_token)));
            }
            FnArg::Typed(pt) => {
                let simple = match &mut *pt.pat {
                    Pat::Ident(pi) if pi.subpat.is_none() && pi.by_ref.is_none() => {
                        let original = Pat::Ident(pi.clone());
                        pi.mutability = None;
                        let field = crate::names::user_field(&pi.ident.to_string(), Span::mixed_site());
                        let value = pi.ident.to_token_stream();
                        Some((original, field, value))
                    }
                    _ => None,
                };
                let (pat, field, value) = match simple {
                    Some(s) => s,
                    None => {
                        let original = (*pt.pat).clone();
                        let ident = syn::Ident::new(&format!("__arg{i}"), Span::mixed_site());
                        *pt.pat = syn::parse_quote!(#ident);
                        (original, ident.clone(), ident.to_token_stream())
                    }
                };
                params.push((pat, Some((*pt.ty).clone()), field.clone()));
                values.push((field, value));
            }
        }
    }
    // An async generator's `.await`s and `yield_!`s, as suspension points of the coroutine it is.
    let mut block = (*func.block).clone();
    if shape.is_stream() {
        crate::stream::rewrite(&mut block, shape.streams_results(), errors);
        if !errors.is_empty() {
            return None;
        }
    }
    let resume_unit = shape.resumes_with_unit();
    let resume_value = match &shape.kind {
        // Resumed with `()` (an async generator too: the poll's `Context` is the step's own parameter).
        Kind::Generator { .. } | Kind::Stream { .. } => Value::Plain,
        Kind::Coroutine { resume, .. } if copy_type(resume) => Value::Plain,
        Kind::Coroutine { resume, .. } if crate::conventions::owned_type(resume) => Value::Owned,
        Kind::Coroutine { .. } => Value::Unknown,
    };
    let type_params: Vec<syn::Ident> = func.sig.generics.type_params().map(|t| t.ident.clone()).collect();
    let input = |joins: &[JoinBefore]| Input {
        params: params.clone(),
        type_params: type_params.clone(),
        resume: shape.resume_pat.clone(),
        block: block.clone(),
        generator: shape.is_generator(),
        resume_unit,
        resume_value,
        joins: joins.to_vec(),
    };
    let names = crate::names::TypeNames::for_fn(func);
    let body = Lowerer::lower(errors, input(&[]))?;
    let an = analysis::analyze(&body);
    borrows::check(&body, &an, errors);
    if shape.derive_clone {
        borrows::check_clone(&body, &an, errors);
    }
    if !errors.is_empty() {
        return None;
    }
    let mut out = emit::Emitter::new(&body, &an, shape, names.clone()).emit(&values);
    // Where several arms would emit a closure literal whose value is held across a suspension point (a type per
    // copy, where the state has one field), lower again with join points before those statements. Each round
    // adds join points; a few rounds cover the nested cases.
    let mut joins: Vec<JoinBefore> = Vec::new();
    for _ in 0..MAX_JOIN_ROUNDS {
        let before = joins.len();
        joins.extend(&out.joins);
        joins.sort_unstable();
        joins.dedup();
        if joins.len() == before {
            break;
        }
        let Some(body) = Lowerer::lower(errors, input(&joins)) else { break };
        let an = analysis::analyze(&body);
        // A borrow alive across a join point: its error says so.
        borrows::check(&body, &an, errors);
        if !errors.is_empty() {
            return None;
        }
        out = emit::Emitter::new(&body, &an, shape, names.clone()).emit(&values);
    }
    let items = out.items;
    let machine = crate::tidy::tidy(out.machine);
    let attrs = &func.attrs;
    let vis = &func.vis;
    let m = syn::Ident::new("__machine", Span::mixed_site());
    // The returned value, located at the fn's closing brace: a lifetime it must outlive is reported there.
    let returned = syn::Ident::new("__machine", Span::mixed_site().located_at(func.block.brace_token.span.close()));
    let inner = quote! {
        #items
        // The allow lists of generated code, one attribute per cause (short enough for one line each in what
        // `cargo expand` shows). The body is split into one arm per suspension point: a user's `let mut` may be
        // mutated, or a loop label used, in another arm only, and the code after a `yield_!` is unreachable in
        // the arm that suspends there.
        #[allow(unused_mut, unused_labels, unreachable_code)]
        // The arms return from the step closure, and the body's tail becomes the operand of that return.
        #[allow(clippy::needless_return, clippy::let_and_return, clippy::unused_unit)]
        // A `yield_!` inside an expression becomes a block that returns, `?` a parenthesized `match`.
        #[allow(unused_braces, unused_parens, clippy::diverging_sub_expression)]
        // A `_guard` held across a suspension is moved into the state, which clippy counts as a use of an
        // underscore binding, and an underscore argument or resume binding is bound from its slot
        // (`let _first = __arg;`).
        #[allow(clippy::used_underscore_binding, clippy::no_effect_underscore_binding)]
        // A `let ... else` whose `else` block suspends drops the unmatched value explicitly, whatever its type.
        #[allow(dropping_copy_types, dropping_references)]
        let #m = #machine;
        #returned
    };
    // The body's braces are the user's: rustc takes an item whose span comes from a macro for generated code, and
    // reports no `dead_code` or other item lint there (nor for a plain method it groups with it).
    let mut body = proc_macro2::Group::new(proc_macro2::Delimiter::Brace, inner);
    body.set_span(func.block.brace_token.span.join());
    Some(quote! {
        #(#attrs)*
        #vis #sig #body
    })
}

/// A type with no drop glue that is also `Copy`, as a local known to be plain must be: [`no_drop_type`] but no
/// `&mut` (an arm in place would move a binding of that type out of the state: E0507).
fn copy_type(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Reference(r) => r.mutability.is_none(),
        syn::Type::Paren(p) => copy_type(&p.elem),
        syn::Type::Group(g) => copy_type(&g.elem),
        syn::Type::Tuple(t) => t.elems.iter().all(copy_type),
        syn::Type::Array(a) => copy_type(&a.elem),
        _ => no_drop_type(ty),
    }
}

//! Phase 1: the attribute's arguments and the fn's signature.
//!
//! Computes [`Shape`]: whether the fn is a generator (`-> impl Iterator<Item = Y>`) or a coroutine
//! (`-> impl Coroutine<R, Yield = Y, Return = T>`), the types the macro reads from that bound, the derives the
//! signature asks for (`+ Clone`, `+ Debug`), and the pattern that binds the first resume argument.
//!
//! - The written return type is kept verbatim as the real return type: the signature stays honest and every
//!   extra bound (`+ Send`, `+ 'a`, `+ use<..>`) is checked by rustc against what the state machine holds.
//! - Every mistake is reported at the smallest token that shows it, and all of them at once.
//! - A name bound twice in the parameter list is reported here, as rustc's E0415: the transform moves every
//!   destructuring parameter into a hidden one, so rustc would no longer see the duplicate.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{FnArg, GenericArgument, Pat, PathArguments, ReturnType, Token, Type, TypeParamBound};

use crate::errors::Errors;

/// What the fn returns.
#[allow(clippy::large_enum_variant)]
pub enum Kind {
    /// `-> impl Iterator<Item = Y>`: resumed with `()`, returns `()`.
    Generator { item: Type },
    /// `-> impl Coroutine<R, Yield = Y, Return = T>`.
    Coroutine { resume: Type, yield_ty: Option<Type>, return_ty: Option<Type> },
    /// `-> impl Stream<Item = Y>`: an async generator, a coroutine resumed with `()` whose step takes the poll's
    /// `&mut Context`, yielding `Poll<Y>` (`Ready` at a `yield_!`, `Pending` at an `.await` that waits) and
    /// returning `()` (see [`crate::stream`]).
    Stream { item: Type },
}

/// Everything later phases need from the attribute and the signature.
pub struct Shape {
    pub kind: Kind,
    /// `resume = PATTERN`: binds the first resume argument at the start of the body.
    pub resume_pat: Option<syn::Pat>,
    pub derive_clone: bool,
    pub derive_debug: bool,
    pub boxing: Boxing,
}

impl Shape {
    pub fn is_generator(&self) -> bool {
        matches!(self.kind, Kind::Generator { .. })
    }

    pub fn is_stream(&self) -> bool {
        matches!(self.kind, Kind::Stream { .. })
    }

    /// An async generator of `Result`s (`-> impl Stream<Item = Result<T, E>>`, or `io::Result<T>`): a `?` in its
    /// body yields the error and ends the stream, as in `async-stream`'s `try_stream!`.
    pub fn streams_results(&self) -> bool {
        match &self.kind {
            Kind::Stream { item: Type::Path(p) } => {
                p.qself.is_none() && p.path.segments.last().is_some_and(|s| s.ident == "Result")
            }
            _ => false,
        }
    }

    /// An async generator whose item type is written as a generic type the macro doesn't know (`Res<u32>`): maybe
    /// an alias of a `Result`, which [`Self::streams_results`] can't see through.
    pub fn stream_item_may_alias_result(&self) -> bool {
        const KNOWN: &[&str] =
            &["Option", "Vec", "Box", "VecDeque", "HashMap", "HashSet", "BTreeMap", "BTreeSet", "Rc", "Arc", "Cow"];
        match &self.kind {
            Kind::Stream { item: Type::Path(p) } => p.path.segments.last().is_some_and(|s| {
                matches!(s.arguments, syn::PathArguments::AngleBracketed(_)) && !KNOWN.iter().any(|k| s.ident == k)
            }),
            _ => false,
        }
    }

    /// The resume argument is `()`: a generator's, or a coroutine's whose resume type is written `()`.
    pub fn resumes_with_unit(&self) -> bool {
        match &self.kind {
            // An async generator's coroutine too: the poll's `Context` is the step's parameter.
            Kind::Generator { .. } | Kind::Stream { .. } => true,
            Kind::Coroutine { resume, .. } => is_unit(resume),
        }
    }
}

/// The attribute's arguments: `#[stackless::coroutine(resume = PATTERN)]`.
struct Args {
    resume: Option<syn::Pat>,
}

impl Parse for Args {
    // Input: `resume = mut x` | `` ; Output: Args { resume: Some(`mut x`) }
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut resume = None;
        while !input.is_empty() {
            let key: syn::Ident = input.call(syn::ext::IdentExt::parse_any).map_err(|e| {
                syn::Error::new(e.span(), "expected `resume = PATTERN`, the only argument of `#[stackless::coroutine]`")
            })?;
            if key != "resume" {
                return Err(syn::Error::new(
                    key.span(),
                    format!(
                        "unknown argument `{key}`: the only argument is `resume = PATTERN`, which binds the first resume argument"
                    ),
                ));
            }
            if !input.peek(Token![=]) {
                return Err(syn::Error::new(
                    key.span(),
                    "expected `resume = PATTERN`, for example `resume = mut x` or `resume = _`",
                ));
            }
            let eq: Token![=] = input.parse()?;
            if input.is_empty() {
                return Err(syn::Error::new(
                    eq.span,
                    "expected a pattern after `resume =`, for example `resume = mut x` or `resume = _`",
                ));
            }
            let pat = syn::Pat::parse_single(input).map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "expected a pattern after `resume =`, for example `resume = mut x` or `resume = _`",
                )
            })?;
            if input.peek(Token![:]) {
                return Err(syn::Error::new(
                    input.span(),
                    "the resume argument's type is written in the signature, not here\n\
                     help: write `resume = PATTERN` and the type as `impl Coroutine<TYPE, Yield = .., Return = ..>`",
                ));
            }
            if resume.is_some() {
                return Err(syn::Error::new(key.span(), "duplicate argument `resume`"));
            }
            resume = Some(pat);
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        Ok(Args { resume })
    }
}

/// Reads the attribute arguments and the signature; reports every mistake found.
pub fn parse(args: TokenStream, sig: &syn::Signature, errors: &mut Errors) -> Option<Shape> {
    let args = match Args::parse.parse2(args) {
        Ok(args) => Some(args),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    check_fn_kind(sig, errors);
    for (span, message) in Rebindings::of(&mut sig.clone()) {
        errors.error(span, message);
    }
    let shape = classify_return(sig, errors);
    let (args, mut shape) = (args?, shape?);
    if shape.derive_clone {
        check_clonable_arguments(sig, errors);
    }
    shape.resume_pat = args.resume;
    if let (Kind::Stream { .. }, Some(pat)) = (&shape.kind, &shape.resume_pat) {
        errors.error(
            pat.span(),
            "an async generator is resumed by the executor's polls: there is no resume argument to bind\n\
             help: remove `resume = ..`",
        );
        return None;
    }
    if let (Kind::Generator { .. }, Some(pat)) = (&shape.kind, &shape.resume_pat) {
        errors.error(
            pat.span(),
            "a generator is resumed with `()`: there is no resume argument to bind\n\
             help: remove `resume = ..`, or return `impl stackless::Coroutine<R, Yield = Y, Return = T>` to be resumed \
             with an `R`",
        );
        return None;
    }
    if let Kind::Coroutine { resume, .. } = &shape.kind
        && !is_unit(resume)
        && shape.resume_pat.is_none()
    {
        errors.error(
            resume.span(),
            format!(
                "this coroutine is resumed with `{}` but nothing binds the first resume argument\n\
                 help: bind it with `#[stackless::coroutine(resume = x)]`, or drop it explicitly with `#[stackless::coroutine(resume = _)]`",
                resume.to_token_stream()
            ),
        );
        return None;
    }
    Some(shape)
}

/// A `+ Clone` coroutine holds its arguments until it starts, and clones what it holds: an argument of a `&mut`
/// type can't be cloned (rustc would report the unmet bound through the generated state type).
fn check_clonable_arguments(sig: &syn::Signature, errors: &mut Errors) {
    for input in &sig.inputs {
        let (span, name) = match input {
            syn::FnArg::Receiver(r) if matches!(&r.kind, syn::ReceiverKind::Reference(_, _, Some(_))) => {
                (r.self_token.span, String::from("`self`"))
            }
            syn::FnArg::Receiver(r)
                if matches!(&r.kind, syn::ReceiverKind::Typed(_, ty)
                    if matches!(strip_type_group(ty), Type::Reference(t) if t.mutability.is_some())) =>
            {
                (r.self_token.span, String::from("`self`"))
            }
            syn::FnArg::Typed(arg) if matches!(strip_type_group(&arg.ty), Type::Reference(r) if r.mutability.is_some()) =>
            {
                let name = match &*arg.pat {
                    syn::Pat::Ident(p) => format!("`{}`", p.ident),
                    _ => String::from("this argument"),
                };
                (arg.pat.span(), name)
            }
            _ => continue,
        };
        {
            errors.error(
                span,
                format!(
                    "{name} is a `&mut`, and a `+ Clone` coroutine clones what it holds (its arguments until it \
                     starts)\n\
                     note: a `&mut` reference can't be cloned\n\
                     help: take a shared reference (`&`) if the coroutine only reads through it, or remove `+ Clone`"
                ),
            );
        }
    }
}

/// `ty` without the invisible groups and parentheses around it.
fn strip_type_group(mut ty: &Type) -> &Type {
    loop {
        match ty {
            Type::Group(g) => ty = &g.elem,
            Type::Paren(p) => ty = &p.elem,
            _ => return ty,
        }
    }
}

fn check_fn_kind(sig: &syn::Signature, errors: &mut Errors) {
    if let Some(token) = &sig.asyncness {
        errors.error(token.span, "`#[stackless::coroutine]` cannot be used on an `async fn`: the fn returns its coroutine, it doesn't await it\n\
             help: for an async generator, remove `async` and return `impl Stream<Item = Y>`: its body may `.await`");
    }
    if let Some(token) = &sig.constness {
        errors.error(
            token.span,
            "`#[stackless::coroutine]` cannot be used on a `const fn`: a coroutine is built and resumed at run time",
        );
    }
    if let Some(abi) = &sig.abi {
        errors.error(
            abi.extern_token.span,
            "`#[stackless::coroutine]` cannot be used on an `extern` fn: the returned state machine is a Rust type",
        );
    }
    if let Some(variadic) = &sig.variadic {
        errors.error(variadic.dots.spans[0], "`#[stackless::coroutine]` cannot be used on a variadic fn");
    }
}

/// The fallback's signature: each binding reported by the parameter check becomes `_`, so that rustc does
/// not report it a second time.
///
/// Input: `fn pairs(a: u32, (a, b): (u32, u32))` Output: `fn pairs(a: u32, (_, b): (u32, u32))`
pub fn without_rebindings(sig: &mut syn::Signature) {
    Rebindings::of(sig);
}

/// The names a parameter list binds, in order (`self` for a receiver; the alternatives of an or-pattern bind
/// the same names once). Each binding of a name already bound, and each `self` inside a pattern, is an error,
/// and is replaced by `_` in the walked signature.
struct Rebindings {
    bound: Vec<String>,
    /// The name, its token and the message.
    found: Vec<(String, proc_macro2::Span, String)>,
}

impl Rebindings {
    fn of(sig: &mut syn::Signature) -> Vec<(proc_macro2::Span, String)> {
        let mut walk = Rebindings { bound: Vec::new(), found: Vec::new() };
        for arg in &mut sig.inputs {
            match arg {
                FnArg::Receiver(_) => walk.bound.push("self".to_string()),
                FnArg::Typed(pt) => walk.pat(&mut pt.pat),
            }
        }
        walk.found.into_iter().map(|(_, span, message)| (span, message)).collect()
    }

    /// Whether `ident` binds a name already bound (or is `self`): then it is reported, else recorded.
    fn rebinds(&mut self, ident: &syn::Ident) -> bool {
        let name = ident.unraw().to_string();
        let message = if name == "self" {
            // rustc's E0424, which it reports for `self` in any parameter pattern.
            "`self` value is a keyword and may not be bound to variables or shadowed".to_string()
        } else if self.bound.contains(&name) {
            format!("identifier `{name}` is bound more than once in this parameter list")
        } else {
            self.bound.push(name);
            return false;
        };
        self.found.push((name, ident.span(), message));
        true
    }

    fn pat(&mut self, pat: &mut Pat) {
        match pat {
            Pat::Ident(p) => {
                // A lone capitalised name is most likely a unit struct or a constant, as everywhere in the macro.
                let rebinds = crate::syntax::binds(p) && self.rebinds(&p.ident);
                if let Some((_, sub)) = &mut p.subpat {
                    self.pat(sub);
                }
                if rebinds {
                    *pat = match p.subpat.take() {
                        Some((_, sub)) => *sub,
                        None => {
                            Pat::Wild(syn::PatWild { attrs: Vec::new(), underscore_token: Token![_](p.ident.span()) })
                        }
                    };
                }
            }
            Pat::Path(p) if p.qself.is_none() && p.path.is_ident("self") => {
                let ident = p.path.segments[0].ident.clone();
                self.rebinds(&ident);
                *pat = Pat::Wild(syn::PatWild { attrs: Vec::new(), underscore_token: Token![_](ident.span()) });
            }
            // Every alternative binds the same names: a name bound before the or-pattern is reported once.
            Pat::Or(or) => {
                let before = self.bound.clone();
                let mut after = before.clone();
                let start = self.found.len();
                for case in &mut or.cases {
                    self.bound.clone_from(&before);
                    let reported = self.found.len();
                    self.pat(case);
                    let (earlier, this) = self.found[start..].split_at(reported - start);
                    let this: Vec<_> =
                        this.iter().filter(|(name, ..)| !earlier.iter().any(|(n, ..)| n == name)).cloned().collect();
                    self.found.truncate(reported);
                    self.found.extend(this);
                    for name in &self.bound {
                        if !after.contains(name) {
                            after.push(name.clone());
                        }
                    }
                }
                self.bound = after;
            }
            Pat::Paren(p) => self.pat(&mut p.pat),
            Pat::Reference(r) => self.pat(&mut r.pat),
            Pat::Type(t) => self.pat(&mut t.pat),
            Pat::Slice(s) => s.elems.iter_mut().for_each(|p| self.pat(p)),
            Pat::Tuple(t) => t.elems.iter_mut().for_each(|p| self.pat(p)),
            Pat::TupleStruct(t) => t.elems.iter_mut().for_each(|p| self.pat(p)),
            Pat::Struct(s) => {
                for field in &mut s.fields {
                    self.pat(&mut field.pat);
                    // `Point { x }` whose `x` became `_` is written `Point { x: _ }`.
                    if field.colon_token.is_none() && !matches!(*field.pat, Pat::Ident(_)) {
                        field.colon_token = Some(Token![:](field.member.span()));
                    }
                }
            }
            _ => {}
        }
    }
}

const ACCEPTED: &str = "expected `-> impl Iterator<Item = Y>` (a generator), `-> impl Coroutine<R, Yield = Y, Return = T>` (a coroutine resumed with `R`) or `-> impl Stream<Item = Y>` (an async generator), or for recursion `-> Box<dyn Iterator<Item = Y> + 'a>`, `-> Pin<Box<dyn Coroutine<R, Yield = Y, Return = T> + 'a>>` or `-> Pin<Box<dyn Stream<Item = Y> + Send + 'a>>` (`BoxStream<'a, Y>`)";

/// How the state machine is returned.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Boxing {
    /// `-> impl Trait`: by value.
    None,
    /// `-> Box<dyn Iterator ..>`.
    Box,
    /// `-> Pin<Box<dyn Coroutine ..>>`.
    PinBox,
}

type Bounds = syn::punctuated::Punctuated<TypeParamBound, syn::Token![+]>;

/// The trait bounds of the return type and how the value is wrapped: `impl B`, `Box<dyn B>`, `Pin<Box<dyn B>>`.
fn bounds_of(ty: &Type) -> Option<(&Bounds, Boxing, proc_macro2::Span)> {
    match strip_parens(ty) {
        Type::ImplTrait(imp) => Some((&imp.bounds, Boxing::None, imp.impl_token.span)),
        other => {
            let (outer, inner) = single_type_arg(other)?;
            if outer == "Box" {
                let Type::TraitObject(to) = strip_parens(inner) else { return None };
                return Some((&to.bounds, Boxing::Box, outer.span()));
            }
            if outer != "Pin" {
                return None;
            }
            let (boxed, object) = single_type_arg(inner)?;
            let Type::TraitObject(to) = strip_parens(object) else { return None };
            (boxed == "Box").then(|| (&to.bounds, Boxing::PinBox, outer.span()))
        }
    }
}

/// `T` of futures' aliases `BoxStream<'a, T>` and `LocalBoxStream<'a, T>` (`Pin<Box<dyn Stream<Item = T> (+ Send) +
/// 'a>>`): an async generator whose state is boxed.
fn box_stream_item(ty: &Type) -> Option<Type> {
    let Type::Path(p) = strip_parens(ty) else { return None };
    let last = p.path.segments.last()?;
    if p.qself.is_some() || !(last.ident == "BoxStream" || last.ident == "LocalBoxStream") {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else { return None };
    args.args.iter().find_map(|arg| match arg {
        GenericArgument::Type(item) => Some(item.clone()),
        _ => None,
    })
}

/// `Name<T>` → (`Name`, `T`).
fn single_type_arg(ty: &Type) -> Option<(&syn::Ident, &Type)> {
    let Type::Path(p) = strip_parens(ty) else { return None };
    let last = p.path.segments.last()?;
    let PathArguments::AngleBracketed(args) = &last.arguments else { return None };
    match args.args.first()? {
        GenericArgument::Type(inner) if args.args.len() == 1 => Some((&last.ident, inner)),
        _ => None,
    }
}

pub fn classify_return(sig: &syn::Signature, errors: &mut Errors) -> Option<Shape> {
    let ty = match &sig.output {
        ReturnType::Default => {
            errors.error(
                sig.paren_token.span.close(),
                format!("a `#[stackless::coroutine]` fn needs a return type\nhelp: {ACCEPTED}"),
            );
            return None;
        }
        ReturnType::Type(_, ty) => ty,
    };
    if let Some(item) = box_stream_item(ty) {
        return Some(Shape {
            kind: Kind::Stream { item },
            resume_pat: None,
            derive_clone: false,
            derive_debug: false,
            boxing: Boxing::PinBox,
        });
    }
    let Some((bounds, boxing, bounds_span)) = bounds_of(ty) else {
        // `-> Iterator<Item = u32>`: the trait, where a type is expected.
        if let Type::Path(p) = strip_parens(ty)
            && p.qself.is_none()
            && p.path
                .segments
                .last()
                .is_some_and(|s| s.ident == "Iterator" || s.ident == "Coroutine" || s.ident == "Stream")
        {
            let written = p.path.to_token_stream().to_string().replace(" < ", "<").replace(" >", ">");
            errors.error(
                ty.span(),
                format!("a trait in return position needs `impl` before it\nhelp: write `-> impl {written}`"),
            );
            return None;
        }
        errors
            .error(ty.span(), format!("unsupported return type for a `#[stackless::coroutine]` fn\nhelp: {ACCEPTED}"));
        return None;
    };
    let mut kind = None;
    let (mut derive_clone, mut derive_debug) = (false, false);
    for bound in bounds {
        let TypeParamBound::Trait(tb) = bound else {
            continue;
        };
        let Some(last) = tb.path.segments.last() else {
            continue;
        };
        let name = last.ident.to_string();
        match name.as_str() {
            // `+ FusedIterator` next to `Iterator<Item = Y>` (`+ FusedStream` next to `Stream<Item = Y>`) only
            // states what generators (async generators) always are.
            "FusedIterator" | "FusedStream" if assoc_types(last).is_empty() => {}
            "Iterator" | "FusedIterator" | "Coroutine" | "Stream" | "FusedStream" if kind.is_some() => {
                errors.error(
                    last.ident.span(),
                    "a `#[stackless::coroutine]` fn returns one of an `Iterator`, a `Coroutine` or a `Stream`, not \
                     several",
                );
                return None;
            }
            "Iterator" | "FusedIterator" | "Stream" | "FusedStream" => kind = Some(item_kind(last, errors)?),
            "Coroutine" => kind = Some(coroutine_kind(last)),
            "Clone" => derive_clone = true,
            "Debug" => derive_debug = true,
            "Copy" => {
                errors.error(
                    last.ident.span(),
                    "a coroutine can't be `Copy`: its state holds what it will resume with, and copying it would run \
                     the same suspended code twice without `clone` saying so\n\
                     help: write `+ Clone` to duplicate a suspended coroutine explicitly",
                );
            }
            _ => {}
        }
    }
    let Some(kind) = kind else {
        errors.error(
            bounds_span,
            format!("unsupported return type for a `#[stackless::coroutine]` fn\nhelp: {ACCEPTED}"),
        );
        return None;
    };
    Some(Shape { kind, resume_pat: None, derive_clone, derive_debug, boxing })
}

fn strip_parens(ty: &Type) -> &Type {
    match ty {
        Type::Paren(p) => strip_parens(&p.elem),
        Type::Group(g) => strip_parens(&g.elem),
        other => other,
    }
}

/// The `Item = Y` of `Iterator<..>` (a generator) or `Stream<..>` (an async generator), which must be named.
fn item_kind(seg: &syn::PathSegment, errors: &mut Errors) -> Option<Kind> {
    let stream = seg.ident == "Stream" || seg.ident == "FusedStream";
    match assoc_types(seg).into_iter().find(|(name, _)| name == "Item").map(|(_, ty)| ty) {
        Some(item) if stream => Some(Kind::Stream { item }),
        Some(item) => Some(Kind::Generator { item }),
        None => {
            let (what, written) = if stream { ("an async generator", "Stream") } else { ("a generator", "Iterator") };
            errors.error(seg.ident.span(), format!("{what} must name its item type: `-> impl {written}<Item = Y>`"));
            None
        }
    }
}

fn coroutine_kind(seg: &syn::PathSegment) -> Kind {
    let mut resume = None;
    if let PathArguments::AngleBracketed(args) = &seg.arguments {
        for arg in &args.args {
            // A second one is rustc's to report (E0107, with the fix), on the signature as written.
            if let GenericArgument::Type(ty) = arg
                && resume.is_none()
            {
                resume = Some(ty.clone());
            }
        }
    }
    let mut yield_ty = None;
    let mut return_ty = None;
    for (name, ty) in assoc_types(seg) {
        match name.as_str() {
            "Yield" => yield_ty = Some(ty),
            "Return" => return_ty = Some(ty),
            _ => {}
        }
    }
    let resume = resume.unwrap_or_else(|| syn::parse_quote_spanned!(seg.ident.span()=> ()));
    Kind::Coroutine { resume, yield_ty, return_ty }
}

fn assoc_types(seg: &syn::PathSegment) -> Vec<(String, Type)> {
    let PathArguments::AngleBracketed(args) = &seg.arguments else {
        return Vec::new();
    };
    args.args
        .iter()
        .filter_map(|arg| match arg {
            GenericArgument::AssocType(assoc) => Some((assoc.ident.to_string(), assoc.ty.clone())),
            _ => None,
        })
        .collect()
}

pub fn is_unit(ty: &Type) -> bool {
    matches!(strip_parens(ty), Type::Tuple(t) if t.elems.is_empty())
}

/// Whether a type contains `impl Trait` or `_`, which can't be repeated inside the body.
pub fn is_nameable(ty: &Type) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_type_impl_trait(&mut self, _: &'ast syn::TypeImplTrait) {
            self.0 = false;
        }
        fn visit_type_infer(&mut self, _: &'ast syn::TypeInfer) {
            self.0 = false;
        }
    }
    let mut finder = Finder(true);
    syn::visit::Visit::visit_type(&mut finder, ty);
    finder.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    /// The messages, and the parameters the fallback keeps (where each reported binding is `_`).
    fn check(sig: TokenStream) -> (Vec<String>, String) {
        let mut sig: syn::Signature = syn::parse2(sig).expect("test input is a signature");
        let found = Rebindings::of(&mut sig).into_iter().map(|(_, message)| message).collect();
        let inputs = &sig.inputs;
        (found, quote!(#inputs).to_string())
    }

    #[test]
    fn a_name_bound_again_inside_a_pattern_is_reported_at_the_second_binding() {
        let (found, kept) = check(quote!(fn pairs(a: u32, (a, b): (u32, u32))));
        assert_eq!(found, ["identifier `a` is bound more than once in this parameter list"]);
        assert_eq!(kept, "a : u32 , (_ , b) : (u32 , u32)");
    }

    #[test]
    fn nested_patterns_bindings_by_reference_and_at_bindings_count() {
        let (found, kept) = check(quote!(fn f(((a, b), [c, d]): T, &(e, ref a): &U, s @ P { x, .. }: P, s: u8)));
        assert_eq!(found.len(), 2);
        assert_eq!(kept, "((a , b) , [c , d]) : T , & (e , _) : & U , s @ P { x , .. } : P , _ : u8");
        let (_, kept) = check(quote!(fn f(x: u8, s @ P { x, y }: P)));
        assert_eq!(kept, "x : u8 , s @ P { x : _ , y } : P");
        let (_, kept) = check(quote!(fn f(s: u8, s @ (a, b): (u8, u8))));
        assert_eq!(kept, "s : u8 , (a , b) : (u8 , u8)");
    }

    #[test]
    fn each_binding_after_the_first_is_reported() {
        let (found, kept) = check(quote!(fn f(a: u8, a: u8, (a, a): (u8, u8))));
        assert_eq!(found.len(), 3);
        assert_eq!(kept, "a : u8 , _ : u8 , (_ , _) : (u8 , u8)");
    }

    #[test]
    fn or_pattern_alternatives_bind_their_names_once() {
        assert_eq!(check(quote!(fn f((Ok(a) | Err(a)): R, b: u8))).0.len(), 0);
        let (found, kept) = check(quote!(fn f(a: u8, (Ok(a) | Err(a)): R, (Ok(b) | Err(b)): R, b: u8)));
        assert_eq!(found.len(), 2);
        assert_eq!(kept, "a : u8 , (Ok (_) | Err (_)) : R , (Ok (b) | Err (b)) : R , _ : u8");
        // Each or-pattern is reported once, whatever was reported before it.
        let (found, kept) = check(quote!(fn f(a: u8, a: u8, (Ok(a) | Err(a)): R)));
        assert_eq!(found.len(), 2);
        assert_eq!(kept, "a : u8 , _ : u8 , (Ok (_) | Err (_)) : R");
    }

    #[test]
    fn self_in_a_pattern_is_reported_and_capitalised_names_are_not_bindings() {
        let (found, kept) = check(quote!(fn m(&self, (self, b): (u8, u8))));
        assert_eq!(found, ["`self` value is a keyword and may not be bound to variables or shadowed"]);
        assert_eq!(kept, "& self , (_ , b) : (u8 , u8)");
        assert_eq!(check(quote!(fn f(Unit: Unit, (Unit, x): (Unit, u8), [y, Some(z) | None]: A))).0.len(), 0);
    }
}

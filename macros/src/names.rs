//! Vocabulary: identifiers the generated code declares: hidden locals, the start arm's argument variables, and
//! the state's enums, named after the fn ([`TypeNames`]). Imports no phase.

use proc_macro2::Span;

/// The variable the start arm moves an argument's `Unresumed` field into.
pub fn param_var(field: &syn::Ident) -> syn::Ident {
    let field = syn::ext::IdentExt::unraw(field);
    syn::Ident::new(&format!("__p_{field}"), Span::mixed_site())
}

/// A field of the state named after the user's local `name`: a raw identifier (`r#type`, `r#gen`) stays raw,
/// since its bare word is a keyword. So does a word that is an identifier in the user's edition but a keyword in
/// this crate's (`gen`, reserved in 2024, is a local's name in a 2021 crate), since the field's span is the
/// macro's (mixed-site): `r#gen` is the same name in every edition.
pub fn user_field(name: &str, span: Span) -> syn::Ident {
    match name.strip_prefix("r#") {
        Some(bare) => syn::Ident::new_raw(bare, span),
        None if LATER_KEYWORDS.contains(&name) => syn::Ident::new_raw(name, span),
        None => syn::Ident::new(name, span),
    }
}

/// Words that are keywords from an edition on and identifiers before it (2018: `async`, `await`, `dyn`, `try`;
/// 2024: `gen`).
const LATER_KEYWORDS: [&str; 5] = ["async", "await", "dyn", "try", "gen"];

/// What a hidden local of the normalized body holds (see `normalize`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Hidden {
    /// An operand evaluated before a later one suspends (`__spillN`).
    Spill,
    /// A temporary of the statement, hoisted so that it lives until the statement's end (`__temporaryN`).
    Temporary,
}

const SPILL: &str = "__spill";
const TEMPORARY: &str = "__temporary";

/// The `n`th hidden local of a kind, holding the value of the user's expression at `at` (an error about it is
/// located there, and the state's field is named after its line: see [`state_field`]).
pub fn hidden_local(kind: Hidden, n: usize, at: Span) -> syn::Ident {
    let prefix = match kind {
        Hidden::Spill => SPILL,
        Hidden::Temporary => TEMPORARY,
    };
    syn::Ident::new(&format!("{prefix}{n}"), Span::mixed_site().located_at(at))
}

/// The state's field for a hidden local of `kind` named `ident`: what it holds and the line of the user's
/// expression (`temporary_line12`, `operand_line12`), as `{:?}` of a suspended coroutine shows it.
pub fn state_field(kind: Hidden, ident: &syn::Ident) -> String {
    let what = match kind {
        Hidden::Spill => "operand",
        Hidden::Temporary => "temporary",
    };
    format!("{what}_line{}", ident.span().start().line)
}

/// Which hidden local an identifier of the normalized body names, if it is one: read once, where lowering
/// declares it (later phases read `ir::Local::hidden`), and by the walker, which sees only syntax.
pub fn hidden_kind(ident: &syn::Ident) -> Option<Hidden> {
    let name = ident.to_string();
    let numbered = |prefix: &str| {
        name.strip_prefix(prefix).is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    if numbered(SPILL) {
        Some(Hidden::Spill)
    } else if numbered(TEMPORARY) {
        Some(Hidden::Temporary)
    } else {
        None
    }
}

/// The names of the enums a coroutine's state is made of, after its fn (`fn shared` → `SharedState`,
/// `SharedIdle`, `SharedGroup0`): rustc's messages about the coroutine's type (a `+ Send` or `+ Clone` it doesn't
/// meet) show them, so they say whose state they are, without a `__`. They are items in the fn's body, where the
/// user's code could name a type of its own alike: when any identifier of the fn starts so, the base name grows
/// (`SharedCoroutine`, `SharedCoroutine2`, ...) until none does.
#[derive(Clone)]
pub struct TypeNames {
    base: String,
}

impl TypeNames {
    pub fn for_fn(func: &syn::ItemFn) -> Self {
        let camel: String = func
            .sig
            .ident
            .to_string()
            .trim_start_matches("r#")
            .split('_')
            .filter(|part| !part.is_empty())
            .map(|part| {
                let mut chars = part.chars();
                chars.next().map(|first| first.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
            })
            .collect();
        let camel = if camel.is_empty() { String::from("Coroutine") } else { camel };
        let mut idents = Vec::new();
        collect_idents(quote::ToTokens::to_token_stream(func), &mut idents);
        let taken = |base: &str| idents.iter().any(|ident| ident.starts_with(base));
        let mut base = camel.clone();
        let mut n = 1;
        while taken(&base) {
            base = if n == 1 { format!("{camel}Coroutine") } else { format!("{camel}Coroutine{n}") };
            n += 1;
        }
        TypeNames { base }
    }

    /// The state: the value a resume step works on.
    pub fn state(&self) -> syn::Ident {
        syn::Ident::new(&format!("{}State", self.base), Span::mixed_site())
    }

    /// The states that aren't suspended (not started, finished, poisoned), when they are nested.
    pub fn idle(&self) -> syn::Ident {
        syn::Ident::new(&format!("{}Idle", self.base), Span::mixed_site())
    }

    /// The enum of group `c`'s points.
    pub fn group(&self, c: usize) -> syn::Ident {
        syn::Ident::new(&format!("{}Group{c}", self.base), Span::mixed_site())
    }
}

fn collect_idents(tokens: proc_macro2::TokenStream, out: &mut Vec<String>) {
    for tree in tokens {
        match tree {
            proc_macro2::TokenTree::Ident(ident) => out.push(ident.to_string()),
            proc_macro2::TokenTree::Group(group) => collect_idents(group.stream(), out),
            _ => {}
        }
    }
}

/// The step closure's parameter in an async generator: the poll's `&mut Context`, which the polls of its
/// `.await`s read directly (`crate::stream`); the coroutine inside is resumed with `()`.
pub fn poll_context() -> syn::Ident {
    syn::Ident::new("__cx", proc_macro2::Span::mixed_site())
}

#[cfg(test)]
mod tests {
    use super::TypeNames;

    fn state(func: proc_macro2::TokenStream) -> String {
        TypeNames::for_fn(&syn::parse2(func).expect("a fn")).state().to_string()
    }

    #[test]
    fn named_after_the_fn_unless_it_names_a_type_so() {
        assert_eq!(
            state(quote::quote!(
                fn gen_7() {}
            )),
            "Gen7State"
        );
        assert_eq!(
            state(quote::quote!(
                fn r#loop() {}
            )),
            "LoopState"
        );
        assert_eq!(
            state(quote::quote!(
                fn counts() {
                    let _ = CountsState(1);
                }
            )),
            "CountsCoroutineState"
        );
        assert_eq!(
            state(quote::quote!(
                fn counts() -> CountsGroup0 {
                    CountsCoroutine::new()
                }
            )),
            "CountsCoroutine2State"
        );
    }
}

//! Vocabulary: identifiers the generated code declares. Imports no phase.

use proc_macro2::Span;

/// The variable the start arm moves an argument's `Unresumed` field into.
pub fn param_var(field: &syn::Ident) -> syn::Ident {
    syn::Ident::new(&format!("__p_{field}"), Span::mixed_site())
}

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

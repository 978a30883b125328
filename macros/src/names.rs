//! Vocabulary: identifiers the generated code declares. Imports no phase.

use proc_macro2::Span;

/// The variable the start arm moves an argument's `Unresumed` field into.
pub fn param_var(field: &syn::Ident) -> syn::Ident {
    syn::Ident::new(&format!("__p_{field}"), Span::mixed_site())
}

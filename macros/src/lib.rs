//! Implementation detail of `stackless`: the `#[stackless::coroutine]` attribute.
//!
//! The macro is a small compiler, one phase per module:
//! `signature` (arguments and return type) → `diagnose` (mistakes seen in the body) → `lower` (body → `ir`, names resolved) →
//! `analysis` (what each suspension point stores) → `borrows` (self-borrows across a suspension) → `emit` (state enum and resume step), driven by
//! `expand`, with `errors` accumulated along the way. `leaf` walks the user's own expressions for both
//! lowering and emission.

#![forbid(unsafe_code)]

mod analysis;
mod borrows;
mod diagnose;
mod emit;
mod errors;
mod expand;
#[cfg(test)]
mod fuzz;
mod ir;
mod leaf;
mod lower;
mod normalize;
mod signature;
#[cfg(test)]
mod snapshots;

use proc_macro::TokenStream;

/// Turns a fn with `yield_!` points into a state machine. See the `stackless` crate docs.
#[proc_macro_attribute]
pub fn coroutine(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::expand(args.into(), item.into()).into()
}

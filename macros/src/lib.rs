//! Implementation detail of `stackless`: the `#[stackless::coroutine]` attribute.
//!
//! The macro is a small compiler, one phase per module:
//! `signature` (arguments and return type) → `diagnose` (mistakes seen in the body) → `stream` (an async
//! generator's `.await`s and `yield_!`s as a coroutine's suspension points) → `normalize` (suspension
//! points brought to statement level, called by `lower`) → `lower` (body → `ir`, names resolved) → `analysis`
//! (what each suspension point stores) → `borrows` (self-borrows across a suspension) → `layout` (which points
//! share a variant) → `emit` (state enum and resume step; a folder: `access`, `continuation`, `queries`) → `tidy`
//! (blocks that only nest blocks removed from the tokens), driven by `expand`, with `errors` accumulated along the
//! way. `leaf` walks the user's own expressions for both lowering and emission.
//!
//! Below the phases, imported by them and importing none: `syntax` (recognising `yield_!`, places, patterns),
//! `conventions` (the tables of std names) and `names` (generated identifiers). No module imports one that
//! (directly or not) imports it back: the test in `deps` checks it.

#![forbid(unsafe_code)]

mod analysis;
mod borrows;
mod conventions;
#[cfg(test)]
mod deps;
mod diagnose;
mod emit;
mod errors;
mod expand;
#[cfg(test)]
mod fuzz;
mod ir;
mod layout;
mod leaf;
mod lower;
mod names;
mod normalize;
mod signature;
#[cfg(test)]
mod snapshots;
mod stream;
mod syntax;
mod tidy;

use proc_macro::TokenStream;

/// Turns a fn with `yield_!` points into a state machine. See the `stackless` crate docs.
#[proc_macro_attribute]
pub fn coroutine(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::expand(args.into(), item.into()).into()
}

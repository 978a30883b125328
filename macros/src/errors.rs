//! Error accumulation: every phase pushes what it finds here; [`Errors::into_result`] is the one place where
//! errors become tokens (`compile_error!` invocations spanned at the user's code).
//!
//! Independent mistakes are all reported in one build (`syn::Error::combine`); a phase that needs valid input
//! from the previous one only runs when that one reported nothing.

use proc_macro2::{LineColumn, Span};
use std::fmt::Display;

#[derive(Default)]
pub struct Errors {
    combined: Option<syn::Error>,
    /// Mistakes that rustc reports itself before the macro runs ([`Errors::reported_by_rustc`]).
    by_rustc: usize,
    /// Suspension points the user wrote as something else than `yield_!` ([`Errors::written_as`]).
    written: Vec<(LineColumn, Written)>,
    /// The body is an async generator's: a message about "a later `yield_!`" may be about an `.await`.
    awaits: bool,
}

/// What the user wrote where a phase sees a `yield_!`: an async generator's `.await` (`crate::stream`).
#[derive(Clone, Copy)]
pub enum Written {
    Await,
}

impl Errors {
    pub fn push(&mut self, error: syn::Error) {
        match &mut self.combined {
            Some(all) => all.combine(error),
            None => self.combined = Some(error),
        }
    }

    pub fn error(&mut self, span: Span, message: impl Display) {
        let mut message = message.to_string();
        if let Some((_, written)) = self.written.iter().find(|(at, _)| *at == span.start()) {
            // A message about a `yield_!` at a suspension point the user wrote otherwise names what they wrote.
            let (name, example) = match written {
                Written::Await => ("`.await`", "future.await"),
            };
            message = message.replace("`yield_!`", name).replace("yield_!(..)", example);
        } else if self.awaits {
            // A message at another place (a borrow) about the suspension point after it, which may be either.
            for phrase in ["a later `yield_!`", "across a `yield_!`", "at a `yield_!`"] {
                message = message.replace(phrase, &format!("{phrase} or `.await`"));
            }
        }
        self.push(syn::Error::new(span, message));
    }

    /// The body is an async generator's: messages about a suspension point elsewhere name both kinds.
    pub fn suspending_at_awaits_too(&mut self) {
        self.awaits = true;
    }

    /// The suspension point at `span` (the span of its `yield_` token) was written as `written`: messages at it
    /// say so.
    pub fn written_as(&mut self, span: Span, written: Written) {
        self.written.push((span.start(), written));
    }

    /// A mistake that rustc's parser reports itself, before the macro runs (a `let` outside a condition): the
    /// expansion stops as for an error, without a message that would repeat rustc's.
    pub fn reported_by_rustc(&mut self) {
        self.by_rustc += 1;
    }

    /// How many errors were reported so far (to tell whether a step added one).
    pub fn count(&self) -> usize {
        self.combined.as_ref().map_or(0, |e| e.into_iter().count()) + self.by_rustc
    }

    pub fn is_empty(&self) -> bool {
        self.count() == 0
    }

    /// The accumulated errors, if any, as `compile_error!` invocations (none for those rustc reports).
    pub fn into_result(self) -> Result<(), proc_macro2::TokenStream> {
        match self.combined {
            Some(error) => Err(error.to_compile_error()),
            None if self.by_rustc > 0 => Err(proc_macro2::TokenStream::new()),
            None => Ok(()),
        }
    }
}

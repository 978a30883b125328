//! Error accumulation: every phase pushes what it finds here; [`Errors::into_result`] is the one place where
//! errors become tokens (`compile_error!` invocations spanned at the user's code).
//!
//! Independent mistakes are all reported in one build (`syn::Error::combine`); a phase that needs valid input
//! from the previous one only runs when that one reported nothing.

use proc_macro2::Span;
use std::fmt::Display;

#[derive(Default)]
pub struct Errors {
    combined: Option<syn::Error>,
}

impl Errors {
    pub fn push(&mut self, error: syn::Error) {
        match &mut self.combined {
            Some(all) => all.combine(error),
            None => self.combined = Some(error),
        }
    }

    pub fn error(&mut self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    /// How many errors were reported so far (to tell whether a step added one).
    pub fn count(&self) -> usize {
        self.combined.as_ref().map_or(0, |e| e.into_iter().count())
    }

    pub fn is_empty(&self) -> bool {
        self.combined.is_none()
    }

    /// The accumulated errors, if any, as one `syn::Error`.
    pub fn into_result(self) -> Result<(), syn::Error> {
        match self.combined {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }
}

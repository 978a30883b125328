//! The implementations under comparison, one module each, and the dispatch the harness goes through.
//!
//! Every module exposes the same three functions:
//! - `run(workload, n, input, sink)`: drive the workload's coroutine(s) to the end, pushing each yielded value
//!   into `sink` (never called with `spawn`);
//! - `suspended_size(workload, input)`: `size_of_val` of one coroutine suspended at its first yield;
//! - `spawn(count, all_suspended)`: create `count` workers, resume each once, call `all_suspended()` while
//!   all of them are alive and suspended, resume each a second time (see [`Workload::Spawn`]).
//!
//! A workload a peer cannot express returns [`Unsupported`] with the reason, and the tables print `n/a`.
//! Each module drives its coroutines through the peer's own fastest public API (e.g. diapause's
//! `start`/`resume` rather than its status-checking `Iter` adapter).

pub mod corosensei;
pub mod diapause;
pub mod genawaiter;
pub mod hand;
#[cfg(nightly_coroutines)]
pub mod nightly;
#[cfg(feature = "stackless")]
pub mod stackless;

use crate::workloads::{Input, Sink, Workload};

/// One implementation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Impl {
    /// Hand-written `Iterator`s and state-machine structs: the baseline.
    Hand,
    /// This repository's `#[stackless::coroutine]`.
    #[cfg(feature = "stackless")]
    Stackless,
    /// `#[diapause::coroutine]` 0.2.
    Diapause,
    /// genawaiter 0.99, stack flavour (`let_gen_using!`, no allocation).
    Genawaiter,
    /// corosensei 0.3: stackful coroutines, one `mmap`ed stack each.
    Corosensei,
    /// rustc's `#[coroutine]` closures (nightly only).
    #[cfg(nightly_coroutines)]
    Nightly,
    /// rustc's `gen` blocks (nightly only; iterators, no resume argument).
    #[cfg(nightly_coroutines)]
    NightlyGen,
}

/// Why an implementation has no number for a workload.
#[derive(Clone, Debug)]
pub struct Unsupported(pub String);

/// What a `spawn` run reports.
#[derive(Clone, Copy, Debug)]
pub struct SpawnOutcome {
    /// Wrapping sum of every value yielded (two per worker).
    pub checksum: u64,
    /// Bytes one suspended worker occupies where the caller keeps it (for genawaiter: its `Gen` handle plus
    /// the `Shelf` holding the future; for corosensei: the handle only, its stack is extra).
    pub size_each: usize,
}

impl Impl {
    /// Every implementation compiled into this binary, in table order.
    pub fn all() -> Vec<Impl> {
        vec![
            Impl::Hand,
            #[cfg(feature = "stackless")]
            Impl::Stackless,
            Impl::Diapause,
            Impl::Genawaiter,
            Impl::Corosensei,
            #[cfg(nightly_coroutines)]
            Impl::Nightly,
            #[cfg(nightly_coroutines)]
            Impl::NightlyGen,
        ]
    }

    /// The name used on the command line and in tables.
    pub fn name(self) -> &'static str {
        match self {
            Impl::Hand => "hand",
            #[cfg(feature = "stackless")]
            Impl::Stackless => "stackless",
            Impl::Diapause => "diapause",
            Impl::Genawaiter => "genawaiter",
            Impl::Corosensei => "corosensei",
            #[cfg(nightly_coroutines)]
            Impl::Nightly => "nightly",
            #[cfg(nightly_coroutines)]
            Impl::NightlyGen => "nightly-gen",
        }
    }

    /// Looks an implementation up by [`name`](Self::name) among those compiled in.
    pub fn from_name(name: &str) -> Option<Impl> {
        Impl::all().into_iter().find(|i| i.name() == name)
    }

    /// Whether each coroutine also owns a separately mapped stack (not included in its `size_of_val`).
    pub fn is_stackful(self) -> bool {
        self == Impl::Corosensei
    }

    /// Runs workload `w` at size `n`, pushing every yielded value into `sink`. For `spawn`, `n` workers are
    /// created and the run's checksum is pushed once.
    pub fn run<S: Sink>(self, w: Workload, n: u64, input: &Input, sink: &mut S) -> Result<(), Unsupported> {
        if w == Workload::Spawn {
            let count = usize::try_from(n).expect("internal: spawn count fits in usize");
            let outcome = self.spawn(count, &mut || {})?;
            sink.push(outcome.checksum);
            return Ok(());
        }
        match self {
            Impl::Hand => hand::run(w, n, input, sink),
            #[cfg(feature = "stackless")]
            Impl::Stackless => stackless::run(w, n, input, sink),
            Impl::Diapause => diapause::run(w, n, input, sink),
            Impl::Genawaiter => genawaiter::run(w, n, input, sink),
            Impl::Corosensei => corosensei::run(w, n, input, sink),
            #[cfg(nightly_coroutines)]
            Impl::Nightly => nightly::run(w, n, input, sink),
            #[cfg(nightly_coroutines)]
            Impl::NightlyGen => nightly::run_gen(w, n, input, sink),
        }
    }

    /// `size_of_val` of one coroutine of workload `w`, suspended at its first yield.
    pub fn suspended_size(self, w: Workload, input: &Input) -> Result<usize, Unsupported> {
        match self {
            Impl::Hand => hand::suspended_size(w, input),
            #[cfg(feature = "stackless")]
            Impl::Stackless => stackless::suspended_size(w, input),
            Impl::Diapause => diapause::suspended_size(w, input),
            Impl::Genawaiter => genawaiter::suspended_size(w, input),
            Impl::Corosensei => corosensei::suspended_size(w, input),
            #[cfg(nightly_coroutines)]
            Impl::Nightly => nightly::suspended_size(w, input),
            #[cfg(nightly_coroutines)]
            Impl::NightlyGen => nightly::suspended_size_gen(w, input),
        }
    }

    /// The `spawn` workload: `count` workers alive at once; `all_suspended` runs while they all are.
    pub fn spawn(self, count: usize, all_suspended: &mut dyn FnMut()) -> Result<SpawnOutcome, Unsupported> {
        match self {
            Impl::Hand => hand::spawn(count, all_suspended),
            #[cfg(feature = "stackless")]
            Impl::Stackless => stackless::spawn(count, all_suspended),
            Impl::Diapause => diapause::spawn(count, all_suspended),
            Impl::Genawaiter => genawaiter::spawn(count, all_suspended),
            Impl::Corosensei => corosensei::spawn(count, all_suspended),
            #[cfg(nightly_coroutines)]
            Impl::Nightly => nightly::spawn(count, all_suspended),
            #[cfg(nightly_coroutines)]
            Impl::NightlyGen => nightly::spawn_gen(count, all_suspended),
        }
    }
}

// ---- Helpers shared by the modules ----

/// Pushes everything `it` yields.
#[inline(always)]
pub(crate) fn drain(it: impl Iterator<Item = u64>, sink: &mut impl Sink) {
    for value in it {
        sink.push(value);
    }
}

/// Pushes the first `n` values of an endless iterator.
#[inline(always)]
pub(crate) fn take(mut it: impl Iterator<Item = u64>, n: u64, sink: &mut impl Sink) {
    for _ in 0..n {
        sink.push(it.next().expect("internal: an endless generator ended"));
    }
}

/// `size_of_val` of an iterator after its first `next()`.
pub(crate) fn iter_suspended_size(mut it: impl Iterator<Item = u64>) -> usize {
    it.next().expect("internal: every workload yields at least once");
    size_of_val(&it)
}

/// The `spawn` skeleton: `make(id)` builds worker `id`; `start` resumes it the first time and `resume` every
/// later time, each returning the value yielded. Workers live in one `Vec` reserved up front; the result's
/// `size_each` is the element size.
pub(crate) fn spawn_with<C>(
    count: usize,
    mut make: impl FnMut(u64) -> Result<C, Unsupported>,
    mut start: impl FnMut(&mut C) -> u64,
    mut resume: impl FnMut(&mut C) -> u64,
    all_suspended: &mut dyn FnMut(),
) -> Result<SpawnOutcome, Unsupported> {
    let mut workers = Vec::with_capacity(count);
    let mut sum = crate::workloads::Sum::default();
    for id in 0..count as u64 {
        let mut worker = make(id)?;
        sum.push(start(&mut worker));
        workers.push(worker);
    }
    all_suspended();
    for worker in &mut workers {
        sum.push(resume(worker));
    }
    Ok(SpawnOutcome { checksum: sum.0, size_each: size_of::<C>() })
}

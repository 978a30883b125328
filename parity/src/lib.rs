//! The parity corpus: everyday programs, each written once as stackless code in `programs/`, run as a
//! `#[stackless::coroutine]`, as the plain fn it must behave like, and (by `run.sh`, with a nightly toolchain)
//! as rustc's own `gen` block or `#[coroutine]` closure. See README.md.

pub mod rt;

/// One program's two stable variants; each `fn()` sets up the arguments and runs the program once.
pub struct Program {
    pub name: &'static str,
    pub stackless: fn(),
    pub plain: fn(),
}

/// The generated variants (`build.rs`): a module per program with `stackless` and `plain` inside.
#[allow(warnings, clippy::all, clippy::pedantic)]
pub mod corpus {
    include!(concat!(env!("OUT_DIR"), "/corpus.rs"));
}

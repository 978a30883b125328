//! Edition 2021 code through the macro (this package is edition 2021; the rest of the workspace is edition
//! 2024): a word that is a keyword in the macro's edition only, and the drop order of a tail expression's
//! temporaries, a documented deviation (README, "Limitations and deliberate deviations").
#[path = "../../tests/common/mod.rs"]
mod common;
use common::{events, strs, Noisy};

/// `gen`, a keyword from edition 2024 on, as an argument and as a local held across a `yield_!` (the state's
/// fields are named after them).
#[stackless::coroutine]
fn generations(gen: u32) -> impl Iterator<Item = u32> {
    let mut gen = gen * 2;
    yield_!(0);
    gen += 1;
    yield_!(gen);
}

#[test]
fn gen_is_an_identifier_in_edition_2021() {
    assert_eq!(generations(3).collect::<Vec<_>>(), [0, 7]);
}

fn look(_: &Noisy) {}

/// A tail expression that makes a temporary, after a `yield_!` at which a local is held.
#[stackless::coroutine]
fn tail_temporary() -> impl Iterator<Item = u32> {
    let _held = Noisy("held");
    yield_!(1);
    look(&Noisy("temp"))
}

// (The tail expression, without `;`, is the point.)
#[allow(clippy::semicolon_if_nothing_returned)]
fn tail_temporary_plain() {
    let _held = Noisy("held");
    look(&Noisy("temp"))
}

#[test]
fn a_tail_temporary_drops_before_the_locals_as_in_edition_2024() {
    // Edition 2021 drops the tail expression's temporaries after the block's locals: the plain fn here (which
    // also shows this target is edition 2021)...
    assert_eq!(events(tail_temporary_plain), strs(&["drop held", "drop temp"]));
    // ...where the coroutine, resumed after the `yield_!`, drops them as edition 2024 does.
    assert_eq!(events(|| assert_eq!(tail_temporary().count(), 1)), strs(&["drop temp", "drop held"]));
}

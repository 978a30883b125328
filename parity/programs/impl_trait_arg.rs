//! `impl Trait` and destructured arguments: labels every item of any iterator, starting from a given pair.
use std::fmt::Display;

#[stackless::coroutine]
fn labelled(
    items: impl IntoIterator<Item = impl Display>,
    (prefix, start): (&'static str, usize),
) -> impl Iterator<Item = String> {
    for (i, item) in items.into_iter().enumerate() {
        yield_!(format!("{prefix}{}: {item}", start + i));
    }
}

fn parity() {
    run!(labelled(vec![3.5, 1.25, 9.0], ("#", 10)));
}

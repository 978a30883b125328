//! `impl FusedIterator` with a `+ use<'a>` bound: the error messages of a log after a given time.
use std::iter::FusedIterator;

#[stackless::coroutine]
fn errors<'a>(entries: &'a [(u32, &'a str)], since: u32) -> impl FusedIterator<Item = &'a str> + use<'a> {
    for &(t, msg) in entries {
        if t >= since && msg.starts_with("error") {
            yield_!(msg);
        }
    }
}

fn parity() {
    let entries = [(1, "error: disk"), (5, "info: ok"), (7, "error: net"), (9, "error: cpu")];
    run!(errors(&entries, 3));
}

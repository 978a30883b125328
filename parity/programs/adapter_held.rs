//! An iterator adapter chain over an owned `Vec` of drop-logging values, held across yields.
use crate::rt::{D, log};

#[stackless::coroutine]
fn long_names(names: Vec<D>) -> impl Iterator<Item = String> {
    let mut it = names.into_iter().filter(|d| d.name().len() > 3).map(|d| d.name().to_uppercase());
    while let Some(n) = it.next() {
        yield_!(n);
    }
    log("adapter exhausted");
}

fn parity() {
    let names = ["ann", "bartholomew", "cy", "dorothea", "eve"].iter().map(|n| D::new(*n)).collect();
    run!(long_names(names));
}

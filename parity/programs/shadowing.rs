//! Shadowed locals across yields: each shadowed value keeps living until its scope ends.
use crate::rt::D;

#[stackless::coroutine]
fn stages(input: &'static str) -> impl Iterator<Item = String> {
    let x = D::new(input);
    yield_!(format!("raw {:?}", x));
    let x = x.name().trim().to_string();
    yield_!(format!("trimmed {x}"));
    let x = D::new(format!("{}!", x.to_uppercase()));
    yield_!(format!("shouted {:?}", x));
}

fn parity() {
    run!(stages("  hello "));
}

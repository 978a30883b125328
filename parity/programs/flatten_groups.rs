//! The README's `yield_from!` example: flattening owned groups of drop-logging values.
use crate::rt::D;

#[stackless::coroutine]
fn flatten(groups: Vec<Vec<D>>) -> impl Iterator<Item = D> {
    for group in groups {
        yield_from!(group);
    }
}

fn parity() {
    let groups = vec![vec![D::new("a1"), D::new("a2")], vec![], vec![D::new("c1")]];
    run!(flatten(groups));
}

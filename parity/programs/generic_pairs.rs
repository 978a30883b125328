//! A generic generator with a `where` clause: all unordered pairs of a slice's items, cloned.
use std::fmt::Debug;

#[stackless::coroutine]
fn pairs<T>(items: &[T]) -> impl Iterator<Item = (T, T)> + '_
where
    T: Clone + Debug,
{
    for i in 0..items.len() {
        for j in i + 1..items.len() {
            yield_!((items[i].clone(), items[j].clone()));
        }
    }
}

fn parity() {
    let items = vec!["x".to_string(), "y".to_string(), "z".to_string(), "w".to_string()];
    run!(pairs(&items));
}

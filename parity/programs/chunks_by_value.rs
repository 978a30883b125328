//! Chunks of an owned `Vec` of drop-logging values, each chunk yielded by value.
use crate::rt::D;

#[stackless::coroutine]
fn chunks(items: Vec<D>, size: usize) -> impl Iterator<Item = Vec<D>> {
    let mut chunk = Vec::with_capacity(size);
    for item in items {
        chunk.push(item);
        if chunk.len() == size {
            yield_!(std::mem::replace(&mut chunk, Vec::with_capacity(size)));
        }
    }
    if !chunk.is_empty() {
        yield_!(chunk);
    }
}

fn parity() {
    let items = (1..=5).map(|i| D::new(format!("item{i}"))).collect();
    run!(chunks(items, 2));
}

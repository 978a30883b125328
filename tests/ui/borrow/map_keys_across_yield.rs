use std::collections::BTreeMap;

#[stackless::coroutine]
fn names(m: BTreeMap<String, u32>) -> impl Iterator<Item = String> {
    for k in m.keys() {
        yield_!(k.clone());
    }
}

fn main() {}

// A `let` of a capitalised name is a binding (`let N = 3;`), unless its value or written type is that name: so a
// unit struct matched from another value without its type written is rustc's E0530 (README, Limitations).
// `let Marker: Marker = make();` works.
struct Marker;

fn make() -> Marker {
    Marker
}

#[stackless::coroutine]
fn unit() -> impl Iterator<Item = u32> {
    let Marker = make();
    yield_!(1);
}

fn main() {}

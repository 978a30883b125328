// `lines` on a local of a type the macro doesn't know: `BufRead::lines(self)` would consume a reader, so the
// macro can't tell this borrow of a `String` from valid code, and rustc reports it.
fn make() -> String {
    String::from("a\nb")
}

#[stackless::coroutine]
fn lens() -> impl Iterator<Item = usize> {
    let text = make();
    for line in text.lines() {
        yield_!(line.len());
    }
}

fn main() {}

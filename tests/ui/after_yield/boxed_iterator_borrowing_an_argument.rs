// A boxed coroutine borrowing its argument, without `+ '_` on the trait object: at the fn's closing brace, where
// the plain fn returns its value, with rustc's help to add the bound.
#[stackless::coroutine]
fn chars(s: &str) -> Box<dyn Iterator<Item = char>> {
    for c in s.chars() {
        yield_!(c);
    }
}

fn main() {}

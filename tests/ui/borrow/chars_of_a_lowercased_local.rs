// A `String` made by a std method (`to_lowercase`) owns its value: a loop over its `chars()` borrows it across the
// `yield_!` (probe 33: rustc's errors named the step's guard).
#[stackless::coroutine]
fn letters(text: &str) -> impl Iterator<Item = char> + '_ {
    let lower = text.to_lowercase();
    for c in lower.chars() {
        yield_!(c);
    }
}

fn main() {}

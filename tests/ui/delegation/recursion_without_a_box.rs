// A coroutine that delegates to itself with an `impl Trait` signature: its state would contain itself. The
// macro's error names the fix (rustc's own is E0720 "cannot resolve opaque type", with no hint).
#[stackless::coroutine]
fn count(n: u32) -> impl Iterator<Item = u32> {
    if n > 0 {
        yield_from!(count(n - 1));
    }
    yield_!(n);
}

fn main() {
    let _ = count(3);
}

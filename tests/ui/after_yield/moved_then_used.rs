// After a `yield_!`, `s` is moved and then used again: the plain fn's E0382. The error is at the move, where
// the arm reads `s` from the state (its words name the state's place, `*s`), not at the attribute.
#[stackless::coroutine]
fn greet() -> impl Iterator<Item = usize> {
    let s = String::from("hi");
    yield_!(0);
    let t = s;
    println!("{s}");
    yield_!(t.len());
}

fn main() {}

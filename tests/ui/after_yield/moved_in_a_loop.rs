// A value moved in a loop that suspends (moved again on the next round): at the move.
#[stackless::coroutine]
fn ticks() -> impl Iterator<Item = u32> {
    let s = String::from("x");
    loop {
        yield_!(1);
        drop(s);
    }
}

fn main() {}

// A borrow of a field through `&mut self`, held across a `yield_!` after which `self` is used too: the state would
// hold `self` and a borrow through it (rustc's E0505 at the `yield_!`, with a `.clone()` suggestion), where rustc's
// own coroutine keeps both in place. Reported at the borrow. The same borrow not used after the `yield_!`, or
// `self` not used after it, compiles (tests/borrows.rs).
struct Log {
    lines: Vec<String>,
    seen: u32,
}

impl Log {
    #[stackless::coroutine]
    fn record(&mut self) -> impl Iterator<Item = u32> + '_ {
        let lines = &mut self.lines;
        yield_!(1);
        lines.push(String::from("resumed"));
        self.seen += 1;
        yield_!(self.seen);
    }
}

struct Pair {
    left: Vec<u8>,
    rounds: u32,
}

#[stackless::coroutine]
fn shared(pair: &mut Pair) -> impl Iterator<Item = usize> + '_ {
    let left = &pair.left;
    yield_!(left.len());
    pair.rounds += 1;
    yield_!(left.len());
}

fn main() {}

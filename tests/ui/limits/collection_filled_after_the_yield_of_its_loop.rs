// A collection filled only after the `yield_!` of a loop, and used after the loop by a closure that needs its
// items' type: the start arm runs the loop up to its `yield_!` and then the code after the loop, where nothing
// has given the items a type yet (rustc checks the arms in order; the plain fn's `push` comes first). A
// deliberate limit (README, "Each arm type-checks its own part of the body"): `let mut words: Vec<String>`.
use stackless::Coroutine;

#[stackless::coroutine(resume = n)]
fn collect_words() -> impl Coroutine<String, Yield = (), Return = usize> {
    let count: usize = n.parse().unwrap();
    let mut words = Vec::new();
    for _ in 0..count {
        let w = yield_!();
        words.push(w);
    }
    words.iter().map(|w| w.len()).sum()
}

fn main() {}

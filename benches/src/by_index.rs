//! A `for` loop over a borrow of a local `Vec` with a `yield_!` in it, which the macro lowers to a loop by index,
//! against a hand-written iterator that goes by index over the same `Vec`. Instructions per yield, as in
//! RESULTS.md: `valgrind --tool=callgrind target/release/by_index {hand|stackless} N` at two sizes, the difference
//! divided by the difference of N (the `collect` of the `Vec` is in both).
use std::hint::black_box;

#[stackless::coroutine]
fn by_index(n: u64) -> impl Iterator<Item = u64> {
    let v: Vec<u64> = (0..n).collect();
    for x in &v {
        yield_!(*x);
    }
}

/// What a hand-written machine holds for the same loop: the `Vec` and the index.
struct Hand {
    v: Vec<u64>,
    i: usize,
}

impl Iterator for Hand {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        let x = *self.v.get(self.i)?;
        self.i += 1;
        Some(x)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (which, n) = match &args[..] {
        [_, which, n] => (which.as_str(), n.parse::<u64>().expect("usage: by_index {hand|stackless} N")),
        _ => panic!("usage: by_index {{hand|stackless}} N"),
    };
    let total: u64 = match which {
        "hand" => black_box(Hand { v: (0..n).collect(), i: 0 }).map(black_box).sum(),
        _ => black_box(by_index(n)).map(black_box).sum(),
    };
    println!("{total}");
}

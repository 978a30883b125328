//! README, "Limitations": names are told apart by their text, not their hygiene. A `macro_rules!` coroutine whose
//! own local is named like the identifier its caller passes in (`i`) is taken for one that shadows it: rustc's
//! E0425. The plain fn compiles (the two `i`s are different bindings).
macro_rules! offsets {
    ($name:ident, $x:ident) => {
        #[stackless::coroutine]
        fn $name($x: u32) -> impl Iterator<Item = u32> {
            let i = 100;
            yield_!(i + $x);
            yield_!(i + $x);
        }
    };
}

offsets!(from_i, i);

fn main() {
    let _ = from_i(1).count();
}

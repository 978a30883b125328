// A loop over a field of `&mut self` goes by index while `self` is used after it; its item, still in use after a
// `yield_!`, borrows the field through the `&mut` the state holds (a field that is a `&'a [T]` would be fine).
struct Words {
    words: Vec<String>,
    counts: Vec<u32>,
    done: bool,
}

impl Words {
    #[stackless::coroutine]
    fn lengths(&mut self) -> impl Iterator<Item = usize> + '_ {
        for w in self.words.iter() {
            yield_!(0);
            yield_!(w.len());
        }
        for w in self.counts.windows(2) {
            yield_!(0);
            yield_!(w.len());
        }
        for c in self.counts.iter_mut() {
            yield_!(1);
            *c += 1;
        }
        self.done = true;
    }

    // Yielded, the item must outlive the step (the field's own borrow, through `self`, doesn't).
    #[stackless::coroutine]
    fn words(&mut self) -> impl Iterator<Item = &String> + '_ {
        for w in self.words.iter() {
            yield_!(w);
        }
        self.done = true;
    }
}

fn main() {}

// Through `&mut self`, a borrow of one field held across a `yield_!` while another field is changed: every use
// of `self` goes through the one `&mut` the state holds, so the borrow checker can't see the fields apart
// (README, "Limitations and deliberate deviations": split the borrow first, as tests/borrows.rs does).
struct Tally {
    items: Vec<u32>,
    seen: u32,
}

impl Tally {
    #[stackless::coroutine]
    fn walk(&mut self) -> impl Iterator<Item = u32> + '_ {
        for x in self.items.iter() {
            yield_!(*x);
            self.seen += 1;
        }
    }
}

fn main() {
    let mut t = Tally { items: vec![1], seen: 0 };
    let _ = t.walk().count();
}

// As in the plain fn (E0507): a field can't be moved out of `&mut self`, even where the coroutine could leave an
// empty value behind. Workaround: `std::mem::take(&mut self.items)`.
struct Pages {
    items: Vec<u32>,
}

impl Pages {
    #[stackless::coroutine]
    fn drain(&mut self) -> impl Iterator<Item = u32> + '_ {
        for i in self.items {
            yield_!(i);
        }
    }
}

fn main() {}

// A loop over a field of `&mut self`, with `self` used after it, goes by index (its iterator would borrow through
// the `&mut` the state holds): a `HashMap` has no items by index.
use std::collections::HashMap;
struct Totals { by_key: HashMap<u32, u32>, done: bool }
impl Totals {
    #[stackless::coroutine]
    fn report(&mut self) -> impl Iterator<Item = u32> + '_ {
        for (k, v) in self.by_key.iter() {
            yield_!(k + v);
        }
        self.done = true;
    }
}
fn main() {}

// A `+ Clone` coroutine holds its arguments until it starts: a `&mut` argument can't be cloned.
#[stackless::coroutine]
fn total(values: &mut Vec<u32>) -> impl Iterator<Item = u32> + Clone + '_ {
    let n = values.len() as u32;
    yield_!(n);
}



struct Counter(u32);

impl Counter {
    #[stackless::coroutine]
    fn ticks(&mut self) -> impl Iterator<Item = u32> + Clone + '_ {
        self.0 += 1;
        yield_!(self.0);
    }
}
fn main() {}

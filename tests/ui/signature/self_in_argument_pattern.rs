struct Counter(u32);

impl Counter {
    #[stackless::coroutine]
    fn with(&self, (self, step): (u32, u32)) -> impl Iterator<Item = u32> + '_ {
        yield_!(self.0 + step);
    }
}

fn main() {}

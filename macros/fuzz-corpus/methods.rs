// Seeds for the expansion fuzzer: methods (each fn is expanded on its own, as the attribute sees it).

struct Counter {
    start: u32,
    names: Vec<String>,
}

impl Counter {
    #[stackless::coroutine]
    fn by_ref(&self) -> impl Iterator<Item = u32> + '_ {
        for i in 0..3 {
            yield_!(self.start + i);
        }
    }

    #[stackless::coroutine]
    fn names(&self) -> impl Iterator<Item = &str> {
        for n in self.names.iter() {
            yield_!(n.as_str());
        }
    }

    #[stackless::coroutine]
    fn by_mut(&mut self) -> impl Iterator<Item = u32> + '_ {
        loop {
            self.start += 1;
            yield_!(self.start);
            if self.start >= 3 {
                break;
            }
        }
    }

    #[stackless::coroutine]
    fn by_value(self) -> impl Iterator<Item = String> {
        let Counter { names, start } = self;
        for n in names {
            yield_!(format!("{start}:{n}"));
        }
    }

    #[stackless::coroutine]
    fn boxed(self: Box<Self>) -> impl Iterator<Item = u32> {
        yield_!(self.start);
        let moved = *self;
        yield_!(u32::try_from(moved.names.len()).unwrap_or(u32::MAX));
    }

    #[stackless::coroutine(resume = order)]
    fn serve<'a>(&'a mut self, extra: &'a str) -> impl Coroutine<u32, Yield = u32, Return = &'a str> + 'a {
        let mut amount = order;
        loop {
            if self.start < amount {
                return extra;
            }
            self.start -= amount;
            amount = yield_!(self.start);
        }
    }
}

// A `&mut self` async generator awaiting a future that borrows `self` (`Box::pin(self.load(i))`) in a loop that uses
// `self` again: the state would hold `self` and the future's borrow through it. The macro's error at the borrow
// (it was rustc's E0521 and E0713 at the attribute, naming the generated guard and state).
use stackless::Stream;

struct Db {
    calls: u32,
}

impl Db {
    async fn load(&mut self, i: u32) -> u32 {
        self.calls += 1;
        i * 10
    }

    #[stackless::coroutine]
    fn all(&mut self) -> impl Stream<Item = u32> + '_ {
        for i in 0..3 {
            let v = Box::pin(self.load(i)).await;
            yield_!(v);
        }
    }
}

fn main() {}

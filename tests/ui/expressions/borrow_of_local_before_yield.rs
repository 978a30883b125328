fn takes(_: &Vec<u32>, _: u32) {}

#[stackless::coroutine(resume = _)]
fn borrows() -> impl stackless::Coroutine<u32, Yield = u32, Return = ()> {
    let v = vec![1, 2, 3];
    takes(&v, yield_!(1));
}

fn main() {}

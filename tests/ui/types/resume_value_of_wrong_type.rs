#[stackless::coroutine(resume = _)]
fn echo() -> impl stackless::Coroutine<u32, Yield = (), Return = ()> {
    let name: String = yield_!();
    drop(name);
}

fn main() {}

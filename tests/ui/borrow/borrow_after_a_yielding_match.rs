// A borrow taken after a `match` that suspends, held across a later `yield_!`.
#[stackless::coroutine]
fn lens(flag: bool) -> impl Iterator<Item = usize> {
    let text = String::from("abc");
    let n = match flag {
        true => yield_!(1),
        false => (),
    };
    let _ = n;
    let view: &str = text.as_str();
    yield_!(view.len());
    yield_!(view.len());
}

fn main() {}

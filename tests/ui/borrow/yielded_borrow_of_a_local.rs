#[stackless::coroutine]
fn f<'a>() -> impl Iterator<Item = &'a str> {
    let s = String::from("hi");
    yield_!(&s);
    yield_!(s.as_str());
}
fn main() {}

// A yielded value of another type than the stream's items: reported at the value, with the signature's type.
use stackless::Stream;

#[stackless::coroutine]
fn names() -> impl Stream<Item = String> {
    yield_!("first");
}

fn main() {
    let _ = names();
}

// `yield_from!` of a stream whose items aren't the generator's: reported at the delegated stream.
use stackless::Stream;

#[stackless::coroutine]
fn words() -> impl Stream<Item = &'static str> {
    yield_!("a");
}

#[stackless::coroutine]
fn numbers() -> impl Stream<Item = u32> {
    yield_from!(words());
}

fn main() {
    let _ = numbers();
}

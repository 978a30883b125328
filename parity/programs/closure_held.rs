//! A closure capturing a local by move, held across yields, and an iterator adapter built from it.
#[stackless::coroutine]
fn scaled(values: Vec<i32>, factor: i32) -> impl Iterator<Item = i32> {
    let offset = values.len() as i32;
    let scale = move |x: i32| x * factor + offset;
    for v in values {
        yield_!(scale(v));
    }
    let mut evens = (1..=6).map(scale).filter(|x| x % 2 == 0);
    while let Some(e) = evens.next() {
        yield_!(e);
    }
}

fn parity() {
    run!(scaled(vec![1, 2, 3], 10));
}

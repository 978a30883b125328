//! Merging two sorted lists with peekable iterators held in the state.
#[stackless::coroutine]
fn merge(a: Vec<i32>, b: Vec<i32>) -> impl Iterator<Item = i32> {
    let mut a = a.into_iter().peekable();
    let mut b = b.into_iter().peekable();
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x <= y => a.next(),
            (Some(_), Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, Some(_)) => b.next(),
            (None, None) => break,
        };
        yield_!(next.unwrap());
    }
}

fn parity() {
    run!(merge(vec![1, 4, 4, 9, 12], vec![2, 3, 4, 10]));
}

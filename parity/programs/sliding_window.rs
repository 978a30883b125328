//! Sums over a sliding window kept in a `VecDeque`.
use std::collections::VecDeque;

#[stackless::coroutine]
fn window_sums(values: Vec<i64>, width: usize) -> impl Iterator<Item = i64> {
    let mut window = VecDeque::with_capacity(width);
    let mut sum = 0;
    for v in values {
        window.push_back(v);
        sum += v;
        if window.len() > width {
            sum -= window.pop_front().unwrap();
        }
        if window.len() == width {
            yield_!(sum);
        }
    }
}

fn parity() {
    run!(window_sums(vec![1, 2, 3, 4, 5, 6, -10, 7], 3));
}

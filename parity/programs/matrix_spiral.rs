//! A spiral walk over a matrix borrowed from the caller, by indices.
#[stackless::coroutine]
fn spiral(m: &[Vec<i32>]) -> impl Iterator<Item = i32> + '_ {
    if m.is_empty() {
        return;
    }
    let (mut top, mut left) = (0, 0);
    let (mut bottom, mut right) = (m.len() - 1, m[0].len() - 1);
    while top <= bottom && left <= right {
        for c in left..=right {
            yield_!(m[top][c]);
        }
        for r in top + 1..=bottom {
            yield_!(m[r][right]);
        }
        if top < bottom && left < right {
            for c in (left..right).rev() {
                yield_!(m[bottom][c]);
            }
            for r in (top + 1..bottom).rev() {
                yield_!(m[r][left]);
            }
        }
        top += 1;
        left += 1;
        if bottom == 0 || right == 0 {
            break;
        }
        bottom -= 1;
        right -= 1;
    }
}

fn parity() {
    let m = vec![vec![1, 2, 3, 4], vec![5, 6, 7, 8], vec![9, 10, 11, 12]];
    run!(spiral(&m));
}

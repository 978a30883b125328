//! Nested loops with labeled `break`/`continue` around yields: the first row containing a target, skipping
//! rows that start with a zero.
#[stackless::coroutine]
fn search(grid: Vec<Vec<u8>>, target: u8) -> impl Iterator<Item = (usize, usize)> {
    'rows: for (r, row) in grid.into_iter().enumerate() {
        for (c, cell) in row.into_iter().enumerate() {
            if c == 0 && cell == 0 {
                continue 'rows;
            }
            yield_!((r, c));
            if cell == target {
                break 'rows;
            }
        }
    }
}

fn parity() {
    run!(search(vec![vec![1, 2], vec![0, 9, 9], vec![3, 9, 4], vec![9]], 9));
}

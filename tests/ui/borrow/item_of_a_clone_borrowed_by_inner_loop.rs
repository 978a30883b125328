// `row` is an item of a clone of a `Vec<Vec<u8>>`: a `Vec<u8>` the coroutine owns, which the inner loop borrows
// across its `yield_!` (the macro's error, as for `for row in grid`; it was rustc's, at the attribute, naming
// generated locals). The help of that error suggests `for x in grid.clone()` for the outer loop.
#[stackless::coroutine]
fn cells(grid: Vec<Vec<u8>>) -> impl Iterator<Item = u8> {
    for row in grid.clone() {
        for &cell in row.iter() {
            yield_!(cell);
        }
    }
    yield_!(grid.len() as u8);
}

fn main() {}

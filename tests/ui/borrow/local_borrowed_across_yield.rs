// A loop whose body names the local it borrows holds an iterator borrowing it across the `yield_!`.
#[stackless::coroutine]
fn sums() -> impl Iterator<Item = usize> {
    let v = vec![1, 2, 3];
    for x in &v {
        yield_!(*x + v.len());
    }
}

fn main() {}

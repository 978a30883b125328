#[stackless::coroutine]
fn doubled(items: Vec<u32>) -> impl Iterator<Item = u32> {
    items.into_iter().for_each(|item| {
        yield_!(item * 2);
    });
}

fn main() {
    let total: u32 = doubled(vec![1, 2, 3]).map(|x| x + 1).sum();
    assert_eq!(total, 15);
}

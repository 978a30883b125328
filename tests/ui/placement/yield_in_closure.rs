#[stackless::coroutine]
fn each(items: Vec<u32>) -> impl Iterator<Item = u32> {
    items.into_iter().for_each(|item| {
        yield_!(item);
    });
}

fn main() {}

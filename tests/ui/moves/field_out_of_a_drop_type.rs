// As in the plain fn (E0509): a field can't be moved out of a type that implements `Drop`, even where the
// coroutine could leave an empty value behind.
struct Page {
    items: Vec<u32>,
}
impl Drop for Page {
    fn drop(&mut self) {}
}

#[stackless::coroutine]
fn items(page: Page) -> impl Iterator<Item = u32> {
    for i in page.items {
        yield_!(i);
    }
}

fn main() {}

// A field moved out of a local that is held across a later `yield_!`: the coroutine keeps the local whole and
// leaves an empty value in the field, which a `Tag` doesn't have. Workaround: destructure the whole local first,
// `let Page { items, tag } = page;`.
struct Tag(u32);
impl Drop for Tag {
    fn drop(&mut self) {}
}

struct Page {
    items: Vec<u32>,
    tag: Tag,
}

#[stackless::coroutine]
fn tags(page: Page) -> impl Iterator<Item = u32> {
    let tag = page.tag;
    yield_!(tag.0);
    yield_!(page.items.len() as u32);
}

fn main() {}

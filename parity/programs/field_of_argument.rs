//! Issue 12 item 1: a field of an argument moved out (`let items = page.items;`) before a yield, the other
//! field used after it.
use crate::rt::{D, log};

struct Page {
    items: Vec<u32>,
    next: Option<u32>,
    tag: D,
}

#[stackless::coroutine]
fn read(page: Page) -> impl Iterator<Item = u32> {
    let items = page.items;
    for i in items {
        yield_!(i);
    }
    log(format!("next {:?} of {}", page.next, page.tag.name()));
}

fn parity() {
    run!(read(Page { items: vec![4, 5, 6], next: Some(7), tag: D::new("p1") }));
}

//! Issue 12 item 1, as written there: a field moved out of a held local (`for item in page.items`) while the
//! rest of `page` (its drop-logging `tag`) stays until the end of its scope.
use crate::rt::{D, log};

struct Page {
    items: Vec<String>,
    next: Option<usize>,
    tag: D,
}

fn fetch(cursor: usize) -> Page {
    log(format!("fetch {cursor}"));
    let items = (cursor..cursor + 2).map(|i| format!("item{i}")).collect();
    Page { items, next: (cursor < 4).then_some(cursor + 2), tag: D::new(format!("page{cursor}")) }
}

#[stackless::coroutine]
fn all_items() -> impl Iterator<Item = String> {
    let mut cursor = Some(0);
    while let Some(c) = cursor {
        let page = fetch(c);
        cursor = page.next;
        for item in page.items {
            yield_!(item);
        }
    }
}

fn parity() {
    run!(all_items());
}

//! Pagination with a cursor: pages fetched lazily from an API borrowed by the generator; each page is
//! destructured, so its items are iterated by value.
use crate::rt::{D, log};

struct Page {
    items: Vec<String>,
    next: Option<usize>,
    tag: D,
}

struct Api {
    data: Vec<&'static str>,
    page_size: usize,
}

impl Api {
    fn fetch(&self, cursor: usize) -> Page {
        log(format!("fetch {cursor}"));
        let end = (cursor + self.page_size).min(self.data.len());
        Page {
            items: self.data[cursor..end].iter().map(|s| s.to_string()).collect(),
            next: (end < self.data.len()).then_some(end),
            tag: D::new(format!("page@{cursor}")),
        }
    }
}

#[stackless::coroutine]
fn all_items(api: &Api) -> impl Iterator<Item = String> + '_ {
    let mut cursor = Some(0);
    while let Some(c) = cursor {
        let Page { items, next, tag } = api.fetch(c);
        cursor = next;
        for item in items {
            yield_!(item);
        }
        log(format!("done with {}", tag.name()));
    }
}

fn parity() {
    let api = Api { data: vec!["ant", "bee", "cat", "dog", "eel", "fox", "gnu"], page_size: 3 };
    run!(all_items(&api));
}

// Seeds for the expansion fuzzer: fields moved out of locals held across suspension points.

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

#[stackless::coroutine]
fn let_field(page: Page) -> impl Iterator<Item = usize> {
    let items = page.items;
    yield_!(items.len());
    if let Some(t) = page.title {
        yield_!(t.len());
    }
    yield_!(page.inner.count + *page.boxed);
}

#[stackless::coroutine]
fn bound_by_pattern(pages: Vec<(u32, Page)>) -> impl Iterator<Item = String> {
    for (n, page) in pages {
        match page.kind {
            Kind::A(k) => yield_!(format!("{n} {k}")),
            _ => {}
        }
        let tag = (page.tag, page.items);
        yield_!(tag.0.name);
    }
}

//! Moving a field out of a local held across a `yield_!` (a partial move) behaves as in the plain fn: the fields
//! that were not moved drop at the end of the local's scope, in field order, on completion and when the
//! coroutine is dropped after any `yield_!`. Each program is written once and compiled both as a coroutine and
//! as the plain fn it must behave like; their logs are compared run to the end and cancelled after each yield.
mod common;
use common::{log, take_log};
use std::cell::Cell;

#[derive(Debug)]
struct Tag(&'static str);
impl Drop for Tag {
    fn drop(&mut self) {
        log(format!("drop tag {}", self.0));
    }
}

struct Page {
    items: Vec<String>,
    next: Option<usize>,
    tag: Tag,
}

fn fetch(c: usize) -> Page {
    log(format!("fetch {c}"));
    Page {
        items: vec![format!("a{c}"), format!("b{c}")],
        next: if c < 2 { Some(c + 1) } else { None },
        tag: Tag("page"),
    }
}

thread_local! {
    /// Yields the plain fn may still make before it is "cancelled" (returns at its next `yield_!`).
    static BUDGET: Cell<Option<usize>> = const { Cell::new(None) };
    static CANCELLED: Cell<bool> = const { Cell::new(false) };
}

/// In the plain fn: counts a yield; true when the caller would drop the coroutine now.
fn cancelled_here() -> bool {
    BUDGET.with(|b| match b.get() {
        Some(1) => {
            CANCELLED.with(|c| c.set(true));
            true
        }
        Some(n) => {
            b.set(Some(n - 1));
            false
        }
        None => false,
    })
}

/// Defines `$co` as a coroutine and `$plain` as the plain fn, from the same body.
macro_rules! both {
    ($co:ident, $plain:ident, ( $($args:tt)* ) { $($body:tt)* }) => {
        #[stackless::coroutine]
        fn $co($($args)*) -> impl Iterator<Item = String> {
            $($body)*
        }

        #[allow(unused_mut)]
        fn $plain($($args)*) {
            macro_rules! yield_ {
                ($e:expr) => {{
                    let v: String = $e;
                    log(format!("yield {v}"));
                    if cancelled_here() {
                        log("cancel");
                        return;
                    }
                }};
            }
            $($body)*
        }
    };
}

/// The coroutine's log, resumed `k` times then dropped (`None`: to the end).
fn run_co<I: Iterator<Item = String>>(make: impl FnOnce() -> I, k: Option<usize>) -> Vec<String> {
    take_log();
    let mut it = make();
    let mut n = 0;
    loop {
        if Some(n) == k {
            log("cancel");
            drop(it);
            break;
        }
        match it.next() {
            Some(v) => {
                log(format!("yield {v}"));
                n += 1;
            }
            None => {
                drop(it);
                log("done");
                break;
            }
        }
    }
    take_log()
}

fn run_plain(plain: impl FnOnce(), k: Option<usize>) -> Vec<String> {
    take_log();
    BUDGET.with(|b| b.set(k));
    CANCELLED.with(|c| c.set(false));
    plain();
    BUDGET.with(|b| b.set(None));
    if !CANCELLED.with(Cell::get) {
        log("done");
    }
    take_log()
}

/// Compares run to the end, then cancelled after each yield.
fn compare<I: Iterator<Item = String>>(co: impl Fn() -> I, plain: impl Fn()) {
    let full = run_plain(&plain, None);
    assert_eq!(run_co(&co, None), full, "run to the end");
    let yields = full.iter().filter(|e| e.starts_with("yield ")).count();
    assert!(yields > 0);
    for k in 1..=yields {
        assert_eq!(run_co(&co, Some(k)), run_plain(&plain, Some(k)), "cancelled after {k} yields");
    }
}

both!(all_items, all_items_plain, () {
    let mut cursor = Some(0);
    while let Some(c) = cursor {
        let page = fetch(c);
        cursor = page.next;
        for item in page.items {
            yield_!(item);
        }
        log("page done");
    }
});

#[test]
fn fields_moved_out_of_a_local_declared_in_a_loop() {
    compare(all_items, all_items_plain);
}

both!(one_page, one_page_plain, () {
    let page = fetch(0);
    let n = page.next;
    for item in page.items {
        yield_!(item);
    }
    log(format!("next {n:?}"));
});

#[test]
fn a_field_iterated_by_value() {
    compare(one_page, one_page_plain);
}

both!(argument_field, argument_field_plain, (page: Page) {
    for item in page.items {
        yield_!(item);
    }
    log("after loop");
});

#[test]
fn a_field_of_an_argument() {
    compare(|| argument_field(fetch(1)), || argument_field_plain(fetch(1)));
}

both!(let_field, let_field_plain, () {
    let page = fetch(0);
    let items = page.items;
    yield_!(format!("{}", items.len()));
    log(format!("next {:?}", page.next));
    yield_!(items.concat());
    log("end");
});

#[test]
fn a_field_bound_by_let_then_the_rest_read() {
    compare(let_field, let_field_plain);
}

#[allow(dead_code)] // `tag` is only dropped
struct Book {
    title: String,
    chapters: Vec<String>,
    tag: Tag,
}

impl Book {
    fn new() -> Self {
        Book { title: "t".into(), chapters: vec!["one".into(), "two".into()], tag: Tag("book") }
    }

    #[stackless::coroutine]
    fn into_chapters(self) -> impl Iterator<Item = String> {
        for s in self.chapters {
            yield_!(s);
        }
        log("after loop");
    }

    #[allow(clippy::unused_self)]
    fn into_chapters_plain(self) {
        macro_rules! yield_ {
            ($e:expr) => {{
                let v: String = $e;
                log(format!("yield {v}"));
                if cancelled_here() {
                    log("cancel");
                    return;
                }
            }};
        }
        for s in self.chapters {
            yield_!(s);
        }
        log("after loop");
    }

    #[stackless::coroutine]
    fn title_then_chapters(mut self) -> impl Iterator<Item = String> {
        yield_!(self.title);
        let chapters = self.chapters;
        self.title = "retitled".into();
        for c in chapters {
            yield_!(c);
        }
        yield_!(self.title);
    }

    fn title_then_chapters_plain(mut self) {
        macro_rules! yield_ {
            ($e:expr) => {{
                let v: String = $e;
                log(format!("yield {v}"));
                if cancelled_here() {
                    log("cancel");
                    return;
                }
            }};
        }
        yield_!(self.title);
        let chapters = self.chapters;
        self.title = "retitled".into();
        for c in chapters {
            yield_!(c);
        }
        yield_!(self.title);
    }
}

#[test]
fn a_field_of_self_by_value() {
    compare(|| Book::new().into_chapters(), || Book::new().into_chapters_plain());
}

#[test]
fn fields_of_self_moved_then_one_assigned_again() {
    compare(|| Book::new().title_then_chapters(), || Book::new().title_then_chapters_plain());
}

struct Nested {
    inner: Page,
    tag: Tag,
}

both!(nested_field, nested_field_plain, () {
    let n = Nested { inner: fetch(0), tag: Tag("outer") };
    let next = n.inner.next;
    for item in n.inner.items {
        yield_!(item);
    }
    yield_!(format!("{next:?} {:?}", n.tag));
});

#[test]
fn a_field_of_a_field() {
    compare(nested_field, nested_field_plain);
}

both!(tuple_fields, tuple_fields_plain, () {
    let pair = (vec![String::from("x"), String::from("y")], Tag("pair"), Some(String::from("z")));
    for s in pair.0 {
        yield_!(s);
    }
    if let Some(z) = pair.2 {
        yield_!(z);
    }
    log("end");
});

#[test]
fn fields_of_a_tuple() {
    compare(tuple_fields, tuple_fields_plain);
}

both!(moved_after_last_yield, moved_after_last_yield_plain, () {
    let page = fetch(0);
    yield_!(String::from("first"));
    // Nothing holds `page` after this: Rust's own partial move, of a field of any type.
    let tag = page.tag;
    log(format!("took {tag:?}"));
    let items = page.items;
    log(format!("{items:?}"));
});

#[test]
fn a_field_of_any_type_moved_where_the_local_is_no_longer_held() {
    compare(moved_after_last_yield, moved_after_last_yield_plain);
}

both!(conditional_move, conditional_move_plain, (flip: bool) {
    let page = fetch(0);
    if flip {
        for item in page.items {
            yield_!(item);
        }
    } else {
        yield_!(String::from("kept"));
        log(format!("{}", page.items.len()));
    }
    yield_!(String::from("last"));
});

#[test]
fn a_field_moved_on_one_path() {
    compare(|| conditional_move(true), || conditional_move_plain(true));
    compare(|| conditional_move(false), || conditional_move_plain(false));
}

struct Node {
    value: u32,
    label: &'static str,
}

both!(copy_fields_of_a_reference, copy_fields_of_a_reference_plain, (nodes: &[Node]) {
    for node in nodes {
        let v = node.value;
        yield_!(format!("{v} {}", node.label));
        yield_!(format!("{}", node.value + 1));
    }
});

#[test]
fn copy_fields_of_a_borrowed_item_are_copied() {
    let nodes = [Node { value: 1, label: "a" }, Node { value: 2, label: "b" }];
    compare(|| copy_fields_of_a_reference(&nodes), || copy_fields_of_a_reference_plain(&nodes));
}

both!(moved_assigned_moved, moved_assigned_moved_plain, () {
    let mut page = fetch(0);
    let first = page.items;
    yield_!(first.concat());
    page.items = vec![String::from("again")];
    for item in page.items {
        yield_!(item);
    }
    page.items = Vec::new();
    yield_!(format!("{}", page.items.len()));
});

#[test]
fn a_field_moved_assigned_and_moved_again() {
    compare(moved_assigned_moved, moved_assigned_moved_plain);
}

both!(bound_by_a_pattern, bound_by_a_pattern_plain, () {
    if let Some((page, tag)) = Some((fetch(0), Tag("pair"))) {
        for item in page.items {
            yield_!(item);
        }
        log(format!("{tag:?}"));
    }
    match fetch(1) {
        page if page.next.is_some() => {
            let items = page.items;
            yield_!(items.concat());
            yield_!(format!("{:?}", page.next));
        }
        page => log(format!("{}", page.items.len())),
    }
});

#[test]
fn a_field_of_a_local_bound_by_a_pattern() {
    compare(bound_by_a_pattern, bound_by_a_pattern_plain);
}

both!(bound_by_a_loop_pattern, bound_by_a_loop_pattern_plain, () {
    for (n, page) in [(1, fetch(1)), (2, fetch(2))] {
        for item in page.items {
            yield_!(format!("{n} {item}"));
        }
    }
    let mut stack = vec![(fetch(0), Tag("first"))];
    while let Some((page, _tag)) = stack.pop() {
        let next = page.next;
        yield_!(page.items.concat());
        log(format!("{next:?}"));
    }
});

#[test]
fn a_field_of_a_local_bound_by_a_loop_pattern() {
    compare(bound_by_a_loop_pattern, bound_by_a_loop_pattern_plain);
}

#[derive(Debug)]
enum Kind {
    Numbered(u32),
    Named(String),
}

struct Entry {
    kind: Kind,
    tag: Tag,
}

both!(matched_field, matched_field_plain, (entries: Vec<Entry>) {
    for entry in entries {
        // Bindings that copy leave the field in place: the field is not moved, whatever its type.
        match entry.kind {
            Kind::Numbered(n) => yield_!(format!("{n}")),
            Kind::Named(_) => yield_!(String::from("named")),
        }
        let text = match entry.kind {
            Kind::Numbered(n) => format!("{n}"),
            Kind::Named(ref s) => s.clone(),
        };
        yield_!(text);
        yield_!(format!("{:?} {:?}", entry.kind, entry.tag));
    }
});

#[test]
fn a_field_matched_with_bindings_that_copy_stays() {
    let entries = || {
        vec![
            Entry { kind: Kind::Numbered(1), tag: Tag("one") },
            Entry { kind: Kind::Named("n".into()), tag: Tag("two") },
        ]
    };
    compare(|| matched_field(entries()), || matched_field_plain(entries()));
}

struct Size {
    w: u32,
    name: String,
    tag: Tag,
}

// A field moved at the start of a block's value, after a suspension point in that block: the moved field stays
// the left operand (`{ yield_!(..); s.w * 2 }` was split into a statement and `*2`, E0308/E0614), in a `let`, an
// arm, an assignment and a compound assignment. Found by a user-style test program.
both!(field_first_in_a_block_value, field_first_in_a_block_value_plain, (s: Size, round: bool) {
    let double = { yield_!(String::from("a")); s.w * 2 };
    let len = if round { yield_!(String::from("b")); s.name.len() + 1 } else { 0 };
    let mut total = double;
    total = { yield_!(format!("{total}")); s.w + total };
    total += { yield_!(String::from("c")); s.w };
    let wide = { yield_!(String::from("e")); s.w as usize };
    let name = { yield_!(String::from("d")); s.name };
    yield_!(format!("{double} {len} {total} {wide} {name} {}", s.tag.0));
});

#[test]
fn a_moved_field_at_the_start_of_a_block_value() {
    for round in [false, true] {
        let size = || Size { w: 3, name: String::from("box"), tag: Tag("size") };
        compare(|| field_first_in_a_block_value(size(), round), || field_first_in_a_block_value_plain(size(), round));
    }
}

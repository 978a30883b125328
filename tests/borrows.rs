//! Locals that borrow other locals of the coroutine (`line.trim()`, `v.iter()`, `map.get(k)`): fine wherever the
//! borrow is no longer in use at a suspension point, as in rustc's coroutines. Such a view has no drop glue, so
//! it is left out of the state once dead instead of being held to the end of its scope (which would store a
//! reference into the state itself).

use std::collections::HashMap;

#[stackless::coroutine]
fn trimmed_lines(lines: Vec<String>) -> impl Iterator<Item = String> {
    for line in lines {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let owned = trimmed.to_owned();
        yield_!(owned);
        if let Some(rest) = line.strip_prefix('#') {
            let n = rest.len();
            yield_!(n.to_string());
        }
        let Some((key, _)) = line.split_once(':') else { continue };
        let key = key.to_string();
        yield_!(key);
    }
}

#[test]
fn str_views_dead_at_a_suspension_point_are_not_held() {
    let lines = vec![" a ".to_string(), String::new(), "#12:x".to_string()];
    let out: Vec<String> = trimmed_lines(lines).collect();
    assert_eq!(out, ["a", "#12:x", "4", "#12"]);
}

#[stackless::coroutine]
fn collection_views() -> impl Iterator<Item = u32> {
    let v: Vec<u32> = vec![3, 1, 2];
    let mut it = v.iter();
    let first = it.next().copied();
    yield_!(first.unwrap_or(0));
    let m: HashMap<&str, u32> = [("a", 7)].into_iter().collect();
    let found = m.get("a");
    let value = found.copied().unwrap_or(0);
    yield_!(value);
    for (i, c) in (0..).zip("xy".chars()) {
        let mut chars = c.to_string().chars().collect::<Vec<_>>().into_iter();
        yield_!(i + chars.next().map_or(0, u32::from));
    }
    let last = v.last();
    yield_!(*last.unwrap());
}

#[test]
fn collection_views_dead_at_a_suspension_point_are_not_held() {
    assert_eq!(collection_views().collect::<Vec<_>>(), [3, 7, 120, 122, 2]);
}

#[stackless::coroutine]
fn chars_of_a_static_str(s: &'static str) -> impl Iterator<Item = char> {
    // A view of what a reference points to can be held: it doesn't point into the state.
    let mut it = s.chars();
    yield_!('<');
    while let Some(c) = it.next() {
        yield_!(c);
    }
    let rest = it;
    yield_!(if rest.as_str().is_empty() { '>' } else { '?' });
}

#[test]
fn a_view_of_a_reference_can_be_held_and_moved() {
    assert_eq!(chars_of_a_static_str("ab").collect::<String>(), "<ab>");
}

fn first_word(s: &str) -> &str {
    s.split(' ').next().unwrap_or("")
}

#[stackless::coroutine]
fn first_words(lines: Vec<String>) -> impl Iterator<Item = usize> {
    for line in lines {
        // The macro can't see what `first_word` returns: the written type says it is a reference.
        let word: &str = first_word(&line);
        let n = word.len();
        yield_!(n);
    }
}

#[test]
fn a_reference_with_a_written_type_dead_at_a_suspension_point_is_not_held() {
    assert_eq!(first_words(vec!["ab c".into(), "d".into()]).collect::<Vec<_>>(), [2, 1]);
}

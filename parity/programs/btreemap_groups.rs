//! Words grouped by first letter in a `BTreeMap`, then each group yielded by value.
use std::collections::BTreeMap;

#[stackless::coroutine]
fn groups(words: Vec<&'static str>) -> impl Iterator<Item = (char, Vec<&'static str>)> {
    let mut by_letter: BTreeMap<char, Vec<&str>> = BTreeMap::new();
    for w in words {
        by_letter.entry(w.chars().next().unwrap_or('?')).or_default().push(w);
    }
    for (letter, mut group) in by_letter {
        group.sort_unstable();
        yield_!((letter, group));
    }
}

fn parity() {
    run!(groups(vec!["pear", "apple", "plum", "avocado", "banana", "peach"]));
}

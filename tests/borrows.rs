//! Locals that borrow other locals of the coroutine (`line.trim()`, `v.iter()`, `map.get(k)`): fine wherever the
//! borrow is no longer in use at a suspension point, as in rustc's coroutines. Such a view has no drop glue, so
//! it is left out of the state once dead instead of being held to the end of its scope (which would store a
//! reference into the state itself).

use std::collections::HashMap;

mod common;

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

/// `key=value` lines split with `splitn`, `rsplitn`, `split_inclusive`, and bytes in `chunks` of `as_bytes()`: iterators
/// that borrow `line`, dead at the `yield_!` (probe 48: they were held, and rustc's errors named the step's guard).
#[stackless::coroutine]
fn pairs(lines: Vec<String>) -> impl Iterator<Item = (String, String)> {
    for line in lines {
        let mut it = line.splitn(2, '=');
        let key = it.next().unwrap_or("").trim().to_string();
        let value = it.next().unwrap_or("").trim().to_string();
        yield_!((key, value));
        let mut back = line.rsplitn(2, '=');
        let last = back.next().unwrap_or("").to_string();
        let mut pieces = line.split_inclusive('=');
        let first = pieces.next().unwrap_or("").to_string();
        yield_!((first, last));
        let mut bytes = line.as_bytes().chunks(2);
        let pair = bytes.next().map_or(0, <[u8]>::len);
        yield_!((pair.to_string(), line.as_bytes().windows(2).count().to_string()));
    }
}

#[test]
fn splitting_iterators_dead_at_a_suspension_point_are_not_held() {
    let out: Vec<(String, String)> = pairs(vec!["a = 1".to_string(), "x".to_string()]).collect();
    let strings = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        out,
        [
            strings("a", "1"),
            strings("a =", " 1"),
            strings("2", "4"),
            strings("x", ""),
            strings("x", "x"),
            strings("1", "0")
        ]
    );
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

// Loops over the caller's data through locals of a type the macro can't see (`line` in `for (n, line) in
// text.lines().enumerate()` with `text: &str`): `line.split_whitespace()` borrows what `line` refers to, not the
// coroutine's state, so the inner loop may suspend. A local the macro can't prove to own its value is left to
// rustc's borrow check, which rejects a genuine borrow of the state (tests/ui/borrow/).

#[stackless::coroutine]
fn shout(text: &str) -> impl Iterator<Item = String> + '_ {
    for (n, line) in text.lines().enumerate() {
        for word in line.split_whitespace() {
            yield_!(format!("{n}:{}", word.to_uppercase()));
        }
    }
}

#[stackless::coroutine]
fn words(text: &str) -> impl Iterator<Item = &str> {
    for line in text.lines() {
        for word in line.split_whitespace() {
            yield_!(word);
        }
    }
}

struct Doc {
    text: String,
}

impl Doc {
    #[stackless::coroutine]
    fn words(&self) -> impl Iterator<Item = &str> {
        for line in self.text.lines() {
            for word in line.split_whitespace() {
                yield_!(word);
            }
        }
    }
}

#[stackless::coroutine]
fn initials(names: &[String]) -> impl Iterator<Item = (usize, char)> + '_ {
    for (i, name) in names.iter().enumerate() {
        for c in name.chars().rev().skip(1) {
            if c.is_uppercase() {
                yield_!((i, c));
            }
        }
    }
}

fn longest(text: &str) -> &str {
    text.split_whitespace().max_by_key(|w| w.len()).unwrap_or("")
}

#[stackless::coroutine]
fn letters_of_longest(text: &str) -> impl Iterator<Item = char> + '_ {
    let word = longest(text);
    for c in word.chars() {
        yield_!(c);
    }
}

#[test]
fn loops_over_items_borrowed_from_the_caller_may_suspend() {
    let text = String::from("the quick\n\nfox  jumps");
    assert_eq!(shout(&text).collect::<Vec<_>>(), ["0:THE", "0:QUICK", "2:FOX", "2:JUMPS"]);
    assert_eq!(words(&text).collect::<Vec<_>>(), ["the", "quick", "fox", "jumps"]);
    let doc = Doc { text: text.clone() };
    assert_eq!(doc.words().collect::<Vec<_>>(), ["the", "quick", "fox", "jumps"]);
    let names = ["Ada Lovelace".to_string(), "alan".into(), "Grace".into()];
    assert_eq!(initials(&names).collect::<Vec<_>>(), [(0, 'L'), (0, 'A'), (2, 'G')]);
    assert_eq!(letters_of_longest(&text).collect::<String>(), "jumps");
}

mod ref_bindings {
    //! `ref` bindings: into a temporary that `let` extends to the end of the block, which lives (and drops) where
    //! the plain fn's does, across a suspension point; into a local, which stays whole.
    #![allow(clippy::toplevel_ref_arg, clippy::ref_binding_to_reference, reason = "`let ref` is the shape tested")]
    use super::common::{Noisy, events, log, strs};

    /// A `Noisy` made by a fn: a call's value is never promoted to a constant (`&Noisy("x")` could be, were
    /// its type without `Drop`, and so is taken for one: see tests/deviations.rs).
    fn noisy(name: &'static str) -> Noisy {
        Noisy(name)
    }

    #[stackless::coroutine]
    fn extended_temporary() -> impl Iterator<Item = usize> {
        let _a = noisy("a");
        let ref s = noisy("extended");
        let _b = noisy("b");
        let n = s.0.len();
        yield_!(n);
        log("resumed");
    }

    fn extended_temporary_plain() {
        let _a = noisy("a");
        let ref s = noisy("extended");
        let _b = noisy("b");
        let n = s.0.len();
        log(format!("yield {n}"));
        log("resumed");
    }

    #[stackless::coroutine]
    fn tuple_of_temporaries() -> impl Iterator<Item = usize> {
        let (ref s, ref mut t, _) = (noisy("s"), noisy("t"), noisy("wild"));
        t.0 = "t2";
        let n = s.0.len();
        yield_!(n);
        log("resumed");
    }

    fn tuple_of_temporaries_plain() {
        let (ref s, ref mut t, _) = (noisy("s"), noisy("t"), noisy("wild"));
        t.0 = "t2";
        let n = s.0.len();
        log(format!("yield {n}"));
        log("resumed");
    }

    #[test]
    fn a_temporary_extended_by_a_ref_binding_drops_at_the_end_of_its_block() {
        fn twin(plain: fn(), coroutine: impl Iterator<Item = usize>) -> (Vec<String>, Vec<String>) {
            let got = events(|| {
                for n in coroutine {
                    log(format!("yield {n}"));
                }
            });
            (got, events(plain))
        }
        let (got, want) = twin(extended_temporary_plain, extended_temporary());
        assert_eq!(got, want);
        assert_eq!(want, strs(&["yield 8", "resumed", "drop b", "drop extended", "drop a"]));
        let (got, want) = twin(tuple_of_temporaries_plain, tuple_of_temporaries());
        assert_eq!(got, want);
        assert_eq!(want, strs(&["yield 1", "resumed", "drop s", "drop t2", "drop wild"]));
    }

    /// A struct holding a reference: `Copy`, so that holding it dead past the `yield_!` is fine.
    #[derive(Clone, Copy)]
    struct Named<'a> {
        noisy: &'a Noisy,
    }

    #[stackless::coroutine]
    fn reference_to_a_temporary() -> impl Iterator<Item = usize> {
        let _a = noisy("a");
        let r = &noisy("referenced");
        let f = &mut (noisy("pair"), 7).1;
        let pair = (&noisy("in a tuple"), 1);
        let named = Named { noisy: &noisy("in a struct") };
        let dynamic = &noisy("cast") as &dyn core::fmt::Debug;
        *f += 1;
        let n = r.0.len() + *f + pair.0.0.len() + named.noisy.0.len() + format!("{dynamic:?}").len();
        yield_!(n);
        log("resumed");
    }

    fn reference_to_a_temporary_plain() {
        let _a = noisy("a");
        let r = &noisy("referenced");
        let f = &mut (noisy("pair"), 7).1;
        let pair = (&noisy("in a tuple"), 1);
        let named = Named { noisy: &noisy("in a struct") };
        let dynamic = &noisy("cast") as &dyn core::fmt::Debug;
        *f += 1;
        let n = r.0.len() + *f + pair.0.0.len() + named.noisy.0.len() + format!("{dynamic:?}").len();
        log(format!("yield {n}"));
        log("resumed");
    }

    #[test]
    fn a_temporary_extended_by_a_reference_drops_at_the_end_of_its_block() {
        let got = events(|| {
            for n in reference_to_a_temporary() {
                log(format!("yield {n}"));
            }
        });
        let want = events(reference_to_a_temporary_plain);
        assert_eq!(got, want);
        assert_eq!(
            want,
            strs(&[
                "yield 52",
                "resumed",
                "drop cast",
                "drop in a struct",
                "drop in a tuple",
                "drop pair",
                "drop referenced",
                "drop a"
            ])
        );
    }

    #[stackless::coroutine]
    fn borrowing_a_local() -> impl Iterator<Item = usize> {
        let v = vec![1, 2, 3];
        let ref w = v;
        let n = w.len();
        yield_!(n);
        // `v` was borrowed, not moved.
        yield_!(v.len() + 1);
    }

    #[stackless::coroutine]
    fn ref_item_dead_at_the_yield() -> impl Iterator<Item = i32> {
        for ref x in 0..3 {
            let y = *x * 10;
            yield_!(y);
        }
    }

    #[test]
    fn a_ref_binding_no_longer_used_at_the_yield_is_left_out_of_the_state() {
        assert_eq!(borrowing_a_local().collect::<Vec<_>>(), [3, 4]);
        assert_eq!(ref_item_dead_at_the_yield().collect::<Vec<_>>(), [0, 10, 20]);
    }

    /// Found in review: values rustc promotes to constants stay borrowed where they are, evaluation order is
    /// kept, and a borrow that may reach through a reference a call returns is left to rustc.
    #[derive(Clone, Copy)]
    struct Pair(usize, usize);

    fn bump(c: &mut usize) -> usize {
        *c += 1;
        *c * 10
    }

    struct Outer {
        name: String,
    }

    impl Outer {
        fn inner(&self) -> &Outer {
            self
        }
    }

    macro_rules! first {
        ($v:expr) => {
            $v[0]
        };
    }

    #[stackless::coroutine]
    fn promoted_and_in_order<'a>(text: &'a str, o: &'a Outer) -> impl Iterator<Item = usize> + use<'a> {
        let r = &Some(1);
        let q = &Pair(1, 2);
        let ref s = "abc";
        let ref x = 5;
        let mut c = 1;
        let p = (c, &bump(&mut c));
        let before = p.0 + *p.1;
        let t = &text.trim()[1..];
        let f = &o.inner().name;
        let mut m = std::collections::HashMap::new();
        let slot = &mut *m.entry("k").or_insert(0);
        *slot += 1;
        let v = vec![String::from("ab")];
        let e = &first!(v);
        let n = e.len();
        let typed: &[Box<dyn core::fmt::Debug>] = &[Box::new(1), Box::new("s")];
        yield_!(typed.len() + n);
        yield_!(r.unwrap() + q.0 + s.len() + *x + before + t.len() + f.len() + m["k"]);
    }

    /// Found in the third review: a collected `Vec` of borrows of a local, held to the block's end, would hold
    /// the borrow across the `yield_!`.
    #[stackless::coroutine]
    fn collected_borrows(line: String) -> impl Iterator<Item = usize> {
        let words = &line.split_whitespace().collect::<Vec<_>>();
        let k = words.len();
        yield_!(k);
        yield_!(line.len());
    }

    #[test]
    fn a_temporary_that_may_borrow_a_local_stays_as_written() {
        assert_eq!(collected_borrows("a b c".into()).collect::<Vec<_>>(), [3, 5]);
    }

    #[stackless::coroutine]
    fn static_references() -> impl Iterator<Item = &'static Pair> {
        let r = &Pair(1, 2);
        yield_!(r);
        let ref x = Pair(3, 4);
        yield_!(x);
    }

    #[test]
    fn promoted_values_and_borrows_through_references_stay_as_written() {
        let o = Outer { name: "name".into() };
        assert_eq!(
            promoted_and_in_order(" text ", &o).collect::<Vec<_>>(),
            [2 + 2, 1 + 1 + 3 + 5 + (1 + 20) + 3 + 4 + 1]
        );
        let all: Vec<(usize, usize)> = static_references().map(|p| (p.0, p.1)).collect();
        assert_eq!(all, [(1, 2), (3, 4)]);
    }
}

/// Through `&mut self`, a field borrowed across a `yield_!` while another field changes: a loop over a field with
/// items by index goes by index (`walk_unsplit`, see `a_loop_over_a_field_of_a_mutable_argument_used_after_it_goes_by_index`);
/// other borrows need the README's workaround, which splits the borrow first.
struct Tally {
    items: Vec<u32>,
    seen: u32,
}

impl Tally {
    #[stackless::coroutine]
    fn walk(&mut self) -> impl Iterator<Item = u32> + '_ {
        let Tally { items, seen } = self;
        let items: &Vec<u32> = items;
        for x in items.iter() {
            yield_!(*x);
            *seen += 1;
        }
    }
}

impl Tally {
    #[stackless::coroutine]
    fn walk_unsplit(&mut self) -> impl Iterator<Item = u32> + '_ {
        for x in self.items.iter() {
            yield_!(*x);
            self.seen += 1;
        }
    }
}

#[test]
fn fields_of_mut_self_split_before_the_loop() {
    let mut t = Tally { items: vec![4, 5], seen: 0 };
    assert_eq!(t.walk().collect::<Vec<_>>(), [4, 5]);
    assert_eq!(t.seen, 2);
    assert_eq!(t.walk_unsplit().collect::<Vec<_>>(), [4, 5]);
    assert_eq!(t.seen, 4);
}

/// A field borrowed through `&mut self` is fine across a `yield_!` where the state doesn't hold `self` beside it:
/// the borrow dead there (`push_then_count`), or `self` not used after it (`push_later`, the borrow takes `self` for
/// good). Both held is reported at the borrow (`tests/ui/borrow/field_of_mut_self_held_beside_self.rs`).
impl Tally {
    #[stackless::coroutine]
    fn push_then_count(&mut self) -> impl Iterator<Item = u32> + '_ {
        let items = &mut self.items;
        items.push(7);
        yield_!(*items.last().unwrap_or(&0));
        self.seen += 1;
        yield_!(self.seen);
    }

    #[stackless::coroutine]
    fn push_later(&mut self) -> impl Iterator<Item = u32> + '_ {
        let seen = &mut self.seen;
        yield_!(*seen);
        *seen += 10;
        yield_!(*seen);
    }
}

#[test]
fn a_field_of_mut_self_borrowed_where_self_is_not_held_beside_it() {
    let mut t = Tally { items: vec![1], seen: 0 };
    assert_eq!(t.push_then_count().collect::<Vec<_>>(), [7, 1]);
    assert_eq!(t.push_later().collect::<Vec<_>>(), [1, 11]);
    assert_eq!((t.items, t.seen), (vec![1, 7], 11));
}

// ----- `for` loops over a borrow of a local `Vec`, `VecDeque` or array: by index -----
// The state can't hold an iterator borrowing the coroutine's own local across a `yield_!`; a loop over a borrow of
// a sequence whose body doesn't name it goes by index instead (its items are the same: the loop's borrow keeps
// the sequence unchanged), and each item is borrowed anew every round. Each test compares with the plain loop.

use common::{Noisy, cancelled_after, drained, log};
use std::collections::VecDeque;

#[stackless::coroutine]
fn by_reference(words: Vec<String>) -> impl Iterator<Item = String> {
    let upper: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
    for w in &upper {
        yield_!(w.clone());
    }
    'outer: for (i, w) in words.iter().enumerate() {
        for c in w.chars() {
            if c == 'x' {
                continue 'outer;
            }
        }
        yield_!(format!("{i}:{w}"));
        if i == 3 {
            break 'outer;
        }
    }
    for w in upper.iter() {
        if w.len() < 2 {
            continue;
        }
        yield_!(format!("{}!", w.len()));
    }
    yield_!(format!("{} {}", upper.len(), words.len()));
}

// The same loops as the coroutine's, as written there.
#[allow(clippy::explicit_iter_loop)]
fn by_reference_plain(words: Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    let upper: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
    for w in &upper {
        out.push(w.clone());
    }
    'outer: for (i, w) in words.iter().enumerate() {
        for c in w.chars() {
            if c == 'x' {
                continue 'outer;
            }
        }
        out.push(format!("{i}:{w}"));
        if i == 3 {
            break 'outer;
        }
    }
    for w in upper.iter() {
        if w.len() < 2 {
            continue;
        }
        out.push(format!("{}!", w.len()));
    }
    out.push(format!("{} {}", upper.len(), words.len()));
    out
}

#[test]
fn a_loop_over_a_borrow_of_a_local_vec_goes_by_index() {
    let words: Vec<String> = ["a", "bc", "xy", "def", "g", "hi"].iter().map(|s| (*s).to_string()).collect();
    assert_eq!(by_reference(words.clone()).collect::<Vec<_>>(), by_reference_plain(words));
}

#[stackless::coroutine]
fn by_mutable_reference(n: u32) -> impl Iterator<Item = u32> {
    let mut v = vec![1u32, 2, 3];
    let mut queue: VecDeque<u32> = VecDeque::new();
    queue.push_back(10);
    queue.push_back(20);
    for x in &mut v {
        *x += n;
        yield_!(*x);
    }
    for x in v.iter_mut() {
        *x *= 2;
        yield_!(*x);
    }
    for y in queue.iter_mut() {
        *y += 1;
        yield_!(*y);
    }
    let table = [7u32, 8];
    for (k, &a) in table.iter().enumerate() {
        yield_!(a + u32::try_from(k).unwrap());
    }
    for a in &table {
        yield_!(*a);
    }
    yield_!(v.iter().sum::<u32>() + queue.iter().sum::<u32>());
}

#[test]
fn mutable_borrows_and_other_sequences_go_by_index_too() {
    assert_eq!(by_mutable_reference(5).collect::<Vec<_>>(), [6, 7, 8, 12, 14, 16, 11, 21, 7, 9, 7, 8, 74]);
}

/// `v.windows(k)`, `v.chunks(k)` (also enumerated) and `v.iter().skip(n)`, `v.iter_mut().skip(n)`,
/// `v.iter().enumerate().skip(n)` go by index too: `k` and `n` are read once, when the loop starts, as the
/// adapters read them (probe 46).
#[stackless::coroutine]
fn slices_and_skips(mut k: usize, buf: &mut [u32]) -> impl Iterator<Item = u32> + '_ {
    let squares: Vec<u32> = (0..7).map(|x| x * x).collect();
    for w in squares.windows(k) {
        k += 1;
        yield_!(w.iter().sum());
    }
    yield_!(u32::try_from(k).unwrap());
    for (i, c) in squares.chunks(3).enumerate() {
        yield_!(c.iter().sum::<u32>() * 100 + u32::try_from(i).unwrap());
    }
    let mut table = [5u32, 6, 7, 8];
    let skip = 2;
    for x in table.iter().skip(skip) {
        yield_!(*x);
    }
    for x in table.iter_mut().skip(3) {
        *x += 1;
        yield_!(*x);
    }
    for (i, x) in squares.iter().enumerate().skip(5) {
        yield_!(*x + u32::try_from(i).unwrap() * 1000);
    }
    for x in buf.iter_mut().skip(1) {
        *x *= 10;
        yield_!(*x);
    }
    yield_!(table.iter().sum::<u32>() + buf.iter().sum::<u32>());
}

fn slices_and_skips_plain(mut k: usize, buf: &mut [u32]) -> Vec<u32> {
    let mut out = Vec::new();
    let squares: Vec<u32> = (0..7).map(|x| x * x).collect();
    for w in squares.windows(k) {
        k += 1;
        out.push(w.iter().sum());
    }
    out.push(u32::try_from(k).unwrap());
    for (i, c) in squares.chunks(3).enumerate() {
        out.push(c.iter().sum::<u32>() * 100 + u32::try_from(i).unwrap());
    }
    let mut table = [5u32, 6, 7, 8];
    let skip = 2;
    for x in table.iter().skip(skip) {
        out.push(*x);
    }
    for x in table.iter_mut().skip(3) {
        *x += 1;
        out.push(*x);
    }
    for (i, x) in squares.iter().enumerate().skip(5) {
        out.push(*x + u32::try_from(i).unwrap() * 1000);
    }
    for x in buf.iter_mut().skip(1) {
        *x *= 10;
        out.push(*x);
    }
    out.push(table.iter().sum::<u32>() + buf.iter().sum::<u32>());
    out
}

#[stackless::coroutine]
fn windows_of(v: Vec<u8>, k: usize) -> impl Iterator<Item = usize> {
    for w in v.windows(k) {
        yield_!(w.len());
    }
}

#[test]
fn windows_chunks_and_skips_go_by_index() {
    for k in 1..=8 {
        let (mut a, mut b) = ([1u32, 2, 3], [1u32, 2, 3]);
        assert_eq!(slices_and_skips(k, &mut a).collect::<Vec<_>>(), slices_and_skips_plain(k, &mut b), "k = {k}");
        assert_eq!(a, b);
    }
    // `windows(0)` panics where the loop starts, as `v.windows(0)` does, even over nothing.
    let text = |payload: Box<dyn std::any::Any + Send>| {
        payload.downcast_ref::<String>().cloned().or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_string()))
    };
    let message = text(std::panic::catch_unwind(|| windows_of(Vec::new(), 0).count()).unwrap_err());
    let expected = text(std::panic::catch_unwind(|| [0u8; 0].windows(0).count()).unwrap_err());
    assert!(expected.as_deref().is_some_and(|e| e.contains("window size")), "{expected:?}");
    assert_eq!(message, expected);
}

/// `buf.chunks_mut(k)` over a `&mut` argument (and a local `Vec`, and a field of `&mut self`) used again after the
/// loop goes by index too, each chunk borrowed anew every round; `chunks_mut(0)` panics as `chunks_mut` does.
#[stackless::coroutine]
fn normalised(buf: &mut Vec<i32>, k: usize) -> impl Iterator<Item = i32> + '_ {
    for chunk in buf.chunks_mut(k) {
        let sum: i32 = chunk.iter().sum();
        for x in chunk.iter_mut() {
            *x -= sum;
        }
        yield_!(sum);
    }
    buf.push(0);
    let mut own = [1, 2, 3];
    for (i, chunk) in own.chunks_mut(2).enumerate() {
        chunk[0] *= 10;
        yield_!(i32::try_from(i).unwrap());
    }
    yield_!(own.iter().sum::<i32>() + i32::try_from(buf.len()).unwrap());
}

fn normalised_plain(buf: &mut Vec<i32>, k: usize) -> Vec<i32> {
    let mut out = Vec::new();
    for chunk in buf.chunks_mut(k) {
        let sum: i32 = chunk.iter().sum();
        for x in chunk.iter_mut() {
            *x -= sum;
        }
        out.push(sum);
    }
    buf.push(0);
    let mut own = [1, 2, 3];
    for (i, chunk) in own.chunks_mut(2).enumerate() {
        chunk[0] *= 10;
        out.push(i32::try_from(i).unwrap());
    }
    out.push(own.iter().sum::<i32>() + i32::try_from(buf.len()).unwrap());
    out
}

struct Frames {
    data: Vec<u8>,
    seen: usize,
}

impl Frames {
    #[stackless::coroutine]
    fn stamp(&mut self) -> impl Iterator<Item = u8> + '_ {
        for frame in self.data.chunks_mut(2) {
            frame[0] = 0xff;
            yield_!(frame[frame.len() - 1]);
            self.seen += 1;
        }
    }
}

#[test]
fn chunks_mut_go_by_index() {
    for k in 1..=5 {
        let (mut a, mut b) = (vec![1, 2, 3, 4, 5], vec![1, 2, 3, 4, 5]);
        assert_eq!(normalised(&mut a, k).collect::<Vec<_>>(), normalised_plain(&mut b, k), "k = {k}");
        assert_eq!(a, b);
    }
    let mut f = Frames { data: vec![1, 2, 3, 4, 5], seen: 0 };
    assert_eq!(f.stamp().collect::<Vec<_>>(), [2, 4, 0xff]);
    assert_eq!((f.data, f.seen), (vec![0xff, 2, 0xff, 4, 0xff], 3));
    let message = std::panic::catch_unwind(|| normalised(&mut vec![1], 0).count()).unwrap_err();
    let expected = std::panic::catch_unwind(|| [1].chunks_mut(0).count()).unwrap_err();
    assert_eq!(message.downcast_ref::<&str>(), expected.downcast_ref::<&str>());
    assert!(expected.downcast_ref::<&str>().is_some_and(|e| e.contains("chunk size")));
}

/// `xs.iter().zip(ys.iter())` and `.zip(&ys)` over two local sequences go by index too, pairing the items at the
/// same index while both have one (through `enumerate()` and `skip(n)` as well).
#[stackless::coroutine]
fn zipped_steps(xs: Vec<i32>, ys: [i32; 4], scale: &mut Vec<i32>) -> impl Iterator<Item = i32> + '_ {
    let mut acc = 0;
    for (x, y) in xs.iter().zip(ys.iter()) {
        acc += x * y;
        yield_!(acc);
        acc += i32::try_from(xs.len()).unwrap();
    }
    for (i, (x, s)) in xs.iter().zip(&*scale).enumerate().skip(1) {
        yield_!(x * s + i32::try_from(i).unwrap());
    }
    scale.push(acc);
    for (s, y) in scale.iter().zip(&ys).skip(2) {
        yield_!(s - y);
    }
}

fn zipped_steps_plain(xs: Vec<i32>, ys: [i32; 4], scale: &mut Vec<i32>) -> Vec<i32> {
    let mut out = Vec::new();
    let mut acc = 0;
    for (x, y) in xs.iter().zip(ys.iter()) {
        acc += x * y;
        out.push(acc);
        acc += i32::try_from(xs.len()).unwrap();
    }
    for (i, (x, s)) in xs.iter().zip(&*scale).enumerate().skip(1) {
        out.push(x * s + i32::try_from(i).unwrap());
    }
    scale.push(acc);
    for (s, y) in scale.iter().zip(&ys).skip(2) {
        out.push(s - y);
    }
    out
}

#[test]
fn zips_of_two_sequences_go_by_index() {
    for xs in [vec![], vec![1], vec![1, 2, 3], vec![5, 4, 3, 2, 1, 0]] {
        let (mut a, mut b) = (vec![7, 8], vec![7, 8]);
        let ys = [10, 20, 30, 40];
        assert_eq!(zipped_steps(xs.clone(), ys, &mut a).collect::<Vec<_>>(), zipped_steps_plain(xs, ys, &mut b));
        assert_eq!(a, b);
    }
}

/// `v.iter().skip(m).rev()` and `v.iter().take(n).rev()` (also `iter_mut`, and with `enumerate()` inside) go by
/// index from the back, `m` and `n` read once when the loop starts.
#[stackless::coroutine]
fn skipped_from_the_back(v: Vec<u32>, mut m: usize, buf: &mut [u32]) -> impl Iterator<Item = u32> + '_ {
    for x in v.iter().skip(m).rev() {
        m += 1;
        yield_!(*x);
    }
    for x in v.iter().take(m - 1).rev() {
        yield_!(*x + 100);
    }
    for (i, x) in v.iter().enumerate().skip(2).rev() {
        yield_!(*x + 1000 * u32::try_from(i).unwrap());
    }
    for x in buf.iter_mut().skip(1).rev() {
        *x += 1;
        yield_!(*x);
    }
    yield_!(buf.iter().sum());
}

fn skipped_from_the_back_plain(v: Vec<u32>, mut m: usize, buf: &mut [u32]) -> Vec<u32> {
    let mut out = Vec::new();
    for x in v.iter().skip(m).rev() {
        m += 1;
        out.push(*x);
    }
    for x in v.iter().take(m - 1).rev() {
        out.push(*x + 100);
    }
    for (i, x) in v.iter().enumerate().skip(2).rev() {
        out.push(*x + 1000 * u32::try_from(i).unwrap());
    }
    for x in buf.iter_mut().skip(1).rev() {
        *x += 1;
        out.push(*x);
    }
    out.push(buf.iter().sum());
    out
}

#[test]
fn skips_and_takes_from_the_back_go_by_index() {
    for (v, m) in [(vec![], 1), (vec![1], 1), (vec![1, 2, 3, 4, 5], 2), (vec![5, 6], 7)] {
        let (mut a, mut b) = ([1u32, 2, 3], [1u32, 2, 3]);
        assert_eq!(
            skipped_from_the_back(v.clone(), m, &mut a).collect::<Vec<_>>(),
            skipped_from_the_back_plain(v, m, &mut b)
        );
        assert_eq!(a, b);
    }
}

/// A loop over `it.by_ref()` or `&mut it` (`it` a local iterator) goes by `Iterator::next(&mut it)`, borrowing `it`
/// anew each round: the rest of `it` is consumed by a later loop, or an outer one (a helper's itertools-style
/// programs).
#[stackless::coroutine]
fn paragraphs(items: Vec<i32>, limit: i32) -> impl Iterator<Item = i32> {
    let mut it = items.into_iter();
    while let Some(first) = it.next() {
        yield_!(first * 100);
        'inner: for x in &mut it {
            if x == 0 {
                break 'inner;
            }
            yield_!(x);
        }
    }
    let mut words = "a bb ccc dddd".split_whitespace().map(str::len);
    for n in words.by_ref() {
        if i32::try_from(n).unwrap() >= limit {
            yield_!(-1);
            break;
        }
    }
    for n in words {
        yield_!(i32::try_from(n).unwrap());
    }
}

fn paragraphs_plain(items: Vec<i32>, limit: i32) -> Vec<i32> {
    let mut out = Vec::new();
    let mut it = items.into_iter();
    while let Some(first) = it.next() {
        out.push(first * 100);
        'inner: for x in &mut it {
            if x == 0 {
                break 'inner;
            }
            out.push(x);
        }
    }
    let mut words = "a bb ccc dddd".split_whitespace().map(str::len);
    for n in words.by_ref() {
        if i32::try_from(n).unwrap() >= limit {
            out.push(-1);
            break;
        }
    }
    for n in words {
        out.push(i32::try_from(n).unwrap());
    }
    out
}

#[test]
fn loops_over_a_borrowed_iterator_go_by_next() {
    for (items, limit) in [(vec![], 1), (vec![1, 2, 0, 3], 2), (vec![0, 0, 5, 6, 0], 9), (vec![4], 3)] {
        assert_eq!(paragraphs(items.clone(), limit).collect::<Vec<_>>(), paragraphs_plain(items, limit));
    }
}

#[stackless::coroutine]
fn noisy_items(names: Vec<&'static str>) -> impl Iterator<Item = &'static str> {
    let items: Vec<Noisy> = names.iter().map(|&n| Noisy(n)).collect();
    let _after = Noisy("after");
    for item in &items {
        log(format!("visit {}", item.0));
        yield_!(item.0);
    }
    log("loop done");
    yield_!("end");
}

fn noisy_items_plain(names: Vec<&'static str>, stop_after: usize) {
    let items: Vec<Noisy> = names.iter().map(|&n| Noisy(n)).collect();
    let _after = Noisy("after");
    let mut yielded = 0;
    let mut hand = |v: &str| {
        log(format!("yield {v}"));
        yielded += 1;
        yielded < stop_after
    };
    for item in &items {
        log(format!("visit {}", item.0));
        if !hand(item.0) {
            log("cancel");
            return;
        }
    }
    log("loop done");
    if !hand("end") {
        log("cancel");
    }
}

#[test]
fn a_loop_by_index_drops_as_the_plain_loop_on_completion_and_cancellation() {
    let names = vec!["a", "b", "c"];
    let full = drained(noisy_items(names.clone()));
    let plain = common::events(|| noisy_items_plain(names.clone(), usize::MAX));
    assert_eq!(full, plain);
    for k in 1..=4 {
        let cancelled = cancelled_after(noisy_items(names.clone()), k);
        let plain = common::events(|| noisy_items_plain(names.clone(), k));
        // The plain run logs the k-th yield before stopping; the drained one logs what it resumed.
        let plain: Vec<String> = plain.into_iter().filter(|e| !e.starts_with("yield")).collect();
        assert_eq!(cancelled, plain, "cancelled after {k}");
    }
}

/// A `&mut` argument's iterator reborrows through the `&mut` the state holds: by index, the argument is used again
/// after the loop (probe 30).
#[stackless::coroutine]
fn through_a_mutable_argument<'a>(buf: &'a mut [u32], v: &'a mut Vec<u32>) -> impl Iterator<Item = u32> + 'a {
    for x in buf.iter_mut() {
        *x += 1;
        yield_!(*x);
    }
    yield_!(u32::try_from(buf.len()).unwrap());
    for (i, x) in v.iter().enumerate() {
        yield_!(*x + u32::try_from(i).unwrap());
    }
    v.push(9);
    for x in &mut *v {
        *x *= 2;
    }
    for x in v.iter_mut() {
        *x += 1;
        yield_!(*x);
    }
}

#[test]
fn a_mutable_arguments_sequence_goes_by_index_and_is_used_after_the_loop() {
    let mut data = [1u32, 2, 3];
    let mut v = vec![5u32, 6];
    let out: Vec<u32> = through_a_mutable_argument(&mut data, &mut v).collect();
    assert_eq!(out, [2, 3, 4, 3, 5, 7, 11, 13, 19]);
    assert_eq!(data, [2, 3, 4]);
    assert_eq!(v, [11, 13, 19]);
}

/// A loop over a field of a `&mut` argument (`&mut self`, `p: &mut Parser`) that is used after the loop: its
/// iterator would borrow through the `&mut` the state holds (rustc's own coroutines accept it, pinned), so it goes
/// by index, whatever the field's type, as long as the body leaves that field alone (it may use the others).
struct Feed<'a> {
    items: Vec<u32>,
    seen: u32,
    shared: &'a [u32],
    queue: std::collections::VecDeque<u32>,
    names: &'a [String],
}

impl Feed<'_> {
    #[stackless::coroutine]
    fn drain(&mut self) -> impl Iterator<Item = u32> + '_ {
        for x in self.items.iter() {
            yield_!(*x);
        }
        for x in self.items.iter_mut() {
            *x += 1;
            self.seen += *x;
            yield_!(*x);
        }
        for (i, x) in self.shared.iter().enumerate() {
            yield_!(*x + u32::try_from(i).unwrap());
        }
        for x in &mut self.queue {
            *x *= 10;
            yield_!(*x);
        }
        for w in self.items.windows(2) {
            yield_!(w[0] * w[1]);
        }
        for x in self.items.iter().rev() {
            yield_!(*x);
        }
        // The item in use after a `yield_!`: as written (the field is a `&'a [String]`, the item outlives `self`'s
        // borrow).
        for name in self.names.iter() {
            yield_!(0);
            yield_!(u32::try_from(name.len()).unwrap());
        }
        self.seen += 1000;
    }
}

struct Parser(Vec<u8>, u8);

#[stackless::coroutine]
fn parse(p: &mut Parser) -> impl Iterator<Item = u8> + '_ {
    for b in &p.0 {
        p.1 += 1;
        yield_!(*b);
    }
    p.0.push(p.1);
}

#[test]
fn a_loop_over_a_field_of_a_mutable_argument_used_after_it_goes_by_index() {
    let shared = [7, 8];
    let names = [String::from("abc")];
    let mut feed = Feed { items: vec![1, 2, 3], seen: 0, shared: &shared, queue: [5, 6].into(), names: &names };
    let out: Vec<u32> = feed.drain().collect();
    assert_eq!(out, [1, 2, 3, 2, 3, 4, 7, 9, 50, 60, 6, 12, 4, 3, 2, 0, 3]);
    assert_eq!((feed.seen, &feed.items[..], feed.queue.iter().sum::<u32>()), (1009, &[2, 3, 4][..], 110));
    let mut parser = Parser(vec![4, 5], 0);
    assert_eq!(parse(&mut parser).collect::<Vec<_>>(), [4, 5]);
    assert_eq!((parser.0, parser.1), (vec![4, 5, 2], 2));
}

/// A field that is itself a shared reference (`toks: &'a [Tok]`) keeps its items' lifetime by index: they may be
/// yielded, stored in `self` or held across a `yield_!` (a helper's regressions of the first version, which
/// borrowed them from `self` for the round); a filtering `if`, a field beside the loop's in a nested path, an
/// `Option` or `Box<[T]>` field, a resume argument, and `self` used in the body only.
#[derive(Debug, PartialEq)]
struct Tok(u32);

struct Lexer<'a> {
    toks: &'a [Tok],
    cur: Option<&'a Tok>,
    inner: Inner,
    pending: Option<u32>,
    boxed: Box<[u32]>,
}

struct Inner {
    seen: Vec<u32>,
    n: u32,
}

impl<'a> Lexer<'a> {
    #[stackless::coroutine]
    fn tokens(&mut self) -> impl Iterator<Item = &'a Tok> + '_ {
        for t in self.toks.iter() {
            self.cur = Some(t);
            yield_!(t);
        }
        for t in &self.toks[..1] {
            yield_!(t);
        }
        for t in self.toks.iter().rev() {
            let kept = t;
            yield_!(t);
            yield_!(kept);
        }
        for w in self.toks.windows(2) {
            yield_!(&w[1]);
            yield_!(&w[0]);
        }
        self.cur = None;
    }

    #[stackless::coroutine]
    fn numbers(&mut self) -> impl Iterator<Item = u32> + '_ {
        for x in self.inner.seen.iter() {
            self.inner.n += *x;
            if *x > 1 {
                yield_!(*x);
            }
        }
        for x in self.pending.iter() {
            yield_!(*x + 100);
        }
        for x in self.boxed.iter_mut() {
            *x += 1;
            yield_!(*x);
        }
        self.inner.n += 1000;
    }

    #[stackless::coroutine(resume = mut add)]
    fn summed(&mut self) -> impl stackless::Coroutine<u32, Yield = u32, Return = u32> + '_ {
        for x in self.inner.seen.iter() {
            add = yield_!(*x + add);
            self.inner.n += add;
        }
        self.inner.n
    }
}

#[test]
fn a_loop_over_a_shared_reference_field_keeps_its_items_lifetime() {
    let toks = [Tok(1), Tok(2)];
    let mut lexer = Lexer {
        toks: &toks,
        cur: None,
        inner: Inner { seen: vec![1, 2, 3], n: 0 },
        pending: Some(7),
        boxed: vec![10, 20].into_boxed_slice(),
    };
    let got: Vec<&Tok> = lexer.tokens().collect();
    assert_eq!(got, [&toks[0], &toks[1], &toks[0], &toks[1], &toks[1], &toks[0], &toks[0], &toks[1], &toks[0]]);
    assert_eq!(lexer.cur, None);
    assert_eq!(lexer.numbers().collect::<Vec<_>>(), [2, 3, 107, 11, 21]);
    assert_eq!((lexer.inner.n, &lexer.boxed[..]), (1006, &[11, 21][..]));
    let mut summed = lexer.summed();
    let mut resume = |x| stackless::Coroutine::resume(std::pin::Pin::new(&mut summed), x);
    assert_eq!(resume(0), stackless::CoroutineState::Yielded(1));
    assert_eq!(resume(5), stackless::CoroutineState::Yielded(7));
    assert_eq!(resume(1), stackless::CoroutineState::Yielded(4));
    assert_eq!(resume(0), stackless::CoroutineState::Complete(1012));
}

/// A user's local named like the index's hidden local keeps its own value (probe 31: the index was matched by its
/// name and the user's local read it).
#[stackless::coroutine]
fn a_local_named_like_the_index(v: Vec<u32>) -> impl Iterator<Item = u32> {
    let __index1 = 100;
    for x in v.iter() {
        yield_!(*x + __index1);
    }
    yield_!(__index1);
}

/// A `&mut` slice argument whose `iter_mut()` items are dead at the `yield_!`, used after the loop (probe 31).
#[stackless::coroutine]
fn items_of_a_mutable_slice(v: &mut [u32]) -> impl Iterator<Item = u32> + '_ {
    for x in v.iter_mut() {
        *x += 10;
        yield_!(0);
    }
    yield_!(u32::try_from(v.len()).unwrap());
}

macro_rules! typed_through_a_macro {
    ($t:ty) => {
        #[stackless::coroutine]
        fn through_a_macro(v: $t) -> impl Iterator<Item = u32> {
            for (i, x) in v.iter_mut().enumerate() {
                *x += 1;
                yield_!(u32::try_from(i).unwrap());
            }
            yield_!(v[0]);
        }
    };
}
typed_through_a_macro!(&'static mut [u32; 2]);

#[test]
fn loops_by_index_keep_other_locals_and_take_mutable_items() {
    assert_eq!(a_local_named_like_the_index(vec![1, 2]).collect::<Vec<_>>(), [101, 102, 100]);
    let mut data = [1u32, 2, 3];
    assert_eq!(items_of_a_mutable_slice(&mut data).collect::<Vec<_>>(), [0, 0, 0, 3]);
    assert_eq!(data, [11, 12, 13]);
    let leaked: &'static mut [u32; 2] = Box::leak(Box::new([5, 6]));
    assert_eq!(through_a_macro(leaked).collect::<Vec<_>>(), [0, 1, 6]);
}

#[stackless::coroutine]
fn count_to(n: usize) -> impl Iterator<Item = usize> {
    for i in 0..n {
        yield_!(i);
    }
}

/// A delegation in a loop by index, given something made of the item that holds no borrow (`w.len()`).
#[stackless::coroutine]
fn delegating_by_index() -> impl Iterator<Item = usize> {
    let words = vec![String::from("ab"), String::from("c")];
    for w in &words {
        yield_from!(count_to(w.len()));
    }
    yield_!(words.len());
}

#[test]
fn a_loop_by_index_delegates_with_a_value_made_of_its_item() {
    assert_eq!(delegating_by_index().collect::<Vec<_>>(), [0, 1, 0, 2]);
}

/// A trait of the user's giving `Vec` a `get` of its own (here: from the back) has no say in a loop by index
/// (probe 32: the loop went through it).
mod with_a_get_of_the_users {
    trait FromTheBack {
        fn get(&self, i: usize) -> Option<&i32>;
    }

    impl FromTheBack for Vec<i32> {
        fn get(&self, i: usize) -> Option<&i32> {
            self.iter().rev().nth(i)
        }
    }

    #[stackless::coroutine]
    fn in_order() -> impl Iterator<Item = i32> {
        let v = vec![1, 2, 3];
        assert_eq!(FromTheBack::get(&v, 0), Some(&3));
        for x in &v {
            let n = *x;
            yield_!(n);
        }
    }

    #[test]
    fn a_loop_by_index_goes_through_std_s_items() {
        assert_eq!(in_order().collect::<Vec<_>>(), [1, 2, 3]);
    }
}

/// What a loop by index's body makes of its item without a borrow is held across a `yield_!` as any local
/// (probe 32: these were taken for borrows of the sequence): a field or an element read by value, a getter's
/// copied result, a fn's result, a match on the item whose arm suspends after its last use of a binding, a
/// delegation to an owned clone, copies stored in a local.
#[stackless::coroutine]
fn made_of_items(words: Vec<String>) -> impl Iterator<Item = usize> {
    let pairs = vec![(1usize, 2usize), (3, 4)];
    let rows = vec![vec![5u8], vec![]];
    let maybe = vec![Some(String::from("ab")), None];
    let mut out = Vec::new();
    for x in &pairs {
        let n = x.1;
        let &(a, _) = x;
        yield_!(n);
        yield_!(a);
    }
    for row in &rows {
        let first = row.first().copied();
        out.extend(row.iter().copied());
        yield_!(usize::from(first.unwrap_or(9)));
        yield_!(out.len());
    }
    for m in &maybe {
        match m {
            Some(s) => {
                let k = s.len();
                yield_!(k);
                yield_!(k + 1);
            }
            None => yield_!(0),
        }
    }
    for w in &words {
        let n = w.len().pow(2);
        yield_from!(w.clone().into_bytes().into_iter().map(usize::from));
        yield_!(n);
    }
}

#[test]
fn values_made_of_a_loop_by_index_s_item_are_held_as_any() {
    let out: Vec<usize> = made_of_items(vec![String::from("hi")]).collect();
    assert_eq!(out, [2, 1, 4, 3, 5, 1, 9, 1, 2, 3, 0, 104, 105, 4]);
}

/// From the back: `v.iter().rev()`, `v.iter_mut().rev()`, `v.iter().enumerate().rev()` go by index too.
#[stackless::coroutine]
fn from_the_back(mut stack: Vec<u32>) -> impl Iterator<Item = u32> {
    let queue: VecDeque<u32> = [7, 8].into_iter().collect();
    for x in stack.iter().rev() {
        yield_!(*x);
    }
    for x in stack.iter_mut().rev() {
        *x += 100;
        if *x == 102 {
            continue;
        }
        yield_!(*x);
    }
    'pairs: for (i, x) in stack.iter().enumerate().rev() {
        yield_!(u32::try_from(i).unwrap() * 1000 + *x);
        if i == 1 {
            break 'pairs;
        }
    }
    for y in queue.iter().rev() {
        yield_!(*y);
    }
    yield_!(stack.iter().sum::<u32>());
}

#[test]
fn loops_by_index_from_the_back() {
    let out: Vec<u32> = from_the_back(vec![1, 2, 3]).collect();
    assert_eq!(out, [3, 2, 1, 103, 101, 2103, 1102, 8, 7, 306]);
    assert_eq!(from_the_back(Vec::new()).collect::<Vec<_>>(), [8, 7, 0]);
}

/// A loop by index whose pattern destructures the item (`(k, q)` over `&Vec<(String, u32)>`, a struct pattern):
/// its bindings are references, dead at the `yield_!` (probe 33: they were taken for held borrows); a clone of an
/// indexed local is indexed too (`let sorted = words.clone();`).
struct Stock {
    name: String,
    qty: u32,
}

#[stackless::coroutine]
fn destructured(words: Vec<String>) -> impl Iterator<Item = u32> {
    let v: Vec<(String, u32)> = vec![(String::from("ab"), 1), (String::from("c"), 2)];
    for (k, q) in &v {
        let l = u32::try_from(k.len()).unwrap() + q;
        yield_!(l);
    }
    let stock = vec![Stock { name: String::from("xyz"), qty: 4 }];
    for Stock { name, qty } in &stock {
        let n = u32::try_from(name.len()).unwrap() * qty;
        yield_!(n);
    }
    let mut sorted = words.clone();
    sorted.sort();
    for w in sorted.iter() {
        yield_!(u32::try_from(w.len()).unwrap());
    }
    yield_!(u32::try_from(v.len() + stock.len() + sorted.len()).unwrap());
}

#[test]
fn destructured_items_of_a_loop_by_index() {
    let out: Vec<u32> = destructured(vec![String::from("bbb"), String::from("a")]).collect();
    assert_eq!(out, [3, 3, 12, 1, 3, 5]);
}

/// `&*v` and `&mut *v` over a `&mut` argument go by index as `v.iter()` does; a label or lifetime spelled like the
/// sequence is no mention of it (probe 34).
#[stackless::coroutine]
fn through_a_reborrow(v: &mut Vec<u8>, c: Vec<u8>) -> impl Iterator<Item = u8> + '_ {
    for x in &*v {
        let n = *x;
        yield_!(n);
    }
    for x in &mut *v {
        *x += 10;
        yield_!(0);
    }
    v.push(1);
    'c: for z in c.iter() {
        if *z > 5 {
            break 'c;
        }
        yield_!(*z);
    }
    yield_!(u8::try_from(c.len()).unwrap());
}

#[test]
fn reborrowed_sequences_and_labels_named_like_them() {
    let mut data = vec![1u8, 2];
    let out: Vec<u8> = through_a_reborrow(&mut data, vec![3, 9, 4]).collect();
    assert_eq!(out, [1, 2, 0, 0, 3, 3]);
    assert_eq!(data, [11, 12, 1]);
}

/// What `if let`/`match` binds of a loop by index's `&mut` item (a type with drop glue) is a `&mut`: dead at the
/// `yield_!`, it isn't held (probe 34: it was, and rustc's errors named `__state`).
struct Counted(i32);

impl Drop for Counted {
    fn drop(&mut self) {}
}

#[stackless::coroutine]
fn matched_items() -> impl Iterator<Item = i32> {
    let mut v = vec![Some(Counted(1)), None];
    for x in v.iter_mut() {
        if let Some(d) = x {
            d.0 += 1;
            let n = d.0;
            yield_!(n);
        } else {
            *x = Some(Counted(7));
            yield_!(0);
        }
    }
    for x in &v {
        match x {
            Some(d) => yield_!(d.0),
            None => yield_!(-1),
        }
    }
}

#[test]
fn what_is_matched_of_an_item_by_index() {
    assert_eq!(matched_items().collect::<Vec<_>>(), [2, 0, 2, 7]);
}

/// A value made from the loop's item by an associated fn (`Tag::new(name)`) is taken for owned, as a fn's result
/// is (`tag(name)`), not for a constructor that keeps the borrow (`Some(name)`): held across a `yield_!` it is
/// fine. (It was rejected as "made from" the item; found by a user-style test program.)
struct Tag(String);

impl Tag {
    fn new(name: &str) -> Tag {
        Tag(name.to_uppercase())
    }
}

#[stackless::coroutine]
fn tags(names: Vec<&'static str>) -> impl Iterator<Item = String> {
    for name in &names {
        let tag: Tag = Tag::new(name);
        yield_!(String::from("-"));
        yield_!(tag.0);
    }
}

#[test]
fn a_value_made_by_an_associated_fn_of_the_item_is_owned() {
    assert_eq!(tags(vec!["a", "b"]).collect::<Vec<_>>(), ["-", "A", "-", "B"]);
}

/// References copied out of a map keyed by `&'static str` (`m.keys().copied()`) point where the keys point, not
/// into the map: collected into a `Vec<&str>` held across a `yield_!`, they borrow nothing of the coroutine's.
/// (They were taken for borrows of `m`; found by a user-style test program, a topological sort.)
#[stackless::coroutine]
#[allow(clippy::cloned_instead_of_copied)] // Both are the shapes under test.
fn copied_keys(counts: std::collections::BTreeMap<&'static str, usize>) -> impl Iterator<Item = String> {
    let names: Vec<&str> = counts.keys().copied().collect();
    let cloned: Vec<&str> = counts.keys().cloned().collect();
    yield_!(String::from("-"));
    yield_!(format!("{} {} {}", names.join(","), cloned.len(), counts.len()));
}

#[test]
fn references_copied_out_of_a_map_are_not_borrows_of_it() {
    let counts = std::collections::BTreeMap::from([("a", 1), ("b", 2)]);
    assert_eq!(copied_keys(counts).collect::<Vec<_>>(), ["-", "a,b 2 2"]);
}

/// `.copied()`, `.cloned()` and `.take(n)` over a local or a field go by index too, with counts that are
/// expressions (`self.n + 1`, `v.len() / 2`), and a body that reads the sequence beside its shared items (`v.len()`,
/// `v[0]`, a method of `self`): each against the plain loops, dropped at every suspension point.
#[stackless::coroutine]
fn adapted(k: usize) -> impl Iterator<Item = String> {
    let v: Vec<u32> = vec![10, 20, 30, 40, 50];
    let names: Vec<Noisy> = vec![Noisy("p"), Noisy("q"), Noisy("r")];
    for x in v.iter().copied().skip(k).take(v.len() / 2) {
        yield_!(format!("c{}", x + v[0]));
    }
    for (i, n) in names.iter().cloned().enumerate().rev() {
        log(format!("got {} {i}", n.0));
        yield_!(format!("{}{i}{}", n.0, names.len()));
    }
    for n in names.iter().take(k + 1).cloned() {
        yield_!(n.0.to_string());
    }
    for (i, x) in v.iter().enumerate().take(k) {
        yield_!(format!("t{i}{x}"));
    }
}

fn adapted_plain(k: usize, stop_after: usize) {
    let v: Vec<u32> = vec![10, 20, 30, 40, 50];
    let names: Vec<Noisy> = vec![Noisy("p"), Noisy("q"), Noisy("r")];
    let mut yielded = 0;
    let mut hand = |v: String| {
        log(format!("yield {v}"));
        yielded += 1;
        yielded < stop_after
    };
    for x in v.iter().copied().skip(k).take(v.len() / 2) {
        if !hand(format!("c{}", x + v[0])) {
            return log("cancel");
        }
    }
    for (i, n) in names.iter().cloned().enumerate().rev() {
        log(format!("got {} {i}", n.0));
        if !hand(format!("{}{i}{}", n.0, names.len())) {
            log("cancel");
            return;
        }
    }
    for n in names.iter().take(k + 1).cloned() {
        if !hand(n.0.to_string()) {
            log("cancel");
            return;
        }
    }
    for (i, x) in v.iter().enumerate().take(k) {
        if !hand(format!("t{i}{x}")) {
            return log("cancel");
        }
    }
}

struct Shelf {
    items: Vec<u32>,
    skip: usize,
    scale: u32,
    seen: u32,
}

impl Shelf {
    fn scaled(&self, x: u32) -> u32 {
        x * self.scale + u32::try_from(self.items.len()).unwrap()
    }

    #[stackless::coroutine]
    fn scan(&mut self) -> impl Iterator<Item = u32> + '_ {
        for x in self.items.iter().copied().skip(self.skip).take(self.skip + 1) {
            self.seen += 1;
            yield_!(self.scaled(x));
        }
        for x in self.items.iter().rev() {
            yield_!(*x + self.items[0]);
        }
        self.seen += 100;
    }
}

#[test]
fn copied_cloned_and_taken_loops_go_by_index_and_may_read_their_sequence() {
    for k in 0..=6 {
        let full = drained(adapted(k));
        let plain = common::events(|| adapted_plain(k, usize::MAX));
        assert_eq!(full, plain, "k = {k}");
        for stop in 1..=full.iter().filter(|e| e.starts_with("yield")).count() {
            let cancelled = cancelled_after(adapted(k), stop);
            let plain = common::events(|| adapted_plain(k, stop));
            let plain: Vec<String> = plain.into_iter().filter(|e| !e.starts_with("yield")).collect();
            assert_eq!(cancelled, plain, "k = {k}, cancelled after {stop}");
        }
    }
    for skip in 0..5 {
        let mut shelf = Shelf { items: vec![1, 2, 3, 4], skip, scale: 3, seen: 0 };
        let got: Vec<u32> = shelf.scan().collect();
        let mut want: Vec<u32> = [1u32, 2, 3, 4].iter().copied().skip(skip).take(skip + 1).map(|x| x * 3 + 4).collect();
        let taken = u32::try_from(want.len()).unwrap();
        want.extend([5, 4, 3, 2]);
        assert_eq!((got, shelf.seen), (want, taken + 100), "skip = {skip}");
    }
}

/// What tests/ui/borrow rejected while a loop's body named its sequence at all: reading it beside the items.
#[stackless::coroutine]
fn reading_bodies(v: Vec<i32>) -> impl Iterator<Item = i64> {
    for x in &v {
        yield_!(i64::from(*x) + i64::try_from(v.len()).unwrap());
    }
    for w in v.windows(2) {
        yield_!(i64::from(w[1] > w[0] && v.len() > 2));
    }
}

#[test]
fn a_loop_by_index_whose_body_reads_its_sequence() {
    let v = vec![3, 1, 4, 1, 5];
    let mut want: Vec<i64> = v.iter().map(|x| i64::from(*x) + 5).collect();
    want.extend(v.windows(2).map(|w| i64::from(w[1] > w[0])));
    assert_eq!(reading_bodies(v).collect::<Vec<_>>(), want);
}

/// A clone that logs itself: `Skip` over `cloned()` clones the items it skips, when the loop asks for its first
/// item, and not at all under a `take(0)` (found by a helper's programs, 2026-12-06).
struct Cloned(&'static str);

impl Clone for Cloned {
    fn clone(&self) -> Self {
        log(format!("clone {}", self.0));
        Cloned(self.0)
    }
}

impl Drop for Cloned {
    fn drop(&mut self) {
        log(format!("drop {}", self.0));
    }
}

#[allow(clippy::iter_overeager_cloned, clippy::needless_lifetimes, clippy::to_string_in_format_args, clippy::ptr_arg)]
#[allow(clippy::explicit_iter_loop, clippy::needless_borrow)]
#[stackless::coroutine]
fn clones_skipped(skip: usize, take: usize) -> impl Iterator<Item = &'static str> {
    let items = [Cloned("x"), Cloned("y"), Cloned("z")];
    log("start");
    for c in items.iter().cloned().skip(skip).take(take) {
        yield_!(c.0);
    }
    for (i, c) in items.iter().cloned().enumerate().skip(skip) {
        log(format!("at {i}"));
        yield_!(c.0);
    }
}

#[allow(clippy::iter_overeager_cloned, clippy::needless_lifetimes, clippy::to_string_in_format_args, clippy::ptr_arg)]
#[allow(clippy::explicit_iter_loop, clippy::needless_borrow)]
fn clones_skipped_plain(skip: usize, take: usize) {
    let items = [Cloned("x"), Cloned("y"), Cloned("z")];
    log("start");
    for c in items.iter().cloned().skip(skip).take(take) {
        log(format!("yield {}", c.0));
    }
    for (i, c) in items.iter().cloned().enumerate().skip(skip) {
        log(format!("at {i}"));
        log(format!("yield {}", c.0));
    }
}

/// Bodies that read the sequence or its items through methods the macro doesn't know (`abs_diff`, `to_string`,
/// `partition_point`, `RefCell::borrow_mut`), a `&mut` argument read in the loop but not after it, a body that
/// shadows the sequence, a loop pattern that does, and `(&v).iter()`.
#[allow(clippy::iter_overeager_cloned, clippy::needless_lifetimes, clippy::to_string_in_format_args, clippy::ptr_arg)]
#[allow(clippy::explicit_iter_loop, clippy::needless_borrow)]
#[stackless::coroutine]
fn reads_through_methods(
    v: Vec<u32>,
    cells: Vec<std::cell::RefCell<u32>>,
    m: &mut Vec<u32>,
) -> impl Iterator<Item = String> + '_ {
    for (i, x) in v.iter().copied().enumerate().skip(1) {
        yield_!(format!("{}{}{}", v[i - 1].abs_diff(x), v[0].to_string(), v.partition_point(|&y| y < x)));
    }
    for c in cells.iter() {
        *cells[0].borrow_mut() += 1;
        yield_!(c.borrow().to_string());
    }
    for x in m.iter().copied() {
        yield_!((x + u32::try_from(m.len()).unwrap()).to_string());
    }
    for x in v.iter().copied() {
        let mut v = vec![x];
        v.push(x);
        yield_!(v.len().to_string());
    }
    for mut v in v.iter().copied().skip(2) {
        v *= 10;
        yield_!(v.to_string());
    }
    for x in (&v).iter().rev() {
        yield_!(x.to_string());
    }
}

#[allow(clippy::iter_overeager_cloned, clippy::needless_lifetimes, clippy::to_string_in_format_args, clippy::ptr_arg)]
#[allow(clippy::explicit_iter_loop, clippy::needless_borrow)]
fn reads_through_methods_plain(v: Vec<u32>, cells: Vec<std::cell::RefCell<u32>>, m: &mut Vec<u32>) -> Vec<String> {
    let mut out = Vec::new();
    for (i, x) in v.iter().copied().enumerate().skip(1) {
        out.push(format!("{}{}{}", v[i - 1].abs_diff(x), v[0].to_string(), v.partition_point(|&y| y < x)));
    }
    for c in cells.iter() {
        *cells[0].borrow_mut() += 1;
        out.push(c.borrow().to_string());
    }
    for x in m.iter().copied() {
        out.push((x + u32::try_from(m.len()).unwrap()).to_string());
    }
    for x in v.iter().copied() {
        let mut v = vec![x];
        v.push(x);
        out.push(v.len().to_string());
    }
    for mut v in v.iter().copied().skip(2) {
        v *= 10;
        out.push(v.to_string());
    }
    for x in (&v).iter().rev() {
        out.push(x.to_string());
    }
    out
}

#[test]
fn skipped_clones_and_reads_through_methods_are_the_plain_loops() {
    for skip in 0..=4 {
        for take in 0..=3 {
            let got = drained(clones_skipped(skip, take));
            let want = common::events(|| clones_skipped_plain(skip, take));
            assert_eq!(got, want, "skip {skip}, take {take}");
        }
    }
    let cells = || (0..3).map(std::cell::RefCell::new).collect::<Vec<_>>();
    let (mut a, mut b) = (vec![7, 8], vec![7, 8]);
    let got: Vec<String> = reads_through_methods(vec![5, 1, 9, 3], cells(), &mut a).collect();
    assert_eq!(got, reads_through_methods_plain(vec![5, 1, 9, 3], cells(), &mut b));
}

/// A sequence collected with its type written in the turbofish (`collect::<Vec<_>>()`) or made by `Vec::from_iter`
/// is a `Vec` to the macro too.
#[allow(clippy::from_iter_instead_of_collect)]
#[stackless::coroutine]
fn collected(n: u32) -> impl Iterator<Item = u32> {
    let v = (1..n).collect::<Vec<u32>>();
    let w = std::collections::VecDeque::from_iter(v.iter().map(|x| x * 10));
    for x in &v {
        yield_!(*x);
    }
    for y in w.iter().rev() {
        yield_!(*y + u32::try_from(v.len()).unwrap());
    }
}

#[test]
fn sequences_collected_with_their_type_written_go_by_index() {
    assert_eq!(collected(4).collect::<Vec<_>>(), [1, 2, 3, 33, 23, 13]);
}

/// A `&mut` popped from a stack of `&mut`s (`vec![self]`, or written `Vec<&mut Node>`), held across a `yield_!`
/// and reborrowed after it to push its children: the arm moves it out of the state (by value), so the reborrow
/// lasts as long as the plain fn's (in place it could only last for the step: rustc's E0521). rustc's own
/// coroutines accept these; a helper's programs found them rejected (2026-12-06).
struct Tree {
    value: u32,
    children: Vec<Tree>,
}

impl Tree {
    #[stackless::coroutine]
    fn bump_all(&mut self) -> impl Iterator<Item = u32> + '_ {
        let mut stack = vec![self];
        while let Some(node) = stack.pop() {
            node.value += 1;
            yield_!(node.value);
            stack.extend(node.children.iter_mut());
        }
    }

    fn bump_all_plain(&mut self) -> Vec<u32> {
        let mut out = Vec::new();
        let mut stack = vec![self];
        while let Some(node) = stack.pop() {
            node.value += 1;
            out.push(node.value);
            stack.extend(node.children.iter_mut());
        }
        out
    }
}

#[stackless::coroutine]
fn doubled_depth_first(root: &mut Tree, label: String) -> impl Iterator<Item = String> + '_ {
    let mut stack: Vec<&mut Tree> = vec![root];
    while let Some(node) = stack.pop() {
        let node: &mut Tree = node;
        node.value *= 2;
        yield_!(format!("{label}{}", node.value));
        for child in node.children.iter_mut().rev() {
            stack.push(child);
        }
        yield_!(format!("{}", stack.len()));
    }
}

fn doubled_depth_first_plain(root: &mut Tree, label: String) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack: Vec<&mut Tree> = vec![root];
    while let Some(node) = stack.pop() {
        let node: &mut Tree = node;
        node.value *= 2;
        out.push(format!("{label}{}", node.value));
        for child in node.children.iter_mut().rev() {
            stack.push(child);
        }
        out.push(format!("{}", stack.len()));
    }
    out
}

fn tree() -> Tree {
    let leaf = |value| Tree { value, children: Vec::new() };
    Tree { value: 1, children: vec![Tree { value: 2, children: vec![leaf(3), leaf(4)] }, leaf(5)] }
}

fn values(t: &Tree) -> Vec<u32> {
    std::iter::once(t.value).chain(t.children.iter().flat_map(values)).collect()
}

#[test]
fn a_popped_mut_reference_is_reborrowed_after_the_yield() {
    let (mut a, mut b) = (tree(), tree());
    assert_eq!(a.bump_all().collect::<Vec<_>>(), b.bump_all_plain());
    assert_eq!(values(&a), values(&b));
    for stop in 0..10 {
        let (mut a, mut b) = (tree(), tree());
        let got: Vec<String> = doubled_depth_first(&mut a, "v".into()).take(stop).collect();
        let want = doubled_depth_first_plain(&mut b, "v".into());
        assert_eq!(got[..], want[..stop.min(want.len())], "stop = {stop}");
    }
}

/// The same through an `Option<&mut List>` (a linked list walked by `cur = node.next.as_deref_mut()`): `node` is a
/// `&mut` the body took, which the point after the `yield_!` moves out of the state and back.
struct List {
    value: i32,
    next: Option<Box<List>>,
}

#[stackless::coroutine]
fn tripled(list: &mut List) -> impl Iterator<Item = i32> + '_ {
    let mut cur: Option<&mut List> = Some(list);
    while let Some(node) = cur {
        node.value *= 3;
        yield_!(node.value);
        cur = node.next.as_deref_mut();
    }
}

#[test]
fn a_mut_reference_in_an_option_is_reborrowed_after_the_yield() {
    let mut list =
        List { value: 1, next: Some(Box::new(List { value: 2, next: Some(Box::new(List { value: 3, next: None })) })) };
    assert_eq!(tripled(&mut list).collect::<Vec<_>>(), [3, 6, 9]);
    assert_eq!(tripled(&mut list).take(1).collect::<Vec<_>>(), [9]);
    assert_eq!((list.value, list.next.as_ref().map(|n| n.value)), (9, Some(6)));
}

impl List {
    /// README's way around yielding `&mut node.val` before `node` is used again: advance `cur` first.
    #[stackless::coroutine]
    fn values_mut(&mut self) -> impl Iterator<Item = &mut i32> + '_ {
        let mut cur: Option<&mut List> = Some(self);
        while let Some(node) = cur {
            cur = node.next.as_deref_mut();
            yield_!(&mut node.value);
        }
    }
}

#[test]
fn a_list_s_values_by_mut_reference_once_the_walk_has_moved_on() {
    let mut list = List { value: 1, next: Some(Box::new(List { value: 2, next: None })) };
    for value in list.values_mut() {
        *value += 10;
    }
    assert_eq!((list.value, list.next.as_ref().map(|n| n.value)), (11, Some(12)));
}

/// `.skip(n).enumerate()` by index: the positions count from 0 after the skipped items (`.enumerate().skip(n)`
/// keeps the first ones' positions), also with `.take(n)` and `.cloned()` around.
#[stackless::coroutine]
fn skipped_then_counted(v: Vec<u32>, n: usize) -> impl Iterator<Item = (usize, u32)> {
    for (i, x) in v.iter().skip(n).enumerate() {
        yield_!((i, *x));
    }
    for (i, x) in v.iter().copied().skip(n + 1).enumerate().take(2) {
        yield_!((i + 100, x));
    }
    for (i, x) in v.iter().enumerate().skip(n) {
        yield_!((i + 200, *x + u32::try_from(v.len()).unwrap()));
    }
}

fn skipped_then_counted_plain(v: &[u32], n: usize) -> Vec<(usize, u32)> {
    let mut out: Vec<(usize, u32)> = v.iter().skip(n).enumerate().map(|(i, x)| (i, *x)).collect();
    out.extend(v.iter().copied().skip(n + 1).enumerate().take(2).map(|(i, x)| (i + 100, x)));
    out.extend(v.iter().enumerate().skip(n).map(|(i, x)| (i + 200, *x + u32::try_from(v.len()).unwrap())));
    out
}

#[test]
fn skipped_then_enumerated_by_index() {
    let v = vec![4, 5, 6, 7];
    for n in 0..=5 {
        assert_eq!(
            skipped_then_counted(v.clone(), n).collect::<Vec<_>>(),
            skipped_then_counted_plain(&v, n),
            "n = {n}"
        );
    }
}

/// Over `&mut` items: `.take(n)` and `.skip(n).enumerate()` by index too.
#[stackless::coroutine]
fn bumped(mut v: Vec<u32>, n: usize) -> impl Iterator<Item = u32> {
    for x in v.iter_mut().take(n) {
        *x += 10;
        yield_!(*x);
    }
    for (i, x) in v.iter_mut().skip(1).enumerate() {
        *x += u32::try_from(i).unwrap();
        yield_!(*x);
    }
}

#[test]
fn mutable_items_taken_and_counted_after_a_skip() {
    for n in 0..=4 {
        let mut v = [1u32, 2, 3];
        let mut want: Vec<u32> = v
            .iter_mut()
            .take(n)
            .map(|x| {
                *x += 10;
                *x
            })
            .collect();
        want.extend(v.iter_mut().skip(1).enumerate().map(|(i, x)| {
            *x += u32::try_from(i).unwrap();
            *x
        }));
        assert_eq!(bumped(vec![1, 2, 3], n).collect::<Vec<_>>(), want, "n = {n}");
    }
}

// ----- `for` loops over the chars, bytes, lines or words of a local `String`: by position -----
// Each item is the std iterator's next one from a byte offset the state holds; each test compares with the plain
// loops, over strings with multi-byte chars, `\r\n` and a final line ending, empty lines and non-ASCII whitespace.

const TEXTS: [&str; 6] = ["", "one", "ab\r\n\ncd é\nlast\r", " two  words\u{2003}x \n", "\n\n", "é\u{2003}\tz\r\n"];

/// Every kind of loop by position, with `continue`, `break` and a labeled `continue` of an outer loop in them, over
/// a `String` argument, a local made by `format!` and a local whose type the macro doesn't see.
#[stackless::coroutine]
fn positions(text: String) -> impl Iterator<Item = String> {
    for c in text.chars() {
        if c == ' ' {
            continue;
        }
        yield_!(format!("c {c}"));
    }
    for (i, c) in text.char_indices() {
        yield_!(format!("ci {i} {c}"));
    }
    for (n, b) in text.bytes().enumerate() {
        if n == 7 {
            break;
        }
        yield_!(format!("b {n} {b}"));
    }
    let framed = format!("[{text}]");
    'lines: for (i, line) in framed.lines().enumerate() {
        let len = line.len();
        for w in line.split_ascii_whitespace() {
            if w.starts_with('x') {
                continue 'lines;
            }
        }
        yield_!(format!("l {i} {len}"));
    }
    let copy = opaque(&text);
    for w in copy.split_whitespace() {
        let upper = w.to_uppercase();
        yield_!(upper);
    }
    for w in text.split_ascii_whitespace() {
        yield_!(format!("a {}", w.len()));
    }
}

fn opaque(s: &str) -> String {
    s.to_owned()
}

// The same loops as the coroutine's, as written there.
fn positions_plain(text: String) -> Vec<String> {
    let mut out = Vec::new();
    for c in text.chars() {
        if c == ' ' {
            continue;
        }
        out.push(format!("c {c}"));
    }
    for (i, c) in text.char_indices() {
        out.push(format!("ci {i} {c}"));
    }
    for (n, b) in text.bytes().enumerate() {
        if n == 7 {
            break;
        }
        out.push(format!("b {n} {b}"));
    }
    let framed = format!("[{text}]");
    'lines: for (i, line) in framed.lines().enumerate() {
        let len = line.len();
        for w in line.split_ascii_whitespace() {
            if w.starts_with('x') {
                continue 'lines;
            }
        }
        out.push(format!("l {i} {len}"));
    }
    let copy = opaque(&text);
    for w in copy.split_whitespace() {
        let upper = w.to_uppercase();
        out.push(upper);
    }
    for w in text.split_ascii_whitespace() {
        out.push(format!("a {}", w.len()));
    }
    out
}

/// The coroutine's items against the plain fn's, over each of [`TEXTS`].
fn same_over_every_text<I: Iterator<Item = String>>(coroutine: fn(String) -> I, plain: fn(String) -> Vec<String>) {
    for text in TEXTS {
        assert_eq!(coroutine(text.to_owned()).collect::<Vec<_>>(), plain(text.to_owned()), "{text:?}");
    }
}

#[test]
fn loops_over_the_text_of_a_local_string_go_by_position() {
    same_over_every_text(positions, positions_plain);
}

/// A word used before the `yield_!` (what is made of it and kept across it is owned), the string dropped where the
/// plain fn drops it: on completion, and when the coroutine is dropped suspended inside the loop.
#[stackless::coroutine]
fn words_then_noisy(text: String) -> impl Iterator<Item = String> {
    let _first = Noisy("first");
    for w in text.split_whitespace() {
        let n = w.chars().count();
        let upper = w.to_uppercase();
        yield_!(format!("{n}"));
        log(format!("after {n} {upper}"));
    }
    let _second = Noisy("second");
    yield_!(String::from("end"));
}

fn words_then_noisy_plain(text: String) {
    let _first = Noisy("first");
    for w in text.split_whitespace() {
        let n = w.chars().count();
        let upper = w.to_uppercase();
        log(format!("yield {n}"));
        log(format!("after {n} {upper}"));
    }
    let _second = Noisy("second");
    log("yield end");
}

#[test]
fn loops_by_position_drop_as_the_plain_fn() {
    let text = "ab é  c";
    assert_eq!(drained(words_then_noisy(text.to_owned())), common::events(|| words_then_noisy_plain(text.to_owned())));
    let after = ["after 2 AB", "after 1 É", "after 1 C"];
    let cancelled = |resumed: usize, tail: &[&str]| {
        let mut events: Vec<&str> = after[..resumed.saturating_sub(1).min(3)].to_vec();
        events.extend(tail);
        common::strs(&events)
    };
    assert_eq!(cancelled_after(words_then_noisy(text.to_owned()), 0), ["cancel"]);
    for k in 1..=3 {
        assert_eq!(cancelled_after(words_then_noisy(text.to_owned()), k), cancelled(k, &["cancel", "drop first"]));
    }
    let suspended_last = cancelled(4, &["cancel", "drop second", "drop first"]);
    assert_eq!(cancelled_after(words_then_noisy(text.to_owned()), 4), suspended_last);
    let completed = cancelled(5, &["drop second", "drop first", "cancel"]);
    assert_eq!(cancelled_after(words_then_noisy(text.to_owned()), 5), completed);
}

/// The programs that were rejected before loops went by position (tests/ui/borrow had them): chars of a
/// lowercased copy, words of an owned item of an outer loop, lines of a `String` argument, and loops over a
/// temporary of the header (`n.to_string()`, `format!(..)`), which lives until the loop ends.
#[stackless::coroutine]
fn formerly_rejected(text: &str, lines: Vec<String>, n: u64) -> impl Iterator<Item = String> + '_ {
    let lower = text.to_lowercase();
    for c in lower.chars() {
        yield_!(c.to_string());
    }
    for (i, line) in lines.into_iter().enumerate() {
        for word in line.split_whitespace() {
            yield_!(format!("{i}:{word}"));
        }
    }
    for c in n.to_string().chars() {
        yield_!(format!("{}", c.to_digit(10).unwrap_or(0)));
    }
    for line in format!("{n}\n{n}").lines() {
        yield_!(format!("{}", line.len()));
    }
}

#[test]
fn formerly_rejected_loops_over_owned_strings() {
    let lines = vec![String::from("a b"), String::new(), String::from(" c ")];
    let out = formerly_rejected("ÉtÉ", lines, 42).collect::<Vec<_>>();
    assert_eq!(out, ["é", "t", "é", "0:a", "0:b", "2:c", "4", "2", "2", "2"]);
}

/// `&v[a..b]`, `&mut v[a..]`, `v[..n].iter().enumerate()` and `v[a..=b].iter().copied()` over local sequences
/// and a `&mut` slice argument go by index over the range, its bounds read once when the loop starts (a CSV's
/// rows after the header: probe 74).
#[stackless::coroutine]
fn ranges(rows: Vec<String>, k: usize, buf: &mut [u32]) -> impl Iterator<Item = String> + '_ {
    for row in &rows[1..] {
        yield_!(row.to_uppercase());
    }
    let mut end = k;
    for (i, row) in rows[..end].iter().enumerate() {
        end = 0;
        yield_!(format!("{i}:{row}:{end}"));
    }
    let lens = [1u32, 2, 3, 4];
    for n in lens[1..=2].iter().copied() {
        yield_!(n.to_string());
    }
    for x in &mut buf[k..] {
        *x += 10;
        yield_!(x.to_string());
    }
    yield_!(buf.iter().sum::<u32>().to_string());
}

// (Written as the coroutine's loops are, `.copied()` included.)
#[allow(clippy::unnecessary_to_owned)]
fn ranges_plain(rows: Vec<String>, k: usize, buf: &mut [u32]) -> Vec<String> {
    let mut out = Vec::new();
    for row in &rows[1..] {
        out.push(row.to_uppercase());
    }
    let mut end = k;
    for (i, row) in rows[..end].iter().enumerate() {
        end = 0;
        out.push(format!("{i}:{row}:{end}"));
    }
    let lens = [1u32, 2, 3, 4];
    for n in lens[1..=2].iter().copied() {
        out.push(n.to_string());
    }
    for x in &mut buf[k..] {
        *x += 10;
        out.push(x.to_string());
    }
    out.push(buf.iter().sum::<u32>().to_string());
    out
}

#[test]
fn loops_over_a_range_of_a_sequence_go_by_index() {
    let rows: Vec<String> = ["h", "a", "bb"].iter().map(|s| (*s).to_owned()).collect();
    for k in 0..=3 {
        let (mut a, mut b) = ([1u32, 2, 3], [1u32, 2, 3]);
        let got = ranges(rows.clone(), k, &mut a).collect::<Vec<_>>();
        assert_eq!(got, ranges_plain(rows.clone(), k, &mut b), "k = {k}");
        assert_eq!(a, b);
    }
    // Out of bounds: the same panic as the plain fn's, when the loop starts.
    let message = |f: Box<dyn FnOnce() + std::panic::UnwindSafe>| {
        *std::panic::catch_unwind(f).unwrap_err().downcast::<String>().unwrap()
    };
    let coroutine = message(Box::new(|| {
        let _ = ranges(vec![String::new()], 5, &mut []).count();
    }));
    let plain = message(Box::new(|| drop(ranges_plain(vec![String::new()], 5, &mut []))));
    assert_eq!(coroutine, plain);
}

/// A `&mut` item of a loop by index with an end (`take(n)`, a range) used by a method before the `yield_!`: a
/// `&mut` no longer in use there, as without the end (it was stored, holding its borrow of `buf`: E0505).
#[stackless::coroutine]
fn bumped_and_shown(buf: &mut [u32]) -> impl Iterator<Item = String> + '_ {
    for x in buf.iter_mut().take(2) {
        *x += 10;
        yield_!(x.to_string());
    }
    yield_!(buf.iter().sum::<u32>().to_string());
}

#[test]
fn a_mutable_item_of_a_bounded_loop_by_index_is_not_held() {
    let mut buf = [1, 2, 3];
    assert_eq!(bumped_and_shown(&mut buf).collect::<Vec<_>>(), ["11", "12", "26"]);
}

/// From the back: `chars().rev()`, `char_indices().rev()` and `bytes().rev().enumerate()` over a `String` go by
/// position too, the offset starting at the end.
#[stackless::coroutine]
fn backwards(text: String) -> impl Iterator<Item = String> {
    for c in text.chars().rev() {
        yield_!(format!("c {c}"));
    }
    for (i, c) in text.char_indices().rev() {
        if c == ' ' {
            continue;
        }
        yield_!(format!("ci {i} {c}"));
    }
    for (n, b) in text.bytes().rev().enumerate() {
        if n == 4 {
            break;
        }
        yield_!(format!("b {n} {b}"));
    }
}

fn backwards_plain(text: String) -> Vec<String> {
    let mut out = Vec::new();
    for c in text.chars().rev() {
        out.push(format!("c {c}"));
    }
    for (i, c) in text.char_indices().rev() {
        if c == ' ' {
            continue;
        }
        out.push(format!("ci {i} {c}"));
    }
    for (n, b) in text.bytes().rev().enumerate() {
        if n == 4 {
            break;
        }
        out.push(format!("b {n} {b}"));
    }
    out
}

#[test]
fn loops_over_a_strings_chars_from_the_back_go_by_position() {
    same_over_every_text(backwards, backwards_plain);
}

/// The initializers that tell a local is a `String`, for `lines()` (which `BufRead` has too, so a local of unknown
/// type keeps its iterator): `words.join("\n")` and `fs::read_to_string(..)` unwrapped.
#[stackless::coroutine]
fn lines_of_made_strings(words: Vec<&'static str>, path: std::path::PathBuf) -> impl Iterator<Item = usize> {
    let joined = words.join("\n");
    for line in joined.lines() {
        yield_!(line.len());
    }
    let read = std::fs::read_to_string(&path).unwrap();
    for (i, line) in read.lines().enumerate() {
        yield_!(i * 10 + line.len());
    }
}

#[test]
fn lines_of_a_joined_or_read_string_go_by_position() {
    let path = std::env::temp_dir().join(format!("stackless-lines-{}.txt", std::process::id()));
    std::fs::write(&path, "ab\r\nc\n").unwrap();
    let lengths = lines_of_made_strings(vec!["x", "yz"], path.clone()).collect::<Vec<_>>();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(lengths, [1, 2, 2, 11]);
}

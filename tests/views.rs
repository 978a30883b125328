//! What the macro can't tell from names alone: a method that may borrow or consume its receiver (`lines`,
//! `bytes`: `str`'s borrow, `BufRead`'s and `Read`'s consume a reader), and a local that borrows another but is
//! dead at a suspension point (`let cmd = first_word(&line); yield_!(cmd.to_uppercase());`), of a type the macro
//! doesn't know.
//!
//! Every program is written once and expanded twice by `twin!`: as a generator and as a plain fn in which
//! `yield_!(v)` logs `v` and returns once its yield budget is used up. Run to the end, and dropped after each of
//! its yields, the generator must log exactly what the plain fn logs, drops included.
#![allow(clippy::all, clippy::pedantic)]
#![allow(unused_variables, unused_mut, unused_assignments, dead_code)]

mod common;
use common::{Noisy, events, log};
use std::cell::Cell;
use std::fmt::Debug;
use std::io::{self, BufRead, BufReader, Cursor, Read};

thread_local! {
    /// How many more yields the plain fn may pass before returning.
    static BUDGET: Cell<usize> = const { Cell::new(usize::MAX) };
}

/// The plain fn's `yield_!`: true when it must return here.
fn exhausted() -> bool {
    BUDGET.with(|b| {
        let n = b.get();
        b.set(n.saturating_sub(1));
        n == 0
    })
}

macro_rules! twin {
    (fn $name:ident ( $($args:tt)* ) -> $item:ty { $($body:tt)* }) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[stackless::coroutine]
            pub fn co($($args)*) -> impl Iterator<Item = $item> {
                $($body)*
            }

            pub fn plain($($args)*) {
                macro_rules! yield_ {
                    ($value:expr) => {{
                        let value: $item = $value;
                        log(format!("yield {value:?}"));
                        if exhausted() {
                            return;
                        }
                    }};
                }
                $($body)*
            }
        }
    };
}

/// Runs the generator to its end, then drops it after 1, 2, … yields, against the plain fn run to its end and
/// returning at the same yield. Returns the number of yields.
fn check<I: Iterator>(co: impl Fn() -> I, plain: impl Fn()) -> usize
where
    I::Item: Debug,
{
    BUDGET.with(|b| b.set(usize::MAX));
    let want = events(|| {
        plain();
        log("end");
    });
    let got = events(|| {
        let mut g = co();
        for value in g.by_ref() {
            log(format!("yield {value:?}"));
        }
        log("end");
        drop(g);
    });
    assert_eq!(got, want, "run to the end");
    let yields = want.iter().filter(|e| e.starts_with("yield")).count();
    for k in 1..=yields {
        BUDGET.with(|b| b.set(k - 1));
        let want = events(|| {
            plain();
            log("end");
        });
        let got = events(|| {
            let mut g = co();
            for value in g.by_ref().take(k) {
                log(format!("yield {value:?}"));
            }
            drop(g);
            log("end");
        });
        assert_eq!(got, want, "dropped after {k} yields");
    }
    yields
}

// ----- methods that consume a reader, named like `str`'s views -----

/// A reader that logs its drop.
struct Source {
    data: Cursor<Vec<u8>>,
    _tag: Noisy,
}

impl Read for Source {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.data.read(buf)
    }
}

fn source(text: &str, tag: &'static str) -> Source {
    Source { data: Cursor::new(text.as_bytes().to_vec()), _tag: Noisy(tag) }
}

twin! {
    fn lines_of_an_argument(reader: BufReader<Source>) -> String {
        let _first = Noisy("first");
        let mut n = 0;
        for line in reader.lines() {
            n += 1;
            let _per_line = Noisy("per line");
            yield_!(format!("{n}: {}", line.unwrap()));
        }
        let _after = Noisy("after");
        yield_!(format!("{n} lines"));
    }
}

#[test]
fn buf_read_lines_consumes_its_reader() {
    let reader = || BufReader::new(source("a\nb\nc", "reader"));
    let yields = check(|| lines_of_an_argument::co(reader()), || lines_of_an_argument::plain(reader()));
    assert_eq!(yields, 4);
}

twin! {
    fn bytes_of_a_local() -> u8 {
        let src = source("xyz", "src");
        let _between = Noisy("between");
        for b in src.bytes() {
            yield_!(b.unwrap());
        }
        log("loop done");
        yield_!(0);
    }
}

#[test]
fn read_bytes_consumes_its_reader() {
    assert_eq!(check(bytes_of_a_local::co, bytes_of_a_local::plain), 4);
}

twin! {
    fn consumed_on_one_path(flag: bool) -> String {
        let cursor = Cursor::new(String::from("x\ny"));
        let reader = BufReader::new(source("p\nq", "reader"));
        let _guard = Noisy("guard");
        if flag {
            for line in reader.lines() {
                yield_!(line.unwrap());
            }
        }
        for line in cursor.lines() {
            yield_!(line.unwrap());
        }
        yield_!(String::from("end"));
    }
}

#[test]
fn a_reader_consumed_on_one_path_drops_at_its_scope_end_on_the_other() {
    assert_eq!(check(|| consumed_on_one_path::co(true), || consumed_on_one_path::plain(true)), 5);
    assert_eq!(check(|| consumed_on_one_path::co(false), || consumed_on_one_path::plain(false)), 3);
}

// ----- borrows dead at the suspension point -----

fn first_word(s: &str) -> &str {
    s.split_whitespace().next().unwrap_or("")
}

/// A `String` that logs its drop.
struct Line(String);

impl Drop for Line {
    fn drop(&mut self) {
        log(format!("drop line {:?}", self.0));
    }
}

twin! {
    fn commands(script: Vec<String>) -> String {
        for line in script {
            let cmd = first_word(&line);
            yield_!(cmd.to_uppercase());
        }
    }
}

#[test]
fn a_borrow_used_only_by_the_yielded_value() {
    let script = || vec![String::from("go north"), String::from("look"), String::new()];
    assert_eq!(check(|| commands::co(script()), || commands::plain(script())), 3);
    let all: Vec<String> = commands::co(script()).collect();
    assert_eq!(all, ["GO", "LOOK", ""]);
}

twin! {
    fn keys(lines: Vec<String>) -> usize {
        for line in lines {
            let key = line.split('=').next().unwrap_or("");
            let n = key.len();
            yield_!(n);
        }
    }
}

#[test]
fn a_borrow_used_before_the_yield() {
    let lines = || vec![String::from("name=x"), String::from("level=3")];
    assert_eq!(check(|| keys::co(lines()), || keys::plain(lines())), 2);
}

// One suspension point in the loop: the arm resumes in place.
twin! {
    fn in_place(script: Vec<&'static str>) -> String {
        let _outer = Noisy("outer");
        for text in script {
            let line = Line(text.to_string());
            let cmd = first_word(&line.0);
            let _guard = Noisy("guard");
            yield_!(cmd.to_uppercase());
            log("resumed");
        }
    }
}

#[test]
fn dead_borrows_in_an_arm_that_resumes_in_place() {
    assert_eq!(check(|| in_place::co(vec!["a b", "c"]), || in_place::plain(vec!["a b", "c"])), 2);
}

// Two suspension points in the loop: the arms move the state out and back.
twin! {
    fn by_value(script: Vec<&'static str>) -> usize {
        for text in script {
            let line = Line(text.to_string());
            let cmd = first_word(&line.0);
            yield_!(cmd.len());
            let key = line.0.split('=').next().unwrap_or("");
            let n = key.len();
            let _guard = Noisy("guard");
            yield_!(n);
            log("resumed");
        }
    }
}

#[test]
fn dead_borrows_in_arms_that_resume_by_value() {
    assert_eq!(check(|| by_value::co(vec!["ab=c d", "e"]), || by_value::plain(vec!["ab=c d", "e"])), 4);
}

fn make(name: &'static str) -> Noisy {
    Noisy(name)
}

// Dead locals with drop glue, of types the macro doesn't know, around a dead borrow: still held to the end of
// their scope, in reverse declaration order.
twin! {
    fn dead_values_keep_their_drop_order(words: Vec<&'static str>) -> usize {
        let a = make("a");
        let w = first_word(words[0]);
        let b = make("b");
        {
            let c = make("c");
            let v = first_word(words[1]);
            yield_!(w.len() + v.len());
            log("between");
        }
        yield_!(0);
        log("last");
    }
}

#[test]
fn dead_values_with_drop_glue_drop_at_their_scope_end() {
    let words = || vec!["one two", "three"];
    assert_eq!(
        check(|| dead_values_keep_their_drop_order::co(words()), || dead_values_keep_their_drop_order::plain(words())),
        2
    );
}

fn consume(s: &str) {
    log(format!("consumed {s}"));
}

// A dead borrow moved on one path only (a drop flag), and a `Copy` tuple of borrows.
twin! {
    fn flagged(lines: Vec<String>, c: bool) -> usize {
        for line in lines {
            let w = first_word(&line);
            let pair = line.split_once(' ').unwrap_or((w, w));
            if c {
                consume(w);
            }
            let _guard = Noisy("guard");
            yield_!(line.len() + pair.0.len());
            log("resumed");
        }
    }
}

#[test]
fn dead_borrows_with_a_drop_flag() {
    let lines = || vec![String::from("a bc"), String::from("d")];
    for c in [false, true] {
        assert_eq!(check(|| flagged::co(lines(), c), || flagged::plain(lines(), c)), 2);
    }
}

/// What the state holds: nothing of the dead borrow (it only has a place for the iterator, `line`, and a
/// zero-sized marker).
#[test]
fn a_dead_copy_local_takes_no_room_in_the_state() {
    let g = commands::co(vec![String::from("a")]);
    assert_eq!(std::mem::size_of_val(&g), std::mem::size_of::<(std::vec::IntoIter<String>, Option<String>)>() + 8);
}

// The loop's `line` has a drop flag (the arm resumes in place): a dead borrow of it doesn't keep it borrowed
// mutably, so it can still be read (`line.len()`, `line[..]`, formatting) while the borrow is alive.
twin! {
    fn read_again_while_borrowed(lines: Vec<String>) -> String {
        for line in lines {
            let cmd = first_word(&line);
            let n = line.len();
            let rest = line[cmd.len()..].trim();
            let _guard = Noisy("guard");
            yield_!(format!("{cmd}|{rest}|{n}|{line}"));
            log("resumed");
        }
    }
}

#[test]
fn a_dead_borrow_of_a_flagged_local_and_reads_of_it() {
    let lines = || vec![String::from("go north  "), String::from("look")];
    assert_eq!(check(|| read_again_while_borrowed::co(lines()), || read_again_while_borrowed::plain(lines())), 2);
}

#[stackless::coroutine]
fn clonable_commands(script: Vec<String>) -> impl Iterator<Item = String> + Clone + Debug {
    for line in script {
        let cmd = first_word(&line);
        yield_!(cmd.to_uppercase());
    }
}

#[test]
fn a_state_without_the_dead_borrow_clones_and_prints() {
    let mut g = clonable_commands(vec![String::from("go north"), String::from("look")]);
    assert_eq!(g.next().as_deref(), Some("GO"));
    let printed = format!("{g:?}");
    assert!(printed.starts_with(r#"Suspend0 { cmd: <dead>, line: Some("go north"), "#), "{printed}");
    let h = g.clone();
    assert_eq!(g.collect::<Vec<_>>(), ["LOOK"]);
    assert_eq!(h.collect::<Vec<_>>(), ["LOOK"]);
}

// Dead closures, and values made of them: held as they are (whether a closure is `Copy` is known only once
// rustc has inferred its captures, after the whole body), so those with drop glue drop at their scope's end.
// (Held, one that borrows a local of the coroutine is an error: README, "Limitations".)
twin! {
    fn dead_closures(words: Vec<&'static str>) -> usize {
        let tag = Noisy("captured by f");
        let f = move |k: usize| k + width(&tag);
        let other = Noisy("captured by g");
        let mut g = None;
        g = Some(move |k: usize| k * width(&other));
        let third = Noisy("captured by the slot's");
        let mut slot = None;
        slot.replace(move |k: usize| k + width(&third));
        let n = f(1) + g.as_ref().map_or(0, |g| g(2)) + slot.as_ref().map_or(0, |h| h(3));
        yield_!(n);
        log("resumed");
        yield_!(words.len());
    }
}

/// Borrows all of `n` (a `move` closure calling it captures all of `n`, not a `Copy` field).
fn width(n: &Noisy) -> usize {
    n.0.len()
}

#[test]
fn dead_closures_are_held_to_their_scope_end() {
    assert_eq!(check(|| dead_closures::co(vec!["a"]), || dead_closures::plain(vec!["a"])), 2);
}

// A dead `Option` of a borrow, filled in a loop with a closure in its condition.
twin! {
    fn longest(words: Vec<String>) -> usize {
        let mut best = None;
        for w in &words {
            if best.is_none_or(|b: &String| w.len() > b.len()) {
                best = Some(w);
            }
        }
        let n = best.map_or(0, |b| b.len());
        yield_!(n);
        yield_!(words.len());
    }
}

#[test]
fn a_dead_option_of_a_borrow() {
    let words = || vec![String::from("ab"), String::from("abc")];
    assert_eq!(check(|| longest::co(words()), || longest::plain(words())), 2);
}

// ----- std views of a field of a reference argument -----

/// A queue whose front, a borrow through `q`, is dead before the `pop_front` and the `yield_!` (a helper's program:
/// it was held at the `yield_!`, which kept `q.jobs` borrowed across the `pop_front`).
pub struct Queue {
    pub jobs: std::collections::VecDeque<u32>,
    pub now: u32,
    pub map: std::collections::HashMap<u32, String>,
    pub store: Store,
}

/// A store whose `get` by value returns an owned value: not taken for a std view.
pub struct Store(pub Vec<&'static str>);

impl Store {
    pub fn get(&self, i: usize) -> Option<Noisy> {
        self.0.get(i).map(|&name| Noisy(name))
    }
}

fn queue() -> Queue {
    let map = [(1, String::from("a")), (3, String::from("c"))].into();
    Queue { jobs: [0, 1, 5, 2].into(), now: 1, map, store: Store(vec!["s0", "s1"]) }
}

twin! {
    fn front_of_a_field(q: &mut Queue) -> String {
        while let Some(front) = q.jobs.front() {
            if *front > q.now {
                break;
            }
            let job = q.jobs.pop_front().unwrap();
            yield_!(job.to_string());
        }
        for k in 0..4 {
            if let Some(v) = q.map.get(&k) {
                let v = v.clone();
                q.map.remove(&k);
                yield_!(v);
            }
        }
        if let Some(n) = q.store.get(1) {
            yield_!(String::from("got"));
            yield_!(n.0.to_string());
        }
        yield_!(format!("{} {}", q.jobs.len(), q.map.len()));
    }
}

#[test]
fn std_views_of_a_field_are_dead_where_unused() {
    // (Each run's queue is leaked: the generator borrows it.)
    let co = || front_of_a_field::co(Box::leak(Box::new(queue())));
    assert_eq!(check(co, || front_of_a_field::plain(&mut queue())), 7);
}

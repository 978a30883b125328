//! Fuzzing the expansion entry point, [`crate::expand::expand`], with a fixed budget that runs with the unit tests.
//!
//! Two generators feed it:
//! - random token streams over a small alphabet (the keywords and punctuation coroutines are made of, `yield_`,
//!   literals, nested groups), mostly placed in a fn skeleton so that they reach the body's lowering, sometimes
//!   as the whole item or as the attribute's arguments;
//! - random mutations (delete, duplicate, swap, insert or replace a token, empty or re-delimit a group, splice a
//!   subtree from another seed) of the valid coroutines kept in `macros/fuzz-corpus/*.rs`.
//!
//! Properties: the macro never panics, and whenever its output contains no `compile_error!`, the output parses
//! as a Rust file. A case that takes more than [`SLOW`] is reported too (the macro must not blow up).
//!
//! The PRNG is seeded, so a failure is reproducible: it prints the seed, the case, the input and a shrunk input.
//! `STACKLESS_FUZZ_CASES=N` runs `N` cases per generator (default [`DEFAULT_CASES`]);
//! `STACKLESS_FUZZ_SEED=S` starts from another seed (a number, or `random`);
//! `STACKLESS_FUZZ_LAST=path` writes each case to `path` before running it, for the case that aborts the process
//! (a stack overflow can't be caught).
//!
//! proc-macro2 runs in its fallback mode here (no compiler attached), which is what makes the macro callable from
//! a unit test; spans are then line/column positions in the parsed strings.

use std::cell::Cell;
use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::{LazyLock, Once};
use std::time::{Duration, Instant};

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::quote;

/// Cases per generator when `STACKLESS_FUZZ_CASES` is unset. In a debug build a random case takes about 0.6 ms and a
/// mutated seed about 1.5 ms (half expanding, half parsing the output): the two tests run in parallel in about 12 s.
const DEFAULT_CASES: usize = 8_000;
const DEFAULT_SEED: u64 = 0x5eed_c0de_2026;
/// A single expansion taking longer than this is reported as a failure.
const SLOW: Duration = Duration::from_secs(2);

// ----- a tiny PRNG (SplitMix64): no dependency, same sequence everywhere -----

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        let n64 = u64::try_from(n).expect("internal invariant: usize fits in u64");
        usize::try_from(self.next() % n64).expect("internal invariant: the remainder is below a usize")
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

// ----- the token alphabet -----

/// Identifiers, `yield_` weighted up.
static IDENTS: LazyLock<Vec<&str>> = LazyLock::new(|| {
    "yield_ yield_ yield_ yield_from stackless fn let mut ref loop while for in if else match break continue return \
     async const static move unsafe struct impl dyn self Self x y v n it Some None Ok Err Vec String u32 Iterator \
     Coroutine Item Yield Return Box Pin resume drop iter into_iter len __state __arg _"
        .split_whitespace()
        .collect()
});

/// Punctuation: a multi-character operator becomes a run of joint puncts.
static PUNCTS: LazyLock<Vec<&str>> =
    LazyLock::new(|| "! ! ; ; , = == => -> : :: . .. & && * + += - < > ? # | || ' @ $".split_whitespace().collect());

/// Multi-token fragments that make the random streams look like coroutines often enough to go deep.
const SNIPPETS: &[&str] = &[
    "yield_!(x);",
    "yield_!();",
    "let x = yield_!(1);",
    "x = yield_!(x);",
    "yield_from!(v);",
    "let y = yield_from!(v, x);",
    "loop { yield_!(1); }",
    "for x in v { yield_!(x); }",
    "while let Some(x) = it.next() { yield_!(x); }",
    "if x { yield_!(1); } else { yield_!(2); }",
    "match x { Some(y) => yield_!(y), None => {} }",
    "'a: loop { break 'a; }",
    "'b: { yield_!(0); break 'b 5; }",
    "let Some(y) = x else { return; };",
    "let r = &v;",
    "let c = || yield_!(1);",
    "x?;",
    "return x;",
    "break;",
    "continue;",
    "async { yield_!(1) };",
    "fn inner() { yield_!(1); }",
    "const C: u32 = 1;",
    "f(x, yield_!(y), z);",
    "let v = x + yield_!(1) * y;",
    "if yield_!(x) > 0 && yield_!(y) {}",
    "match yield_!(x) { 0 => 1, n => n + yield_!(n) }",
    "v[yield_!(0)] += yield_!(1);",
    "x.method(yield_!(1)).other(yield_!(2))",
    "S { a: yield_!(1), b: [yield_!(2); 3] }",
    "(yield_!(1), yield_!(2)).0",
    "return yield_!(x);",
    "break yield_!(x);",
    "yield_!(yield_!(x));",
    "vec![yield_!(1)]",
    "#[allow(unused)]",
    "impl Iterator<Item = u32>",
    "-> impl Coroutine<u32, Yield = u32, Return = ()>",
];

fn parse(text: &str) -> TokenStream {
    text.parse().unwrap_or_else(|e| panic!("internal invariant: `{text}` is valid tokens: {e}"))
}

fn random_token(rng: &mut Rng) -> TokenTree {
    match rng.below(10) {
        0..=4 => TokenTree::Ident(Ident::new(rng.pick(&IDENTS), Span::call_site())),
        5..=7 => {
            let text = rng.pick(&PUNCTS);
            let chars: Vec<char> = text.chars().collect();
            // A multi-character operator is a run of joint puncts; emit only its first char here, the rest come
            // through `random_punct_run`.
            TokenTree::Punct(Punct::new(chars[0], if chars.len() > 1 { Spacing::Joint } else { Spacing::Alone }))
        }
        8 => TokenTree::Literal(match rng.below(5) {
            0 => Literal::u32_unsuffixed(u32::try_from(rng.below(100)).expect("below 100")),
            1 => Literal::string("s"),
            2 => Literal::u8_suffixed(1),
            3 => Literal::f64_unsuffixed(0.5),
            _ => Literal::character('c'),
        }),
        _ => TokenTree::Group(Group::new(rng.pick(&[Delimiter::Parenthesis, Delimiter::Brace]), TokenStream::new())),
    }
}

fn random_punct_run(rng: &mut Rng, out: &mut Vec<TokenTree>) {
    let text = rng.pick(&PUNCTS);
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let spacing = if i + 1 < chars.len() { Spacing::Joint } else { Spacing::Alone };
        out.push(TokenTree::Punct(Punct::new(*c, spacing)));
    }
}

/// A random stream of up to `max_len` atoms, groups nested up to `depth`.
fn random_stream(rng: &mut Rng, max_len: usize, depth: usize) -> TokenStream {
    let len = rng.below(max_len + 1);
    let mut out: Vec<TokenTree> = Vec::new();
    for _ in 0..len {
        match rng.below(12) {
            0..=3 => out.extend(parse(rng.pick(SNIPPETS))),
            4 | 5 => random_punct_run(rng, &mut out),
            6 if depth > 0 => {
                let delimiter = rng.pick(&[Delimiter::Parenthesis, Delimiter::Brace, Delimiter::Bracket]);
                let inner = random_stream(rng, 5, depth - 1);
                out.push(TokenTree::Group(Group::new(delimiter, inner)));
            }
            _ => out.push(random_token(rng)),
        }
    }
    out.into_iter().collect()
}

/// A random case: mostly a fn with a random body, sometimes random attribute arguments or a random item.
fn random_case(rng: &mut Rng) -> (TokenStream, TokenStream) {
    let args = match rng.below(10) {
        0..=5 => TokenStream::new(),
        6 | 7 => parse(rng.pick(&["resume = x", "resume = mut x", "resume = _", "resume = (a, b)"])),
        _ => random_stream(rng, 3, 1),
    };
    let item = match rng.below(10) {
        0 => random_stream(rng, 12, 2),
        1 => {
            let sig = random_stream(rng, 6, 1);
            let body = random_stream(rng, 10, 3);
            quote!(fn f #sig { #body })
        }
        _ => {
            let ret = parse(rng.pick(&[
                "impl Iterator<Item = u32>",
                "impl Coroutine<u32, Yield = u32, Return = u32>",
                "impl stackless::Coroutine<Yield = (), Return = ()> + Send",
                "Box<dyn Iterator<Item = u32>>",
                "impl Iterator<Item = u32> + Clone + core::fmt::Debug",
            ]));
            let params = parse(rng.pick(&["", "x: u32", "v: Vec<u32>, n: usize", "&self", "mut self, it: I"]));
            let body = random_stream(rng, 12, 3);
            quote!(fn f(#params) -> #ret { #body })
        }
    };
    (args, item)
}

// ----- the corpus and its mutations -----

/// A coroutine as the attribute sees it: its arguments and the item without the attribute.
#[derive(Clone)]
struct Seed {
    name: String,
    args: TokenStream,
    item: TokenStream,
}

fn coroutine_args(attr: &syn::Attribute) -> Option<TokenStream> {
    let segment = attr.path().segments.last()?;
    if segment.ident != "coroutine" {
        return None;
    }
    Some(match &attr.meta {
        syn::Meta::List(list) => list.tokens.clone(),
        _ => TokenStream::new(),
    })
}

fn seed_of(name: String, attrs: &[syn::Attribute], rest: TokenStream) -> Option<Seed> {
    let position = attrs.iter().position(|a| coroutine_args(a).is_some())?;
    let args = coroutine_args(&attrs[position])?;
    let others = attrs.iter().enumerate().filter(|(i, _)| *i != position).map(|(_, a)| a);
    Some(Seed { name, args, item: quote!(#(#others)* #rest) })
}

/// Every `#[stackless::coroutine]` fn of `macros/fuzz-corpus/*.rs`, methods included.
fn corpus() -> Vec<Seed> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz-corpus");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the fuzz corpus at {} can't be read: {e}", dir.display()))
        .map(|entry| entry.expect("a readable corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    paths.sort();
    let mut seeds = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("a readable corpus file");
        let file = syn::parse_file(&text).unwrap_or_else(|e| panic!("{} doesn't parse: {e}", path.display()));
        let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        for item in file.items {
            match item {
                syn::Item::Fn(f) => {
                    let name = format!("{file_name}: {}", f.sig.ident);
                    let (vis, sig, block) = (&f.vis, &f.sig, &f.block);
                    seeds.extend(seed_of(name, &f.attrs, quote!(#vis #sig #block)));
                }
                syn::Item::Impl(imp) => {
                    for item in imp.items {
                        if let syn::ImplItem::Fn(f) = item {
                            let name = format!("{file_name}: {}", f.sig.ident);
                            let (vis, sig, block) = (&f.vis, &f.sig, &f.block);
                            seeds.extend(seed_of(name, &f.attrs, quote!(#vis #sig #block)));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    assert!(seeds.len() >= 10, "the fuzz corpus has only {} coroutines", seeds.len());
    seeds
}

/// A token tree as a mutable tree: groups keep their delimiter and children.
#[derive(Clone)]
enum Node {
    Leaf(TokenTree),
    Group(Delimiter, Vec<Node>),
}

fn to_nodes(stream: TokenStream) -> Vec<Node> {
    stream
        .into_iter()
        .map(|tt| match tt {
            TokenTree::Group(g) => Node::Group(g.delimiter(), to_nodes(g.stream())),
            other => Node::Leaf(other),
        })
        .collect()
}

fn to_stream(nodes: &[Node]) -> TokenStream {
    nodes
        .iter()
        .map(|n| match n {
            Node::Leaf(tt) => tt.clone(),
            Node::Group(d, children) => TokenTree::Group(Group::new(*d, to_stream(children))),
        })
        .collect()
}

/// The number of token lists (the top level and every group's contents) in `nodes`.
fn count_lists(nodes: &[Node]) -> usize {
    1 + nodes.iter().map(|n| if let Node::Group(_, c) = n { count_lists(c) } else { 0 }).sum::<usize>()
}

/// Calls `f` on the `target`-th token list in pre-order.
fn with_list(nodes: &mut Vec<Node>, target: usize, f: &mut dyn FnMut(&mut Vec<Node>)) -> bool {
    fn go(nodes: &mut Vec<Node>, target: usize, seen: &mut usize, f: &mut dyn FnMut(&mut Vec<Node>)) -> bool {
        if *seen == target {
            f(nodes);
            return true;
        }
        *seen += 1;
        for node in nodes.iter_mut() {
            if let Node::Group(_, children) = node
                && go(children, target, seen, f)
            {
                return true;
            }
        }
        false
    }
    let mut seen = 0;
    go(nodes, target, &mut seen, f)
}

/// A random subtree of `nodes` (for splicing into another seed).
fn random_subtree(rng: &mut Rng, nodes: &[Node]) -> Option<Node> {
    fn collect(nodes: &[Node], out: &mut Vec<Node>) {
        for n in nodes {
            out.push(n.clone());
            if let Node::Group(_, c) = n {
                collect(c, out);
            }
        }
    }
    let mut all = Vec::new();
    collect(nodes, &mut all);
    (!all.is_empty()).then(|| all.swap_remove(rng.below(all.len())))
}

fn mutate(rng: &mut Rng, nodes: &mut Vec<Node>, donors: &[Seed]) {
    let lists = count_lists(nodes);
    let target = rng.below(lists);
    let op = rng.below(9);
    let donor = if op == 8 {
        let d = &donors[rng.below(donors.len())];
        random_subtree(rng, &to_nodes(d.item.clone()))
    } else {
        None
    };
    let inserted = Node::Leaf(random_token(rng));
    let snippet = to_nodes(parse(rng.pick(SNIPPETS)));
    let (r1, r2) = (rng.next(), rng.next());
    with_list(nodes, target, &mut |list| {
        let len = list.len();
        let at = |r: u64, n: usize| usize::try_from(r % u64::try_from(n.max(1)).expect("fits")).expect("fits");
        match op {
            // Delete a token (or a whole group).
            0 if len > 0 => {
                list.remove(at(r1, len));
            }
            // Duplicate one.
            1 if len > 0 => {
                let i = at(r1, len);
                list.insert(i, list[i].clone());
            }
            // Swap two.
            2 if len > 1 => list.swap(at(r1, len), at(r2, len)),
            // Insert a random token.
            3 => list.insert(at(r1, len + 1), inserted.clone()),
            // Replace a token with a random one.
            4 if len > 0 => list[at(r1, len)] = inserted.clone(),
            // Empty a group, or change its delimiter.
            5 | 6 if len > 0 => {
                if let Node::Group(d, children) = &mut list[at(r1, len)] {
                    if op == 5 {
                        children.clear();
                    } else {
                        *d = match d {
                            Delimiter::Brace => Delimiter::Parenthesis,
                            Delimiter::Parenthesis => Delimiter::Bracket,
                            _ => Delimiter::Brace,
                        };
                    }
                }
            }
            // Insert a snippet.
            7 => {
                let i = at(r1, len + 1);
                list.splice(i..i, snippet.iter().cloned());
            }
            // Splice a subtree of another seed.
            8 => {
                if let Some(node) = &donor {
                    list.insert(at(r1, len + 1), node.clone());
                }
            }
            _ => {}
        }
    });
}

// ----- running a case -----

static HOOK: Once = Once::new();

thread_local! {
    /// Set while this thread runs fuzz cases: their panics are reported by the fuzzer, not printed by the hook.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Silences the panic hook for fuzz threads only; other tests' panics print as usual.
fn install_quiet_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

enum Outcome {
    Fine,
    Panicked(String),
    Unparsable(String),
    Slow(Duration),
}

fn run(args: &TokenStream, item: &TokenStream) -> Outcome {
    let (args, item) = (args.clone(), item.clone());
    let start = Instant::now();
    QUIET.with(|q| q.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| crate::expand::expand(args, item)));
    QUIET.with(|q| q.set(false));
    let elapsed = start.elapsed();
    let output = match result {
        Ok(output) => output,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(ToString::to_string)
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "(non-string panic payload)".to_string());
            return Outcome::Panicked(message);
        }
    };
    if elapsed > SLOW {
        return Outcome::Slow(elapsed);
    }
    if !has_compile_error(&output)
        && let Err(e) = syn::parse2::<syn::File>(output.clone())
    {
        return Outcome::Unparsable(format!("{e}\n--- output ---\n{output}"));
    }
    Outcome::Fine
}

fn has_compile_error(stream: &TokenStream) -> bool {
    stream.clone().into_iter().any(|tt| match tt {
        TokenTree::Ident(i) => i == "compile_error",
        TokenTree::Group(g) => has_compile_error(&g.stream()),
        _ => false,
    })
}

fn same_failure(a: &Outcome, b: &Outcome) -> bool {
    matches!(
        (a, b),
        (Outcome::Panicked(_), Outcome::Panicked(_))
            | (Outcome::Unparsable(_), Outcome::Unparsable(_))
            | (Outcome::Slow(_), Outcome::Slow(_))
    )
}

/// One shrinking step on the `list`-th token list: remove `len` tokens at `at`, or (`len == 0`) replace the group
/// at `at` by its contents. Returns `None` when the step doesn't apply.
fn shrunk(nodes: &[Node], list: usize, at: usize, len: usize) -> Option<Vec<Node>> {
    let mut candidate = nodes.to_vec();
    let mut applied = false;
    with_list(&mut candidate, list, &mut |l| {
        if len == 0 {
            if let Some(Node::Group(_, children)) = l.get(at).cloned() {
                l.splice(at..=at, children);
                applied = true;
            }
        } else if at + len <= l.len() {
            l.drain(at..at + len);
            applied = true;
        }
    });
    applied.then_some(candidate)
}

/// Greedy shrinking: remove runs of tokens (long runs first) and unwrap groups while the same kind of failure
/// persists.
fn shrink(args: &TokenStream, item: &TokenStream, failure: &Outcome) -> (TokenStream, TokenStream) {
    let mut parts = [to_nodes(args.clone()), to_nodes(item.clone())];
    let mut budget = 5_000_usize;
    let mut progress = true;
    while progress && budget > 0 {
        progress = false;
        for part in 0..2 {
            for len in [16, 8, 4, 3, 2, 1, 0] {
                let mut list = 0;
                while list < count_lists(&parts[part]) && budget > 0 {
                    let mut at = 0;
                    while budget > 0 {
                        budget -= 1;
                        let Some(candidate) = shrunk(&parts[part], list, at, len) else { break };
                        let mut trial = parts.clone();
                        trial[part] = candidate;
                        if same_failure(&run(&to_stream(&trial[0]), &to_stream(&trial[1])), failure) {
                            parts = trial;
                            progress = true;
                        } else {
                            at += 1;
                        }
                    }
                    list += 1;
                }
            }
        }
    }
    (to_stream(&parts[0]), to_stream(&parts[1]))
}

fn report(seed: u64, case: usize, args: &TokenStream, item: &TokenStream, failure: &Outcome) -> String {
    let what = match failure {
        Outcome::Fine => unreachable!("internal invariant: only failures are reported"),
        Outcome::Panicked(message) => format!("the macro panicked: {message}"),
        Outcome::Unparsable(error) => format!("the output has no `compile_error!` but doesn't parse: {error}"),
        Outcome::Slow(elapsed) => format!("one expansion took {elapsed:?}"),
    };
    let (small_args, small_item) = shrink(args, item, failure);
    let mut out = String::new();
    let _ = writeln!(out, "{what}");
    let _ = writeln!(out, "reproduce with STACKLESS_FUZZ_SEED={seed} (case {case})");
    let _ = writeln!(out, "--- attribute arguments ---\n{args}\n--- item ---\n{item}");
    let _ = writeln!(out, "--- shrunk: arguments ---\n{small_args}\n--- shrunk: item ---\n{small_item}");
    out
}

fn cases() -> usize {
    std::env::var("STACKLESS_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_CASES)
}

fn seed(salt: u64) -> u64 {
    let base = match std::env::var("STACKLESS_FUZZ_SEED") {
        Ok(v) if v == "random" => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(DEFAULT_SEED, |d| d.as_secs() ^ u64::from(d.subsec_nanos())),
        Ok(v) => v.parse().unwrap_or_else(|_| panic!("STACKLESS_FUZZ_SEED must be a number or `random`, not `{v}`")),
        Err(_) => DEFAULT_SEED,
    };
    base ^ salt
}

/// A failure already reported to the macro's maintainers, recognised by a piece of the panic message or of the
/// unparsable output. Known failures are counted, not fatal; delete the entry with the fix, so that the fuzzer
/// guards it from then on.
struct Known {
    what: &'static str,
    evidence: &'static str,
}

const KNOWN: &[Known] = &[
    Known {
        what: "a `for` pattern with a leading `|` (`for | x in ..`) is emitted as `let | x = ..`, which isn't Rust",
        evidence: "let | ",
    },
    Known {
        what: "a `self` binding in a pattern (`if let (self) = ..`) is emitted as a field and a local named `self`",
        evidence: "expected identifier, found keyword `self`",
    },
    Known {
        what: "`normalize` re-parses rewritten expressions with `parse_quote!`, which panics when the user's operand \
               only parses in its original position: a struct literal before `&&`/`||` (`W { ok }.ok && yield_!(1)`), \
               a `let` outside a condition (`x = let y = yield_!()`)",
        evidence: "expected `;`",
    },
];

fn known(outcome: &Outcome) -> Option<&'static Known> {
    let text = match outcome {
        Outcome::Panicked(text) | Outcome::Unparsable(text) => text,
        Outcome::Fine | Outcome::Slow(_) => return None,
    };
    KNOWN.iter().find(|k| text.contains(k.evidence))
}

/// Runs `cases` cases from `generate`, stopping at the first new failure with a report.
fn fuzz(name: &str, salt: u64, mut generate: impl FnMut(&mut Rng) -> (TokenStream, TokenStream)) {
    install_quiet_hook();
    let seed = seed(salt);
    let mut rng = Rng(seed);
    let n = cases();
    let start = Instant::now();
    let mut known_hits = vec![0_usize; KNOWN.len()];
    let last_case = std::env::var_os("STACKLESS_FUZZ_LAST");
    for case in 0..n {
        let (args, item) = generate(&mut rng);
        if let Some(path) = &last_case {
            // A stack overflow aborts the process before anything can be reported: leave the input behind.
            let text =
                format!("{name}, seed {}, case {case}\n--- arguments ---\n{args}\n--- item ---\n{item}\n", seed ^ salt);
            std::fs::write(path, text).expect("STACKLESS_FUZZ_LAST is a writable path");
        }
        let outcome = run(&args, &item);
        if matches!(outcome, Outcome::Fine) {
            continue;
        }
        match known(&outcome) {
            Some(k) => known_hits[KNOWN.iter().position(|x| std::ptr::eq(x, k)).unwrap_or(0)] += 1,
            None => panic!("{name}: {}", report(seed ^ salt, case, &args, &item, &outcome)),
        }
    }
    eprintln!("{name}: {n} cases in {:?} (seed {})", start.elapsed(), seed ^ salt);
    for (k, hits) in KNOWN.iter().zip(known_hits) {
        if hits > 0 {
            eprintln!("{name}: known failure hit {hits} times: {}", k.what);
        }
    }
}

#[test]
fn corpus_seeds_expand_cleanly() {
    for seed in corpus() {
        let output = crate::expand::expand(seed.args.clone(), seed.item.clone());
        assert!(!has_compile_error(&output), "{}: the seed doesn't expand cleanly:\n{output}", seed.name);
        if let Err(e) = syn::parse2::<syn::File>(output.clone()) {
            panic!("{}: the expansion doesn't parse: {e}\n{output}", seed.name);
        }
    }
}

#[test]
fn random_token_streams() {
    fuzz("random token streams", 0, random_case);
}

#[test]
fn mutated_corpus() {
    let seeds = corpus();
    fuzz("mutated corpus", 1, |rng| {
        let seed = &seeds[rng.below(seeds.len())];
        let mut args = to_nodes(seed.args.clone());
        let mut item = to_nodes(seed.item.clone());
        for _ in 0..=rng.below(4) {
            if rng.chance(10) {
                mutate(rng, &mut args, &seeds);
            } else {
                mutate(rng, &mut item, &seeds);
            }
        }
        (to_stream(&args), to_stream(&item))
    });
}

#[test]
fn token_lists_are_addressed_in_pre_order() {
    let item = parse("fn f() -> impl Iterator<Item = u32> { yield_!(1); }");
    let mut nodes = to_nodes(item.clone());
    assert_eq!(to_stream(&nodes).to_string(), item.to_string());
    // The top level, `()`, `{ .. }` and `yield_!`'s `(1)`.
    assert_eq!(count_lists(&nodes), 4);
    assert!(with_list(&mut nodes, 3, &mut Vec::clear));
    assert!(!with_list(&mut nodes, 4, &mut Vec::clear));
    assert_eq!(to_stream(&nodes).to_string(), "fn f () -> impl Iterator < Item = u32 > { yield_ ! () ; }");
}

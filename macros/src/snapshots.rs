//! Expansion snapshots, checked in-process: no `cargo-expand` needed, so `cargo test --workspace` checks them on
//! any machine with stable Rust.
//!
//! Each case is a Rust file under `tests/expand/` at the workspace root (subfolders allowed) holding one or more
//! `#[stackless::coroutine]` items: free fns, methods in `impl` blocks, in nested `mod`s too. The test expands
//! each such item with [`crate::expand::expand`], exactly the tokens rustc would hand the attribute (the item with
//! its other attributes, minus this one), formats the file with `prettyplease` (what `cargo expand` uses) and
//! compares it with the snapshot next to the case, `<case>.expanded.rs`. Only `#[stackless::coroutine]` is
//! expanded: `derive`s and std's macros in the output stay as the macro wrote them.
//!
//! A difference fails with a line diff (`-` the snapshot, `+` the macro's output); so does a case without a
//! snapshot, a snapshot without a case, a case without any coroutine, an attribute left in a place this test
//! can't expand (a trait's default method) and an expansion that reports an error (those belong in `tests/ui`).
//! `STACKLESS_BLESS=1 cargo test -p stackless-macros snapshots` writes the snapshots from the macro's output
//! (and deletes those whose case is gone); read the `git diff` before committing it.
//!
//! proc-macro2 runs in its fallback mode here, as in `fuzz`; with its `span-locations` feature a span's line is
//! its line in the case file, so the "(line N)" in the state enum's docs matches a real expansion. What differs
//! from `cargo expand`'s output: std's macros stay unexpanded (`::core::matches!(..)` in a stream's `Finished`,
//! not the `match` it expands to), user tokens quoted in those docs are printed by proc-macro2 (`yield_ ! (n)`
//! where rustc prints `yield_! (n)`), and attributes on struct-pattern fields, which rustc's printer drops, stay.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use quote::quote;

/// The environment variable that makes the test write the snapshots instead of comparing them.
const BLESS: &str = "STACKLESS_BLESS";
/// The command printed with every failure.
const BLESS_COMMAND: &str = "STACKLESS_BLESS=1 cargo test -p stackless-macros snapshots";
/// Lines of context around each changed run of lines in a diff.
const CONTEXT: usize = 3;

#[test]
fn snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/expand");
    let root = dir.join("../..");
    let bless = std::env::var_os(BLESS).is_some_and(|v| !v.is_empty() && v != "0");
    let mut files = Vec::new();
    collect_rs_files(&dir, &mut files);
    assert!(!files.is_empty(), "no expansion cases in {}", dir.display());
    let (snapshots, cases): (Vec<PathBuf>, Vec<PathBuf>) = files.into_iter().partition(|p| is_snapshot(p));
    let mut failures = Vec::new();
    for case in &cases {
        let shown = shown_path(&root, case);
        let snapshot = snapshot_of(case);
        let shown_snapshot = shown_path(&root, &snapshot);
        let actual = match render(case) {
            Ok(actual) => actual,
            Err(message) => {
                failures.push(format!("{shown}: {message}"));
                continue;
            }
        };
        let expected = match std::fs::read_to_string(&snapshot) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => panic!("{shown_snapshot} can't be read: {e}"),
        };
        if expected.as_deref().is_some_and(|e| e.lines().eq(actual.lines())) {
            continue;
        }
        if bless {
            std::fs::write(&snapshot, &actual).unwrap_or_else(|e| panic!("{shown_snapshot} can't be written: {e}"));
            eprintln!("blessed {shown_snapshot}");
            continue;
        }
        failures.push(match expected {
            None => format!("{shown_snapshot} is missing: the macro's output for {shown} is\n\n{actual}"),
            Some(expected) => format!(
                "{shown_snapshot} differs from the macro's output for {shown}\n\
                 --- {shown_snapshot} (snapshot)\n+++ the macro's output\n{}",
                diff(&expected, &actual)
            ),
        });
    }
    for snapshot in snapshots.iter().filter(|s| !cases.contains(&case_of(s))) {
        let shown = shown_path(&root, snapshot);
        if bless {
            std::fs::remove_file(snapshot).unwrap_or_else(|e| panic!("{shown} can't be deleted: {e}"));
            eprintln!("deleted {shown}: its case is gone");
        } else {
            failures.push(format!("{shown} has no case next to it ({})", shown_path(&root, &case_of(snapshot))));
        }
    }
    assert!(
        failures.is_empty(),
        "expansion snapshots: {} failures in {} cases\n\n{}\n\nIf the macro's new output is right, bless it with\n    {BLESS_COMMAND}\n",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

fn collect_rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{} can't be read: {e}", dir.display()));
    let mut paths: Vec<PathBuf> = entries.map(|e| e.expect("a readable directory entry").path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_rs_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn is_snapshot(path: &Path) -> bool {
    path.to_string_lossy().ends_with(".expanded.rs")
}

/// `a/b.rs` → `a/b.expanded.rs`.
fn snapshot_of(case: &Path) -> PathBuf {
    case.with_extension("expanded.rs")
}

/// `a/b.expanded.rs` → `a/b.rs`.
fn case_of(snapshot: &Path) -> PathBuf {
    snapshot.with_extension("").with_extension("rs")
}

/// `path` relative to the workspace root, for messages (the file itself may not exist).
fn shown_path(root: &Path, path: &Path) -> String {
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_owned());
    let path = match (path.parent(), path.file_name()) {
        (Some(dir), Some(name)) => canonical(dir).join(name),
        _ => path.to_owned(),
    };
    path.strip_prefix(canonical(root)).unwrap_or(&path).display().to_string()
}

/// The case file with every `#[stackless::coroutine]` item expanded, formatted.
fn render(case: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(case).map_err(|e| format!("can't be read: {e}"))?;
    let mut file = syn::parse_file(&text).map_err(|e| format!("doesn't parse: {e}"))?;
    let mut expanded = 0;
    expand_items(&mut file.items, &mut expanded)?;
    if expanded == 0 {
        return Err("has no `#[stackless::coroutine]` item".to_owned());
    }
    Ok(prettyplease::unparse(&file))
}

/// The arguments of `attr` if it is `#[stackless::coroutine(..)]` (or `#[coroutine(..)]`, imported).
fn coroutine_args(attr: &syn::Attribute) -> Option<TokenStream> {
    let path = attr.path();
    let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    if !matches!(names.iter().map(String::as_str).collect::<Vec<_>>()[..], ["stackless", "coroutine"] | ["coroutine"]) {
        return None;
    }
    Some(match &attr.meta {
        syn::Meta::List(list) => list.tokens.clone(),
        _ => TokenStream::new(),
    })
}

/// Removes the attribute from `attrs` and returns its arguments, if `attrs` has it.
fn take_coroutine(attrs: &mut Vec<syn::Attribute>) -> Option<TokenStream> {
    let position = attrs.iter().position(|a| coroutine_args(a).is_some())?;
    coroutine_args(&attrs.remove(position))
}

/// Runs the macro as rustc would; an expansion carrying a `compile_error!` is an error here.
fn run_macro(args: TokenStream, item: TokenStream, name: &syn::Ident) -> Result<TokenStream, String> {
    let out = crate::expand::expand(args, item);
    if let Some(messages) = compile_errors(&out) {
        return Err(format!("the macro reports an error for `{name}` (error cases belong in tests/ui): {messages}"));
    }
    Ok(out)
}

/// The messages of the top-level `compile_error!`s in `tokens` (where `expand::fallback` puts them), if any.
fn compile_errors(tokens: &TokenStream) -> Option<String> {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let messages: Vec<String> = trees
        .windows(3)
        .filter_map(|w| match w {
            [TokenTree::Ident(name), TokenTree::Punct(bang), TokenTree::Group(message)]
                if name == "compile_error" && bang.as_char() == '!' =>
            {
                Some(message.stream().to_string())
            }
            _ => None,
        })
        .collect();
    (!messages.is_empty()).then(|| messages.join("; "))
}

fn expand_items(items: &mut Vec<syn::Item>, expanded: &mut usize) -> Result<(), String> {
    let mut out = Vec::with_capacity(items.len());
    for mut item in items.drain(..) {
        match &mut item {
            syn::Item::Fn(f) => {
                if let Some(args) = take_coroutine(&mut f.attrs) {
                    let tokens = run_macro(args, quote!(#f), &f.sig.ident)?;
                    let file: syn::File = syn::parse2(tokens)
                        .map_err(|e| format!("the expansion of `{}` doesn't parse as items: {e}", f.sig.ident))?;
                    *expanded += 1;
                    out.extend(file.items);
                    continue;
                }
                expand_block(&mut f.block, expanded)?;
            }
            syn::Item::Impl(imp) => expand_impl_items(&mut imp.items, expanded)?,
            syn::Item::Mod(m) => {
                if let Some((_, items)) = &mut m.content {
                    expand_items(items, expanded)?;
                }
            }
            syn::Item::Trait(t) => {
                for item in &t.items {
                    if let syn::TraitItem::Fn(f) = item
                        && f.attrs.iter().any(|a| coroutine_args(a).is_some())
                    {
                        return Err(format!("`{}`: this test can't expand a trait's default method", f.sig.ident));
                    }
                }
            }
            _ => {}
        }
        out.push(item);
    }
    *items = out;
    Ok(())
}

fn expand_impl_items(items: &mut Vec<syn::ImplItem>, expanded: &mut usize) -> Result<(), String> {
    let mut out = Vec::with_capacity(items.len());
    for mut item in items.drain(..) {
        if let syn::ImplItem::Fn(f) = &mut item {
            if let Some(args) = take_coroutine(&mut f.attrs) {
                let tokens = run_macro(args, quote!(#f), &f.sig.ident)?;
                let imp: syn::ItemImpl = syn::parse2(quote!(impl X { #tokens }))
                    .map_err(|e| format!("the expansion of `{}` doesn't parse as methods: {e}", f.sig.ident))?;
                *expanded += 1;
                out.extend(imp.items);
                continue;
            }
            expand_block(&mut f.block, expanded)?;
        }
        out.push(item);
    }
    *items = out;
    Ok(())
}

/// Items declared inside a fn body.
fn expand_block(block: &mut syn::Block, expanded: &mut usize) -> Result<(), String> {
    let mut out = Vec::with_capacity(block.stmts.len());
    for stmt in block.stmts.drain(..) {
        match stmt {
            syn::Stmt::Item(item) => {
                let mut items = vec![item];
                expand_items(&mut items, expanded)?;
                out.extend(items.into_iter().map(syn::Stmt::Item));
            }
            other => out.push(other),
        }
    }
    block.stmts = out;
    Ok(())
}

/// A unified line diff from `old` to `new`, `CONTEXT` lines around each change, with `@@` line numbers.
fn diff(old: &str, new: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    // lcs[i][j]: the length of the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0_usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    // The edit script: (tag, line in a, line in b, text).
    let mut ops: Vec<(char, usize, usize, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push((' ', i, j, a[i]));
            (i, j) = (i + 1, j + 1);
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            ops.push(('-', i, j, a[i]));
            i += 1;
        } else {
            ops.push(('+', i, j, b[j]));
            j += 1;
        }
    }
    let changed: Vec<usize> = (0..ops.len()).filter(|&k| ops[k].0 != ' ').collect();
    let mut out = String::new();
    let mut k = 0;
    while k < changed.len() {
        // A hunk: changes whose context overlaps or touches.
        let start = changed[k].saturating_sub(CONTEXT);
        let mut last = changed[k];
        while k + 1 < changed.len() && changed[k + 1] <= last + 2 * CONTEXT + 1 {
            k += 1;
            last = changed[k];
        }
        k += 1;
        let end = (last + CONTEXT + 1).min(ops.len());
        let hunk = &ops[start..end];
        let old_len = hunk.iter().filter(|op| op.0 != '+').count();
        let new_len = hunk.iter().filter(|op| op.0 != '-').count();
        let _ = writeln!(out, "@@ -{},{old_len} +{},{new_len} @@", hunk[0].1 + 1, hunk[0].2 + 1);
        for (tag, _, _, line) in hunk {
            let _ = writeln!(out, "{tag}{line}");
        }
    }
    out
}

#[test]
fn diff_shows_changed_lines_with_context() {
    // The lines `1`..=`20`, with `edit` applied to each.
    let lines = |edit: &dyn Fn(u32) -> Option<String>| (1..=20).filter_map(edit).map(|l| l + "\n").collect::<String>();
    let old = lines(&|n| Some(n.to_string()));
    // Line 5 replaced, line 18 dropped: two hunks, with at most 3 lines of context each.
    let new = lines(&|n| match n {
        5 => Some("five".to_owned()),
        18 => None,
        _ => Some(n.to_string()),
    });
    let expected =
        "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -15,6 +15,5 @@\n 15\n 16\n 17\n-18\n 19\n 20\n";
    assert_eq!(diff(&old, &new), expected);
    // Changes at most twice the context apart share a hunk; a line added at the end.
    let near = lines(&|n| match n {
        5 => Some("five".to_owned()),
        11 => Some("eleven".to_owned()),
        _ => Some(n.to_string()),
    }) + "21\n";
    let shown = diff(&old, &near);
    assert_eq!(shown.matches("@@ -").count(), 2, "{shown}");
    assert!(shown.starts_with("@@ -2,13 +2,13 @@\n 2\n"), "{shown}");
    assert!(shown.ends_with("@@ -18,3 +18,4 @@\n 18\n 19\n 20\n+21\n"), "{shown}");
    assert_eq!(diff(&old, &old), "");
}

#[test]
fn snapshot_and_case_paths_pair_up() {
    let case = Path::new("tests/expand/area/case.rs");
    assert_eq!(snapshot_of(case), Path::new("tests/expand/area/case.expanded.rs"));
    assert_eq!(case_of(&snapshot_of(case)), case);
    assert!(is_snapshot(&snapshot_of(case)) && !is_snapshot(case));
}

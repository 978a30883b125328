//! Reads every blessed UI `.stderr` (`tests/ui/*/*.stderr`) and checks what a user is shown: no message,
//! label, note or help names a generated `__` item, and no error has its primary span on the
//! `#[stackless::coroutine]` attribute line (the place to change is always the user's own token).
//!
//! An output rustc leaves no way to fix would be listed in [`EXCEPTIONS`] with the reason; an exception that no
//! longer needs to be one fails the test too, so that the list stays true. None is: the last one, rustc's notes
//! on a `+ Send` the state doesn't meet, walk the state's type, whose enums are named after the fn now
//! (`SharedState`, in `stackless::state::Machine`).
//!
//! One output passes both checks but keeps rustc's words without a fix: a borrow through the user's own fn held
//! across a `yield_!` (`borrow/users_fn_borrow_held_across_yield`, E0597 at the borrow). The macro can't see the
//! fn's signature, and no stable attribute adds a help to a borrow-check error; the test file says why.
use std::fs;
use std::path::{Path, PathBuf};

/// (`.stderr` path under `tests/ui`, reason). Each is allowed both kinds of finding.
const EXCEPTIONS: &[(&str, &str)] = &[];

fn stderr_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("tests/ui is readable") {
        let path = entry.expect("a readable directory entry").path();
        if path.is_dir() {
            stderr_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "stderr") {
            out.push(path);
        }
    }
}

/// Every identifier starting with `__` in the text (not `_` alone, not inside a longer word).
fn dunder_idents(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = 0;
    while i + 2 < bytes.len() {
        let starts = (i == 0 || !word(bytes[i - 1])) && bytes[i] == b'_' && bytes[i + 1] == b'_';
        if starts {
            let end = (i..bytes.len()).find(|&j| !word(bytes[j])).unwrap_or(bytes.len());
            if bytes[i..end].iter().any(u8::is_ascii_alphanumeric) {
                found.push(text[i..end].to_string());
            }
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

/// The `path:line:column` of each error's primary span: the first ` --> ` after each `error` header.
fn primary_locations(text: &str) -> Vec<(String, String, usize, usize)> {
    let mut out = Vec::new();
    let mut header: Option<String> = None;
    for line in text.lines() {
        if line.starts_with("error") {
            header = Some(line.to_string());
        } else if let Some(at) = line.trim_start().strip_prefix("--> ")
            && let Some(header) = header.take()
        {
            let mut parts = at.rsplitn(3, ':');
            let (col, line_no, path) = (parts.next(), parts.next(), parts.next());
            if let (Some(col), Some(line_no), Some(path)) =
                (col.and_then(|c| c.parse().ok()), line_no.and_then(|l| l.parse().ok()), path)
            {
                out.push((header, path.to_string(), line_no, col));
            }
        }
    }
    out
}

#[test]
fn ui_errors_are_at_the_users_code_and_name_no_generated_item() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ui = root.join("tests/ui");
    let mut files = Vec::new();
    stderr_files(&ui, &mut files);
    files.sort();
    assert!(files.len() > 50, "the UI suite is found ({} files)", files.len());
    let mut problems = Vec::new();
    let mut excused = Vec::new();
    for file in &files {
        let name = file.strip_prefix(&ui).expect("under tests/ui").to_string_lossy().replace('\\', "/");
        let text = fs::read_to_string(file).expect("a readable .stderr");
        let mut found = Vec::new();
        for ident in dunder_idents(&text) {
            found.push(format!("names the generated item `{ident}`"));
        }
        for (header, path, line_no, col) in primary_locations(&text) {
            let Ok(source) = fs::read_to_string(root.join(&path)) else { continue };
            let line = source.lines().nth(line_no - 1).unwrap_or_default();
            // At the attribute itself, not at one of its arguments (`resume = ..`), which are the user's tokens.
            let attribute = line.find("#[stackless::coroutine").is_some_and(|at| at + 1 == col);
            if attribute {
                found.push(format!("`{header}` is at the attribute line {path}:{line_no}"));
            }
        }
        found.dedup();
        if EXCEPTIONS.iter().any(|(e, _)| *e == name) {
            excused.push(name.clone());
            if found.is_empty() {
                problems.push(format!("{name}: listed as an exception but now clean: remove it from EXCEPTIONS"));
            }
        } else {
            problems.extend(found.into_iter().map(|f| format!("{name}: {f}")));
        }
    }
    for (e, _) in EXCEPTIONS {
        assert!(excused.iter().any(|n| n == e), "exception {e} names no existing .stderr");
    }
    assert!(problems.is_empty(), "UI output a user shouldn't see:\n{}", problems.join("\n"));
}

#[test]
fn the_checks_find_what_they_look_for() {
    assert_eq!(dunder_idents("`stackless::__private::Guard` and __State<T>"), ["__private", "__State"]);
    assert!(dunder_idents("a_b __ x__y _x").is_empty());
    let text = "error[E0277]: bad\n --> tests/ui/a/b.rs:3:1\n  |\nnote: x\n --> runtime/src/lib.rs\n";
    assert_eq!(primary_locations(text), [("error[E0277]: bad".to_string(), "tests/ui/a/b.rs".to_string(), 3, 1)]);
}

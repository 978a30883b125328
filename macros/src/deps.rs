//! A test that keeps the module graph of this crate acyclic: vocabulary (`syntax`, `conventions`, `names`) at the
//! bottom, then the phases, each importing only what lies below it.
//!
//! It reads every `macros/src/*.rs` file (and each folder module's files, as one module) except `lib.rs` (the
//! root, which only declares the modules) and the test-only modules `lib.rs` declares under `#[cfg(test)]`. An
//! edge `A → B` is any `crate::B` path in `A`'s code: `use crate::B::..`, `use crate::{B, ..}` and inline
//! `crate::B::item` paths, including inside macro invocations. Doc comments (intra-doc links) and items under
//! `#[cfg(test)]` (unit-test modules) don't count.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;

type Graph = BTreeMap<String, BTreeSet<String>>;

fn is_cfg_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| a.path().is_ident("cfg") && a.to_token_stream().to_string().replace(' ', "") == "#[cfg(test)]")
}

/// The module names `crate::X` mentions in `tokens`, recursively.
fn crate_paths(tokens: TokenStream, out: &mut BTreeSet<String>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Group(g) => crate_paths(g.stream(), out),
            TokenTree::Ident(id) if id == "crate" => {
                let colons = matches!((tokens.get(i + 1), tokens.get(i + 2)),
                    (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b))) if a.as_char() == ':' && b.as_char() == ':');
                if !colons {
                    continue;
                }
                match tokens.get(i + 3) {
                    Some(TokenTree::Ident(module)) => {
                        out.insert(module.to_string());
                    }
                    // `use crate::{a, b::c, ..}`: the first identifier of each comma-separated tree.
                    Some(TokenTree::Group(g)) => {
                        let mut first = true;
                        for t in g.stream() {
                            match t {
                                TokenTree::Ident(module) if first => {
                                    out.insert(module.to_string());
                                    first = false;
                                }
                                TokenTree::Punct(p) if p.as_char() == ',' => first = true,
                                _ => first = false,
                            }
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

/// The edges of one module's source, without its `#[cfg(test)]` items and doc comments.
fn edges_of(source: &str) -> BTreeSet<String> {
    let mut file = syn::parse_file(source).expect("a module of this crate parses");
    file.attrs.clear();
    file.items.retain(|item| {
        let attrs = match item {
            syn::Item::Mod(m) => &m.attrs,
            syn::Item::Fn(f) => &f.attrs,
            syn::Item::Use(u) => &u.attrs,
            syn::Item::Impl(i) => &i.attrs,
            _ => return true,
        };
        !is_cfg_test(attrs)
    });
    let mut out = BTreeSet::new();
    crate_paths(file.into_token_stream(), &mut out);
    out
}

fn is_rust(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "rs")
}

/// The module graph of `macros/src`.
fn graph() -> Graph {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let root = syn::parse_file(&std::fs::read_to_string(dir.join("lib.rs")).unwrap()).unwrap();
    let test_only: BTreeSet<String> = root
        .items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Mod(m) if is_cfg_test(&m.attrs) => Some(m.ident.to_string()),
            _ => None,
        })
        .collect();
    let mut graph = Graph::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path.file_stem().and_then(|s| s.to_str()).map(str::to_string) else { continue };
        // A module is a file, or a folder whose files (`mod.rs` and its submodules) make one node.
        let files: Vec<std::path::PathBuf> = if path.is_dir() {
            std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()).filter(|p| is_rust(p)).collect()
        } else if is_rust(&path) {
            vec![path.clone()]
        } else {
            continue;
        };
        if name == "lib" || test_only.contains(&name) {
            continue;
        }
        let mut edges = BTreeSet::new();
        for file in files {
            edges.extend(edges_of(&std::fs::read_to_string(&file).unwrap()));
        }
        edges.remove(&name);
        graph.insert(name, edges);
    }
    graph
}

/// A cycle of `graph`, as the list of its modules (first one repeated at the end), if it has one.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit<'a>(
        node: &'a str,
        graph: &'a Graph,
        stack: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| *n == node) {
            let mut cycle: Vec<String> = stack[at..].iter().map(ToString::to_string).collect();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if !done.insert(node) {
            return None;
        }
        stack.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_import_cycle_among_modules() {
    let graph = graph();
    if std::env::var_os("STACKLESS_SHOW_DEPS").is_some() {
        for (module, edges) in &graph {
            eprintln!("{module} → {}", edges.iter().cloned().collect::<Vec<_>>().join(", "));
        }
    }
    assert!(graph.contains_key("lower") && graph["lower"].contains("ir"), "the graph was read: {graph:?}");
    assert!(graph.get("emit").is_some_and(|e| e.contains("layout")), "a folder module was read: {graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("macros/src has an import cycle: {}", cycle.join(" → "));
    }
}

#[test]
fn vocabulary_imports_no_phase() {
    let graph = graph();
    // What vocabulary may import: itself, and the error accumulator (which imports nothing).
    let below = ["syntax", "conventions", "names", "errors"];
    assert!(graph["errors"].is_empty(), "`errors` imports {:?}", graph["errors"]);
    for vocabulary in ["syntax", "conventions", "names"] {
        assert!(graph.contains_key(vocabulary), "no module `{vocabulary}`");
        if let Some(edges) = graph.get(vocabulary) {
            let phases: Vec<_> = edges.iter().filter(|e| !below.contains(&e.as_str())).collect();
            assert!(phases.is_empty(), "`{vocabulary}` is vocabulary but imports {phases:?}");
        }
    }
}

#[test]
fn edges_are_read_from_every_path_form() {
    let source = "use crate::a::X; use crate::{b, c::Y}; /// [`Z`](crate::doc::Z)\nfn f() { crate::d::g(); m!(crate::e::h); }\n#[cfg(test)] mod tests { use crate::t; }";
    let edges: Vec<_> = edges_of(source).into_iter().collect();
    assert_eq!(edges, ["a", "b", "c", "d", "e"]);
    let mut graph = Graph::new();
    graph.insert("p".into(), ["q".into()].into());
    graph.insert("q".into(), ["r".into()].into());
    graph.insert("r".into(), ["p".into()].into());
    assert_eq!(find_cycle(&graph), Some(vec!["p".into(), "q".into(), "r".into(), "p".into()]));
    graph.get_mut("r").unwrap().clear();
    assert_eq!(find_cycle(&graph), None);
}

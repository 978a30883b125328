//! Depth-first search with an explicit stack over a graph the generator owns (moved in as an argument).
use std::collections::HashMap;

#[stackless::coroutine]
fn dfs(graph: HashMap<&'static str, Vec<&'static str>>, start: &'static str) -> impl Iterator<Item = &'static str> {
    let mut visited: Vec<&str> = Vec::new();
    let mut stack = vec![start];
    while let Some(node) = stack.pop() {
        if visited.contains(&node) {
            continue;
        }
        visited.push(node);
        yield_!(node);
        if let Some(next) = graph.get(node) {
            for n in next.iter().rev() {
                stack.push(n);
            }
        }
    }
}

fn parity() {
    let mut g = HashMap::new();
    g.insert("a", vec!["b", "c"]);
    g.insert("b", vec!["d"]);
    g.insert("c", vec!["d", "e"]);
    g.insert("d", vec!["a"]);
    g.insert("e", vec![]);
    run!(dfs(g, "a"));
}

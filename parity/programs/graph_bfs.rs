//! Breadth-first search over a graph borrowed from the caller: yields (node, distance) in visiting order.
use std::collections::VecDeque;

struct Graph {
    edges: Vec<Vec<usize>>,
}

impl Graph {
    #[stackless::coroutine]
    fn bfs(&self, start: usize) -> impl Iterator<Item = (usize, u32)> + '_ {
        let mut seen = vec![false; self.edges.len()];
        let mut queue = VecDeque::new();
        seen[start] = true;
        queue.push_back((start, 0));
        while let Some((node, dist)) = queue.pop_front() {
            yield_!((node, dist));
            for &next in &self.edges[node] {
                if !seen[next] {
                    seen[next] = true;
                    queue.push_back((next, dist + 1));
                }
            }
        }
    }
}

fn parity() {
    let g = Graph { edges: vec![vec![1, 2], vec![3], vec![3, 4], vec![5], vec![5], vec![], vec![0]] };
    run!(g.bfs(0));
}

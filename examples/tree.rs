//! An in-order walk over a borrowed binary tree, suspended at every value, written two ways:
//!
//! - with an explicit stack of references: one state machine, no allocation besides the stack's `Vec`; the
//!   generator borrows the tree (`+ 'a`), not itself, so it can be moved and stored freely;
//! - recursively, delegating to itself with `yield_from!`: the natural code, at the cost of one boxed state
//!   machine per level of the tree (a recursive type can't be sized, hence the `Box<dyn Iterator>` signature).
//!
//! Run: `cargo run --example tree`

/// A binary search tree of integers.
struct Node {
    value: i32,
    left: Option<Box<Node>>,
    right: Option<Box<Node>>,
}

impl Node {
    fn insert(slot: &mut Option<Box<Node>>, value: i32) {
        match slot {
            None => *slot = Some(Box::new(Node { value, left: None, right: None })),
            Some(node) if value < node.value => Node::insert(&mut node.left, value),
            Some(node) => Node::insert(&mut node.right, value),
        }
    }
}

/// The values in order: go left as far as possible, yield, then continue with the right subtree.
#[stackless::coroutine]
fn in_order(root: Option<&Node>) -> impl Iterator<Item = i32> + '_ {
    let mut stack = Vec::new();
    let mut current = root;
    loop {
        while let Some(node) = current {
            stack.push(node);
            current = node.left.as_deref();
        }
        let Some(node) = stack.pop() else { break };
        yield_!(node.value);
        current = node.right.as_deref();
    }
}

/// The same walk, recursively: each subtree is another generator, driven by `yield_from!`.
#[stackless::coroutine]
fn in_order_recursive<'a>(node: Option<&'a Node>) -> Box<dyn Iterator<Item = i32> + 'a> {
    if let Some(n) = node {
        yield_from!(in_order_recursive(n.left.as_deref()));
        yield_!(n.value);
        yield_from!(in_order_recursive(n.right.as_deref()));
    }
}

fn main() {
    let mut root = None;
    for v in [50, 30, 70, 20, 40, 60, 80, 35, 65] {
        Node::insert(&mut root, v);
    }
    let walk = in_order(root.as_deref());
    println!("in order: {:?}", walk.collect::<Vec<_>>());
    let mut paused = in_order(root.as_deref());
    let first_three: Vec<i32> = paused.by_ref().take(3).collect();
    println!("paused after {first_three:?}; the rest later: {:?}", paused.collect::<Vec<_>>());
    let recursive: Vec<i32> = in_order_recursive(root.as_deref()).collect();
    println!("recursively: {recursive:?}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_in_order() {
        let mut root = None;
        for v in [5, 3, 8, 1, 4, 9, 7] {
            Node::insert(&mut root, v);
        }
        assert_eq!(in_order(root.as_deref()).collect::<Vec<_>>(), [1, 3, 4, 5, 7, 8, 9]);
        assert_eq!(in_order(None).count(), 0);
        assert_eq!(in_order_recursive(root.as_deref()).collect::<Vec<_>>(), [1, 3, 4, 5, 7, 8, 9]);
    }
}

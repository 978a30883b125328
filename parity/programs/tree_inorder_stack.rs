//! In-order walk of a binary tree owned by the caller, with an explicit stack of references.
struct Node {
    value: i32,
    left: Option<Box<Node>>,
    right: Option<Box<Node>>,
}

fn leaf(value: i32) -> Option<Box<Node>> {
    Some(Box::new(Node { value, left: None, right: None }))
}

#[stackless::coroutine]
fn inorder<'a>(root: &'a Node) -> impl Iterator<Item = i32> + 'a {
    let mut stack: Vec<&Node> = Vec::new();
    let mut current = Some(root);
    while current.is_some() || !stack.is_empty() {
        while let Some(n) = current {
            stack.push(n);
            current = n.left.as_deref();
        }
        let n = stack.pop().unwrap();
        yield_!(n.value);
        current = n.right.as_deref();
    }
}

fn parity() {
    let tree = Node {
        value: 8,
        left: Some(Box::new(Node { value: 3, left: leaf(1), right: leaf(6) })),
        right: Some(Box::new(Node { value: 10, left: None, right: leaf(14) })),
    };
    run!(inorder(&tree));
}

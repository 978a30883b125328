//! Pre-order walk of a tree by recursion: each level delegates to its children through a boxed generator.
use crate::rt::log;

struct Tree {
    name: String,
    children: Vec<Tree>,
}

impl Tree {
    fn new(name: &str, children: Vec<Tree>) -> Tree {
        Tree { name: name.to_string(), children }
    }

    #[stackless::coroutine]
    fn paths<'a>(&'a self, prefix: String) -> Box<dyn Iterator<Item = String> + 'a> {
        let path = format!("{prefix}/{}", self.name);
        yield_!(path.clone());
        for child in &self.children {
            yield_from!(child.paths(path.clone()));
        }
        log(format!("left {path}"));
    }
}

fn parity() {
    let root = Tree::new(
        "usr",
        vec![Tree::new("bin", vec![]), Tree::new("lib", vec![Tree::new("rust", vec![]), Tree::new("python", vec![])])],
    );
    run!(root.paths(String::new()));
}

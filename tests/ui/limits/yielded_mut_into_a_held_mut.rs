// A linked list's `iter_mut`: the `&mut` yielded points into `node`, which the state would hold across the
// `yield_!` for the `cur = ..` after it (rustc's own coroutines hold both in place). README: take what the rest
// needs first, `cur = node.next.as_deref_mut(); yield_!(&mut node.val);` (tests/borrows.rs).
pub struct List {
    pub val: i32,
    pub next: Option<Box<List>>,
}

impl List {
    #[stackless::coroutine]
    pub fn vals_mut(&mut self) -> impl Iterator<Item = &mut i32> + '_ {
        let mut cur: Option<&mut List> = Some(self);
        while let Some(node) = cur {
            yield_!(&mut node.val);
            cur = node.next.as_deref_mut();
        }
    }
}

fn main() {}

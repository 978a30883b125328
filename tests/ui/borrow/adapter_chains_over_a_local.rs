// Iterator adapters over a borrow of a local, in a `for` header with a `yield_!` in the loop: each holds the
// borrow across the suspension. (`v.iter().enumerate()`, `.rev()` and `.skip(n)` go by index, `s.chars().rev()` by
// position: tests/borrows.rs.)
#[stackless::coroutine]
fn stepped(v: Vec<u32>) -> impl Iterator<Item = u32> {
    for x in v.iter().step_by(2) {
        yield_!(*x);
    }
}

#[stackless::coroutine]
fn mapped(v: Vec<u32>) -> impl Iterator<Item = u32> {
    for x in v.iter().map(|x| x + 1) {
        yield_!(x);
    }
}

#[stackless::coroutine]
fn bound_first(v: Vec<u32>) -> impl Iterator<Item = u32> {
    let it = v.iter().enumerate();
    for (_, x) in it {
        yield_!(*x);
    }
}

fn main() {}

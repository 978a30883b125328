// Seeds for the expansion fuzzer: `yield_from!` and boxed signatures.

#[stackless::coroutine]
fn outer() -> impl Coroutine<Yield = u32, Return = (&'static str, &'static str)> {
    yield_!(100);
    let a = yield_from!(inner(2));
    let b = yield_from!(inner(3));
    yield_!(200);
    (a, b)
}

#[stackless::coroutine]
fn flatten(groups: Vec<Vec<u8>>) -> impl Iterator<Item = u8> {
    for group in groups {
        yield_from!(group);
    }
    yield_from!(7..9);
}

#[stackless::coroutine]
fn walk(tree: Tree) -> Box<dyn Iterator<Item = u32>> {
    if let Some(left) = tree.left {
        yield_from!(walk(*left));
    }
    yield_!(tree.value);
}

#[stackless::coroutine]
fn count_down(n: u32) -> Pin<Box<dyn Coroutine<Yield = u32, Return = u32>>> {
    if n == 0 {
        return 0;
    }
    yield_!(n);
    let rest = yield_from!(count_down(n - 1));
    rest + n
}

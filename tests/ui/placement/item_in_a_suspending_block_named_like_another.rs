// Items of a block that suspends move to the fn's top, where they are visible in the whole fn: one named like
// something used outside its block would change what that name means there (the module's `v()` after the loop
// would call the loop's `v`), and a `macro_rules!` defined twice would hide the first everywhere. Rejected.
fn v() -> u32 {
    1
}

#[stackless::coroutine]
fn shadows() -> impl Iterator<Item = u32> {
    for _ in 0..1 {
        fn v() -> u32 {
            2
        }
        yield_!(v());
    }
    yield_!(v());
    macro_rules! m {
        () => {
            1
        };
    }
    yield_!(m!());
    macro_rules! m {
        () => {
            2
        };
    }
    yield_!(m!());
}

fn main() {}

// A loop by index needs a body that leaves its sequence as the loop's borrow would: one that changes it (here
// through a macro of the user's, which the macro can't read, by an index assignment, and by `write!` into it) is
// rustc's error in the plain fn, and the loop's error here.
#[allow(unused_macros)]
macro_rules! add {
    ($v:expr, $x:expr) => {
        $v.push($x)
    };
}

#[stackless::coroutine]
fn doubled() -> impl Iterator<Item = u32> {
    let mut v = vec![1, 2, 3];
    for x in v.iter().copied() {
        add!(v, x * 2);
        yield_!(x);
    }
}

#[stackless::coroutine]
fn zeroed() -> impl Iterator<Item = u32> {
    let mut v = vec![1, 2, 3];
    for x in v.iter().copied().take(2) {
        v[0] = 0;
        yield_!(x);
    }
}

#[stackless::coroutine]
fn written() -> impl Iterator<Item = u8> {
    use std::io::Write;
    let mut v: Vec<u8> = vec![1, 2];
    for x in v.iter().copied() {
        write!(v, "{x}").unwrap();
        yield_!(x);
    }
}

fn main() {}

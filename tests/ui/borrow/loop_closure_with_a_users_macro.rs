// A closure in a loop's iterator whose captures the macro can't see all of (a macro of the user's, which may name
// any local: here `names`, a `Vec`): it is left as written, not made `move` (that would move `names` into the
// closure, and `names.len()` after the loop would not compile), so it borrows `limit` across the `yield_!`.
macro_rules! len_of {
    ($v:ident) => {
        $v.len() as i32
    };
}

#[stackless::coroutine]
fn below(limit: i32, names: Vec<String>) -> impl Iterator<Item = i32> {
    for x in (0..3).filter(|x| *x < limit + len_of!(names)) {
        yield_!(x);
    }
    yield_!(names.len() as i32);
}

fn main() {}

//! A closure without `move` that names an argument only inside a format string (`{label}`), held across a
//! `yield_!`: the macro's own message, at the string.
#[stackless::coroutine]
fn tagged(xs: Vec<i32>, label: String) -> impl Iterator<Item = String> {
    let fmt = |v: i32| format!("{label}={v}");
    for x in xs {
        yield_!(fmt(x));
    }
}

fn main() {
    let _ = tagged(vec![1], String::new());
}

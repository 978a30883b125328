// `format!` of a loop's item whose generic type has no `Display` bound: at the argument, with the bound to add.
#[stackless::coroutine]
fn show<T>(v: Vec<T>) -> impl Iterator<Item = String> {
    for x in v {
        let s = format!("{}", x);
        yield_!(s);
    }
}

fn main() {}

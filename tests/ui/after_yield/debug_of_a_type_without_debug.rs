struct Conn;

// `{:?}` of a held value whose type isn't `Debug`, after a `yield_!`: at the argument.
#[stackless::coroutine]
fn connect() -> impl Iterator<Item = u32> {
    let c = Conn;
    yield_!(1);
    println!("{:?}", c);
}

fn main() {}

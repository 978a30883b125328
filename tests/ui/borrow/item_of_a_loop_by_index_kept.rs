// A loop over a borrow of a local `Vec` goes by index; what the body makes of its item still borrows the `Vec`,
// and can't be in use at a `yield_!` either: a loop over the item, a view of it, a local that stores it.
#[stackless::coroutine]
fn cells() -> impl Iterator<Item = u32> {
    let grid = vec![vec![1u32, 2], vec![3]];
    for row in &grid {
        for c in row.iter() {
            yield_!(*c);
        }
    }
}

#[stackless::coroutine]
fn views() -> impl Iterator<Item = usize> {
    let v = vec![String::from("ab")];
    for x in v.iter() {
        let s = x.as_str();
        yield_!(1);
        println!("{s}");
    }
}

#[stackless::coroutine]
fn stored() -> impl Iterator<Item = usize> {
    let v = vec![1u32, 2];
    let mut out = Vec::new();
    for x in &v {
        out.push(x);
        yield_!(1);
    }
    println!("{out:?}");
}


#[stackless::coroutine]
fn chars_of(s: &str) -> impl Iterator<Item = char> + '_ {
    for c in s.chars() {
        yield_!(c);
    }
}

#[stackless::coroutine]
fn delegated() -> impl Iterator<Item = char> {
    let words = vec![String::from("ab"), String::from("c")];
    for w in &words {
        yield_from!(chars_of(w));
    }
}


#[stackless::coroutine]
fn reborrowed() -> impl Iterator<Item = i32> {
    let mut v = vec![1];
    for x in &mut v {
        let y = &mut *x;
        yield_!(0);
        *y = 2;
    }
    yield_!(v[0]);
}

#[stackless::coroutine]
fn unwrapped() -> impl Iterator<Item = i32> {
    let v = vec![Some(1)];
    for x in &v {
        let r = x.as_ref().unwrap();
        yield_!(0);
        yield_!(*r);
    }
}

#[stackless::coroutine]
fn captured() -> impl Iterator<Item = usize> {
    let v = vec![String::from("a")];
    for x in &v {
        let f = move || x.len();
        yield_!(0);
        yield_!(f());
    }
}

fn main() {}

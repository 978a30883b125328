// A loop's iterator zipped with a borrow of a local sequence, where the loop can't go by index (its first part is
// no sequence of the coroutine's): the zip borrows the local for as long as the loop runs. And a pair's item held
// across a `yield_!` in a zip that goes by index: reported at the sequence it borrows.
#[stackless::coroutine]
fn labelled<'a>(text: &'a str, labels: Vec<u32>) -> impl Iterator<Item = u32> + 'a {
    for (c, label) in text.chars().zip(labels.iter()) {
        yield_!(u32::from(c) + label);
    }
}

#[stackless::coroutine]
fn held(xs: Vec<i32>, ys: Vec<String>) -> impl Iterator<Item = usize> {
    for (x, y) in xs.iter().zip(&ys) {
        yield_!(x.unsigned_abs() as usize);
        yield_!(y.len());
    }
}

fn main() {}

//! A report generator delegating to helper generators and to plain iterables with `yield_from!`.
#[stackless::coroutine]
fn header(title: &'static str) -> impl Iterator<Item = String> {
    yield_!(format!("# {title}"));
    yield_!(String::new());
}

#[stackless::coroutine]
fn rows(data: Vec<(&'static str, u32)>) -> impl Iterator<Item = String> {
    for (name, n) in data {
        yield_!(format!("{name:>6} | {n}"));
    }
}

#[stackless::coroutine]
fn report(data: Vec<(&'static str, u32)>) -> impl Iterator<Item = String> {
    let total: u32 = data.iter().map(|(_, n)| n).sum();
    yield_from!(header("Totals"));
    yield_from!(rows(data));
    yield_from!(vec![String::from("-------"), format!("{total:>6} total")]);
}

fn parity() {
    run!(report(vec![("apples", 3), ("pears", 5), ("plums", 11)]));
}

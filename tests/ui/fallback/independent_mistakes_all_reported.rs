// Independent mistakes are all reported in one build, each at its own tokens.
#[stackless::coroutine(resum = x)]
fn first(items: Vec<u32>) -> impl Iterator<Item = u32> {
    items.iter().for_each(|item| {
        yield_!(*item);
    });
}

#[stackless::coroutine]
fn second() -> impl Iterator<Item = u32> {
    fn helper() {
        yield_!(1);
    }
    let _future = async {
        yield_!(2);
    };
    yield_!(3);
}

fn main() {}

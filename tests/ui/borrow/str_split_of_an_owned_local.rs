// `split` of a `String` the coroutine owns, iterated across a `yield_!`, directly or collected into references.
#[stackless::coroutine]
fn fields(data: Vec<String>) -> impl Iterator<Item = String> {
    for line in data {
        for field in line.split(',') {
            yield_!(field.to_string());
        }
    }
}

#[stackless::coroutine]
fn parts(line: String) -> impl Iterator<Item = String> {
    let parts: Vec<&str> = line.split(',').collect();
    for p in parts {
        yield_!(p.to_string());
    }
}

fn main() {}

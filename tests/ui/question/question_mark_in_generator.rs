#[stackless::coroutine]
fn parsed(lines: Vec<String>) -> impl Iterator<Item = u32> {
    // `?` in a closure returns from the closure: fine.
    let twice = |s: &str| -> Result<u32, std::num::ParseIntError> { Ok(s.parse::<u32>()? * 2) };
    for line in lines {
        let n: u32 = line.parse()?;
        yield_!(n);
        if let Ok(m) = twice(&line) {
            yield_!(m);
        }
    }
}

fn main() {}

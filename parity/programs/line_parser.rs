//! A line parser fed one char per resume: yields each completed line's word count, returns the line count.
use stackless::Coroutine;

#[stackless::coroutine(resume = mut c)]
fn lines() -> impl Coroutine<char, Yield = usize, Return = usize> {
    let mut line = String::new();
    let mut count = 0;
    while c != '\0' {
        if c == '\n' {
            count += 1;
            let words = line.split_whitespace().count();
            line.clear();
            c = yield_!(words);
        } else {
            line.push(c);
            c = yield_!(0);
        }
    }
    count
}

fn parity() {
    run!(lines(), "let x = 1;\nfoo bar\n\nend\n\0".chars().collect());
}

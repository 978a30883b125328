//! `let ... else` with `continue` in a generator parsing `key=value` lines into typed settings.
use crate::rt::log;

#[stackless::coroutine]
fn numbers(lines: Vec<&'static str>) -> impl Iterator<Item = (String, i64)> {
    for line in lines {
        let Some((key, value)) = line.split_once('=') else {
            log(format!("skip {line:?}"));
            continue;
        };
        let Ok(n) = value.trim().parse::<i64>() else {
            log(format!("not a number: {value:?}"));
            continue;
        };
        yield_!((key.trim().to_string(), n));
    }
}

fn parity() {
    run!(numbers(vec!["width = 80", "title", "height=24", "depth = deep", "x=-3"]));
}

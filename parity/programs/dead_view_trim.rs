//! Views of a line that are dead at the yield (`trim`, `split_once`): nothing borrowed is held across it.
#[stackless::coroutine]
fn settings(lines: Vec<String>) -> impl Iterator<Item = (String, usize)> {
    for line in lines {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let width = t.len();
        yield_!((t.to_string(), width));
        if let Some((k, v)) = line.split_once('=') {
            let pair = format!("{}={}", k.trim(), v.trim());
            yield_!((pair, v.len()));
        }
    }
}

fn parity() {
    let lines = vec!["  name = stackless ".to_string(), "# comment".into(), "".into(), "level=3".into()];
    run!(settings(lines));
}

//! A reader read line by line with `read_line` into a buffer (the reader is an argument held in the state).
use std::io::{BufRead, Cursor};

#[stackless::coroutine]
fn numbered(mut reader: Cursor<Vec<u8>>) -> impl Iterator<Item = String> {
    let mut buf = String::new();
    let mut n = 0;
    while reader.read_line(&mut buf).unwrap_or(0) > 0 {
        n += 1;
        let line = format!("{n:>3}  {}", buf.trim_end());
        buf.clear();
        yield_!(line);
    }
}

fn parity() {
    let data = b"first line\nsecond\n\nlast, no newline".to_vec();
    run!(numbered(Cursor::new(data)));
}

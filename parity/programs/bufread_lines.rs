//! Issue 12 item 2: `for line in reader.lines()` with `reader` an `io::Cursor` (`BufRead::lines(self)`
//! consumes the reader; nothing is borrowed).
use std::io::{BufRead, Cursor};

#[stackless::coroutine]
fn non_empty(reader: Cursor<&'static [u8]>) -> impl Iterator<Item = String> {
    for line in reader.lines() {
        let line = line.unwrap_or_default();
        if !line.is_empty() {
            yield_!(line);
        }
    }
}

fn parity() {
    run!(non_empty(Cursor::new(b"alpha\n\nbeta\ngamma\n")));
}

//! Issue 12 item 2: `for b in reader.bytes()` (`Read::bytes(self)` consumes a `BufReader`).
use std::io::{BufReader, Read};

#[stackless::coroutine]
fn checksum(data: &'static [u8]) -> impl Iterator<Item = u32> {
    let reader = BufReader::new(data);
    let mut sum = 0u32;
    for b in reader.bytes() {
        sum = sum.wrapping_mul(31).wrapping_add(u32::from(b.unwrap_or(0)));
        yield_!(sum);
    }
}

fn parity() {
    run!(checksum(b"parity"));
}

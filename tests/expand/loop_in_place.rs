// Two points in one loop share a variant: the buffer stays where it is, each resume rewrites `__at` only.
#[stackless::coroutine]
fn two_points<const K: usize>(rounds: usize) -> impl Iterator<Item = usize> {
    let mut buf = [0usize; K];
    let mut i = 0;
    while i < rounds {
        let slot = i % K;
        buf[slot] = buf[slot].wrapping_add(i);
        yield_!(buf[slot]);
        let next = (slot + 1) % K;
        buf[next] ^= buf[slot];
        yield_!(buf[next]);
        i += 1;
    }
}

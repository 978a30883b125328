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

// A value held only to be dropped at the end (dead at every point) is shared as well, so the buffer declared
// after it stays in place too.
struct Token(usize);

impl Drop for Token {
    fn drop(&mut self) {
        let _ = self.0;
    }
}

#[stackless::coroutine]
fn guarded(rounds: usize) -> impl Iterator<Item = usize> {
    let _token = Token(rounds);
    let mut buf = [0usize; 64];
    for i in 0..rounds {
        buf[i % 64] = i;
        yield_!(i);
        yield_!(buf[i % 64] * 2);
    }
}

// A value replaced by a function of itself (`state = advance(state)`) has a drop flag: the arm takes it out and
// puts the new one back, and the buffer stays in place.
fn advance(state: String) -> String {
    if state.len() < 4 { state + "+" } else { String::new() }
}

#[stackless::coroutine]
fn replaced(rounds: usize) -> impl Iterator<Item = usize> {
    let mut buf = [0usize; 64];
    let mut state = String::new();
    for i in 0..rounds {
        buf[i % 64] = state.len();
        yield_!(buf[i % 64]);
        state = advance(state);
    }
}

//! Primes by trial division against the primes found so far (a `Vec` held in the state).
#[stackless::coroutine]
fn primes(count: usize) -> impl Iterator<Item = u64> {
    let mut found: Vec<u64> = Vec::new();
    let mut candidate = 2;
    while found.len() < count {
        if found.iter().take_while(|p| *p * *p <= candidate).all(|p| candidate % p != 0) {
            found.push(candidate);
            yield_!(candidate);
        }
        candidate += 1;
    }
}

fn parity() {
    run!(primes(15));
}

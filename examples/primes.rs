//! Two prime generators used with iterator adapters:
//!
//! - `primes()`: an incremental sieve of Eratosthenes, unbounded. Instead of crossing off a fixed array, it keeps
//!   the next multiple of every prime found so far in a map, keyed by that multiple; a number nobody has crossed
//!   off is prime. The map is a local of the generator, held across every `yield_!`.
//! - `prime_factors(n)`: trial division, yielding each prime factor of `n` as it is found.
//!
//! Run: `cargo run --example primes`

use std::collections::BTreeMap;

/// The primes, forever: 2, 3, 5, 7, 11, …
#[stackless::coroutine]
fn primes() -> impl Iterator<Item = u64> + Clone {
    yield_!(2);
    // The next odd multiple of each odd prime `p` that is still to be crossed off, mapped to its step `2p`.
    let mut crossed = BTreeMap::new();
    let mut n = 3;
    loop {
        match crossed.remove(&n) {
            None => {
                // Not a multiple of any smaller prime. Its own first multiple worth crossing off is `n * n`:
                // smaller ones have a smaller prime factor.
                yield_!(n);
                crossed.insert(n * n, 2 * n);
            }
            Some(step) => {
                // Cross off the next multiple of the same prime that isn't crossed off already.
                let mut next = n + step;
                while crossed.contains_key(&next) {
                    next += step;
                }
                crossed.insert(next, step);
            }
        }
        n += 2;
    }
}

/// The prime factors of `n` in increasing order, with multiplicity: `12` gives 2, 2, 3.
#[stackless::coroutine]
fn prime_factors(mut n: u64) -> impl Iterator<Item = u64> {
    let mut d = 2;
    while d * d <= n {
        if n.is_multiple_of(d) {
            n /= d;
            yield_!(d);
        } else {
            d += if d == 2 { 1 } else { 2 };
        }
    }
    if n > 1 {
        yield_!(n);
    }
}

fn main() {
    println!("first 15: {:?}", primes().take(15).collect::<Vec<_>>());
    println!("below 1000: {}", primes().take_while(|&p| p < 1000).count());
    println!("the 10001st: {:?}", primes().nth(10_000));
    let twins: Vec<(u64, u64)> = primes().zip(primes().skip(1)).filter(|(p, q)| q - p == 2).take(8).collect();
    println!("twin primes: {twins:?}");
    let mut after = primes().skip_while(|&p| p < 1_000_000);
    println!("first after a million: {:?}, then {:?}", after.next(), after.next());
    println!("sum below 100 000: {}", primes().take_while(|&p| p < 100_000).sum::<u64>());
    let n = 600_851_475_143;
    println!("prime factors of {n}: {:?}", prime_factors(n).collect::<Vec<_>>());
    println!(
        "largest prime factor of each of 2..=20: {:?}",
        (2..=20).map(|k| prime_factors(k).last().unwrap_or(k)).collect::<Vec<_>>()
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_prime(n: u64) -> bool {
        n >= 2 && (2..n).take_while(|d| d * d <= n).all(|d| !n.is_multiple_of(d))
    }

    #[test]
    fn sieve_agrees_with_trial_division() {
        let sieved: Vec<u64> = primes().take_while(|&p| p < 20_000).collect();
        let checked: Vec<u64> = (0..20_000).filter(|&n| is_prime(n)).collect();
        assert_eq!(sieved, checked);
        assert_eq!(primes().nth(10_000), Some(104_743)); // Project Euler 7
    }

    #[test]
    fn a_suspended_sieve_can_be_forked() {
        let mut sieve = primes().skip(99);
        let fork = sieve.clone();
        assert_eq!(sieve.next(), Some(541));
        assert_eq!(fork.take(2).collect::<Vec<_>>(), [541, 547]);
    }

    #[test]
    fn factors_multiply_back() {
        assert_eq!(prime_factors(600_851_475_143).collect::<Vec<_>>(), [71, 839, 1471, 6857]); // Project Euler 3
        assert_eq!(prime_factors(1).count(), 0);
        assert_eq!(prime_factors(97).collect::<Vec<_>>(), [97]);
        for n in 2..2_000 {
            let factors: Vec<u64> = prime_factors(n).collect();
            assert_eq!(factors.iter().product::<u64>(), n);
            assert!(factors.iter().all(|&p| is_prime(p)));
            assert!(factors.is_sorted());
        }
    }
}

//! A generator used with iterator adapters: the Fibonacci numbers, without a single type annotation.
//!
//! Run: `cargo run --example fibonacci`

/// The Fibonacci sequence, forever. `+ Clone` lets a caller fork the sequence mid-way.
#[stackless::coroutine]
fn fibonacci() -> impl Iterator<Item = u64> + Clone {
    let (mut a, mut b) = (0, 1);
    loop {
        yield_!(a);
        (a, b) = (b, a + b);
    }
}

fn main() {
    let first: Vec<u64> = fibonacci().take(12).collect();
    println!("first 12: {first:?}");
    let even_sum: u64 = fibonacci().take_while(|&f| f < 4_000_000).filter(|f| f % 2 == 0).sum();
    println!("sum of the even ones below four million: {even_sum}");
    let mut fib = fibonacci().skip(40);
    let fork = fib.clone();
    println!("the 41st: {:?}, and again from a clone: {:?}", fib.next(), fork.take(1).next());
    println!("bytes per suspended generator: {}", std::mem::size_of_val(&fibonacci()));
}

#[cfg(test)]
mod tests {
    use super::fibonacci;

    #[test]
    fn sequence_and_project_euler_2() {
        assert_eq!(fibonacci().take(8).collect::<Vec<_>>(), [0, 1, 1, 2, 3, 5, 8, 13]);
        let even_sum: u64 = fibonacci().take_while(|&f| f < 4_000_000).filter(|f| f % 2 == 0).sum();
        assert_eq!(even_sum, 4_613_732);
    }
}

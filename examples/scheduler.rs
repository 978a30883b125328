//! A tiny round-robin scheduler that keeps a million coroutines alive at once on one thread.
//!
//! Each task is a stackless coroutine: a value holding only what it needs across its suspension point (here an
//! id, a counter and a running sum), stored inline in one `Vec`. The scheduler gives every task one turn per
//! round, in order, and drops the finished ones. Nothing is allocated per task: spawning one is a `push` into
//! the vector's spare capacity, and a turn is a call to `resume`.
//!
//! A goroutine starts with a 2 KiB stack; a stackful coroutine (corosensei, measured in `benches/RESULTS.md`)
//! maps an 8 KiB stack and touches about 4 KiB of it, and this machine stops at about 32,700 of them because
//! every stack takes memory mappings of its own (`vm.max_map_count`).
//!
//! A counting global allocator (the example's only `unsafe`: `GlobalAlloc` is an unsafe trait, and the impl only
//! forwards to the system allocator) shows that spawning and running the tasks allocates nothing besides the
//! task vector itself (counted on the scheduler's thread).
//!
//! Run: `cargo run --release --example scheduler` (default: 1,000,000 tasks; or `-- 10000000`)

use core::pin::Pin;
use stackless::{Coroutine, CoroutineState};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::time::Instant;

/// The system allocator, counting allocations (and reallocations) per thread: the test harness's own threads
/// allocate meanwhile.
struct Counting;

thread_local! {
    // `const`-initialised and without a destructor: using it never allocates.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count_one() {
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

#[allow(unsafe_code)] // `GlobalAlloc` is an unsafe trait; every method forwards to `System` unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_one();
        // SAFETY: the caller's contract for `alloc` is passed on as it is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System` through `alloc`/`realloc` above, with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_one();
        // SAFETY: as for `dealloc`; the caller guarantees `new_size` is valid for `layout`'s alignment.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations made by this thread so far.
fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

/// The minimum (and initial) goroutine stack.
const GOROUTINE_STACK: usize = 2048;
/// corosensei's stack per coroutine in `benches/`, and what one of them kept resident there (`RESULTS.md`).
const STACKFUL_STACK: usize = 8192;
const STACKFUL_RESIDENT: usize = 4147;

/// One task: the sum of the decimal digits of `id`, one digit per turn. Returns `(id, sum)`.
#[stackless::coroutine]
fn digit_sum(id: u32) -> impl Coroutine<Yield = (), Return = (u32, u32)> {
    let (mut rest, mut sum) = (id, 0);
    loop {
        sum += rest % 10;
        rest /= 10;
        if rest == 0 {
            break;
        }
        yield_!();
    }
    (id, sum)
}

/// The run queue: tasks stored inline, resumed in order, one turn each per round.
struct RoundRobin<T> {
    tasks: Vec<T>,
}

impl<T: Coroutine<Yield = ()> + Unpin> RoundRobin<T> {
    fn with_capacity(capacity: usize) -> Self {
        RoundRobin { tasks: Vec::with_capacity(capacity) }
    }

    fn spawn(&mut self, task: T) {
        self.tasks.push(task);
    }

    /// Gives every task one turn, hands the return value of each task that finished to `done` and drops the task.
    /// Returns how many turns it gave.
    fn round(&mut self, mut done: impl FnMut(T::Return)) -> usize {
        let turns = self.tasks.len();
        self.tasks.retain_mut(|task| match Pin::new(task).resume(()) {
            CoroutineState::Yielded(()) => true,
            CoroutineState::Complete(value) => {
                done(value);
                false
            }
        });
        turns
    }
}

/// What one run measured.
struct Run {
    tasks: usize,
    bytes_per_task: usize,
    /// Bytes of the task vector (one allocation).
    vector_bytes: usize,
    /// Allocations made while spawning every task and running them all to completion (the task vector's own
    /// allocation comes before).
    allocations: usize,
    /// Turns given in each round.
    turns: Vec<usize>,
    digit_sums: u64,
    spawn_seconds: f64,
    resume_seconds: f64,
}

fn run(tasks: u32) -> Run {
    let mut queue = RoundRobin::with_capacity(tasks as usize);
    // Reserved up front, so that recording doesn't allocate while counting.
    let (mut turns, mut digit_sums) = (Vec::with_capacity(16), 0);
    let before = allocations();
    let clock = Instant::now();
    for id in 0..tasks {
        queue.spawn(digit_sum(id));
    }
    let spawn_seconds = clock.elapsed().as_secs_f64();
    let clock = Instant::now();
    while !queue.tasks.is_empty() {
        turns.push(queue.round(|(_id, sum)| digit_sums += u64::from(sum)));
    }
    let resume_seconds = clock.elapsed().as_secs_f64();
    let allocations = allocations() - before;
    Run {
        tasks: tasks as usize,
        bytes_per_task: size_of_val(&digit_sum(0)),
        vector_bytes: queue.tasks.capacity() * size_of_val(&digit_sum(0)),
        allocations,
        turns,
        digit_sums,
        spawn_seconds,
        resume_seconds,
    }
}

/// The sum of the digit sums of `0..n`, the plain way.
fn expected_digit_sums(n: u32) -> u64 {
    (0..n)
        .map(|mut id| {
            let mut sum = 0;
            while id > 0 {
                sum += u64::from(id % 10);
                id /= 10;
            }
            sum
        })
        .sum()
}

#[allow(clippy::cast_precision_loss)] // sizes printed as MB
fn main() {
    let tasks = match std::env::args().nth(1).map(|arg| arg.replace('_', "").parse::<u32>()) {
        None => 1_000_000,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("usage: scheduler [number of tasks]: {e}");
            std::process::exit(2);
        }
    };
    let r = run(tasks);
    let mb = |bytes: usize| bytes as f64 / 1e6;
    let per_task = r.bytes_per_task;
    println!("{} tasks alive at once on one thread, round-robin", r.tasks);
    println!("  one task:               {per_task} bytes (`size_of_val`), stored inline in the task vector");
    println!("  the task vector:        {:.1} MB, one allocation for all of them", mb(r.vector_bytes));
    println!(
        "  heap allocations:       {} while spawning and running all of them ({:.3} per task)",
        r.allocations,
        r.allocations as f64 / r.tasks.max(1) as f64
    );
    println!(
        "  a goroutine:            {GOROUTINE_STACK} bytes of stack at least: {:.0} MB for as many ({}x)",
        mb(GOROUTINE_STACK * r.tasks),
        GOROUTINE_STACK / per_task.max(1)
    );
    println!(
        "  stackful (corosensei):  {STACKFUL_STACK} bytes of stack mapped, ~{STACKFUL_RESIDENT} resident: {:.0} MB ({}x), \
         and a mapping each",
        mb(STACKFUL_RESIDENT * r.tasks),
        STACKFUL_RESIDENT / per_task.max(1)
    );
    let resumes: usize = r.turns.iter().sum();
    println!("  rounds:                 {} (turns per round: {:?})", r.turns.len(), r.turns);
    let check = if r.digit_sums == expected_digit_sums(tasks) { "checked against a plain loop" } else { "WRONG" };
    println!("  sum of digit sums:      {} ({check})", r.digit_sums);
    println!(
        "  time:                   spawning {:.1} ms, running {:.1} ms ({:.1} ns per resume)",
        r.spawn_seconds * 1e3,
        r.resume_seconds * 1e3,
        r.resume_seconds * 1e9 / resumes.max(1) as f64
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    // One test: the allocation counter is process-wide, so nothing else may run beside it.
    #[test]
    fn a_hundred_thousand_tasks_small_and_without_allocations() {
        let tasks = 100_000;
        let r = run(tasks);
        assert!(r.bytes_per_task < 64, "{} bytes per task", r.bytes_per_task);
        assert_eq!(r.digit_sums, expected_digit_sums(tasks));
        // Round 1 finishes 0..=9, round 2 the two-digit ids, …, round 5 the five-digit ones.
        assert_eq!(r.turns, [100_000, 99_990, 99_900, 99_000, 90_000]);
        assert_eq!(r.allocations, 0, "spawning and running tasks allocated");
    }
}

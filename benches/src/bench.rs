//! `bench`: runs every workload on every implementation and prints markdown tables.
//!
//! ```text
//! bench [--runs R] [--n N] [--spawn COUNT]     full run: checks, timings, sizes, spawn memory
//! bench --only WORKLOAD IMPL --iters N         one run, prints `checksum=.. yields=..` (for callgrind.sh)
//! bench --spawn-memory IMPL --spawn COUNT      one spawn run in this process, prints its memory line
//! bench --list                                 the compiler, the workloads, the implementations compiled in
//! ```
//!
//! The full run, in order:
//! 1. pre-flight: every implementation's whole sequence of values, at a small size, equals the plain-loop
//!    reference (order included);
//! 2. per workload: every implementation's checksum at full size equals the reference's, then `R` timed runs,
//!    interleaved across implementations so background load hits all of them alike; the median is reported,
//!    per yield (per coroutine for `spawn`), and divided by `hand`'s median from the same process;
//! 3. `size_of_val` of one coroutine suspended at its first yield;
//! 4. `spawn` memory, each implementation in a fresh child process, so one's freed memory can't hide
//!    another's growth in the resident set.
#![cfg_attr(nightly_coroutines, feature(coroutines, coroutine_trait, gen_blocks))]
// `unsafe_code` is denied in Cargo.toml (`deny`, not `forbid`): the counting allocator and genawaiter's own
// unsafe constructor opt out, each with a comment saying why.

mod impls;
mod memory;
mod workloads;

use std::hint::black_box;
use std::process::{Command, ExitCode};
use std::time::Instant;

use impls::{Impl, Unsupported};
use memory::{Counting, Snapshot};
use workloads::{Input, Record, Sum, Workload};

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Default size of one timed run, in yields.
const DEFAULT_N: u64 = 1 << 20;
/// Default number of timed runs per workload and implementation.
const DEFAULT_RUNS: usize = 11;
/// Default number of coroutines alive at once in `spawn`.
const DEFAULT_SPAWN: u64 = 100_000;
/// `spawn` count retried in the memory table when an implementation can't reach the full count (corosensei:
/// one mapping per stack against `vm.max_map_count`), so its cost per coroutine is still shown.
const SPAWN_FALLBACK: u64 = 25_000;
/// Size of the pre-flight sequence check.
const CHECK_N: u64 = 10_000;

const USAGE: &str = "usage: bench [--runs R] [--n N] [--spawn COUNT]
       bench --only WORKLOAD IMPL --iters N
       bench --spawn-memory IMPL [--spawn COUNT]
       bench --list";

fn main() -> ExitCode {
    match Args::parse(std::env::args().skip(1)) {
        Ok(Args { mode: Mode::Full, n, runs, spawn }) => full(n, runs, spawn),
        Ok(Args { mode: Mode::Only(w, imp), n, .. }) => only(w, imp, n),
        Ok(Args { mode: Mode::SpawnMemory(imp), spawn, .. }) => spawn_memory_child(imp, spawn),
        Ok(Args { mode: Mode::List, .. }) => {
            println!("rustc: {}", env!("BENCH_RUSTC_VERSION"));
            println!("workloads: {}", Workload::ALL.map(Workload::name).join(" "));
            println!("impls: {}", Impl::all().iter().map(|i| i.name()).collect::<Vec<_>>().join(" "));
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

// ---- Command line ----

enum Mode {
    Full,
    Only(Workload, Impl),
    SpawnMemory(Impl),
    List,
}

struct Args {
    mode: Mode,
    n: u64,
    runs: usize,
    spawn: u64,
}

impl Args {
    fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
        let mut parsed = Args { mode: Mode::Full, n: DEFAULT_N, runs: DEFAULT_RUNS, spawn: DEFAULT_SPAWN };
        let workload = |name: Option<String>| {
            let name = name.ok_or("missing workload name")?;
            Workload::from_name(&name).ok_or(format!("unknown workload `{name}`"))
        };
        let implementation = |name: Option<String>| {
            let name = name.ok_or("missing implementation name")?;
            Impl::from_name(&name).ok_or(format!("unknown or not compiled-in implementation `{name}`"))
        };
        let number = |flag: &str, value: Option<String>| -> Result<u64, String> {
            let value = value.ok_or(format!("`{flag}` needs a number"))?;
            value.replace('_', "").parse().map_err(|_| format!("`{flag} {value}`: not a number"))
        };
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--only" => parsed.mode = Mode::Only(workload(args.next())?, implementation(args.next())?),
                "--spawn-memory" => parsed.mode = Mode::SpawnMemory(implementation(args.next())?),
                "--list" => parsed.mode = Mode::List,
                "--iters" | "--n" => parsed.n = number(&arg, args.next())?,
                "--runs" => parsed.runs = number(&arg, args.next())?.max(1) as usize,
                "--spawn" => parsed.spawn = number(&arg, args.next())?,
                "-h" | "--help" => return Err("help requested".into()),
                other => return Err(format!("unexpected argument `{other}`")),
            }
        }
        Ok(parsed)
    }
}

// ---- Modes ----

/// `--only`: one run at size `n`, for callgrind. Everything that doesn't scale with `n` (building the tree,
/// process start-up) cancels out when the script subtracts two runs of different sizes.
fn only(w: Workload, imp: Impl, n: u64) -> ExitCode {
    let input = Input::new();
    let mut sum = Sum::default();
    match run_once(imp, w, black_box(n), &input, &mut sum) {
        Ok(()) => {
            println!("checksum={} yields={}", black_box(sum.0), w.yields(n));
            ExitCode::SUCCESS
        }
        Err(Unsupported(reason)) => {
            println!("n/a: {reason}");
            ExitCode::SUCCESS
        }
    }
}

/// The single function every measurement goes through; kept out of line so profiles show one clear root.
#[inline(never)]
fn run_once(imp: Impl, w: Workload, n: u64, input: &Input, sum: &mut Sum) -> Result<(), Unsupported> {
    imp.run(w, n, input, sum)
}

/// One implementation's result for one workload.
enum Cell {
    Measured { ns: f64, size: Result<usize, Unsupported> },
    Unsupported(String),
}

fn full(n: u64, runs: usize, spawn: u64) -> ExitCode {
    let impls = Impl::all();
    let input = Input::new();
    println!("# stackless benchmarks\n");
    println!(
        "rustc: {} · n = {n} yields per run · {runs} runs, median · spawn: {spawn} coroutines\n",
        env!("BENCH_RUSTC_VERSION")
    );

    preflight(&impls, &input);

    let mut table: Vec<(Workload, Vec<Cell>)> = Vec::new();
    for w in Workload::ALL {
        let size = if w == Workload::Spawn { spawn } else { n };
        eprintln!("timing {} ...", w.name());
        let cells = time_workload(w, size, runs, &impls, &input);
        table.push((w, cells));
    }
    print_main_table(&impls, &table);

    let mut memory: Vec<(String, Result<String, String>)> = Vec::new();
    for &imp in &impls {
        let line = spawn_memory_in_child(imp, spawn);
        let failed = line.is_err();
        memory.push((imp.name().to_string(), line));
        if failed && SPAWN_FALLBACK < spawn {
            let label = format!("{} ({SPAWN_FALLBACK} alive)", imp.name());
            memory.push((label, spawn_memory_in_child(imp, SPAWN_FALLBACK)));
        }
    }
    print_spawn_table(spawn, &memory);
    ExitCode::SUCCESS
}

/// Step 1: whole sequences at a small size, against the reference; panics on any difference.
fn preflight(impls: &[Impl], input: &Input) {
    for w in Workload::ALL {
        let n = if w == Workload::Spawn { 1000 } else { CHECK_N };
        let mut expected = Record::default();
        reference(w, n, input, &mut expected);
        for &imp in impls {
            let mut got = Record::default();
            if imp.run(w, n, input, &mut got).is_err() {
                continue;
            }
            if let Some(i) = (0..expected.0.len().max(got.0.len())).find(|&i| expected.0.get(i) != got.0.get(i)) {
                panic!(
                    "{} on {} (n = {n}): value #{i} is {:?}, the reference says {:?} ({} values vs {})",
                    imp.name(),
                    w.name(),
                    got.0.get(i),
                    expected.0.get(i),
                    got.0.len(),
                    expected.0.len()
                );
            }
        }
    }
    eprintln!("pre-flight: every implementation yields the reference sequences");
}

/// The reference sequence, `spawn` included (one value: its checksum).
fn reference(w: Workload, n: u64, input: &Input, sink: &mut impl workloads::Sink) {
    if w == Workload::Spawn {
        sink.push(workloads::spawn_checksum(usize::try_from(n).expect("spawn count fits in usize")));
    } else {
        workloads::reference(w, n, input, sink);
    }
}

/// Step 2 and 3 for one workload.
fn time_workload(w: Workload, n: u64, runs: usize, impls: &[Impl], input: &Input) -> Vec<Cell> {
    let mut expected = Sum::default();
    reference(w, n, input, &mut expected);

    // The checksum run doubles as the warm-up.
    let mut supported = Vec::new();
    let mut cells: Vec<Option<Cell>> = Vec::new();
    for &imp in impls {
        let mut sum = Sum::default();
        match run_once(imp, w, n, input, &mut sum) {
            Ok(()) => {
                assert_eq!(sum.0, expected.0, "{} on {}: checksum differs from the reference", imp.name(), w.name());
                supported.push(imp);
                cells.push(None);
            }
            Err(Unsupported(reason)) => cells.push(Some(Cell::Unsupported(reason))),
        }
    }

    let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(runs); impls.len()];
    for _ in 0..runs {
        for (k, &imp) in impls.iter().enumerate() {
            if !supported.contains(&imp) {
                continue;
            }
            let mut sum = Sum::default();
            let start = Instant::now();
            let result = run_once(imp, w, black_box(n), input, &mut sum);
            let elapsed = start.elapsed();
            black_box(sum.0);
            result.expect("internal: a workload that ran once runs again");
            samples[k].push(elapsed.as_nanos() as f64 / w.yields(n) as f64);
        }
    }

    impls
        .iter()
        .zip(cells)
        .zip(samples)
        .map(|((&imp, cell), mut times)| {
            cell.unwrap_or_else(|| Cell::Measured { ns: median(&mut times), size: imp.suspended_size(w, input) })
        })
        .collect()
}

fn median(samples: &mut [f64]) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// `--spawn-memory IMPL`: one `spawn` run in this fresh process; prints
/// `size_each allocs_each heap_bytes_each rss_each ns_each` (or `n/a: reason`).
fn spawn_memory_child(imp: Impl, count: u64) -> ExitCode {
    let count = usize::try_from(count).expect("spawn count fits in usize");
    let before = Snapshot::now();
    let mut during = before;
    let start = Instant::now();
    let outcome = imp.spawn(count, &mut || during = Snapshot::now());
    let elapsed = start.elapsed();
    match outcome {
        Ok(outcome) => {
            assert_eq!(outcome.checksum, workloads::spawn_checksum(count), "{}: spawn checksum", imp.name());
            let each = |x: u64| x as f64 / count as f64;
            println!(
                "{} {:.2} {:.1} {:.1} {:.1}",
                outcome.size_each,
                each(during.allocations - before.allocations),
                each(during.bytes - before.bytes),
                each(during.resident.saturating_sub(before.resident)),
                elapsed.as_nanos() as f64 / count as f64,
            );
        }
        Err(Unsupported(reason)) => println!("n/a: {reason}"),
    }
    ExitCode::SUCCESS
}

/// Runs `--spawn-memory` in a child process and returns its output line.
fn spawn_memory_in_child(imp: Impl, count: u64) -> Result<String, String> {
    eprintln!("spawn memory: {} ...", imp.name());
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = Command::new(exe)
        .args(["--spawn-memory", imp.name(), "--spawn", &count.to_string()])
        .output()
        .map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !out.status.success() {
        return Err(format!("child failed: {}", String::from_utf8_lossy(&out.stderr).trim()));
    }
    match stdout.strip_prefix("n/a: ") {
        Some(reason) => Err(reason.to_string()),
        None => Ok(stdout),
    }
}

// ---- Tables ----

fn print_main_table(impls: &[Impl], table: &[(Workload, Vec<Cell>)]) {
    println!("## Time per yield (median) · ratio to `hand` · `size_of_val` of a suspended coroutine\n");
    println!("| workload | {} |", impls.iter().map(|i| i.name()).collect::<Vec<_>>().join(" | "));
    println!("|---|{}", "---|".repeat(impls.len()));
    let mut notes = Vec::new();
    for (w, cells) in table {
        let hand = match &cells[0] {
            Cell::Measured { ns, .. } => Some(*ns),
            Cell::Unsupported(_) => None,
        };
        let row: Vec<String> = impls
            .iter()
            .zip(cells)
            .map(|(imp, cell)| match cell {
                Cell::Measured { ns, size } => {
                    let ratio = hand.map_or(String::new(), |h| format!(" ({:.2}×)", ns / h));
                    let size = match size {
                        Ok(bytes) if imp.is_stackful() => format!("{bytes} B + stack"),
                        Ok(bytes) => format!("{bytes} B"),
                        Err(_) => "n/a".into(),
                    };
                    format!("{} ns{ratio}, {size}", fmt_ns(*ns))
                }
                Cell::Unsupported(reason) => {
                    notes.push(format!("{} on {}: {reason}", imp.name(), w.name()));
                    "n/a".into()
                }
            })
            .collect();
        println!("| {} | {} |", w.name(), row.join(" | "));
    }
    println!("\n`spawn` is per coroutine (create, resume twice, drop), not per yield.");
    for note in notes {
        println!("- n/a: {note}");
    }
    println!();
}

fn fmt_ns(ns: f64) -> String {
    if ns < 10.0 {
        format!("{ns:.2}")
    } else if ns < 100.0 {
        format!("{ns:.1}")
    } else {
        format!("{ns:.0}")
    }
}

/// `memory`: a row label (an implementation's name, maybe with a count) and the child's output line.
fn print_spawn_table(count: u64, memory: &[(String, Result<String, String>)]) {
    println!("## `spawn`: {count} suspended coroutines alive at once (each in a fresh process)\n");
    println!(
        "| impl | size_of_val each | heap allocations each | heap bytes each | RSS growth each | ns each (cold) |"
    );
    println!("|---|---|---|---|---|---|");
    let mut notes = Vec::new();
    for (label, line) in memory {
        match line {
            Ok(line) => {
                let f: Vec<&str> = line.split_whitespace().collect();
                let stackful = label.split(' ').next().and_then(Impl::from_name).is_some_and(Impl::is_stackful);
                let stack = if stackful { " + stack" } else { "" };
                println!("| {label} | {} B{stack} | {} | {} B | {} B | {} |", f[0], f[1], f[2], f[3], f[4]);
            }
            Err(reason) => {
                println!("| {label} | n/a | n/a | n/a | n/a | n/a |");
                notes.push(format!("{label}: {reason}"));
            }
        }
    }
    println!(
        "\nHeap bytes include the `Vec` the coroutines live in. RSS growth is sampled while all are suspended, so it \
         includes the pages of stack a stackful coroutine has touched. `ns each` is this one cold run (fresh pages)."
    );
    for note in notes {
        println!("- n/a: {note}");
    }
}

//! Shrinks a failing generated program by deleting and unwrapping statements while the difftest still reports a
//! mismatch for it.
//!
//! ```text
//! cargo run -p stackless-difftest --bin shrink -- <sweep seed> <index>
//! ```
//! Each candidate is built and run by `cargo test -p stackless-difftest --test difftest` with `DIFFTEST_ONLY`,
//! `DIFFTEST_DELETE` and `DIFFTEST_UNWRAP` set (a few seconds each); a candidate that does not compile is
//! rejected. `DIFFTEST_ENABLE`/`DIFFTEST_DISABLE`/`DIFFTEST_BUDGET` and `CARGO_TARGET_DIR` are passed through.
//! Prints the smallest program found and the environment that reproduces it.
//!
//! A program the macro's expansion makes rustc reject shrinks the same way with `SHRINK_ERROR` set to the start of
//! the error after `error[`, such as ``E0277]: the size for values of type `str` ``: a candidate fails when rustc
//! reports that error and no error of another code (a deleted `let` makes an E0425, which is not the bug).
#![allow(clippy::print_stdout, clippy::format_push_string)]

use std::os::unix::process::CommandExt;
use std::process::Command;
use std::time::{Duration, Instant};

use stackless_difftest::generator::{self, Config};

fn parse(s: &str) -> u64 {
    let s = s.trim();
    let r = if let Some(h) = s.strip_prefix("0x") { u64::from_str_radix(h, 16) } else { s.parse() };
    r.unwrap_or_else(|_| panic!("not a number: {s}"))
}

fn join(ids: &[u32]) -> String {
    ids.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
}

struct Shrinker {
    seed: u64,
    index: u64,
    attempts: u32,
}

impl Shrinker {
    fn fails(&mut self, delete: &[u32], unwrap: &[u32]) -> bool {
        self.attempts += 1;
        let out = std::env::temp_dir().join(format!("difftest-shrink-{}.out", std::process::id()));
        let file = std::fs::File::create(&out).expect("create the output file");
        let errors = std::env::temp_dir().join(format!("difftest-shrink-{}.err", std::process::id()));
        let error_file = std::fs::File::create(&errors).expect("create the errors file");
        let mut child = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args(["test", "-q", "-p", "stackless-difftest", "--test", "difftest"])
            .env("DIFFTEST_SEED", format!("{:#x}", self.seed))
            .env("DIFFTEST_ONLY", self.index.to_string())
            .env("DIFFTEST_DELETE", join(delete))
            .env("DIFFTEST_UNWRAP", join(unwrap))
            .stdout(file)
            .stderr(error_file)
            .process_group(0)
            .spawn()
            .expect("run cargo");
        // A deleted statement can make a loop without yields endless: give up on a candidate after a while,
        // killing cargo and the test binary (their process group).
        let start = Instant::now();
        loop {
            if child.try_wait().expect("wait for cargo").is_some() {
                break;
            }
            if start.elapsed() > Duration::from_mins(3) {
                let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", child.id())]).status();
                let _ = child.wait();
                return false;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let stdout = std::fs::read_to_string(&out).unwrap_or_default();
        let stderr = std::fs::read_to_string(&errors).unwrap_or_default();
        let _ = std::fs::remove_file(&out);
        let _ = std::fs::remove_file(&errors);
        match std::env::var("SHRINK_ERROR") {
            Ok(error) => rejected_with(&stderr, &error),
            Err(_) => stdout.contains("difftest: 1 programs, 1 mismatches"),
        }
    }
}

/// Whether rustc's output `stderr` reports `error` (the start of an error after `error[`, `E0277]: ..`) and no
/// error of another code.
fn rejected_with(stderr: &str, error: &str) -> bool {
    let code = error.split(']').next().unwrap_or(error);
    let mut codes = stderr.lines().filter_map(|l| l.strip_prefix("error[")).map(|l| l.split(']').next().unwrap_or(l));
    stderr.contains(&format!("error[{error}")) && codes.all(|c| c == code)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    assert!(args.len() == 2, "usage: shrink <sweep seed> <index>");
    let (seed, index) = (parse(&args[0]), parse(&args[1]));
    let mut cfg = Config::default();
    if let Ok(b) = std::env::var("DIFFTEST_BUDGET") {
        cfg.budget = i32::try_from(parse(&b)).expect("a small budget");
    }
    cfg.apply(
        &std::env::var("DIFFTEST_ENABLE").unwrap_or_default(),
        &std::env::var("DIFFTEST_DISABLE").unwrap_or_default(),
    )
    .expect("valid feature lists");
    let mut sh = Shrinker { seed, index, attempts: 0 };
    let (mut delete, mut unwrap): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
    assert!(sh.fails(&delete, &unwrap), "program {index} of seed {seed:#x} shows no mismatch (or not `SHRINK_ERROR`)");
    loop {
        let mut progress = false;
        let mut program = generator::generate(&cfg, seed, index);
        program.body.edit(&delete, &unwrap);
        let mut ids = Vec::new();
        program.body.ids(&mut ids);
        for id in ids {
            if delete.contains(&id) {
                continue;
            }
            delete.push(id);
            if sh.fails(&delete, &unwrap) {
                progress = true;
                println!("deleted statement {id}");
            } else {
                delete.pop();
            }
        }
        let mut program = generator::generate(&cfg, seed, index);
        program.body.edit(&delete, &unwrap);
        let mut compound = Vec::new();
        program.body.compound_ids(&mut compound);
        for id in compound {
            unwrap.push(id);
            if sh.fails(&delete, &unwrap) {
                progress = true;
                println!("unwrapped statement {id}");
            } else {
                unwrap.pop();
            }
        }
        if !progress {
            break;
        }
    }
    let mut program = generator::generate(&cfg, seed, index);
    program.body.edit(&delete, &unwrap);
    println!("--- after {} attempts:\n{}", sh.attempts, program.coroutine_fn());
    println!(
        "reproduce: DIFFTEST_SEED={seed:#x} DIFFTEST_ONLY={index} DIFFTEST_DELETE={} DIFFTEST_UNWRAP={} cargo test -p stackless-difftest --test difftest",
        join(&delete),
        join(&unwrap)
    );
}

//! The differential test: every generated program (see `build.rs`, `src/gen.rs`) is run as a coroutine and as a
//! plain fn under several resume scripts, to the end and cancelled after each of its yields; the traces must be
//! identical. Prints `difftest: N programs, M mismatches` and fails unless M == 0.
#![allow(clippy::all, clippy::pedantic)]

use std::io::Write as _;

use stackless_difftest::compare::{Case, check, report};

// Generated code: every lint is off (unused locals, unreachable code after `return`, ... are expected).
#[allow(warnings, clippy::all, clippy::pedantic)]
mod programs {
    use stackless_difftest::compare::Case;
    use stackless_difftest::rt::*;
    include!(concat!(env!("OUT_DIR"), "/programs.rs"));
}

#[test]
fn difftest() {
    // Injected panics are part of the traces; keep the default hook from printing each one.
    std::panic::set_hook(Box::new(|_| {}));
    let cases: &[Case] = programs::CASES;
    let mut mismatches = 0;
    let mut reports = String::new();
    for case in cases {
        if let Some(m) = check(case) {
            mismatches += 1;
            if mismatches <= 5 {
                reports += &report(case, &m);
            }
        }
    }
    let _ = std::panic::take_hook();
    // Written to the process's stdout directly, not through `println!`, so the summary shows even when the test
    // passes and libtest captures its output.
    let mut out = String::new();
    if mismatches > 0 {
        out += &reports;
        out += &format!(
            "sweep seed {:#x}; reproduce one program with DIFFTEST_SEED={:#x} DIFFTEST_ONLY=<index>, shrink it with \
             `cargo run -p stackless-difftest --bin shrink -- {:#x} <index>`\n",
            programs::SWEEP_SEED,
            programs::SWEEP_SEED,
            programs::SWEEP_SEED
        );
    }
    out += &format!("difftest: {} programs, {mismatches} mismatches\n", cases.len());
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    assert_eq!(mismatches, 0, "difftest found mismatches (see above)");
}

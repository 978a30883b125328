//! The differential test: every generated program (see `build.rs`, `src/gen.rs`) is run as a coroutine and as a
//! plain fn under several resume scripts, to the end and cancelled after each of its yields; the traces must be
//! identical. Prints `difftest: N programs, M mismatches` and fails unless M == 0.
#![allow(clippy::all, clippy::pedantic)]

use std::io::Write as _;

use stackless_difftest::compare::{Case, StreamCase, check, check_stream, report, report_stream};

// Generated code: every lint is off (unused locals, unreachable code after `return`, ... are expected).
#[allow(warnings, clippy::all, clippy::pedantic)]
mod programs {
    use stackless_difftest::compare::Case;
    use stackless_difftest::rt::*;
    include!(concat!(env!("OUT_DIR"), "/programs.rs"));
}

// The stream programs (async generators and their `async fn` twins), generated from the same seed.
#[allow(warnings, clippy::all, clippy::pedantic)]
mod streams {
    use stackless_difftest::compare::StreamCase;
    use stackless_difftest::rt::*;
    include!(concat!(env!("OUT_DIR"), "/streams.rs"));
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
    let stream_cases: &[StreamCase] = streams::STREAM_CASES;
    let mut stream_mismatches = 0;
    for case in stream_cases {
        if let Some(m) = check_stream(case) {
            stream_mismatches += 1;
            if stream_mismatches <= 5 {
                reports += &report_stream(case, &m);
            }
        }
    }
    let _ = std::panic::take_hook();
    // Written to the process's stdout directly, not through `println!`, so the summary shows even when the test
    // passes and libtest captures its output.
    let mut out = String::new();
    if mismatches > 0 || stream_mismatches > 0 {
        out += &reports;
    }
    if mismatches > 0 {
        out += &format!(
            "sweep seed {:#x}; reproduce one program with DIFFTEST_SEED={:#x} DIFFTEST_ONLY=<index>, shrink it with \
             `cargo run -p stackless-difftest --bin shrink -- {:#x} <index>`\n",
            programs::SWEEP_SEED,
            programs::SWEEP_SEED,
            programs::SWEEP_SEED
        );
    }
    if stream_mismatches > 0 {
        out += &format!(
            "sweep seed {:#x}; reproduce one stream program with DIFFTEST_SEED={:#x} DIFFTEST_STREAM_ONLY=<index>\n",
            programs::SWEEP_SEED,
            programs::SWEEP_SEED
        );
    }
    out += &format!("difftest: {} programs, {mismatches} mismatches\n", cases.len());
    out += &format!("difftest streams: {} programs, {stream_mismatches} mismatches\n", stream_cases.len());
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    assert_eq!(mismatches, 0, "difftest found mismatches (see above)");
    assert_eq!(stream_mismatches, 0, "difftest found mismatches in stream programs (see above)");
}

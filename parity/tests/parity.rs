//! The stable half of the parity corpus: every program of `programs/` run as a stackless coroutine and as the
//! plain fn it must behave like, to the end and cancelled after each yield; the traces must be identical.
//! Prints `parity (stable half): N programs, M differ` and fails unless M == 0.

use std::fmt::Write as _;
use std::io::Write as _;

use stackless_parity::corpus::PROGRAMS;
use stackless_parity::rt::traces;

#[test]
fn stackless_matches_the_plain_fn() {
    let mut differ = Vec::new();
    let mut report = String::new();
    for p in PROGRAMS {
        let (plain, stackless) = (traces(p.plain), traces(p.stackless));
        assert!(plain.contains("\nyield "), "{}: the program never yields:\n{plain}", p.name);
        if plain != stackless {
            differ.push(p.name);
            let n = plain.lines().zip(stackless.lines()).take_while(|(a, b)| a == b).count();
            let context: Vec<&str> = plain.lines().take(n).skip(n.saturating_sub(6)).collect();
            let _ = write!(
                report,
                "=== {}: first difference at trace line {n}\n{}\n  plain:     {}\n  stackless: {}\n",
                p.name,
                context.join("\n"),
                plain.lines().nth(n).unwrap_or("<end>"),
                stackless.lines().nth(n).unwrap_or("<end>")
            );
        }
    }
    let _ = writeln!(report, "parity (stable half): {} programs, {} differ", PROGRAMS.len(), differ.len());
    let _ = std::io::stdout().lock().write_all(report.as_bytes());
    assert!(differ.is_empty(), "stackless differs from the plain fn in {differ:?}");
}

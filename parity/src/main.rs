//! `stackless-parity traces DIR`: writes `DIR/<name>.txt`, the stackless traces of every compiled program.
//! `stackless-parity nightly DIR`: writes `DIR/<name>.rs`, the nightly variants (pending ones too), and `DIR/rt.rs`.
//! `stackless-parity pending` / `rejected`: prints the names of the programs in `pending/` / `rejected/`.
//! `run.sh` drives these.

use std::path::PathBuf;
use std::{env, fs, process};

use stackless_parity::corpus::{NIGHTLY, PENDING, PROGRAMS, REJECTED};
use stackless_parity::rt;

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["traces", dir] => {
            for p in PROGRAMS {
                let path = PathBuf::from(dir).join(format!("{}.txt", p.name));
                fs::write(&path, rt::traces(p.stackless)).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
            }
        }
        ["nightly", dir] => {
            let dir = PathBuf::from(dir);
            fs::write(dir.join("rt.rs"), include_str!("rt.rs")).unwrap_or_else(|e| fail(&e.to_string()));
            for (name, source) in NIGHTLY {
                fs::write(dir.join(format!("{name}.rs")), source).unwrap_or_else(|e| fail(&e.to_string()));
            }
        }
        ["pending"] => {
            for name in PENDING {
                println!("{name}");
            }
        }
        ["rejected"] => {
            for name in REJECTED {
                println!("{name}");
            }
        }
        _ => fail("usage: stackless-parity traces DIR | nightly DIR | pending | rejected"),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("stackless-parity: {message}");
    process::exit(2);
}

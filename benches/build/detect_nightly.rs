//! Build script: turns on the `nightly_coroutines` cfg when the compiler is a nightly rustc, so the
//! `nightly` implementations (rustc's own `#[coroutine]` closures and `gen` blocks) are compiled only there.
//!
//! - Asks `$RUSTC -V` (the compiler cargo is about to use) and looks for `nightly` (or `dev`, a local build).
//! - `STACKLESS_BENCH_NO_NIGHTLY=1` turns the detection off, to run the stable set on a nightly toolchain.
//! - Passes the version to the binary as `BENCH_RUSTC_VERSION`, so its output says which compiler it measured.
//! - Declares the cfg with `cargo::rustc-check-cfg`, so stable builds don't warn about an unknown cfg.
//!
//! It lives in `build/`, not at `benches/build.rs`: the root `stackless` package auto-discovers every
//! `benches/*.rs` file as one of its own bench targets.
#![forbid(unsafe_code)]

use std::env;
use std::process::Command;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(nightly_coroutines)");
    println!("cargo::rerun-if-env-changed=RUSTC");
    println!("cargo::rerun-if-env-changed=STACKLESS_BENCH_NO_NIGHTLY");

    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let version = Command::new(rustc)
        .arg("-V")
        .output()
        .ok()
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .unwrap_or_default();
    println!("cargo::rustc-env=BENCH_RUSTC_VERSION={}", version.trim());
    let opted_out = env::var_os("STACKLESS_BENCH_NO_NIGHTLY").is_some_and(|v| !v.is_empty() && v != "0");
    if !opted_out && (version.contains("nightly") || version.contains("-dev")) {
        println!("cargo::rustc-cfg=nightly_coroutines");
    }
}

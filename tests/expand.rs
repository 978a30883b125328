//! Expansion snapshots (`tests/expand/*.expanded.rs`): what the macro emits for a few representative
//! coroutines. Needs `cargo-expand`; regenerate with `MACROTEST=overwrite cargo test --test expand`.
#[test]
fn expand() {
    macrotest::expand("tests/expand/*.rs");
}

//! Compile-fail tests: every mistake gets one clear error at the user's tokens. Bless with
//! `TRYBUILD=overwrite cargo test --test ui` after checking the new `.stderr` reads well.
#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*/*.rs");
}

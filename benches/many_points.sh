#!/usr/bin/env bash
# many_points.sh: how the build of one coroutine grows with its number of suspension points.
# For each n, a crate whose only coroutine has n `yield_!`s in a row (and a `main` that runs it) is checked
# (`cargo check`: expansion, name resolution, type and borrow check) and built (debug, as `cargo test` does);
# dependencies are built first and not timed. Usage: ./many_points.sh [n...]   (default: 250 1000 4000)
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)
out=${CARGO_TARGET_DIR:-target}/many-points
mkdir -p "$out/src"
cat > "$out/Cargo.toml" <<TOML
[package]
name = "many-points"
version = "0.0.0"
edition = "2024"
publish = false
[dependencies]
stackless = { path = "$root" }
[workspace]
TOML
write() {  # write N: src/main.rs with N suspension points
    python3 - "$1" > "$out/src/main.rs" <<'PY'
import sys
n = int(sys.argv[1])
body = "\n".join("    yield_!(());" for _ in range(n))
print(f"""use stackless::{{Coroutine, CoroutineState}};
#[stackless::coroutine]
fn many() -> impl Coroutine<Yield = (), Return = ()> {{
{body}
}}
fn main() {{
    let mut c = many();
    let mut k = 0;
    while let CoroutineState::Yielded(()) = core::pin::Pin::new(&mut c).resume(()) {{ k += 1; }}
    assert_eq!(k, {n});
}}""")
PY
}
seconds() {  # seconds of `cargo $1` on the crate's own code
    touch "$out/src/main.rs"
    local t0 t1
    t0=$(date +%s.%N)
    (cd "$out" && CARGO_TARGET_DIR="$PWD/target" cargo "$1" -q)
    t1=$(date +%s.%N)
    python3 -c "print(f'{$t1 - $t0:.2f}')"
}
write 1
(cd "$out" && CARGO_TARGET_DIR="$PWD/target" cargo build -q && CARGO_TARGET_DIR="$PWD/target" cargo check -q)
echo "| points | cargo check (s) | debug build (s) | run |"
echo "|---|---|---|---|"
points=("$@")
[ ${#points[@]} -gt 0 ] || points=(250 1000 4000)
for n in "${points[@]}"; do
    write "$n"
    c=$(seconds check)
    b=$(seconds build)
    (cd "$out" && CARGO_TARGET_DIR="$PWD/target" cargo run -q) && ok=ok || ok=FAILED
    echo "| $n | $c | $b | $ok |"
done

#!/usr/bin/env bash
# compile_cost.sh: what the macro costs at compile time.
#  1. expansion size: `cargo expand` of the benchmark's stackless module, against its source lines;
#  2. build time: a release build of N generated coroutines against N hand-written equivalents
#     (compile-cost/generate.py writes both crates; dependencies are built first and not timed);
#  3. with a nightly toolchain installed, the macro's own time and type checking in that build (-Z time-passes).
# (1) counts cargo-expand's lines when installed, else the macro's own output (STACKLESS_DEBUG_EXPAND) through
#     rustfmt; expansion_parts.py splits the latter into scaffolding, start arms and resume arms.
# Usage: ./compile_cost.sh [N=500]
set -euo pipefail
cd "$(dirname "$0")"
n=${1:-500}
out=${CARGO_TARGET_DIR:-target}/compile-cost
mkdir -p "$out"

src=src/impls/stackless.rs
src_lines=$(grep -cv '^\s*\(//.*\)\?$' "$src")
# The macro prints each expansion (STACKLESS_DEBUG_EXPAND) and rustfmt lays it out; the module's lines outside the
# coroutines are counted as they are. Within a few percent of cargo-expand's count, which is used when installed.
tmp=$(mktemp -d)
touch "$src"
STACKLESS_DEBUG_EXPAND=1 cargo build --release --bin bench 2>"$tmp/out" >/dev/null
grep -v '^\s*\(Compiling\|Finished\|warning\|Blocking\)' "$tmp/out" > "$tmp/expanded.rs"
rustfmt --edition 2024 "$tmp/expanded.rs"
outside=$(python3 - "$src" <<'PY'
import sys
def code(l):
    s = l.strip()
    return s and not s.startswith('//')
outside, inside = 0, False
for line in open(sys.argv[1]).read().splitlines():
    if line.startswith('#[stackless::coroutine'):
        inside = True
    if not inside and code(line):
        outside += 1
    if inside and line == '}':
        inside = False
print(outside)
PY
)
if cargo expand --version >/dev/null 2>&1; then
    expanded=$(cargo expand --release --bin bench impls::stackless 2>/dev/null | grep -cv '^\s*\(//.*\)\?$')
    echo "expansion: $src has $src_lines non-blank, non-comment lines; expanded: $expanded ($(python3 -c "print(f'{$expanded/$src_lines:.2f}')")x)"
else
    expanded=$((outside + $(grep -cv '^\s*\(//.*\)\?$' "$tmp/expanded.rs")))
    echo "expansion: $src has $src_lines non-blank, non-comment lines; expanded (rustfmt of the macro's output, no cargo-expand): $expanded ($(python3 -c "print(f'{$expanded/$src_lines:.2f}')")x)"
fi
# Where those lines go, per coroutine (expansion_parts.py says what each part is).
python3 expansion_parts.py "$tmp/expanded.rs" "$outside" "$src_lines"
rm -rf "$tmp"

python3 compile-cost/generate.py "$n" "$out" >/dev/null
build() {  # prints seconds for a release build of the crate's own code
    local crate=$1
    (cd "$out/$crate" && CARGO_TARGET_DIR="$PWD/target" cargo build --release -q 2>/dev/null)  # dependencies
    touch "$out/$crate/src/lib.rs"
    local t0 t1
    t0=$(date +%s.%N)
    (cd "$out/$crate" && CARGO_TARGET_DIR="$PWD/target" cargo build --release -q)
    t1=$(date +%s.%N)
    python3 -c "print(f'{$t1 - $t0:.2f}')"
}
hand_s=$(build cc_hand)
gen_s=$(build cc_stackless)
hand2=$(build cc_hand)
gen2=$(build cc_stackless)
best_hand=$(python3 -c "print(min($hand_s, $hand2))")
best_gen=$(python3 -c "print(min($gen_s, $gen2))")
echo "release build of $n generators: hand-written ${best_hand}s, stackless ${best_gen}s ($(python3 -c "print(f'{$best_gen/$best_hand:.2f}')")x; best of 2)"

# With a nightly toolchain: where the stackless crate's front end goes (`-Z time-passes`, one build after the
# dependencies): the macro's own time, and type checking.
if cargo +nightly --version >/dev/null 2>&1; then
    crate="$out/cc_stackless"
    (cd "$crate" && CARGO_TARGET_DIR="$PWD/target-nightly" cargo +nightly build --release -q 2>/dev/null)
    touch "$crate/src/lib.rs"
    passes=$(cd "$crate" && CARGO_TARGET_DIR="$PWD/target-nightly" cargo +nightly rustc --release -q -- -Z time-passes 2>&1)
    macro_s=$(echo "$passes" | awk '$NF == "macro_expand_crate" {print $2; exit}' | tr -d ';')
    typeck_s=$(echo "$passes" | awk '$NF == "type_check_crate" {print $2; exit}' | tr -d ';')
    echo "nightly -Z time-passes, $n generators: macro expansion ${macro_s}s, type checking ${typeck_s}s"
fi

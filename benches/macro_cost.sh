#!/usr/bin/env bash
# macro_cost.sh: the macro's own instructions, counted by callgrind inside rustc (through the proc-macro bridge,
# as users run it), on the first N of compile_cost's generators (compile-cost/generate.py).
# Prints the instructions of the whole rustc run, of the macro (`expand`), and of its emission and tidy passes.
# Usage: ./macro_cost.sh [N=50]   (needs valgrind; about 20 s for 50)
set -euo pipefail
cd "$(dirname "$0")"
n=${1:-50}
out=${CARGO_TARGET_DIR:-target}/macro-cost
mkdir -p "$out"
out=$(cd "$out" && pwd)
command -v valgrind >/dev/null || { echo "macro_cost.sh: valgrind not found" >&2; exit 1; }
python3 compile-cost/generate.py "$n" "$out" >/dev/null
crate="$out/cc_stackless"
(cd "$crate" && CARGO_TARGET_DIR="$PWD/target" cargo build --release -q 2>/dev/null)  # dependencies, the macro
touch "$crate/src/lib.rs"
# The crate's own rustc command, at opt-level 0 (the macro's work doesn't depend on it; codegen would dominate).
cmd=$(cd "$crate" && CARGO_TARGET_DIR="$PWD/target" cargo build --release -v 2>&1 \
  | sed -n 's/^ *Running `\(.*--crate-name cc_stackless.*\)`$/\1/p' | head -1 \
  | sed 's/--error-format=json --json=[^ ]*//; s/-C opt-level=3/-C opt-level=0/')
[ -n "$cmd" ] || { echo "macro_cost.sh: no rustc command found" >&2; exit 1; }
touch "$crate/src/lib.rs"
cg="$out/callgrind.out"
(cd "$crate" && eval "valgrind --tool=callgrind --callgrind-out-file=$cg $cmd" >/dev/null 2>&1)
callgrind_annotate --inclusive=yes "$cg" 2>/dev/null \
  | grep -E "PROGRAM TOTALS|stackless_macros::expand::expand |stackless_macros::emit::Emitter::emit |stackless_macros::tidy::tidy " \
  | sed -E 's/\?\?\?://; s/ \[.*//'

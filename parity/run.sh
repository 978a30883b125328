#!/usr/bin/env bash
# The parity check: every program of parity/programs/ run as a stackless coroutine and, where a nightly
# toolchain is installed, as rustc's own `gen` block / `#[coroutine]` closure; the traces must be identical.
# Prints `parity: N programs, M differ` and exits non-zero when M > 0. Without nightly it runs the stable half
# (stackless against the plain fn, `cargo test -p stackless-parity`). Also reports, for each program of
# parity/pending/, whether stackless still rejects it (and with what error) or now matches nightly, and for each
# of parity/rejected/ (stackless rejects them on purpose) both compilers' verdicts.
# Not part of .ci/run: nightly is never a requirement. PARITY_TOOLCHAIN picks the toolchain (default: nightly).
set -euo pipefail
cd "$(dirname "$0")/.."

work=target/parity
tc=${PARITY_TOOLCHAIN:-nightly}
rm -rf "$work"
mkdir -p "$work/stackless" "$work/nightly" "$work/src" "$work/bin"

if ! rustc "+$tc" --version >/dev/null 2>&1; then
    echo "parity: no $tc toolchain: compared only the stable half (stackless against the plain fn)"
    cargo test -q -p stackless-parity --test parity -- --nocapture
    exit
fi

cargo build -q -p stackless-parity
target/debug/stackless-parity traces "$work/stackless"
target/debug/stackless-parity nightly "$work/src"
mapfile -t pending < <(target/debug/stackless-parity pending)
mapfile -t rejected < <(target/debug/stackless-parity rejected)

is_pending() {
    local p
    for p in "${pending[@]}"; do [[ "$p" == "$1" ]] && return 0; done
    return 1
}

# Builds the stable variants with the pending or rejected program $1; prints stackless's first error, if any.
stackless_error() {
    if ! PARITY_INCLUDE="$1" cargo build -q -p stackless-parity 2>"$work/stackless/$1.err"; then
        grep -m1 -E '^error' "$work/stackless/$1.err"
    fi
}

# Builds and runs the nightly variant of $1; prints nothing on success, else nightly's first error.
run_nightly() {
    local src="$work/src/$1.rs"
    rustfmt "+$tc" --edition 2024 "$src" 2>/dev/null || true
    if ! rustc "+$tc" --edition 2024 -o "$work/bin/$1" "$src" 2>"$work/nightly/$1.err"; then
        grep -m1 -E '^error' "$work/nightly/$1.err"
        return
    fi
    "$work/bin/$1" >"$work/nightly/$1.txt"
}

first_difference() {
    diff "$work/nightly/$1.txt" "$work/stackless/$1.txt" | head -8 | sed 's/^/    /'
}

programs=0 differ=0
rejected_by_nightly=()
for txt in "$work"/stackless/*.txt; do
    name=$(basename "$txt" .txt)
    err=$(run_nightly "$name")
    if [[ -n "$err" ]]; then
        rejected_by_nightly+=("$name: $err")
        continue
    fi
    programs=$((programs + 1))
    if ! cmp -s "$work/nightly/$name.txt" "$txt"; then
        differ=$((differ + 1))
        echo "differs: $name (< nightly, > stackless)"
        first_difference "$name"
    fi
done
for entry in "${rejected_by_nightly[@]}"; do
    echo "nightly rejects (stackless only, compared with the plain fn by the stable half): $entry"
done

for name in "${pending[@]}"; do
    err=$(run_nightly "$name")
    if [[ -n "$err" ]]; then
        echo "pending $name: nightly rejects it too: $err"
        continue
    fi
    err=$(stackless_error "$name")
    if [[ -n "$err" ]]; then
        echo "pending $name: stackless rejects it: $err"
        continue
    fi
    mkdir -p "$work/pending"
    target/debug/stackless-parity traces "$work/pending"
    cp "$work/pending/$name.txt" "$work/stackless/$name.txt"
    if cmp -s "$work/nightly/$name.txt" "$work/stackless/$name.txt"; then
        echo "pending $name: stackless now accepts it with nightly's output: move it to parity/programs/"
    else
        echo "pending $name: stackless now accepts it but its output differs (< nightly, > stackless):"
        first_difference "$name"
    fi
done
for name in "${rejected[@]}"; do
    nightly_err=$(run_nightly "$name")
    stackless_err=$(stackless_error "$name")
    if [[ -z "$stackless_err" ]]; then
        echo "rejected $name: stackless now accepts it: compare it (move it to parity/programs/)"
    else
        echo "rejected $name: stackless: $stackless_err; nightly: ${nightly_err:-accepts it}"
    fi
done
if ((${#pending[@]} + ${#rejected[@]} > 0)); then
    cargo build -q -p stackless-parity # back to the build without the pending programs
fi

echo "parity: $programs programs, $differ differ"
((differ == 0))

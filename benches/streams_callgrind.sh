#!/usr/bin/env bash
# streams_callgrind.sh: instructions per item of the async generators in src/streams_common.rs (bins `streams`
# and `streams_escaped`), for every workload × implementation, counted by valgrind's callgrind, and the size
# of each stream value.
#
# Usage: benches/streams_callgrind.sh [+TOOLCHAIN] [-- extra cargo build args]
#   e.g. benches/streams_callgrind.sh              hand, stackless, async_stream
#        benches/streams_callgrind.sh +nightly     adds `async gen` blocks (use another CARGO_TARGET_DIR)
# Env:   CARGO_TARGET_DIR (honoured), N1/N2 (sizes, default 100000/200000)
#
# Two tables of instructions: `streams`, where as in `bench` only `n` and the items go through `black_box` (the
# optimiser may keep a stream's state in registers across polls); then `streams_escaped`, where the stream's
# address goes through `black_box` first, so its state lives in memory and is reloaded on every poll (as in a
# task that an executor polls).
#
# Each pair runs `streams[_escaped] --only WORKLOAD IMPL --iters N` under callgrind at two sizes;
# (I(N2) - I(N1)) / (N2 - N1) cancels whatever doesn't scale with N (process start-up, creating the stream, the one `Box::pin`).
# The binary itself asserts the items, the `Pending`s and the sum against a reference; the script also stops
# if two implementations print different checksums for the same workload and size.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
toolchain=()
if [[ "${1:-}" == +* ]]; then toolchain=("$1"); shift; fi
[[ "${1:-}" == "--" ]] && shift

command -v valgrind >/dev/null || { echo "streams_callgrind.sh: valgrind not found" >&2; exit 1; }

N1=${N1:-100000}
N2=${N2:-200000}

cargo "${toolchain[@]}" build --release --quiet --manifest-path "$here/Cargo.toml" --bin streams --bin streams_escaped "$@"
target_dir="${CARGO_TARGET_DIR:-$here/target}"
bin="$target_dir/release/streams"

read -r -a workloads <<<"$("$bin" --list | sed -n 's/^workloads: //p')"
read -r -a impls <<<"$("$bin" --list | sed -n 's/^impls: //p')"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# measure BINARY WORKLOAD IMPL N -> "instructions yields checksum size"
measure() {
    local out ir yields checksum size
    out="$(valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$1" --only "$2" "$3" --iters "$4" \
        2>"$tmp/stderr")" || { echo "streams_callgrind.sh: $* failed" >&2; cat "$tmp/stderr" >&2; exit 1; }
    ir="$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/stderr")"
    yields="$(sed -n 's/.*yields=\([0-9]*\).*/\1/p' <<<"$out")"
    checksum="$(sed -n 's/.*checksum=\([0-9]*\).*/\1/p' <<<"$out")"
    size="$(sed -n 's/.*size=\([0-9]*\).*/\1/p' <<<"$out")"
    [[ -n "$ir" && -n "$yields" && -n "$checksum" && -n "$size" ]] ||
        { echo "streams_callgrind.sh: no result for $*" >&2; cat "$tmp/stderr" >&2; exit 1; }
    echo "$ir $yields $checksum $size"
}

header="| workload | $(IFS='|'; echo "${impls[*]}" | sed 's/|/ | /g') |"
rule="|---|$(printf -- '---|%.0s' "${impls[@]}")"
echo "$("$bin" --list | sed -n '/^rustc: /p') · sizes $N1 → $N2 · checksums equal across implementations"

for mode in "" _escaped; do
rows=()
size_rows=()
for w in "${workloads[@]}"; do
    row="| $w |"
    size_row="| $w |"
    hand=""
    sums=""
    for i in "${impls[@]}"; do
        echo "callgrind: $w $i $mode" >&2
        read -r ir1 y1 c1 s1 <<<"$(measure "$bin$mode" "$w" "$i" "$N1")"
        read -r ir2 y2 c2 s2 <<<"$(measure "$bin$mode" "$w" "$i" "$N2")"
        [[ "$y1" == "$N1" && "$y2" == "$N2" ]] ||
            { echo "streams_callgrind.sh: $i on $w: $y1/$y2 items" >&2; exit 1; }
        if [[ -z "$sums" ]]; then
            sums="$c1 $c2"
        elif [[ "$sums" != "$c1 $c2" ]]; then
            echo "streams_callgrind.sh: $i on $w: checksums $c1 $c2 differ from the first implementation's $sums" >&2
            exit 1
        fi
        per="$(awk -v a="$ir1" -v b="$ir2" -v ya="$y1" -v yb="$y2" 'BEGIN { printf "%.1f", (b - a) / (yb - ya) }')"
        [[ -z "$hand" ]] && hand="$per"
        ratio="$(awk -v p="$per" -v h="$hand" 'BEGIN { if (h > 0) printf " (%.2f×)", p / h }')"
        row+=" $per$ratio |"
        size_row+=" $s1 |"
    done
    rows+=("$row")
    size_rows+=("$size_row")
done

echo
if [[ -z "$mode" ]]; then
    echo "## Instructions per item (\`streams\`, callgrind, Δinstructions / Δitems) · ratio to \`${impls[0]}\`"
else
    echo "## Instructions per item, state escaped (\`streams_escaped\`: reloaded on every poll) · ratio to \`${impls[0]}\`"
fi
echo
echo "$header"
echo "$rule"
printf '%s\n' "${rows[@]}"
done

echo
echo "## Size of the stream value (bytes, \`size_of_val\`; async_stream and nightly: before \`Box::pin\`)"
echo
echo "$header"
echo "$rule"
printf '%s\n' "${size_rows[@]}"

#!/usr/bin/env bash
# callgrind.sh: instructions per yield for every workload × implementation, counted by valgrind's callgrind.
#
# Usage: benches/callgrind.sh [+TOOLCHAIN] [-- extra cargo build args]
#   e.g. benches/callgrind.sh              stable set (plus nightly ones if the default toolchain is nightly)
#        benches/callgrind.sh +nightly     adds rustc's #[coroutine] and gen blocks
# Env:   CARGO_TARGET_DIR (honoured), N1/N2 (sizes, default 100000/200000), SPAWN1/SPAWN2 (default 5000/10000)
#
# Each pair runs `bench --only WORKLOAD IMPL --iters N` under callgrind at two sizes; the difference of the
# two instruction totals divided by the difference of the two yield counts cancels everything that doesn't
# scale with N (process start-up, building the tree, creating the coroutine). Counts are deterministic, so
# one run per size is enough. `spawn` is per coroutine (create, resume twice, drop), not per yield.
# Both runs of a workload must print the same checksum for every implementation, or the script stops.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
toolchain=()
if [[ "${1:-}" == +* ]]; then toolchain=("$1"); shift; fi
[[ "${1:-}" == "--" ]] && shift

command -v valgrind >/dev/null || { echo "callgrind.sh: valgrind not found (apt-get install valgrind)" >&2; exit 1; }

N1=${N1:-100000}
N2=${N2:-200000}
SPAWN1=${SPAWN1:-5000}
SPAWN2=${SPAWN2:-10000}

cargo "${toolchain[@]}" build --release --quiet --manifest-path "$here/Cargo.toml" "$@"
target_dir="${CARGO_TARGET_DIR:-$here/target}"
bench="$target_dir/release/bench"

read -r -a workloads <<<"$("$bench" --list | sed -n 's/^workloads: //p')"
read -r -a impls <<<"$("$bench" --list | sed -n 's/^impls: //p')"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# measure WORKLOAD IMPL N -> prints "instructions yields checksum", or "n/a reason..."
measure() {
    local out
    out="$(valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$bench" --only "$1" "$2" --iters "$3" \
        2>"$tmp/stderr")"
    if [[ "$out" == n/a:* ]]; then
        echo "n/a ${out#n/a: }"
        return
    fi
    local ir yields checksum
    ir="$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/stderr")"
    yields="$(sed -n 's/.*yields=\([0-9]*\).*/\1/p' <<<"$out")"
    checksum="$(sed -n 's/.*checksum=\([0-9]*\).*/\1/p' <<<"$out")"
    [[ -n "$ir" && -n "$yields" ]] || { echo "callgrind.sh: no result for $1 $2 $3" >&2; cat "$tmp/stderr" >&2; exit 1; }
    echo "$ir $yields $checksum"
}

rows=()
notes=()
for w in "${workloads[@]}"; do
    if [[ "$w" == spawn ]]; then a=$SPAWN1 b=$SPAWN2; else a=$N1 b=$N2; fi
    row="| $w |"
    hand=""
    sums=""
    for i in "${impls[@]}"; do
        echo "callgrind: $w $i" >&2
        read -r ir1 y1 c1 <<<"$(measure "$w" "$i" "$a")"
        if [[ "$ir1" == n/a ]]; then
            row+=" n/a |"
            notes+=("- n/a: $i on $w: $(measure "$w" "$i" "$a" | cut -d' ' -f2-)")
            continue
        fi
        read -r ir2 y2 c2 <<<"$(measure "$w" "$i" "$b")"
        if [[ -z "$sums" ]]; then
            sums="$c1 $c2"
        elif [[ "$sums" != "$c1 $c2" ]]; then
            echo "callgrind.sh: $i on $w: checksums $c1 $c2 differ from the first implementation's $sums" >&2
            exit 1
        fi
        per="$(awk -v a="$ir1" -v b="$ir2" -v ya="$y1" -v yb="$y2" 'BEGIN { printf "%.1f", (b - a) / (yb - ya) }')"
        [[ -z "$hand" ]] && hand="$per"
        ratio="$(awk -v p="$per" -v h="$hand" 'BEGIN { if (h > 0) printf " (%.2f×)", p / h }')"
        row+=" $per$ratio |"
    done
    rows+=("$row")
done

echo "## Instructions per yield (callgrind, Δinstructions / Δyields between two sizes) · ratio to \`${impls[0]}\`"
echo
echo "$("$bench" --list | sed -n '/^rustc: /p') · sizes $N1 → $N2 (spawn: $SPAWN1 → $SPAWN2)"
echo
echo "| workload | $(IFS='|'; echo "${impls[*]}" | sed 's/|/ | /g') |"
echo "|---|$(printf -- '---|%.0s' "${impls[@]}")"
printf '%s\n' "${rows[@]}"
echo
echo "\`spawn\` is per coroutine (create, resume twice, drop), not per yield."
if ((${#notes[@]})); then printf '%s\n' "${notes[@]}"; fi

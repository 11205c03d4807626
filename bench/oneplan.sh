#!/usr/bin/env bash
# Times `trellis build` of one plan (default examples/cedar-valley) as a
# whole process, from exec to exit, and reports the median and the
# fastest of RUNS (default 21) runs; with BEFORE=rev, a Trellis built
# from that revision runs too, interleaved with it (before, after, ...).
#
#   bash bench/oneplan.sh                        # cedar-valley
#   BEFORE=main bash bench/oneplan.sh            # against main
#   bash bench/oneplan.sh examples/magnolia-county
#
# The site is written to a tmpfs (/dev/shm) when there is one, so that the
# disk's speed is left out; the plan is read where it is (in this checkout,
# so its git history is this repository's). Each run starts from the
# previous run's site, as a coordinator's next build does. `trellis version`
# runs interleaved with them, as the floor: starting the program and
# ending it, with no work.
set -euo pipefail
cd "$(dirname "$0")/.."
plan=${1:-examples/cedar-valley}
runs=${RUNS:-21}
work=$(mktemp -d "${TMPDIR:-/tmp}/oneplan.XXXXXX")
trap 'rm -rf "$work"' EXIT
outroot=$work
if [ -d /dev/shm ] && [ -w /dev/shm ]; then outroot=$(mktemp -d /dev/shm/oneplan.XXXXXX); fi
trap 'rm -rf "$work" "$outroot"' EXIT

go build -o "$work/after" ./cmd/trellis
tools=(after)
if [ -n "${BEFORE:-}" ]; then
  mkdir "$work/src"
  git archive "$BEFORE" | tar -x -C "$work/src"
  (cd "$work/src" && go build -o "$work/before" ./cmd/trellis)
  tools=(before after)
fi
declare -A times=()
for t in "${tools[@]}"; do "$work/$t" build "$plan" -o "$outroot/site-$t" > /dev/null 2>&1; done # warm the caches
for _ in $(seq "$runs"); do
  for t in "${tools[@]}" floor; do
    start=$(date +%s%N)
    if [ "$t" = floor ]; then
      "$work/after" version > /dev/null 2>&1
    else
      "$work/$t" build "$plan" -o "$outroot/site-$t" > /dev/null 2>&1
    fi
    end=$(date +%s%N)
    times[$t]+="$(( (end - start) / 1000 )) "
  done
done
echo "trellis build $plan: $runs interleaved runs, $(nproc) cores, site on $(df -T "$outroot" | awk 'NR == 2 { print $2 }')"
for t in "${tools[@]}" floor; do
  tr ' ' '\n' <<< "${times[$t]}" | grep . | sort -n | awk -v t="$t" '{ v[NR] = $1 } END {
    printf "%-6s median %.1f ms, fastest %.1f ms, slowest %.1f ms\n", t, v[int((NR + 1) / 2)] / 1000, v[1] / 1000, v[NR] / 1000 }'
done

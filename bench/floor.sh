#!/usr/bin/env bash
# Times what a `trellis` process costs before it does any work: starting
# the Go runtime and running the initialisation of every package linked
# in. It builds, from this checkout's go.mod:
#
#   hello     a program that prints one line (the Go runtime alone)
#   deps      a program that imports every package `trellis` depends on
#             outside this module, and prints one line
#   deps-X    the same without the packages matching X (one per group
#             below), to show what each group's start-up costs
#
# and runs them interleaved with `trellis version` (Trellis's own packages
# too), RUNS times each (default 41), reporting medians.
#
#   bash bench/floor.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-41}
work=$(mktemp -d "${TMPDIR:-/tmp}/floor.XXXXXX")
src=$(mktemp -d ./cmd/_floor.XXXXXX) # inside the module, for its versions; "_" keeps it out of ./...
trap 'rm -rf "$work" "$src"' EXIT

declare -A groups=(
  [bluemonday]='microcosm-cc/bluemonday|gorilla/css'
  [goldmark]='yuin/goldmark'
  [go-git]='go-git/|ProtonMail/|golang.org/x/crypto|cloudflare/circl|kevinburke/|pjbgf/|sergi/|emirpasic/|cyphar/|jbenet/'
  [chromedp]='chromedp/|gobwas/|mailru/|josharian/|ledongthuc/|orisano/'
  [x-text-display]='golang.org/x/text/language/display'
)
go list -deps ./cmd/trellis | grep -v '^github.com/trellis-pl/' | grep '\.' | grep -v -e '/internal/' -e '/internal$' -e '^vendor/' > "$work/deps.txt"

program() { # name, packages to leave out (an extended regular expression, or "")
  { echo 'package main'
    echo 'import ('
    if [ "$1" != hello ]; then
      grep -v -E "${2:-^$}" "$work/deps.txt" | sed 's/.*/\t_ "&"/'
    fi
    echo ')'
    echo 'func main() { println("hi") }'
  } > "$src/main.go"
  go build -o "$work/$1" "./$src"
}
program hello
program deps
names=(hello deps)
for g in "${!groups[@]}"; do program "deps-$g" "${groups[$g]}"; names+=("deps-$g"); done
go build -o "$work/trellis" ./cmd/trellis
names+=(trellis)

declare -A times=()
for _ in $(seq "$runs"); do
  for n in "${names[@]}"; do
    args=(); [ "$n" = trellis ] && args=(version)
    start=$(date +%s%N)
    "$work/$n" "${args[@]}" > /dev/null 2>&1
    end=$(date +%s%N)
    times[$n]+="$(( (end - start) / 1000 )) "
  done
done
echo "process start-up: $runs interleaved runs, $(nproc) cores"
for n in "${names[@]}"; do
  label=$n; [ "$n" = trellis ] && label="trellis version"
  size=$(stat -c %s "$work/$n")
  tr ' ' '\n' <<< "${times[$n]}" | grep . | sort -n | awk -v t="$label" -v s="$size" '{ v[NR] = $1 } END {
    printf "%-22s median %5.1f ms, fastest %5.1f ms  (%4.1f MB)\n", t, v[int((NR + 1) / 2)] / 1000, v[1] / 1000, s / 1e6 }'
done

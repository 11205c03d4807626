#!/usr/bin/env bash
# Builds the examples (cedar-valley, magnolia-county, and a portal of the
# two) and a small synthetic portal with Trellis from a revision (default
# main) and from the working tree, and compares the sites with
# bench/htmlsame: the same files, HTML pages with the same elements,
# attributes and text (minified or not), other files byte for byte.
#
#   bash bench/golden.sh          # against main
#   bash bench/golden.sh HEAD~3   # against another revision
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:-main}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git archive "$rev" | (mkdir -p "$work/old-src" && tar -x -C "$work/old-src")
(cd "$work/old-src" && go build -o "$work/trellis-old" ./cmd/trellis)
go build -o "$work/trellis-new" ./cmd/trellis
go build -o "$work/htmlsame" ./bench/htmlsame
mkdir -p "$work/portal"
cp -r examples/cedar-valley examples/magnolia-county "$work/portal/"
printf 'title = "Example portal"\nbase_url = "https://plans.example/"\n' > "$work/portal/portal.toml"
go run ./cmd/trellis-synth -n 5 -seed 7 -o "$work/synth" > /dev/null
status=0
for site in examples/cedar-valley examples/magnolia-county "$work/portal" "$work/synth"; do
  name=$(basename "$site")
  "$work/trellis-old" build "$site" -o "$work/out-old-$name" > /dev/null
  "$work/trellis-new" build "$site" -o "$work/out-new-$name" > /dev/null
  echo "== $name"
  "$work/htmlsame" "$work/out-old-$name" "$work/out-new-$name" || status=1
done
exit $status

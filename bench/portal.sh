#!/usr/bin/env bash
# Builds synthetic portals of N district plans with Trellis and the same
# content files with Hugo, side by side, and reports the medians of wall
# time and peak memory (resident set) of 3 interleaved runs of each, and
# Trellis's ratio to Hugo last.
#
#   bash bench/portal.sh                  # N = 1000
#   bash bench/portal.sh 100 1000 10000   # chosen sizes
#   BEFORE=main bash bench/portal.sh 1000 # also a Trellis built from the
#                                         # revision main, interleaved
#
# Method (issue 16): the content and the output live on a freshly made
# file system: a tmpfs mounted for the run (as root), else a loop-mounted
# ext4 image, else, said so in the report, an ordinary folder. Both tools
# get the same files from `go run ./cmd/trellis-synth` (internal/synth
# writes the Hugo site); both minify (Hugo with --minify; Trellis with its
# defaults, see README's performance section); each run starts from an
# empty output folder; runs go Trellis, Hugo, Trellis, Hugo, ...
#
# Hugo v0.150.0 is built once (pure Go, not extended) into
# $TRELLIS_BENCH_CACHE (default ~/.cache/trellis-bench) and reused. If it
# cannot be installed the script says so and measures Trellis alone.
# RUNS changes the number of runs; the report is bench/out/report.md.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000)
runs=${RUNS:-3}
repo=$(pwd)
out=$repo/bench/out
cache=${TRELLIS_BENCH_CACHE:-$HOME/.cache/trellis-bench}
bin=$out/bin
mkdir -p "$bin" "$cache/bin"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }
if ! /usr/bin/time -v true 2>/dev/null; then
  as_root apt-get update -qq && as_root apt-get install -y -qq time >/dev/null
fi

# The file system: tmpfs, else loop-mounted ext4, else a plain folder.
fsdir=$out/fs
mkdir -p "$fsdir"
mountpoint -q "$fsdir" && as_root umount "$fsdir"
fskind=""
if as_root mount -t tmpfs -o size=16g tmpfs "$fsdir" 2>/dev/null; then
  fskind="tmpfs mounted for this run"
else
  img=$out/fs.img
  rm -f "$img"
  if truncate -s 8G "$img" && mkfs.ext4 -q -F "$img" 2>/dev/null &&
    as_root mount -o loop "$img" "$fsdir" 2>/dev/null; then
    fskind="ext4 on a loop device, made for this run"
  else
    rm -f "$img"
    fskind="an ordinary folder (could not mount tmpfs or a loop device)"
  fi
fi
cleanup() {
  if mountpoint -q "$fsdir"; then as_root umount "$fsdir" || true; fi
  rm -f "$out/fs.img"
}
trap cleanup EXIT
[ "$fskind" = "${fskind#an ordinary}" ] || rm -rf "${fsdir:?}"/*

go build -o "$bin/trellis" ./cmd/trellis
tools=(trellis)
if [ -n "${BEFORE:-}" ]; then
  src=$(mktemp -d)
  git archive "$BEFORE" | tar -x -C "$src"
  (cd "$src" && go build -o "$bin/trellis-before" ./cmd/trellis)
  rm -rf "$src"
  tools=(trellis-before trellis)
fi
hugo=$cache/bin/hugo
if [ ! -x "$hugo" ]; then
  echo "installing Hugo v0.150.0 into $cache (a few minutes the first time)" >&2
  (cd "$cache" && GOBIN=$cache/bin CGO_ENABLED=0 go install github.com/gohugoio/hugo@v0.150.0) >&2 || true
fi
if [ -x "$hugo" ]; then tools+=(hugo); else echo "Hugo could not be installed: measuring Trellis alone" >&2; fi

# measure LOG CMD...: runs CMD under /usr/bin/time -v, prints "seconds kib
# cpu-seconds" (wall time, peak resident memory, user + system time).
measure() {
  local log=$1
  shift
  /usr/bin/time -v "$@" > "$log.out" 2> "$log"
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = (n == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
    /User time/ { c += $2 } /System time/ { c += $2 }
    /Maximum resident set size/ { k = $2 } END { print s, k, c }' "$log"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

report=$out/report.md
{
  echo "Medians of $runs interleaved runs on $fskind; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')."
  echo
  echo "| districts | tool | wall (s) | CPU, user + system (s) | pages | peak memory (MiB) | runs, wall (s) |"
  echo "|---:|---|---:|---:|---:|---:|---|"
} > "$report"
ratios=""
for n in "${sizes[@]}"; do
  portal=$fsdir/portal-$n
  hugosite=$fsdir/hugo-$n
  [ -d "$portal" ] || go run ./cmd/trellis-synth -n "$n" -seed 1 -o "$portal" > /dev/null
  [ -d "$hugosite" ] || go run ./cmd/trellis-synth -n "$n" -seed 1 -hugo -o "$hugosite" > /dev/null
  declare -A walls=() rsss=() cpus=() pages=()
  for r in $(seq "$runs"); do
    for t in "${tools[@]}"; do
      site=$fsdir/site-$t-$n
      rm -rf "$site"
      sync
      case $t in
        hugo) res=$(measure "$out/time-$t-$n-$r.log" "$hugo" --minify --quiet -s "$hugosite" -d "$site") ;;
        *) res=$(measure "$out/time-$t-$n-$r.log" "$bin/$t" build "$portal" -o "$site") ;;
      esac
      read -r w k c <<< "$res"
      walls[$t]+="$w "
      rsss[$t]+="$k "
      cpus[$t]+="$c "
      pages[$t]=$(find "$site" -name '*.html' | wc -l)
      echo "$n districts, run $r, $t: $w s, $c s of CPU, $((k / 1024)) MiB" >&2
    done
  done
  declare -A mw=() mr=() mc=()
  for t in "${tools[@]}"; do
    mw[$t]=$(tr ' ' '\n' <<< "${walls[$t]}" | grep . | median)
    mr[$t]=$(tr ' ' '\n' <<< "${rsss[$t]}" | grep . | median)
    mc[$t]=$(tr ' ' '\n' <<< "${cpus[$t]}" | grep . | median)
    printf '| %d | %s | %.2f | %.2f | %d | %.0f | %s|\n' "$n" "$t" "${mw[$t]}" "${mc[$t]}" "${pages[$t]}" "$(awk -v k="${mr[$t]}" 'BEGIN { print k / 1024 }')" "${walls[$t]}" >> "$report"
  done
  if [ -n "${mw[hugo]:-}" ]; then
    for t in "${tools[@]}"; do
      [ "$t" = hugo ] && continue
      ratios+=$(awk -v n="$n" -v t="$t" -v tw="${mw[$t]}" -v hw="${mw[hugo]}" -v tr="${mr[$t]}" -v hr="${mr[hugo]}" -v tc="${mc[$t]}" -v hc="${mc[hugo]}" 'BEGIN {
        printf "%d districts, %s ÷ Hugo: wall %.2f× (target ≤ 0.40×), peak memory %.2f× (target ≤ 0.25×), CPU %.2f×\\n", n, t, tw/hw, tr/hr, tc/hc }')
    done
  fi
  rm -rf "$fsdir"/site-*-"$n"
done
if [ -n "${PROFILE:-}" ]; then
  n=${sizes[0]}
  "$bin/trellis" build "$fsdir/portal-$n" -o "$fsdir/site-profile" --cpuprofile "$out/trellis-$n.prof" > /dev/null
  {
    echo
    echo "Where Trellis's time goes at $n districts (go tool pprof -top):"
    echo '```'
    go tool pprof -top -nodecount=25 "$bin/trellis" "$out/trellis-$n.prof" 2>/dev/null | sed -n '1,32p'
    echo '```'
  } >> "$report"
fi
if [ -n "$ratios" ]; then printf '\n%b' "$ratios" >> "$report"; fi
cat "$report"

#!/usr/bin/env bash
# Builds synthetic portals of N district plans with Trellis and the same
# content files with Hugo, and reports wall time, pages per second and peak
# memory of each, side by side.
#
#   bash bench/portal.sh              # N = 100, 1000 and 10000
#   bash bench/portal.sh 100 1000     # chosen sizes
#
# Both builds minify their output. Everything is written under bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000)
out=bench/out
bin=$out/bin
mkdir -p "$bin"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if [ ! -x /usr/bin/time ]; then
  as_root apt-get update -qq && as_root apt-get install -y -qq time >/dev/null
fi
go build -o "$bin/trellis" ./cmd/trellis
go build -o "$bin/trellis-synth" ./cmd/trellis-synth
if [ ! -x "$bin/hugo" ]; then
  echo "installing Hugo v0.150.0 (a few minutes the first time)"
  GOBIN="$(pwd)/$bin" go install github.com/gohugoio/hugo@v0.150.0
fi

# measure NAME CMD...: runs CMD under /usr/bin/time -v and prints
# "seconds peak_kib".
measure() {
  local log=$out/time-$1.log
  shift
  /usr/bin/time -v "$@" > "$log.out" 2> "$log"
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  # wall is m:ss.ss or h:mm:ss
  echo "$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }') $rss"
}

report=$out/report.md
{
  echo "| districts | tool | wall (s) | pages | pages/s | peak memory (MiB) |"
  echo "|---:|---|---:|---:|---:|---:|"
} > "$report"
declare -A twall
for n in "${sizes[@]}"; do
  portal=$out/portal-$n
  hugosite=$out/hugo-$n
  [ -d "$portal" ] || "$bin/trellis-synth" -n "$n" -seed 1 -o "$portal" > /dev/null
  [ -d "$hugosite" ] || "$bin/trellis-synth" -n "$n" -seed 1 -hugo -o "$hugosite" > /dev/null
  rm -rf "$out/site-trellis-$n" "$out/site-hugo-$n"

  read -r tw tr < <(measure "trellis-$n" "$bin/trellis" build "$portal" -o "$out/site-trellis-$n")
  tp=$(find "$out/site-trellis-$n" -name '*.html' | wc -l)
  read -r hw hr < <(measure "hugo-$n" "$bin/hugo" --minify --quiet -s "$hugosite" -d "$(pwd)/$out/site-hugo-$n")
  hp=$(find "$out/site-hugo-$n" -name '*.html' | wc -l)
  twall[$n]=$tw
  awk -v n="$n" -v tw="$tw" -v tp="$tp" -v tr="$tr" -v hw="$hw" -v hp="$hp" -v hr="$hr" 'BEGIN {
    printf "| %d | Trellis | %.2f | %d | %.0f | %.0f |\n", n, tw, tp, tp/tw, tr/1024
    printf "| %d | Hugo | %.2f | %d | %.0f | %.0f |\n", n, hw, hp, hp/hw, hr/1024
    printf "| %d | Trellis ÷ Hugo | %.2f× | | | %.2f× |\n", n, tw/hw, tr/hr
  }' >> "$report"
done
first=${sizes[0]}
last=${sizes[${#sizes[@]}-1]}
if [ "$first" != "$last" ]; then
  awk -v a="$first" -v b="$last" -v ta="${twall[$first]}" -v tb="${twall[$last]}" 'BEGIN {
    printf "\nTrellis, %d → %d districts: %.1f× the districts took %.1f× the time (%.2f ms per district at %d).\n", a, b, b/a, tb/ta, 1000*tb/b, b
  }' >> "$report"
fi
# The targets, at 1,000 districts: wall time at most 0.4x Hugo's, peak
# memory at most 0.25x Hugo's. And where Trellis's time goes.
if [ -f "$out/time-trellis-1000.log" ] && [ -f "$out/time-hugo-1000.log" ]; then
  rm -rf "$out/site-trellis-1000" "$out/site-hugo-1000" # both start from an empty output folder
  read -r tw tr < <(measure "trellis-1000-again" "$bin/trellis" build "$out/portal-1000" -o "$out/site-trellis-1000")
  read -r hw hr < <(measure "hugo-1000-again" "$bin/hugo" --minify --quiet -s "$out/hugo-1000" -d "$(pwd)/$out/site-hugo-1000")
  awk -v tw="$tw" -v hw="$hw" -v tr="$tr" -v hr="$hr" 'BEGIN {
    printf "\nTargets at 1000 districts (a second run of each):\n"
    t = tw/hw; m = tr/hr
    printf "- wall time: %.2fx Hugo (%.2f s against %.2f s); target 0.40x: %s\n", t, tw, hw, (t <= 0.4 ? "met" : sprintf("missed, %.1fx too slow", t/0.4))
    printf "- peak memory: %.2fx Hugo (%.0f MiB against %.0f MiB); target 0.25x: %s\n", m, tr/1024, hr/1024, (m <= 0.25 ? "met" : sprintf("missed, %.1fx too much", m/0.25))
  }' >> "$report"
  rm -rf "$out/site-trellis-1000"
  "$bin/trellis" build "$out/portal-1000" -o "$out/site-trellis-1000" --cpuprofile "$out/trellis-1000.prof" > /dev/null
  {
    echo
    echo "Where Trellis's time goes at 1000 districts (go tool pprof -top -cum):"
    echo '```'
    go tool pprof -top -cum -nodecount=30 "$bin/trellis" "$out/trellis-1000.prof" 2>/dev/null | sed -n '1,40p'
    echo '```'
  } >> "$report"
fi
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" >> "$report"
cat "$report"

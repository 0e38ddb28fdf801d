#!/usr/bin/env bash
# bench/release2rec.sh - speed of release2rec (parsing and entity
# extraction) on one core: the shared corpus repeated to about 50 MB, one
# file per copy set, converted in one run. Prints MB/s and records/s.
#
# usage: bench/release2rec.sh [BUILD_DIR] [MB]
#   BUILD_DIR  a build tree with bin/release2rec (default: build)
#   MB         size of the input (default: 50)
# PRESSPIPE_SHARED points at ../shared when it is elsewhere.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$here/build"}
mb=${2:-50}
bin="$build/bin/release2rec"
shared=${PRESSPIPE_SHARED:-"$here/../shared"}
[ -x "$bin" ] || { echo "bench: $bin not found (build first)" >&2; exit 2; }
[ -d "$shared/corpus" ] || { echo "bench: $shared/corpus not found" >&2; exit 2; }
export PRESSPIPE_DATADIR=${PRESSPIPE_DATADIR:-"$here/data"}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Each corpus release copied under a new name until the total reaches MB.
want=$((mb * 1000 * 1000))
total=0 i=0
while [ "$total" -lt "$want" ]; do
  for f in "$shared"/corpus/*.txt; do
    cp "$f" "$tmp/$i-$(basename "$f")"
    total=$((total + $(stat -c %s "$f")))
    i=$((i + 1))
  done
done
files=("$tmp"/*.txt)
# warm the page cache, then time one run pinned to one core
cat "${files[@]}" >/dev/null
start=$(date +%s.%N)
taskset -c 0 "$bin" "${files[@]}" >"$tmp/out.jsonl" 2>/dev/null || true
end=$(date +%s.%N)
records=$(wc -l <"$tmp/out.jsonl")
awk -v b="$total" -v n="$records" -v s="$start" -v e="$end" 'BEGIN {
  t = e - s;
  printf "release2rec: %.1f MB in %.2f s: %.1f MB/s, %.0f records/s (%d records)\n",
         b / 1e6, t, b / 1e6 / t, n / t, n
}'

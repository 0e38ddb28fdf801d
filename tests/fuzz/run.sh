#!/usr/bin/env bash
# Builds the fuzzers with clang and runs each for SECONDS (default 60) from
# the fixtures as seeds; fails on any crash, leak, sanitizer report or
# broken property. Prints each harness's executions per second.
# Usage: tests/fuzz/run.sh [SECONDS] [HARNESS...]
set -euo pipefail
secs=${1:-60}
shift || true
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${PP_FUZZ_BUILD:-$src/build-fuzz}
export PRESSPIPE_DATADIR=${PRESSPIPE_DATADIR:-$src/data/en}
all=(records_fuzz newsml_fuzz jsonld_fuzz csv_fuzz release2rec_fuzz html_fuzz)
harnesses=("${all[@]}")
[ $# = 0 ] || harnesses=("$@")
CC=clang cmake -S "$src" -B "$build" -DPP_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j2 --target "${harnesses[@]}" release2rec >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/releases" "$work/records" "$work/html"
cp "$src"/fixtures/html/*.html "$work/html/" 2>/dev/null || true
cp "$src"/fixtures/release2rec/*.txt "$work/releases/"
cp "$src"/fixtures/*/*.jsonl "$work/records/" 2>/dev/null || true
"$build/bin/release2rec" "$src"/fixtures/release2rec/*.txt >"$work/records/from-fixtures.jsonl"
status=0 passed=0 failed=0
for name in "${harnesses[@]}"; do
  seeds=records
  [ "$name" = release2rec_fuzz ] && seeds=releases
  [ "$name" = html_fuzz ] && seeds=html
  echo "== $name for ${secs}s"
  TIMEFORMAT='%U %S'
  if ! { time "$build/tests/fuzz/$name" -max_total_time="$secs" -max_len=65536 -timeout=10 \
    -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$work/" "$work/$seeds" \
    2>"$work/$name.log"; } 2>"$work/$name.time"; then
    tail -40 "$work/$name.log"
    cp "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$src/" 2>/dev/null || true
    status=1 failed=$((failed + 1))
  else
    passed=$((passed + 1))
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$name.log")
    took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$work/$name.log")
    cpu=$(awk '{printf "%.1f", $1 + $2}' "$work/$name.time")
    # per second of wall time (what libFuzzer reports) and of CPU time (what
    # a loaded machine does not change)
    echo "$name: $runs executions in ${took:-$secs} s: $((runs / ${took:-$secs}))/s;" \
      "CPU ${cpu} s: $(awk -v r="$runs" -v c="$cpu" 'BEGIN { printf "%d", (c > 0 ? r / c : 0) }')/s of CPU"
  fi
done
echo "$passed passed, $failed failed"
[ $status = 0 ] || echo "fuzzing found a problem (artifact copied to the source root)"
exit $status

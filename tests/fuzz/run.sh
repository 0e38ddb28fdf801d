#!/usr/bin/env bash
# Builds the fuzzers with clang and runs each for SECONDS (default 60) from
# the fixtures as seeds; fails on any crash, leak or sanitizer report.
# Usage: tests/fuzz/run.sh [SECONDS]
set -euo pipefail
secs=${1:-60}
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${PP_FUZZ_BUILD:-$src/build-fuzz}
CC=clang cmake -S "$src" -B "$build" -DPP_FUZZ=ON -DCMAKE_BUILD_TYPE=Debug -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j2 --target release2rec_fuzz records_fuzz release2rec >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/releases" "$work/records"
cp "$src"/fixtures/release2rec/*.txt "$work/releases/"
cp "$src"/fixtures/*/*.jsonl "$work/records/" 2>/dev/null || true
"$build/bin/release2rec" "$src"/fixtures/release2rec/*.txt >"$work/records/from-fixtures.jsonl"
status=0
for f in release2rec_fuzz:releases records_fuzz:records; do
  name=${f%%:*}
  seeds=${f##*:}
  echo "== $name for ${secs}s"
  if ! "$build/tests/fuzz/$name" -max_total_time="$secs" -max_len=65536 -timeout=10 \
    -rss_limit_mb=4096 -artifact_prefix="$work/" "$work/$seeds" 2>"$work/$name.log"; then
    tail -40 "$work/$name.log"
    cp "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$src/" 2>/dev/null || true
    status=1
  else
    grep -E '^(Done|#[0-9]+ +DONE)' "$work/$name.log" | tail -1
  fi
done
[ $status = 0 ] && echo "2 passed, 0 failed" || echo "fuzzing found a problem (artifact copied to the source root)"
exit $status

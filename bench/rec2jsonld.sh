#!/bin/bash
# bench/rec2jsonld.sh [BUILD_DIR] - rec2jsonld throughput on ~50 MB of
# JSON Lines records: prints records/s and MB/s (input MB; output MB too).
#
# Input: release2rec over every release of ../shared/corpus, repeated to
# 50 MB; when release2rec cannot produce records yet (or shared/ is
# absent), the hand-made fixtures of fixtures/rec2jsonld. With python3 and
# the corpus, a second run uses the same records with the people,
# organisations and places of the corpus gold files (what a complete
# extractor yields: larger graphs). Best of 3 runs each, output to
# /dev/null. Environment: BENCH_MB (default 50), BENCH_RUNS (default 3).
set -u
export LC_ALL=C
HERE=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$HERE/build}
BIN=${PP_BIN:-$BUILD/bin}
SHARED=${PRESSPIPE_SHARED:-$HERE/../shared}
MB=${BENCH_MB:-50}
RUNS=${BENCH_RUNS:-3}
R="$BIN/rec2jsonld"
[ -x "$R" ] || { echo "bench: $R not found (build first, or pass BUILD_DIR)" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

base="$TMP/base.jsonl"
: >"$base"
source_desc=""
if [ -d "$SHARED/corpus" ] && [ -x "$BIN/release2rec" ]; then
  for f in "$SHARED"/corpus/*.txt; do "$BIN/release2rec" "$f" 2>/dev/null; done >"$base"
  [ -s "$base" ] && source_desc="release2rec over $(wc -l <"$base") corpus releases"
fi
if [ ! -s "$base" ]; then
  for f in full minimal offices source-url markup; do cat "$HERE/fixtures/rec2jsonld/$f.jsonl"; done >"$base"
  source_desc="the $(wc -l <"$base") rec2jsonld fixtures (release2rec gave no records)"
fi

# repeat to at least MB megabytes
repeat() { # repeat IN OUT
  local size reps
  size=$(wc -c <"$1")
  reps=$(((MB * 1024 * 1024 + size - 1) / size))
  for ((i = 0; i < reps; i++)); do cat "$1"; done >"$2"
}

run() { # run LABEL FILE
  local recs in_b out_b k t best_real="" best_cpu=""
  recs=$(wc -l <"$2")
  in_b=$(wc -c <"$2")
  "$R" "$2" >"$TMP/out.jsonld" || { echo "bench: rec2jsonld failed on $2" >&2; exit 1; }
  out_b=$(wc -c <"$TMP/out.jsonld")
  for ((k = 0; k < RUNS; k++)); do
    # wall and CPU (user+sys) seconds; the best of the runs counts, as on a
    # shared machine the others only measure its load
    t=$({ TIMEFORMAT='%R %U %S'; time "$R" "$2" >/dev/null; } 2>&1)
    read -r real user sys <<<"$t"
    best_real=$(awk -v a="$best_real" -v b="$real" 'BEGIN { print (a == "" || b < a) ? b : a }')
    best_cpu=$(awk -v a="$best_cpu" -v b="$user" -v c="$sys" 'BEGIN { print (a == "" || b + c < a) ? b + c : a }')
  done
  awk -v label="$1" -v recs="$recs" -v inb="$in_b" -v outb="$out_b" -v s="$best_real" -v cpu="$best_cpu" 'BEGIN {
    printf "%s\n  input %.1f MB, %d records -> output %.1f MB JSON-LD\n", label, inb / 1048576, recs, outb / 1048576
    printf "  wall %.2f s: %.0f records/s, %.1f MB/s in, %.1f MB/s out\n", s, recs / s, inb / 1048576 / s, outb / 1048576 / s
    printf "  CPU  %.2f s: %.0f records/s, %.1f MB/s in, %.1f MB/s out\n", cpu, recs / cpu, inb / 1048576 / cpu, outb / 1048576 / cpu
  }'
}

echo "rec2jsonld benchmark ($("$R" --version), $(nproc 2>/dev/null || echo ?) CPUs, best of $RUNS)"
repeat "$base" "$TMP/in.jsonl"
run "records: $source_desc, repeated to ${MB} MB" "$TMP/in.jsonl"

if [ -d "$SHARED/corpus" ] && command -v python3 >/dev/null 2>&1 && [ -n "${source_desc##the *}" ]; then
  python3 "$HERE/tests/rec2jsonld/gold-merge.py" "$SHARED/corpus" <"$base" >"$TMP/gold.jsonl" &&
    repeat "$TMP/gold.jsonl" "$TMP/in-gold.jsonl" &&
    run "the same records with the corpus gold entities, repeated to ${MB} MB" "$TMP/in-gold.jsonl"
fi

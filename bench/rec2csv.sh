#!/usr/bin/env bash
# bench/rec2csv.sh [BIN_DIR] - rec2csv throughput, and jq for comparison.
#
# Builds a ~50 MB JSON Lines stream by repeating records (release2rec over
# $PP_SHARED/corpus when it produces records, else fixtures/rec2csv/*.jsonl),
# times rec2csv (default and --raw) and `jq -r ... | @csv` writing the same
# columns in the same run, and prints rows/s, MB/s of records and the ratio.
# Checks that jq's table and rec2csv --raw's hold the same values
# (Python's csv module reads both). Speed is measured here, never asserted.
#
# Environment: PP_BIN (default BIN_DIR, else build/bin), PP_SHARED (default
# $PRESSPIPE_SHARED, else ../shared), BENCH_MB (50), BENCH_RUNS (3: the best
# run counts).
set -euo pipefail
export LC_ALL=C.UTF-8
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-${PP_BIN:-$ROOT/build/bin}}
SHARED=${PP_SHARED:-${PRESSPIPE_SHARED:-$ROOT/../shared}}
MB=${BENCH_MB:-50}
RUNS=${BENCH_RUNS:-3}
[ -x "$BIN/rec2csv" ] || { echo "rec2csv not found in $BIN (build first, or pass BIN_DIR)" >&2; exit 2; }
command -v jq >/dev/null || { echo "jq not found (Debian package jq)" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# The unit of records: the corpus through release2rec when it gives
# participants, else the fixtures.
src=""
if [ -d "$SHARED/corpus" ] && [ -x "$BIN/release2rec" ]; then
  st=0
  "$BIN/release2rec" "$SHARED"/corpus/*.txt >"$TMP/unit.jsonl" 2>/dev/null || st=$?
  if [ "$st" -le 1 ] && grep -q '"participants":\[{' "$TMP/unit.jsonl"; then
    src="release2rec over $SHARED/corpus ($(grep -c . "$TMP/unit.jsonl") records)"
  else
    why="release2rec exit $st, $(grep -c . "$TMP/unit.jsonl" || true) records, none with participants"
  fi
else
  why="no corpus at $SHARED"
fi
if [ -z "$src" ]; then
  cat "$ROOT"/fixtures/rec2csv/{basic,hard,guard}.jsonl >"$TMP/unit.jsonl"
  src="fixtures/rec2csv basic+hard+guard ($why)"
fi
unit=$(wc -c <"$TMP/unit.jsonl")
copies=$(( (MB * 1000000 + unit - 1) / unit ))
for ((i = 0; i < copies; i++)); do cat "$TMP/unit.jsonl"; done >"$TMP/in.jsonl"
bytes=$(wc -c <"$TMP/in.jsonl")
records=$(grep -c . "$TMP/in.jsonl")

# shellcheck disable=SC2016  # jq variables, not shell ones
JQ='.id as $id | (.dateline // {}) as $d | .headline as $h | (.source // {}).name as $src
  | .participants[]?
  | [$id, $d.date, $d.place, $h, .id, .name, .honorific, .given_name, .family_name, .role,
     .organization, ((.aliases // []) | join(" | ")), ((.mentions // []) | length), $src]
  | @csv'

# measure CMD...: runs CMD RUNS times (stdout to $TMP/out) and sets W and C
# to the best wall and CPU times of the runs, in seconds (CPU = user +
# system, less disturbed than wall time on a busy machine).
measure() {
  local best_w="" best_c="" w u s c
  local TIMEFORMAT='%R %U %S'
  for ((r = 0; r < RUNS; r++)); do
    read -r w u s < <({ time "$@" >"$TMP/out"; } 2>&1)
    c=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.3f", u + s }')
    if [ -z "$best_w" ] || awk -v a="$w" -v b="$best_w" 'BEGIN { exit !(a < b) }'; then best_w=$w; fi
    if [ -z "$best_c" ] || awk -v a="$c" -v b="$best_c" 'BEGIN { exit !(a < b) }'; then best_c=$c; fi
  done
  W=$best_w
  C=$best_c
}

measure "$BIN/rec2csv" "$TMP/in.jsonl"
wd=$W cd_=$C
rows=$(( $(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8", newline=""))))' "$TMP/out") - 1 ))
out_bytes=$(wc -c <"$TMP/out")
measure "$BIN/rec2csv" --raw --no-header "$TMP/in.jsonl"
wr=$W cr=$C
mv "$TMP/out" "$TMP/raw.csv"
measure jq -r "$JQ" "$TMP/in.jsonl"
wj=$W cj=$C
mv "$TMP/out" "$TMP/jq.csv"

# Same values in both tables (rec2csv --raw and jq; quoting differs).
cat >"$TMP/same.py" <<'PY'
import csv, sys
a = csv.reader(open(sys.argv[1], encoding="utf-8", newline=""))
b = csv.reader(open(sys.argv[2], encoding="utf-8", newline=""))
n = 0
for x, y in zip(a, b):
    if x != y:
        print("DIFFER at row %d: %r vs %r" % (n + 1, x[:6], y[:6]))
        sys.exit()
    n += 1
rest = sum(1 for _ in a) + sum(1 for _ in b)
print("same values, %d rows" % n if not rest else "DIFFER in row count")
PY
same=$(python3 "$TMP/same.py" "$TMP/raw.csv" "$TMP/jq.csv")

awk -v src="$src" -v bytes="$bytes" -v recs="$records" -v rows="$rows" -v ob="$out_bytes" \
    -v wd="$wd" -v cd="$cd_" -v wr="$wr" -v cr="$cr" -v wj="$wj" -v cj="$cj" -v runs="$RUNS" \
    -v same="$same" -v load="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')" 'BEGIN {
  mb = bytes / 1e6
  printf "input: %s, repeated to %.1f MB: %d records, %d participant rows (%.1f MB of CSV)\n", src, mb, recs, rows, ob / 1e6
  printf "best of %d runs (load average %s); rates per wall second | per CPU second:\n", runs, load
  line("rec2csv", wd, cd)
  line("rec2csv --raw", wr, cr)
  line("jq -r ... | @csv", wj, cj)
  printf "ratio: rec2csv runs %.2fx as fast as jq by wall time, %.2fx by CPU time (--raw: %.2fx, %.2fx)\n", wj / wd, cj / cd, wj / wr, cj / cr
  printf "check: rec2csv --raw vs jq @csv: %s\n", same
}
function line(name, w, c) {
  printf "  %-18s %7.3f s %9.0f rows/s %6.1f MB/s | %7.3f s %9.0f rows/s %6.1f MB/s\n", name, w, rows / w, mb / w, c, rows / c, mb / c
}'

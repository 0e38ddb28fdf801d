#!/usr/bin/env bash
# bench/rec2newsml.sh - rec2newsml's throughput: records per second and MB/s
# of JSON Lines input, on ~50 MB made by repeating release records (the
# corpus through release2rec when it works, else the hand-made fixtures).
#
#   bench/rec2newsml.sh [BUILD_DIR] [MB]     (defaults: build, 50)
#
# Output goes to /dev/null (newsMessage, the default) and to a directory
# (--split, one file per record, on a tenth of the input). Best of three
# runs; MB = 10^6 bytes.
# Also prints the peak RSS (GNU time) of the full run against a one-record
# run: streaming means the two stay close.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
mb=${2:-50}
bin=$build/bin
shared=${PRESSPIPE_SHARED:-$src/../shared}
[ -x "$bin/rec2newsml" ] || { echo "no $bin/rec2newsml: build first (cmake --build $build)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8

seed=$tmp/seed.jsonl
what=
if [ -d "$shared/corpus" ] && "$bin/release2rec" "$shared"/corpus/*.txt >"$seed" 2>"$tmp/r2r.err" &&
  [ -s "$seed" ]; then
  what="the corpus through release2rec ($(grep -c . "$seed") records)"
else
  grep -h . "$src"/fixtures/rec2newsml/{basic,hard,sparse,many}.jsonl >"$seed"
  what="fixtures/rec2newsml ($(grep -c . "$seed") records; release2rec gave none: $(head -c 100 "$tmp/r2r.err"))"
fi
# Repeat the seed until the input is large enough; each copy's record ids
# get a prefix so --split writes one file per record (the record id is the
# first "id" member of each line, as release2rec and the fixtures write it).
input=$tmp/input.jsonl
want=$((mb * 1000000))
: >"$input"
rep=0
while [ "$(stat -c %s "$input")" -lt "$want" ]; do
  rep=$((rep + 1))
  awk -v r="$rep" '{ sub(/"id":"/, "\"id\":\"" r "-"); print }' "$seed" >>"$input"
done
bytes=$(stat -c %s "$input")
records=$(grep -c . "$input")

# best_of3 CMD...: "WALL CPU" seconds of the run with the shortest wall
# time of three (CPU = user + system of the command; from GNU time when
# installed, else "-").
best_of3() {
  local best= cpu=- t0 t1 dt c
  for _ in 1 2 3; do
    t0=$EPOCHREALTIME
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f '%U %S' -o "$tmp/cpu" "$@" >/dev/null 2>"$tmp/err"
    else
      "$@" >/dev/null 2>"$tmp/err"
    fi || { echo "failed: $* : $(head -c 300 "$tmp/err")" >&2; exit 1; }
    t1=$EPOCHREALTIME
    dt=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$dt < $best" | bc -l)" = 1 ]; then
      best=$dt
      [ -x /usr/bin/time ] && c=$(tail -1 "$tmp/cpu") && cpu=$(echo "${c% *} + ${c#* }" | bc -l)
    fi
  done
  echo "$best $cpu"
}
report() { # LABEL "WALL CPU" RECORDS BYTES
  local wall=${2% *} cpu=${2#* } mb
  mb=$(echo "$4 / 1000000" | bc -l)
  printf '%-28s %7d records %6.1f MB: %6.2f s, %7.0f records/s, %5.1f MB/s' "$1" "$3" "$mb" "$wall" \
    "$(echo "$3 / $wall" | bc -l)" "$(echo "$mb / $wall" | bc -l)"
  if [ "$cpu" != - ] && [ "$(echo "$cpu > 0" | bc -l)" = 1 ]; then
    printf ' (CPU %.2f s: %.0f records/s, %.1f MB/s)' "$cpu" "$(echo "$3 / $cpu" | bc -l)" \
      "$(echo "$mb / $cpu" | bc -l)"
  fi
  echo
}

echo "rec2newsml $("$bin/rec2newsml" --version | cut -d' ' -f2), input: $what, repeated to $mb MB"
t=$(best_of3 "$bin/rec2newsml" --sent 2025-06-01T12:00:00Z "$input")
report "newsMessage > /dev/null" "$t" "$records" "$bytes"
out_bytes=$("$bin/rec2newsml" --sent 2025-06-01T12:00:00Z "$input" | wc -c)
printf '%-28s %.1f MB of XML (%.2f bytes out per byte in)\n' "" "$(echo "$out_bytes / 1000000" | bc -l)" \
  "$(echo "$out_bytes / $bytes" | bc -l)"

head -c $((bytes / 10)) "$input" | head -n -1 >"$tmp/tenth.jsonl"
split_records=$(grep -c . "$tmp/tenth.jsonl")
split_bytes=$(stat -c %s "$tmp/tenth.jsonl")
t=$(best_of3 bash -c 'rm -rf "$1" && "$2" --sent 2025-06-01T12:00:00Z --split "$1" "$3"' _ \
  "$tmp/split" "$bin/rec2newsml" "$tmp/tenth.jsonl")
report "--split DIR (1/10 of input)" "$t" "$split_records" "$split_bytes"
echo "                             ($(ls "$tmp/split" | wc -l) files written)"

if [ -x /usr/bin/time ]; then
  head -1 "$seed" >"$tmp/one.jsonl"
  /usr/bin/time -f %M -o "$tmp/rss1" "$bin/rec2newsml" --sent 2025-06-01T12:00:00Z "$tmp/one.jsonl" >/dev/null
  /usr/bin/time -f %M -o "$tmp/rss2" "$bin/rec2newsml" --sent 2025-06-01T12:00:00Z "$input" >/dev/null
  echo "peak RSS: $(tail -1 "$tmp/rss1") KiB for 1 record, $(tail -1 "$tmp/rss2") KiB for $records records"
else
  echo "peak RSS: not measured (GNU time, Debian package time, is not installed)"
fi

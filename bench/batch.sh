#!/usr/bin/env bash
# bench/batch.sh - release2rec over the silver sample in one invocation:
# records/s with -j 1 and -j 2 (RUNS runs each, alternating, the best of
# each kept: the machine may be shared), the -j 2 / -j 1 ratio, and the
# peak RSS of the whole batch. With REPEAT > 1 the sample is repeated into
# one .tar.gz of REPEAT x 1,496 members (15 gives about the 22,780 releases
# of the two full archives) and that archive is converted once more for
# its time and peak RSS.
#
# usage: bench/batch.sh [BUILD_DIR] [RUNS] [REPEAT]
# PRESSPIPE_SHARED points at ../shared when it is elsewhere.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$here/build"}
runs=${2:-3}
repeat=${3:-1}
bin="$build/bin/release2rec"
shared=${PRESSPIPE_SHARED:-"$here/../shared"}
[ -x "$bin" ] || { echo "bench: $bin not found (build first)" >&2; exit 2; }
[ -d "$shared/silver" ] || { echo "bench: $shared/silver not found" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time not found (apt-get install time)" >&2; exit 2; }
export PRESSPIPE_DATADIR=${PRESSPIPE_DATADIR:-"$here/data/en"}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat "$shared"/silver/*.txt >/dev/null # warm the page cache
echo "machine: $(nproc) processors, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# one run: prints "seconds records peak_kb cpu_seconds"
run() {
  /usr/bin/time -f '%e %M %U %S' -o "$tmp/time" "$bin" -q "$@" >"$tmp/out.jsonl" 2>/dev/null || true
  read -r e m u s <"$tmp/time"
  echo "$e $(wc -l <"$tmp/out.jsonl") $m $(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')"
}
best1=0 best2=0
for i in $(seq 1 "$runs"); do
  for j in 1 2; do
    read -r t n kb cpu < <(run -j $j --include '*.txt' "$shared/silver")
    rps=$(awk -v n="$n" -v t="$t" 'BEGIN { printf "%.0f", n / t }')
    echo "run $i -j $j: $n records in $t s ($cpu s CPU): $rps records/s, peak RSS $((kb / 1024)) MB"
    if [ $j = 1 ] && [ "$rps" -gt "$best1" ]; then best1=$rps; fi
    if [ $j = 2 ] && [ "$rps" -gt "$best2" ]; then best2=$rps; fi
  done
done
awk -v a="$best1" -v b="$best2" 'BEGIN {
  printf "best: -j 1 %d records/s, -j 2 %d records/s: ratio %.2f\n", a, b, b / a }'

if [ "$repeat" -gt 1 ]; then
  mkdir "$tmp/rep"
  for k in $(seq 1 "$repeat"); do ln -s "$shared/silver" "$tmp/rep/copy$k"; done
  (cd "$tmp/rep" && for k in $(seq 1 "$repeat"); do ls "copy$k/"*.txt; done) >"$tmp/members"
  tar czhf "$tmp/big.tar.gz" --hard-dereference -C "$tmp/rep" -T "$tmp/members"
  read -r t n kb cpu < <(run -j 2 "$tmp/big.tar.gz")
  echo "$repeat x silver as one .tar.gz ($(du -m "$tmp/big.tar.gz" | cut -f1) MB): $n records in $t s with -j 2, peak RSS $((kb / 1024)) MB"
fi

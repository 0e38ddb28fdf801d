#!/usr/bin/env bash
# valgrind --leak-check=full over every filter on the fixtures, the corpus
# and bad input. A run passes only when valgrind found nothing (any memory
# error or leak makes it exit 99) AND the filter exited with the status that
# input calls for: a crash, an abort or an unexpected status is a failure.
# Usage: tests/valgrind.sh BINDIR
#        tests/valgrind.sh --self-check   (proves that crashes, unexpected
#        exits, leaks and invalid reads are caught; needs a C compiler)
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
shared=${PRESSPIPE_SHARED:-$src/../shared}
export PRESSPIPE_DATADIR=${PRESSPIPE_DATADIR:-$src/data/en}
if ! command -v valgrind >/dev/null; then
  echo "SKIP: valgrind is not installed"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
vg=(valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect,possible
  --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99)
failed=0 passed=0

# run NAME WANT CMD... [< input]: WANT is the list of acceptable exit
# statuses, comma-separated (never 99: that is valgrind's).
run() {
  local name=$1 want=$2
  shift 2
  "${vg[@]}" "$@" >/dev/null 2>"$tmp/vg.err"
  local got=$?
  if [ $got = 99 ]; then
    echo "FAIL: valgrind found errors: $name" >&2
    head -40 "$tmp/vg.err" >&2
    failed=$((failed + 1))
  elif [[ ",$want," != *",$got,"* ]]; then
    echo "FAIL: $name exited $got, want $want$([ $got -gt 128 ] && echo " (killed by signal $((got - 128)))")" >&2
    head -20 "$tmp/vg.err" >&2
    failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
}

if [ "${1:-}" = --self-check ]; then
  cc=${CC:-cc}
  command -v "$cc" >/dev/null || { echo "SKIP: no C compiler for the self-check"; exit 77; }
  cat >"$tmp/t.c" <<'C'
#include <signal.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv) {
  const char *m = argc > 1 ? argv[1] : "ok";
  if (!strcmp(m, "crash")) raise(SIGSEGV);
  if (!strcmp(m, "abort")) abort();
  if (!strcmp(m, "exit3")) return 3;
  if (!strcmp(m, "leak")) { char *p = malloc(64); p[0] = 1; p = NULL; return 0; }
  if (!strcmp(m, "overread")) { char *p = malloc(8); int x = p[8]; free(p); return x == 12345; }
  if (!strcmp(m, "uninit")) { int *p = malloc(sizeof *p); int r = *p > 0 ? 1 : 0; free(p); return r; }
  return !strcmp(m, "reject") ? 1 : 0;
}
C
  "$cc" -g -O0 -o "$tmp/t" "$tmp/t.c" || exit 1
  bad=0
  for m in crash abort exit3 leak overread uninit; do
    before=$failed
    run "self-check $m" 0,1 "$tmp/t" "$m" 2>/dev/null
    if [ $failed = "$before" ]; then
      echo "FAIL: the self-check case '$m' was counted as a pass" >&2
      bad=$((bad + 1))
    fi
  done
  for m in ok reject; do
    before=$failed
    run "self-check $m" 0,1 "$tmp/t" "$m"
    [ $failed = "$before" ] || { echo "FAIL: the self-check case '$m' was counted as a failure" >&2; bad=$((bad + 1)); }
  done
  echo "$((8 - bad)) passed, $bad failed"
  [ $bad = 0 ]
  exit
fi

bin=${1:?usage: tests/valgrind.sh BINDIR | --self-check}
shopt -s nullglob
inputs=("$src"/fixtures/*/*.txt)
[ -d "$shared/corpus" ] && inputs+=("$shared"/corpus/*.txt)
run release2rec 0 "$bin/release2rec" "${inputs[@]}"
"$bin/release2rec" "${inputs[@]}" >"$tmp/recs.jsonl" 2>/dev/null
# bad lines among good ones: reported (exit 1), the rest converted
{
  head -3 "$tmp/recs.jsonl"
  printf '{"record":"release/1.1","id":"n\0ul"}\nnot json\n{"record":"release/2"}\n\xef\xbb\xbf{}\n'
  printf '{"record":"release/1.1","id":"r1","body":["x"],"participants":[{"id":"p1","name":"A B","mentions":[-1]}]}\n{"record'
} >"$tmp/bad.jsonl"
printf '' >"$tmp/empty.txt"
printf 'Title\0binary\n' >"$tmp/binary.txt"
run "release2rec bad input" 1 "$bin/release2rec" "$tmp/empty.txt" "$tmp/binary.txt" "${inputs[0]}"
run "release2rec missing file" 2 "$bin/release2rec" "$tmp/no such file"
for tool in rec2newsml rec2jsonld rec2csv; do
  [ -x "$bin/$tool" ] || continue
  run "$tool" 0 "$bin/$tool" "$tmp/recs.jsonl"
  run "$tool bad input" 1 "$bin/$tool" "$tmp/bad.jsonl"
done
run "rec2csv quotes" 0 "$bin/rec2csv" --table quotes "$tmp/recs.jsonl"
echo "$passed passed, $failed failed"
[ $failed = 0 ]

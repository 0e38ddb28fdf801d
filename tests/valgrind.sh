#!/usr/bin/env bash
# valgrind --leak-check=full over every filter on the fixtures and the corpus:
# fails on any leak or memory error. Usage: tests/valgrind.sh BINDIR
set -u
bin=${1:?usage: tests/valgrind.sh BINDIR}
src=$(cd "$(dirname "$0")/.." && pwd)
shared=${PRESSPIPE_SHARED:-$src/../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
vg=(valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect,possible
  --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99)
shopt -s nullglob
inputs=("$src"/fixtures/*/*.txt)
[ -d "$shared/corpus" ] && inputs+=("$shared"/corpus/*.txt)
failed=0 passed=0
run() { # name cmd...
  local name=$1
  shift
  "$@" >/dev/null 2>"$tmp/vg.err"
  if [ $? = 99 ]; then
    echo "FAIL: valgrind: $name" >&2
    head -30 "$tmp/vg.err" >&2
    failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
}
run release2rec "${vg[@]}" "$bin/release2rec" "${inputs[@]}"
"$bin/release2rec" "${inputs[@]}" >"$tmp/recs.jsonl" 2>/dev/null
for tool in rec2newsml rec2jsonld rec2csv; do
  [ -x "$bin/$tool" ] && run "$tool" "${vg[@]}" "$bin/$tool" "$tmp/recs.jsonl"
done
echo "$passed passed, $failed failed"
[ $failed = 0 ]

#!/usr/bin/env bash
# Running out of memory keeps what is complete: each filter runs with its
# allocations failing after N (PP_TEST_FAIL_ALLOC, the hook in pp_util.h),
# N swept from 0 to the count a whole run needs. Every run must either
# succeed with the full output, or exit 2 with exactly "tool: out of
# memory" on stderr and, on stdout, a prefix of the full output that ends
# where a record's output ends. Some run must end that way with records
# already written (abort() lost them: exit 134, empty stdout).
. "$(dirname "$0")/../lib.sh"
export SOURCE_DATE_EPOCH=1700000000
recs=$PP_TMP/recs.jsonl
"$PP_BIN/release2rec" "$PP_SRC"/fixtures/release2rec/*.txt >"$recs" 2>/dev/null

# ends_complete TOOL FILE: the output stops after a record's output.
ends_complete() {
  [ -s "$2" ] || return 0
  case $1 in
  rec2newsml) tail -n 1 "$2" | grep -Eq '^ *(</newsItem>|<itemSet>)$' ;;
  *) [ "$(tail -c 1 "$2" | od -An -c | tr -d ' ')" = '\n' ] ;;
  esac
}

sweep() { # TOOL ARGS...
  local tool=$1
  shift
  "$PP_BIN/$tool" "$@" >"$PP_TMP/full" 2>/dev/null
  local whole=64 n got partial=0 runs=0
  # the smallest power of two a whole run fits in
  while :; do
    PP_TEST_FAIL_ALLOC=$whole "$PP_BIN/$tool" "$@" >/dev/null 2>&1 && break
    whole=$((whole * 2))
    if [ $whole -gt 100000000 ]; then
      pp_fail "$tool: never completes under PP_TEST_FAIL_ALLOC"
      return
    fi
  done
  for i in $(seq 0 24); do
    n=$((whole * i / 24))
    runs=$((runs + 1))
    PP_TEST_FAIL_ALLOC=$n "$PP_BIN/$tool" "$@" >"$PP_TMP/out" 2>"$PP_TMP/err"
    got=$?
    pp_checks=$((pp_checks + 1))
    if [ $got = 0 ]; then
      cmp -s "$PP_TMP/out" "$PP_TMP/full" || pp_fail "$tool N=$n: exit 0 but not the full output"
      continue
    fi
    if [ $got != 2 ]; then
      pp_fail "$tool N=$n: exit $got, want 0 or 2; stderr: $(head -c 300 "$PP_TMP/err")"
      continue
    fi
    [ "$(cat "$PP_TMP/err")" = "$tool: out of memory" ] ||
      pp_fail "$tool N=$n: stderr is '$(head -c 300 "$PP_TMP/err")', want '$tool: out of memory'"
    local size
    size=$(wc -c <"$PP_TMP/out")
    cmp -s -n "$size" "$PP_TMP/out" "$PP_TMP/full" || pp_fail "$tool N=$n: stdout is not a prefix of the full output"
    ends_complete "$tool" "$PP_TMP/out" || pp_fail "$tool N=$n: stdout ends inside a record: $(tail -c 200 "$PP_TMP/out")"
    if [ "$size" -gt 0 ] && [ "$size" -lt "$(wc -c <"$PP_TMP/full")" ]; then partial=$((partial + 1)); fi
  done
  pp_checks=$((pp_checks + 1))
  [ $partial -gt 0 ] || pp_fail "$tool: no run out of memory kept the records written before it ($runs runs up to N=$whole)"
  echo "$tool: $runs runs up to N=$whole, $partial ran out of memory with complete records kept"
}

sweep release2rec "$PP_SRC"/fixtures/release2rec/*.txt
sweep rec2newsml --sent 2025-06-01T12:00:00Z "$recs"
sweep rec2jsonld "$recs"
sweep rec2csv "$recs"
pp_done

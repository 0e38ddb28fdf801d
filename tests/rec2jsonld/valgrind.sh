#!/bin/bash
# rec2jsonld under valgrind (memcheck): no invalid access and no leak on
# every path: JSON Lines, --pretty, --html, --split, bad lines, the --html
# refusal, usage errors, country data that cannot be read, a failed write;
# also the two unit tests. Skipped without valgrind or in a sanitizer build.
source "$PP_SRC/tests/lib.sh"
command -v valgrind >/dev/null || { echo "SKIP: valgrind not found (Debian package valgrind)"; exit 77; }
if grep -q '^PP_SANITIZE:BOOL=ON' "${PP_BUILD:-/nonexistent}/CMakeCache.txt" 2>/dev/null; then
  echo "SKIP: sanitizer build (valgrind cannot run ASan binaries)"
  exit 77
fi
F="$PP_SRC/fixtures/rec2jsonld"
R="$PP_BIN/rec2jsonld"
cd "$F" || exit 1
VG=(valgrind -q --error-exitcode=99 --leak-check=full
    --show-leak-kinds=definite,indirect,possible
    --errors-for-leak-kinds=definite,indirect,possible)

vg() { # WANT_STATUS PROGRAM ARGS...: under valgrind, with no report
  local want=$1
  shift
  pp_run "$want" "${VG[@]}" "$@" </dev/null || return
  pp_checks=$((pp_checks + 1))
  grep -q '^==[0-9]*==' "$PP_TMP/err" && pp_fail "valgrind reports for $*: $(head -c 600 "$PP_TMP/err")"
  return 0
}

all=(full.jsonl minimal.jsonl offices.jsonl source-url.jsonl markup.jsonl html-hazard.jsonl)
vg 0 "$R" "${all[@]}"
vg 0 "$R" --pretty full.jsonl
vg 1 "$R" --html "${all[@]}" errors.jsonl
vg 1 "$R" --split "$PP_TMP/split" --pretty "${all[@]}" errors.jsonl minimal.jsonl
vg 1 "$R" --split "$PP_TMP/split-html" --html "${all[@]}"
vg 2 "$R" --pretty full.jsonl offices.jsonl
vg 2 "$R" missing.jsonl full.jsonl
vg 2 "$R" --split full.jsonl full.jsonl
vg 2 "$R" --bogus
vg 0 "$R" --data "$PP_TMP/no-data" full.jsonl
vg 0 "$R" --help
pp_checks=$((pp_checks + 1))
"${VG[@]}" "$R" full.jsonl offices.jsonl >/dev/full 2>"$PP_TMP/err"
st=$?
[ "$st" = 2 ] || pp_fail "rec2jsonld >/dev/full under valgrind exited $st, want 2"
pp_expect_file "$PP_TMP/err" "rec2jsonld: write error: No space left on device"
for t in jsonld_api jsonld_roundtrip; do
  [ -x "$PP_BUILD/tests/test_$t" ] && vg 0 "$PP_BUILD/tests/test_$t"
done
pp_done

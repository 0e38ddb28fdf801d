#!/usr/bin/env bash
# rec2csv under valgrind (memcheck): no invalid access, no leak, on every
# path: each table, guarded and raw, bad lines, a missing file, usage
# errors, --schema, --help. Skipped when valgrind is missing or the build
# uses the sanitizers (which valgrind cannot run).
source "$PP_SRC/tests/lib.sh"
F=$PP_SRC/fixtures/rec2csv
R=$PP_BIN/rec2csv
command -v valgrind >/dev/null || { echo "SKIP: valgrind not found (Debian package valgrind)"; exit 77; }
if grep -q '^PP_SANITIZE:BOOL=ON' "${PP_BUILD:-/nonexistent}/CMakeCache.txt" 2>/dev/null; then
  echo "SKIP: sanitizer build (valgrind cannot run ASan binaries)"
  exit 77
fi
VG=(valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=all
    --errors-for-leak-kinds=all)

# vg WANT_STATUS ARGS...: rec2csv ARGS under valgrind exits WANT_STATUS.
vg() {
  local want=$1
  shift
  pp_run "$want" "${VG[@]}" "$R" "$@" </dev/null || return
  pp_checks=$((pp_checks + 1))
  grep -q '^==[0-9]*==' "$PP_TMP/err" && pp_fail "valgrind reports for rec2csv $*: $(head -c 600 "$PP_TMP/err")"
  return 0
}

for t in participants organizations places quotes contacts; do
  vg 0 --table "$t" "$F/basic.jsonl" "$F/hard.jsonl" "$F/guard.jsonl"
done
vg 0 --raw --bom -c aliases,role,release_url,issuer_name "$F/hard.jsonl" "$F/guard.jsonl"
vg 0 --no-header -c honorific "$F/basic.jsonl"
vg 1 "$F/bad.jsonl"
vg 2 "$PP_TMP/missing.jsonl" "$F/basic.jsonl"
vg 2 --columns name,bogus
vg 2 --columns name,name
vg 2 --table people
vg 2 --bogus
vg 0 --schema -t quotes
vg 0 --help
pp_checks=$((pp_checks + 1))
"${VG[@]}" "$R" "$F/hard.jsonl" >/dev/full 2>"$PP_TMP/err"
st=$?
[ "$st" = 2 ] || pp_fail "rec2csv >/dev/full under valgrind exited $st, want 2"
pp_expect_file "$PP_TMP/err" "rec2csv: write error: No space left on device"

pp_done

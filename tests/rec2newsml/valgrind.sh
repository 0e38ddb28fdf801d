# rec2newsml under valgrind (memcheck): no invalid access and no leak on
# every path: newsMessage, --item, --split, bad lines, usage errors, a
# failed write. Skipped without valgrind or in a sanitizer build.
source "$PP_SRC/tests/lib.sh"
source "$PP_SRC/tests/rec2newsml/common.sh"
command -v valgrind >/dev/null || { echo "SKIP: valgrind not found (Debian package valgrind)"; exit 77; }
if grep -q '^PP_SANITIZE:BOOL=ON' "${PP_BUILD:-/nonexistent}/CMakeCache.txt" 2>/dev/null; then
  echo "SKIP: sanitizer build (valgrind cannot run ASan binaries)"
  exit 77
fi
# Leak kinds as in tests/valgrind.sh: "still reachable" blocks are
# libxml2's one-time global state (its encoding handler table), which only
# xmlCleanupParser() frees, and a library must not call that for its host.
VG=(valgrind -q --error-exitcode=99 --leak-check=full
    --show-leak-kinds=definite,indirect,possible
    --errors-for-leak-kinds=definite,indirect,possible)

vg() { # WANT_STATUS ARGS...: rec2newsml ARGS under valgrind
  local want=$1
  shift
  pp_run "$want" "${VG[@]}" "$R" "$@" </dev/null || return
  pp_checks=$((pp_checks + 1))
  grep -q '^==[0-9]*==' "$PP_TMP/err" && pp_fail "valgrind reports for rec2newsml $*: $(head -c 600 "$PP_TMP/err")"
  return 0
}

vg 0 --sent "$SENT" "$F/basic.jsonl" "$F/hard.jsonl" "$F/sparse.jsonl" "$F/many.jsonl"
vg 0 --item --sent "$SENT" "$F/hard.jsonl"
vg 0 --sent "$SENT" --split "$PP_TMP/split" "$F/ids.jsonl" "$F/hard.jsonl"
vg 1 --sent "$SENT" "$F/bad.jsonl"
vg 2 --item --sent "$SENT" "$F/sparse.jsonl"
vg 2 --sent "$SENT" "$PP_TMP/missing.jsonl" "$F/basic.jsonl"
vg 2 --split "$F/basic.jsonl" "$F/basic.jsonl"
vg 2 --sent nonsense
vg 2 --bogus
vg 0 --help
pp_checks=$((pp_checks + 1))
"${VG[@]}" "$R" --sent "$SENT" "$F/many.jsonl" >/dev/full 2>"$PP_TMP/err"
st=$?
[ "$st" = 2 ] || pp_fail "rec2newsml >/dev/full under valgrind exited $st, want 2"
pp_expect_file "$PP_TMP/err" "rec2newsml: write error: No space left on device"
pp_done

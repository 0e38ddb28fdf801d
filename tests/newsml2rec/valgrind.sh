# newsml2rec under valgrind (memcheck): no invalid access and no leak on
# every path: messages, bare items, a --split folder, skipped items, hostile
# and broken documents, usage errors. Skipped without valgrind or in a
# sanitizer build.
source "$PP_SRC/tests/lib.sh"
source "$PP_SRC/tests/newsml2rec/common.sh"
command -v valgrind >/dev/null || { echo "SKIP: valgrind not found (Debian package valgrind)"; exit 77; }
if grep -q '^PP_SANITIZE:BOOL=ON' "${PP_BUILD:-/nonexistent}/CMakeCache.txt" 2>/dev/null; then
  echo "SKIP: sanitizer build (valgrind cannot run ASan binaries)"
  exit 77
fi
# "still reachable": libxml2's one-time global state (see rec2newsml/valgrind.sh)
VG=(valgrind -q --error-exitcode=99 --leak-check=full
    --show-leak-kinds=definite,indirect,possible
    --errors-for-leak-kinds=definite,indirect,possible)
vg() { # WANT_STATUS ARGS...
  local want=$1
  shift
  pp_run "$want" "${VG[@]}" "$N" "$@" </dev/null || return
  pp_checks=$((pp_checks + 1))
  grep -q '^==[0-9]*==' "$PP_TMP/err" && pp_fail "valgrind reports for newsml2rec $*: $(head -c 600 "$PP_TMP/err")"
  return 0
}
"$R" --sent "$SENT" "$PP_SRC"/fixtures/rec2newsml/{basic,hard,sparse,many}.jsonl >"$PP_TMP/msg.xml"
"$R" --sent "$SENT" --split "$PP_TMP/split" "$PP_SRC"/fixtures/rec2newsml/{basic,hard,many}.jsonl
printf '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<newsItem/>\n' >"$PP_TMP/ent.xml"
printf '<newsItem><a>' >"$PP_TMP/broken.xml"
vg 0 "$PP_TMP/msg.xml"
vg 0 "$PP_TMP/split"
vg 0 "$F/nitf-item.xml" "$F/plain-item.xml"
vg 1 "$F/wire-message.xml"
vg 1 "$PP_TMP/ent.xml" "$PP_TMP/broken.xml"
vg 2 --bogus
vg 0 --help
if [ -n "${PP_SHARED:-}" ] && [ -d "$PP_SHARED/guides/examples/iptc" ]; then
  vg 1 "$PP_SHARED"/guides/examples/*.xml "$PP_SHARED"/guides/examples/iptc/*.xml
fi
pp_done

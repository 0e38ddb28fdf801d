#!/usr/bin/env bash
# release2rec over the invented releases of fixtures/extract (one per way of
# introducing people: honorific lists, role before the name, titles, quote
# attributions, shared honorifics, contact blocks ...): the entity lists of
# each record are byte-compared with NAME.entities.json.
# PP_REGEN=1 rewrites the golden files (check the diff before committing).
source "$PP_SRC/tests/lib.sh"
set -o pipefail
JQ=$(command -v jq) || { echo "jq not found" >&2; exit 1; }
FIELDS='{participants,organizations,places,works,quotes,contacts}'
DIR=fixtures/extract
cd "$PP_SRC" || exit 1

n=0
for txt in "$DIR"/*.txt; do
  [ -e "$txt" ] || continue
  name=${txt%.txt}
  n=$((n + 1))
  pp_run 0 "$PP_BIN/release2rec" "$txt" || continue
  pp_expect_file "$PP_TMP/err" ""
  if ! "$JQ" "$FIELDS" <"$PP_TMP/out" >"$PP_TMP/got"; then
    pp_fail "$txt: the output is not JSON: $(head -c 300 "$PP_TMP/out")"
    continue
  fi
  if [ ! -e "$name.entities.json" ] && [ "${PP_REGEN:-0}" != 1 ]; then
    pp_fail "$name.entities.json is missing (PP_REGEN=1 writes it; check it by hand)"
    continue
  fi
  pp_golden "$PP_TMP/got" "$name.entities.json"
done
pp_checks=$((pp_checks + 1))
[ "$n" -ge 3 ] || pp_fail "only $n fixtures in $DIR"
pp_done

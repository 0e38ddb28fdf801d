#!/bin/bash
# Every release of shared/corpus: release2rec | rec2jsonld, then
#  - the checker (jsonld.js 9 + schema.org 30.0): 0 errors, and no warning
#    outside the list below (each one is a datum the release does not give);
#  - the round trip (jansson): every participant's name, job title and
#    organisation, every organisation and place is in the graph;
#  - the same through --html.
# The warnings are printed, counted by kind. Skips (77) while release2rec
# is not written yet, or when shared/ or node/npm are absent (not under CI).
source "$PP_SRC/tests/lib.sh"
pp_need_shared
R="$PP_BIN/rec2jsonld"
CHECK="$PP_SRC/tests/rec2jsonld/checker.sh"
RT="${PP_JSONLD_ROUNDTRIP:-$PP_BUILD/tests/test_jsonld_roundtrip}"

# Warnings left on purpose: the release lacks the datum, nothing is invented.
ALLOWED='has no time; Google wants an ISO 8601 DateTime|image is recommended|author \(Person or Organization\) is recommended|publisher \(Organization with name and url\) is recommended|has neither url nor sameAs|headline is recommended|datePublished is recommended|headline is [0-9]+ characters; keep it at most 110'

: >"$PP_TMP/corpus.jsonl"
n=0
for txt in "$PP_SHARED"/corpus/*.txt; do
  "$PP_BIN/release2rec" "$txt" >"$PP_TMP/rec" 2>"$PP_TMP/rec.err"
  st=$?
  if grep -q 'not implemented' "$PP_TMP/rec.err"; then
    echo "SKIP: release2rec is not implemented yet ($(head -1 "$PP_TMP/rec.err")); the corpus test runs once it is"
    exit 77
  fi
  pp_checks=$((pp_checks + 1))
  if [ "$st" != 0 ] || [ "$(wc -l <"$PP_TMP/rec")" != 1 ]; then
    pp_fail "release2rec $(basename "$txt") exited $st with $(wc -l <"$PP_TMP/rec") records: $(head -c 300 "$PP_TMP/rec.err")"
    continue
  fi
  cat "$PP_TMP/rec" >>"$PP_TMP/corpus.jsonl"
  n=$((n + 1))
done
[ "$n" -gt 0 ] || { echo "FAIL: no corpus record"; exit 1; }

PP_CHECKER_INSTALL_ONLY=1 bash "$CHECK" >"$PP_TMP/install" 2>&1
st=$?
if [ "$st" = 77 ]; then cat "$PP_TMP/install"; exit 77; fi
[ "$st" = 0 ] || { cat "$PP_TMP/install" >&2; echo "FAIL: checker install"; exit 1; }

pp_run 0 "$R" "$PP_TMP/corpus.jsonl" && cp "$PP_TMP/out" "$PP_TMP/corpus.jsonld"
pp_checks=$((pp_checks + 1))
[ "$(wc -l <"$PP_TMP/corpus.jsonld")" = "$n" ] || pp_fail "rec2jsonld wrote $(wc -l <"$PP_TMP/corpus.jsonld") documents for $n records"

bash "$CHECK" <"$PP_TMP/corpus.jsonld" >"$PP_TMP/check" 2>&1
st=$?
pp_checks=$((pp_checks + 1))
[ "$st" = 0 ] || pp_fail "checker exit $st: $(grep ': error: ' "$PP_TMP/check" | head -20)"
pp_expect_grep "$PP_TMP/check" "^$n passed, 0 failed\$"
errors=$(grep -c ': error: ' "$PP_TMP/check")
warnings=$(grep -c ': warning: ' "$PP_TMP/check")
echo "corpus: $n releases, $errors errors, $warnings warnings; by kind:"
grep ': warning: ' "$PP_TMP/check" | sed -E 's/^[^ ]+ warning: //; s/<[^>]*>|NewsArticle|Organization "[^"]*"/X/g; s/"[^"]*"/"…"/g; s/[0-9]+ characters/N characters/' |
  sort | uniq -c | sort -rn
pp_checks=$((pp_checks + 1))
if grep ': warning: ' "$PP_TMP/check" | grep -Evq "$ALLOWED"; then
  pp_fail "warnings outside the allowed list: $(grep ': warning: ' "$PP_TMP/check" | grep -Ev "$ALLOWED" | head -20)"
fi

# round trip with jansson
pp_run 0 "$RT" "$PP_TMP/corpus.jsonl" || cat "$PP_TMP/err" >&2
cat "$PP_TMP/out"

# --html: the same documents, as a page
pp_run 0 "$R" --html "$PP_TMP/corpus.jsonl" && cp "$PP_TMP/out" "$PP_TMP/corpus.html"
pp_run 0 bash "$CHECK" "$PP_TMP/corpus.html" && pp_expect_grep "$PP_TMP/out" "^$n passed, 0 failed\$"

# The same releases with the people, organisations and places of their
# NAME.gold.json (read at run time): real names, titles and offices.
if command -v python3 >/dev/null 2>&1; then
  python3 "$PP_SRC/tests/rec2jsonld/gold-merge.py" "$PP_SHARED/corpus" <"$PP_TMP/corpus.jsonl" >"$PP_TMP/gold.jsonl"
  pp_run 0 "$R" "$PP_TMP/gold.jsonl" && cp "$PP_TMP/out" "$PP_TMP/gold.jsonld"
  bash "$CHECK" <"$PP_TMP/gold.jsonld" >"$PP_TMP/check" 2>&1
  st=$?
  pp_checks=$((pp_checks + 1))
  [ "$st" = 0 ] || pp_fail "checker exit $st on gold entities: $(grep ': error: ' "$PP_TMP/check" | head -20)"
  pp_expect_grep "$PP_TMP/check" "^$n passed, 0 failed\$"
  echo "corpus with gold entities: $(jq -s 'map(.participants | length) | add' "$PP_TMP/gold.jsonl" 2>/dev/null) people," \
    "$(grep -c ': error: ' "$PP_TMP/check") errors, $(grep -c ': warning: ' "$PP_TMP/check") warnings"
  pp_checks=$((pp_checks + 1))
  if grep ': warning: ' "$PP_TMP/check" | grep -Evq "$ALLOWED"; then
    pp_fail "gold entities: warnings outside the allowed list: $(grep ': warning: ' "$PP_TMP/check" | grep -Ev "$ALLOWED" | head -20)"
  fi
  pp_run 0 "$RT" "$PP_TMP/gold.jsonl" || cat "$PP_TMP/err" >&2
  cat "$PP_TMP/out"
else
  echo "NOTE: python3 absent: the gold-entity pass is left out"
fi
pp_done

#!/bin/bash
# Every fixture's JSON-LD through the real checker (jsonld.js 9 + schema.org
# 30.0, offline): 0 errors, and exactly the warnings of
# fixtures/rec2jsonld/checker.expected.txt (golden: each one is a datum the
# fixture lacks -- time of day, image, issuer, issuer URL, headline, date).
# JSON Lines, --html pages and --split files are all checked.
source "$PP_SRC/tests/lib.sh"
F="$PP_SRC/fixtures/rec2jsonld"
R="$PP_BIN/rec2jsonld"
CHECK="$PP_SRC/tests/rec2jsonld/checker.sh"
cd "$F" || exit 1

# install (or skip with 77 when node/npm are absent outside CI)
PP_CHECKER_INSTALL_ONLY=1 bash "$CHECK" >"$PP_TMP/install" 2>&1
st=$?
if [ "$st" = 77 ]; then cat "$PP_TMP/install"; exit 77; fi
[ "$st" = 0 ] || { cat "$PP_TMP/install" >&2; echo "FAIL: checker install"; exit 1; }

names="full minimal offices source-url markup html-hazard errors"
: >"$PP_TMP/report"
for name in $names; do
  "$R" "$name.jsonl" >"$PP_TMP/$name.jsonld" 2>/dev/null
  echo "== $name" >>"$PP_TMP/report"
  pp_run 0 bash "$CHECK" <"$PP_TMP/$name.jsonld"
  cat "$PP_TMP/out" >>"$PP_TMP/report"
  pp_expect_grep "$PP_TMP/out" '^[0-9]+ passed, 0 failed$'
done
pp_golden "$PP_TMP/report" checker.expected.txt
pp_checks=$((pp_checks + 1))
! grep -q ': error: ' "$PP_TMP/report" || pp_fail "checker errors: $(grep ': error: ' "$PP_TMP/report")"

# --html: every <script> block is a document the checker reads
pp_run 0 "$R" --html full.jsonl minimal.jsonl offices.jsonl source-url.jsonl markup.jsonl
cp "$PP_TMP/out" "$PP_TMP/page.html"
pp_run 0 bash "$CHECK" "$PP_TMP/page.html" && pp_expect_grep "$PP_TMP/out" '^5 passed, 0 failed$'

# --split files, pretty, one document each
pp_run 0 "$R" --split "$PP_TMP/split" --pretty full.jsonl minimal.jsonl offices.jsonl source-url.jsonl markup.jsonl
pp_run 0 bash "$CHECK" "$PP_TMP"/split/*.jsonld && pp_expect_grep "$PP_TMP/out" '^5 passed, 0 failed$'

# the checker can fail: a misspelt property, a dangling relative IRI
sed 's/"jobTitle"/"jobtitle"/' "$PP_TMP/full.jsonld" >"$PP_TMP/bad1.jsonld"
pp_run 1 bash "$CHECK" "$PP_TMP/bad1.jsonld" &&
  pp_expect_grep "$PP_TMP/out" 'error: unknown schema.org property "jobtitle" \(did you mean "jobTitle"\?\)'
sed 's/"_:rj-c-0003-p1"/"#p1"/g' "$PP_TMP/offices.jsonld" >"$PP_TMP/bad2.jsonld"
pp_run 1 bash "$CHECK" "$PP_TMP/bad2.jsonld" && pp_expect_grep "$PP_TMP/out" 'error: .*relative'
pp_done

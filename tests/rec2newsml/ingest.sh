# A generic ingest (Superdesk's rule: firstCreated, then contentCreated)
# dates every item by the release's date, on the fixtures and the corpus;
# records without a date say so in an edNote.
source "$PP_SRC/tests/lib.sh"
source "$PP_SRC/tests/rec2newsml/common.sh"
ING="python3 $PP_SRC/tests/rec2newsml/ingest_dates.py"
for name in basic hard sparse many; do
  pp_run 0 "$R" --sent "$SENT" "$F/$name.jsonl"
  pp_checks=$((pp_checks + 1))
  $ING "$F/$name.jsonl" "$PP_TMP/out" --label "fixtures/$name" || pp_fail "$name: ingest dates"
done
# the rule itself: an item whose firstCreated is the conversion time fails
pp_run 0 "$R" --sent "$SENT" "$F/basic.jsonl"
sed 's|<firstCreated>[^<]*</firstCreated>|<firstCreated>2025-06-01T12:00:00Z</firstCreated>|' "$PP_TMP/out" >"$PP_TMP/old.xml"
pp_checks=$((pp_checks + 1))
$ING "$F/basic.jsonl" "$PP_TMP/old.xml" >/dev/null && pp_fail "the checker did not see a conversion-time firstCreated"
if [ -n "${PP_SHARED:-}" ] && [ -d "$PP_SHARED/corpus" ]; then
  "$PP_BIN/release2rec" "$PP_SHARED"/corpus/*.txt >"$PP_TMP/corpus.jsonl" 2>/dev/null
  pp_run 0 "$R" --sent "$SENT" "$PP_TMP/corpus.jsonl"
  pp_checks=$((pp_checks + 1))
  $ING "$PP_TMP/corpus.jsonl" "$PP_TMP/out" --label corpus || pp_fail "corpus: ingest dates"
else
  echo "SKIP (part): ../shared not found: the corpus is not read"
fi
pp_done

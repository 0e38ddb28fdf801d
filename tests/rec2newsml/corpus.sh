# The corpus through release2rec | rec2newsml, validated with libxml2
# against the NewsML-G2 2.35 XSD and by the checker: every release as a
# bare newsItem, the newsMessage of the whole corpus, and the --split files.
# Reads $PP_SHARED/corpus at run time; skipped (77) while release2rec is not
# implemented.
source "$PP_SRC/tests/lib.sh"
source "$PP_SRC/tests/rec2newsml/common.sh"
pp_need_shared
nm_need_checker
nm_offline

shopt -s nullglob
releases=("$PP_SHARED"/corpus/*.txt)
[ ${#releases[@]} -gt 0 ] || { echo "SKIP: no releases in $PP_SHARED/corpus"; exit 77; }
"$PP_BIN/release2rec" "${releases[0]}" >/dev/null 2>"$PP_TMP/r2r.err"
if grep -q "not implemented" "$PP_TMP/r2r.err"; then
  echo "SKIP: release2rec says \"not implemented\" yet, so there are no corpus records:"
  echo "SKIP: the corpus tests of rec2newsml (each release, the whole-corpus newsMessage,"
  echo "SKIP: the --split files) run once release2rec produces records"
  exit 77
fi

# each release on its own: one record, one valid bare newsItem
mkdir -p "$PP_TMP/items" "$PP_TMP/recs"
i=0
for rel in "${releases[@]}"; do
  i=$((i + 1))
  n=$(printf '%03d' $i)
  "$PP_BIN/release2rec" "$rel" >"$PP_TMP/recs/$n.jsonl" 2>"$PP_TMP/r2r.err"
  st=$?
  pp_checks=$((pp_checks + 1))
  if [ $st -gt 1 ] || [ "$(grep -c . "$PP_TMP/recs/$n.jsonl")" != 1 ]; then
    pp_fail "release2rec $(basename "$rel") exited $st without one record: $(head -c 300 "$PP_TMP/r2r.err")"
    continue
  fi
  pp_run 0 "$R" --item --sent "$SENT" "$PP_TMP/recs/$n.jsonl" && cp "$PP_TMP/out" "$PP_TMP/items/$n.xml"
done
nm_xmllint "$PP_TMP"/items/*.xml
for x in "$PP_TMP"/items/*.xml; do
  n=$(basename "$x" .xml)
  "$CHECK" --schema "$XSD" --catalog "$CAT" --records "$PP_TMP/recs/$n.jsonl" "$x" >"$PP_TMP/check.out" 2>&1 ||
    pp_fail "newsml_check on release $n: $(head -c 1000 "$PP_TMP/check.out")"
  pp_checks=$((pp_checks + 1))
done
echo "releases: ${#releases[@]}, bare newsItems checked: $(ls "$PP_TMP"/items | wc -l)"

# the whole corpus in one stream: one newsMessage, ids unique across it
"$PP_BIN/release2rec" "${releases[@]}" >"$PP_TMP/all.jsonl" 2>"$PP_TMP/r2r.err"
st=$?
pp_checks=$((pp_checks + 1))
[ $st -le 1 ] || pp_fail "release2rec over the corpus exited $st: $(head -c 600 "$PP_TMP/r2r.err")"
nrec=$(grep -c . "$PP_TMP/all.jsonl")
pp_run 0 "$R" --sent "$SENT" "$PP_TMP/all.jsonl" && cp "$PP_TMP/out" "$PP_TMP/message.xml"
nm_xmllint "$PP_TMP/message.xml"
nm_check --records "$PP_TMP/all.jsonl" "$PP_TMP/message.xml"
pp_checks=$((pp_checks + 1))
nitems=$(grep -c '^    <newsItem ' "$PP_TMP/message.xml")
[ "$nitems" = "$nrec" ] || pp_fail "$nitems items in the newsMessage for $nrec records"

# the same corpus as --split files
pp_run 0 "$R" --sent "$SENT" --split "$PP_TMP/split" "$PP_TMP/all.jsonl"
nm_xmllint "$PP_TMP"/split/*.xml
nm_check --records "$PP_TMP/all.jsonl" "$PP_TMP"/split/*.xml
pp_checks=$((pp_checks + 1))
nfiles=$(ls "$PP_TMP/split" | wc -l)
[ "$nfiles" = "$nrec" ] || pp_fail "$nfiles --split files for $nrec records"

# the guid is the same on two runs (other time, other way of fixing it)
grep -o 'guid="[^"]*"' "$PP_TMP/message.xml" >"$PP_TMP/g1"
SOURCE_DATE_EPOCH=2000000000 "$R" "$PP_TMP/all.jsonl" 2>/dev/null | grep -o 'guid="[^"]*"' >"$PP_TMP/g2"
pp_checks=$((pp_checks + 1))
cmp -s "$PP_TMP/g1" "$PP_TMP/g2" || pp_fail "the guids differ between two runs"
# ... and the same from the split files and the single items
cat "$PP_TMP"/split/*.xml | grep -o 'guid="[^"]*"' | sort >"$PP_TMP/g3"
sort "$PP_TMP/g1" >"$PP_TMP/g1s"
pp_checks=$((pp_checks + 1))
cmp -s "$PP_TMP/g1s" "$PP_TMP/g3" || pp_fail "the --split files carry other guids than the newsMessage"

echo "corpus: $nrec records; xmllint: $nm_validated documents valid against NewsML-G2 2.35" \
  "($(ls "$PP_TMP"/items | wc -l) bare items, 1 newsMessage of $nitems items, $nfiles --split files)"
pp_done

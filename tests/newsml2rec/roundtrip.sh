# release2rec X | rec2newsml | newsml2rec gives back release2rec X on every
# field rec2newsml carries (tests/newsml2rec/roundtrip.py says which are
# not, and the normalisations the writer documents). Over every fixture,
# then the corpus and the silver sample when ../shared is there; prints the
# equality counts. The newsMessage, bare items and --split folders all go
# through.
source "$PP_SRC/tests/lib.sh"
source "$PP_SRC/tests/newsml2rec/common.sh"

# rt LABEL RECORDS [--allow-missing]: the records through the three shapes
rt() {
  local label=$1 recs=$2
  shift 2
  pp_checks=$((pp_checks + 1))
  "$R" --sent "$SENT" --source-name as-given "$recs" 2>"$PP_TMP/w.err" | "$N" >"$PP_TMP/back.jsonl" 2>"$PP_TMP/n.err"
  [ -s "$PP_TMP/n.err" ] && pp_fail "$label: newsml2rec said: $(head -c 400 "$PP_TMP/n.err")"
  $RT "$recs" "$PP_TMP/back.jsonl" --label "$label" "$@" || pp_fail "$label: round trip differs"
  # the --split folder read as a directory: the same records
  rm -rf "$PP_TMP/split"
  pp_checks=$((pp_checks + 1))
  "$R" --sent "$SENT" --source-name as-given --split "$PP_TMP/split" "$recs" 2>/dev/null
  "$N" "$PP_TMP/split" >"$PP_TMP/back-split.jsonl" 2>"$PP_TMP/n.err"
  $RT "$recs" "$PP_TMP/back-split.jsonl" --label "$label (--split)" --allow-missing >"$PP_TMP/rt.out" ||
    pp_fail "$label --split: $(cat "$PP_TMP/rt.out")"
}

# the record fixtures of rec2newsml (invented; hostile strings, sparse records, links)
for name in basic hard many sparse; do
  rt "fixtures/rec2newsml/$name" "$PP_SRC/fixtures/rec2newsml/$name.jsonl"
done
# the release fixtures through release2rec
"$PP_BIN/release2rec" "$PP_SRC"/fixtures/release2rec/*.txt >"$PP_TMP/fx.jsonl" 2>/dev/null
rt "fixtures/release2rec" "$PP_TMP/fx.jsonl"
# one bare newsItem
pp_checks=$((pp_checks + 1))
"$R" --item --sent "$SENT" --source-name as-given "$PP_SRC/fixtures/rec2newsml/basic.jsonl" | "$N" >"$PP_TMP/item.jsonl"
$RT "$PP_SRC/fixtures/rec2newsml/basic.jsonl" "$PP_TMP/item.jsonl" --label "bare newsItem" ||
  pp_fail "bare newsItem differs"

if [ -n "${PP_SHARED:-}" ] && [ -d "$PP_SHARED/corpus" ]; then
  "$PP_BIN/release2rec" "$PP_SHARED"/corpus/*.txt >"$PP_TMP/corpus.jsonl" 2>/dev/null
  rt corpus "$PP_TMP/corpus.jsonl"
  if [ -d "$PP_SHARED/silver" ]; then
    "$PP_BIN/release2rec" "$PP_SHARED"/silver/*.txt >"$PP_TMP/silver.jsonl" 2>/dev/null
    # every silver record goes through rec2newsml and comes back
    rt silver "$PP_TMP/silver.jsonl"
  fi
else
  echo "SKIP (part): ../shared not found: corpus and silver round trips not run"
fi
pp_done

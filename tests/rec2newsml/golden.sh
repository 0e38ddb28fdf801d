# rec2newsml golden files: the output for every fixture is byte-compared
# with fixtures/rec2newsml/NAME.xml; the time stamps are fixed by --sent or
# SOURCE_DATE_EPOCH. PP_REGEN=1 (make regen-golden) rewrites them.
source "$PP_SRC/tests/lib.sh"
source "$PP_SRC/tests/rec2newsml/common.sh"

for name in $FIXTURES; do
  pp_run 0 "$R" --sent "$SENT" "$F/$name.jsonl" && pp_golden "$PP_TMP/out" "$F/$name.xml"
done
# a bare newsItem
pp_run 0 "$R" --item --sent "$SENT" "$F/basic.jsonl" && pp_golden "$PP_TMP/out" "$F/basic.item.xml"
# another provider and catalog location
pp_run 0 "$R" --sent 2025-06-01T14:00:00+02:00 --provider news.example.com \
  --catalog-url https://news.example.com/catalogs/presspipe_1.xml "$F/basic.jsonl" &&
  pp_golden "$PP_TMP/out" "$F/basic.provider.xml"
# bad lines: reported (exact text), skipped, the rest converted, exit 1
pp_run 1 "$R" --sent "$SENT" <"$F/bad.jsonl"
pp_golden "$PP_TMP/out" "$F/bad.xml"
pp_golden "$PP_TMP/err" "$F/bad.err"

# SOURCE_DATE_EPOCH gives the bytes --sent gives for the same instant
# (1748779200 = 2025-06-01T12:00:00Z); --sent wins over it; standard input
# gives the bytes a file gives.
pp_run 0 env SOURCE_DATE_EPOCH=1748779200 "$R" "$F/basic.jsonl"
pp_checks=$((pp_checks + 1))
cmp -s "$PP_TMP/out" "$F/basic.xml" || pp_fail "SOURCE_DATE_EPOCH=1748779200 differs from --sent $SENT"
pp_run 0 env SOURCE_DATE_EPOCH=1 "$R" --sent "$SENT" - <"$F/basic.jsonl"
pp_checks=$((pp_checks + 1))
cmp -s "$PP_TMP/out" "$F/basic.xml" || pp_fail "--sent does not win over SOURCE_DATE_EPOCH, or stdin differs"
pp_run 0 env SOURCE_DATE_EPOCH=0 "$R" --item "$F/basic.jsonl"
pp_expect_grep "$PP_TMP/out" '<versionCreated>1970-01-01T00:00:00Z</versionCreated>'

# the generator names this build's version
ver=$("$R" --version | cut -d' ' -f2)
pp_expect_grep "$F/basic.xml" "<generator versioninfo=\"$ver\">presspipe rec2newsml</generator>"

# two files in one stream make one message, ids made unique by the item's
# place in the stream
pp_run 0 "$R" --sent "$SENT" "$F/basic.jsonl" "$F/basic.jsonl"
pp_expect_grep "$PP_TMP/out" 'xml:id="i2-par0"'
pp_checks=$((pp_checks + 1))
[ "$(grep -c '<newsItem ' "$PP_TMP/out")" = 2 ] || pp_fail "two records did not make two items"
pp_done

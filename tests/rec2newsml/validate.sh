# Every output rec2newsml makes from the fixtures validates against the IPTC
# NewsML-G2 2.35 XSD, twice over: xmllint --nonet --schema, and the C
# checker (xmlSchemaValidateDoc plus what the schema cannot check: XHTML
# namespace of the body, an assert for every subject, unique ids, resolving
# inlineRefs, known scheme aliases, every person/organisation/place/work of
# the record present, guid and headline from the record). The XSD is read
# from $PP_SHARED at run time; nothing is fetched from the network.
source "$PP_SRC/tests/lib.sh"
source "$PP_SRC/tests/rec2newsml/common.sh"
pp_need_shared
nm_need_checker
nm_offline

# the toolkit's own catalog is a valid NewsML-G2 catalog
nm_xmllint "$CAT"

for name in $FIXTURES; do
  # the newsMessage of the whole file
  pp_run 0 "$R" --sent "$SENT" "$F/$name.jsonl" && cp "$PP_TMP/out" "$PP_TMP/$name.msg.xml"
  nm_xmllint "$PP_TMP/$name.msg.xml"
  nm_check --records "$F/$name.jsonl" "$PP_TMP/$name.msg.xml"
  # one file per record (ids.jsonl repeats an id: both kept, the second as dup-2.xml)
  pp_run 0 "$R" --sent "$SENT" --split "$PP_TMP/split-$name" "$F/$name.jsonl"
  nm_xmllint "$PP_TMP/split-$name"/*.xml
  nm_check --records "$F/$name.jsonl" "$PP_TMP/split-$name"/*.xml
done
# a bare newsItem for each one-record fixture
for name in basic hard many; do
  pp_run 0 "$R" --item --sent "$SENT" "$F/$name.jsonl" && cp "$PP_TMP/out" "$PP_TMP/$name.item.xml"
  nm_xmllint "$PP_TMP/$name.item.xml"
  nm_check --records "$F/$name.jsonl" "$PP_TMP/$name.item.xml"
done
# the records that survive the bad lines; another provider
pp_run 1 "$R" --sent "$SENT" "$F/bad.jsonl" && cp "$PP_TMP/out" "$PP_TMP/bad.msg.xml"
nm_xmllint "$PP_TMP/bad.msg.xml"
nm_check --records "$F/bad.jsonl" "$PP_TMP/bad.msg.xml"
pp_run 0 "$R" --sent "$SENT" --provider news.example.com "$F/basic.jsonl" &&
  cp "$PP_TMP/out" "$PP_TMP/provider.xml"
nm_xmllint "$PP_TMP/provider.xml"
nm_check --provider news.example.com --records "$F/basic.jsonl" "$PP_TMP/provider.xml"

# the checker is not a rubber stamp: a body in the NewsML-G2 namespace, a
# subject without its assert and a duplicate id are each reported
sed 's# xmlns="http://www.w3.org/1999/xhtml"##' "$PP_TMP/basic.item.xml" >"$PP_TMP/m1.xml"
sed '/<assert qcode="pp-geo:tartu"/,/<\/assert>/d' "$PP_TMP/basic.item.xml" >"$PP_TMP/m2.xml"
sed 's/xml:id="i1-par1"/xml:id="i1-par0"/' "$PP_TMP/basic.item.xml" >"$PP_TMP/m3.xml"
for m in m1 m2 m3; do
  pp_run 1 "$CHECK" --schema "$XSD" --catalog "$CAT" "$PP_TMP/$m.xml"
done
# and xmllint does reject what the schema forbids
sed 's#<firstCreated>#<fileName>x</fileName><firstCreated>#' "$PP_TMP/basic.item.xml" >"$PP_TMP/m4.xml"
pp_run 3 xmllint --nonet --noout --schema "$XSD" "$PP_TMP/m4.xml"

echo "xmllint: $nm_validated documents valid against NewsML-G2 2.35"
pp_done

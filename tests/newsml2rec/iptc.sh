# IPTC's own examples ($PP_SHARED/guides/examples, read-only) read with the
# fields they carry; the package, the video and the bare contentMeta
# fragment are reported, never a crash.
source "$PP_SRC/tests/lib.sh"
source "$PP_SRC/tests/newsml2rec/common.sh"
pp_need_shared
X=$PP_SHARED/guides/examples
[ -d "$X/iptc" ] || { echo "SKIP: $X/iptc not found"; exit 77; }
cd "$X" || exit 2
field() { python3 -c 'import json,sys; rs=[json.loads(l) for l in open(sys.argv[1])]; r=rs[0]; print(eval(sys.argv[2]))' "$PP_TMP/out" "$1"; }

pp_run 0 "$N" example-minimal-newsItem.xml
pp_expect_file <(field '(r["headline"], r["dateline"], r["body"], r["genre"])') "('Headline of the release', {'text': 'ASTANA, 27 January 2015', 'place': 'Astana', 'date': '2015-01-27'}, ['First paragraph.'], 'Press Release')"
pp_run 0 "$N" example-press-release-newsMessage.xml
pp_expect_file <(field '([(p["name"], p["organization"]) for p in r["participants"]], [o["name"] for o in r["organizations"]], [(l["name"], l["country"]) for l in r["places"]], r["works"], r["sections"])') "([('Akmadi Serbasov', 'Ministry of Healthcare and Social Development'), ('Jane Doe', 'International Organization for Migration (IOM)')], ['International Organization for Migration (IOM)', 'Ministry of Interior'], [('Kyrgyzstan', 'KG'), ('Central Asia', None)], [{'title': 'Mapping on Irregular Migration in Central Asia', 'year': 2014}], ['News'])"
pp_expect_file <(field '(r["participants"][0]["role"], r["participants"][0]["aliases"], r["issuer"]["name"], len(r["body"]))') "('Chairman of the Committee on Labour, Social Protection and Migration', ['Akmadi Sarbasov'], 'International Organization for Migration (IOM)', 4)"
pp_run 0 "$N" iptc/LISTING_1_A_NewsML-G2_News_Item.xml
pp_expect_file <(field '(r["headline"], r["dateline"]["place"], r["dateline"]["date"], r["genre"], r["url"], r["warnings"])') "('Fed to halt QE to avert \"bubble\"', 'Berlin', '2016-10-18', 'Interview', 'http://www.example.com/video/20081222-PNN-1517-407624/index.html', ['inlineXML (application/nitf+xml) holds no paragraphs'])"
pp_run 0 "$N" iptc/LISTING_2_NewsML-G2_Text_Document.xml
pp_expect_file <(field '(r["headline"], r["dateline"]["place"], r["issuer"]["name"], len(r["body"]))') "('Fed to halt QE to avert \"bubble\"', 'New York, NY', 'Associated Press', 2)"
pp_run 0 "$N" iptc/002_affiliation_person_org.xml
pp_expect_file <(field '([p["name"] for p in r["participants"]], r["body"])') "(['John Smith'], [])"
pp_run 0 "$N" iptc/LISTING_27_Company_Financial_Information.xml
pp_expect_file <(field '(r["headline"], [o["name"] for o in r["organizations"]])') "('Acme Widgets announces annual results', ['Acme Widget Sales Inc'])"
# a package and four placeholder items: the package skipped, the items read with warnings
pp_run 1 "$N" iptc/LISTING_24_News_Message_conveying_a_complete_News_Package.xml
pp_expect_file "$PP_TMP/err" "newsml2rec: iptc/LISTING_24_News_Message_conveying_a_complete_News_Package.xml:21: packageItem is not a newsItem; skipped"
pp_expect_file <(wc -l <"$PP_TMP/out") 4
pp_run 1 "$N" iptc/ap_metadata_example.xml
pp_expect_file "$PP_TMP/err" "newsml2rec: iptc/ap_metadata_example.xml:12: newsItem \"tag:example.com,2008:407624\" is not text (itemClass ninat:video); skipped"
pp_expect_file "$PP_TMP/out" ""
pp_run 1 "$N" iptc/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml
pp_expect_file "$PP_TMP/err" "newsml2rec: iptc/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml:1: <contentMeta> is not a NewsML-G2 newsMessage or newsItem"
# every record read from them is a valid release record
cat "$X"/*.xml "$X"/iptc/*.xml >/dev/null
"$N" "$X"/*.xml "$X"/iptc/*.xml >"$PP_TMP/all.jsonl" 2>/dev/null
pp_checks=$((pp_checks + 1))
n=$(wc -l <"$PP_TMP/all.jsonl")
[ "$n" = 10 ] || pp_fail "the IPTC examples gave $n records, want 10"
echo "IPTC examples: $n records from $(ls "$X"/*.xml "$X"/iptc/*.xml | wc -l) files"
pp_done

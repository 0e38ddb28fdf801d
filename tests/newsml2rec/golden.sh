# Items shaped like other producers' (invented fixtures in
# fixtures/newsml2rec/NAME.xml) read into the records NAME.jsonl, with the
# messages NAME.err; exit status 1 when an item was skipped.
source "$PP_SRC/tests/lib.sh"
source "$PP_SRC/tests/newsml2rec/common.sh"
cd "$F" || exit 2
for x in *.xml; do
  name=${x%.xml}
  want=0
  [ -s "$name.err" ] && want=1
  pp_run $want "$N" "$x"
  pp_golden "$PP_TMP/out" "$name.jsonl"
  [ $want = 1 ] && pp_golden "$PP_TMP/err" "$name.err"
done
# spot checks that do not depend on reviewing the goldens
pp_run 1 "$N" wire-message.xml
pp_expect_file "$PP_TMP/err" "newsml2rec: wire-message.xml:95: newsItem \"urn:newsml:northwind-news.example:20240912:NWN-0412-P1\" is not text (itemClass ninat:picture); skipped"
field() { python3 -c 'import json,sys; r=json.loads(open(sys.argv[1]).readline()); print(eval(sys.argv[2]))' "$PP_TMP/out" "$1"; }
pp_expect_file <(field 'r["headline"], r["subheadline"]') "('Brenmoor port opens deep-water berth for container ships', 'Berth doubles capacity of the northern harbour')"
pp_expect_file <(field 'r["dateline"]') "{'text': 'BRENMOOR, Sept 11 (NWN)', 'place': 'Brenmoor', 'date': '2024-09-11'}"
pp_expect_file <(field '[(p["name"], p["role"], p["organization"], p["organization_id"], p["mentions"]) for p in r["participants"]]') "[('Pieter Valkema', 'Harbour Master', 'Brenmoor Port Authority', 'o1', [1])]"
pp_expect_file <(field '(r["issuer"]["name"], r["issuer"]["acronym"], r["places"][0]["country"], r["places"][0]["kind"])') "('Brenmoor Port Authority', 'BPA', 'NL', 'city')"
pp_expect_file <(field 'len(r["body"]), r["body"][2]') "(4, 'Next steps')"
pp_expect_file <(field 'r["quotes"]') "[{'participant': 'p1', 'text': 'We have waited ten years for this,', 'paragraph': 1}]"
pp_run 0 "$N" plain-item.xml
pp_expect_file <(field '(r["body"], r["dateline"]["date"], r["issuer"]["url"], r["warnings"])') "(['The Department of Rural Water Supply said on Thursday that twelve villages are now connected to the new mains.', 'Work on a second pumping station starts in June.'], '2023-03-30', 'https://water.example.gov/', ['person kp:unnamed-1 has no name; left out'])"
pp_run 0 "$N" nitf-item.xml
pp_expect_file <(field '(r["headline"], len(r["body"]))') "('Ferry timetable changes for the winter', 2)"
pp_done

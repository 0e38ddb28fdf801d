#!/usr/bin/env bash
# The invented pages of fixtures/html. For each NAME.html:
#  - pp_html_sniff() reads it as HTML from its bytes alone, and NAME.txt
#    (its plain-text version: what a person copies from the browser) as text;
#  - the converted text (tests/html/html_dump) and NAME.txt, each piped
#    through release2rec, give equal headline, subheadline, dateline, body
#    and participants, and a real record (a headline, two paragraphs or
#    more, a participant);
#  - the metadata equals NAME.meta.json (PP_REGEN=1 rewrites it);
#  - release2rec given the page itself says source.format "html", describes
#    the page's own bytes (id, sha256, size) and reads the same fields; the
#    page's canonical URL and date fill url and dateline.date when the text
#    gives none.
source "$PP_SRC/tests/lib.sh"
set -o pipefail
D="$PP_BUILD/tests/html_dump"
R="$PP_BIN/release2rec"
JQ=$(command -v jq) || { echo "jq not found" >&2; exit 1; }
FIELDS='{headline,subheadline,dateline,body,participants}'
cd "$PP_SRC/fixtures/html" || exit 1

n=0
for page in *.html; do
  name=${page%.html}
  n=$((n + 1))
  if [ ! -e "$name.txt" ]; then
    pp_fail "$name.txt (the plain-text version of $page) is missing"
    continue
  fi
  pp_run 0 "$D" --sniff - <"$page" && pp_expect_file "$PP_TMP/out" 1
  pp_run 0 "$D" --sniff - <"$name.txt" && pp_expect_file "$PP_TMP/out" 0

  pp_run 0 "$D" --text "$page" || continue
  pp_expect_file "$PP_TMP/err" ""
  cp "$PP_TMP/out" "$PP_TMP/page.txt"
  pp_run 0 "$R" <"$PP_TMP/page.txt" || continue
  "$JQ" -S "$FIELDS" <"$PP_TMP/out" >"$PP_TMP/from-html.json"
  pp_run 0 "$R" <"$name.txt" || continue
  "$JQ" -S "$FIELDS" <"$PP_TMP/out" >"$PP_TMP/from-text.json"

  pp_checks=$((pp_checks + 1))
  "$JQ" -e '.headline != null and (.body | length) >= 2 and (.participants | length) >= 1' \
    "$PP_TMP/from-text.json" >/dev/null || pp_fail "$name.txt: not a real record: $(head -c 400 "$PP_TMP/from-text.json")"
  pp_checks=$((pp_checks + 1))
  if ! cmp -s "$PP_TMP/from-html.json" "$PP_TMP/from-text.json"; then
    pp_fail "$page and $name.txt read differently (< text, > html):"
    diff "$PP_TMP/from-text.json" "$PP_TMP/from-html.json" | head -20 >&2
    echo "converted text:" >&2
    head -c 1500 "$PP_TMP/page.txt" >&2
  fi

  # the page given to release2rec itself
  pp_run 0 "$R" "$page" || continue
  "$JQ" -S "$FIELDS | del(.dateline.date)" <"$PP_TMP/out" >"$PP_TMP/direct.json"
  "$JQ" -S "$FIELDS | del(.dateline.date)" <"$PP_TMP/from-text.json" >"$PP_TMP/text-nodate.json"
  pp_checks=$((pp_checks + 1))
  cmp -s "$PP_TMP/direct.json" "$PP_TMP/text-nodate.json" ||
    pp_fail "release2rec $page reads differently from $name.txt: $(diff "$PP_TMP/text-nodate.json" "$PP_TMP/direct.json" | head -5)"
  sha=$(sha256sum "$page" | cut -c1-64)
  size=$(wc -c <"$page")
  pp_checks=$((pp_checks + 1))
  "$JQ" -e --arg sha "$sha" --argjson size "$size" \
    '.source.format == "html" and .source.sha256 == $sha and .source.bytes == $size and .id == ("pr-" + $sha[0:16]) and .dateline.date != null' \
    "$PP_TMP/out" >/dev/null || pp_fail "release2rec $page: source/id/date wrong: $("$JQ" -c '{id,source,date:.dateline.date}' "$PP_TMP/out")"
  pp_checks=$((pp_checks + 1))
  pg_url=$("$D" --meta "$page" | "$JQ" -r '.url // empty')
  [ -z "$pg_url" ] || "$JQ" -e --arg u "$pg_url" '.url == $u' "$PP_TMP/out" >/dev/null ||
    pp_fail "release2rec $page: url is not the page's canonical $pg_url"

  if pp_run 0 "$D" --meta "$page"; then
    if [ ! -e "$name.meta.json" ] && [ "${PP_REGEN:-0}" != 1 ]; then
      pp_fail "$name.meta.json is missing (PP_REGEN=1 writes it; check it by hand)"
    else
      pp_golden "$PP_TMP/out" "$name.meta.json"
    fi
  fi
done
pp_checks=$((pp_checks + 1))
[ "$n" -ge 8 ] || pp_fail "only $n pages in fixtures/html (want 8 or more)"
pp_done

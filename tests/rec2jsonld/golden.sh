#!/bin/bash
# rec2jsonld golden tests: each fixture's output byte-compared with its
# expected file (PP_REGEN=1 / make regen-golden rewrites them); --pretty,
# --html and --split compared too; the same input twice gives the same bytes.
source "$PP_SRC/tests/lib.sh"
F="$PP_SRC/fixtures/rec2jsonld"
R="$PP_BIN/rec2jsonld"
cd "$F" || exit 1

for name in full minimal offices source-url markup html-hazard; do
  pp_run 0 "$R" "$name.jsonl" && pp_golden "$PP_TMP/out" "$name.expected.jsonl"
  # standard input gives the same bytes, and so does a second run
  "$R" <"$name.jsonl" >"$PP_TMP/again" 2>/dev/null
  pp_checks=$((pp_checks + 1))
  cmp -s "$PP_TMP/again" "$name.expected.jsonl" || pp_fail "$name: stdin run differs from $name.expected.jsonl"
done

# bad lines: the good records around them are converted (messages: cli.sh)
pp_run 1 "$R" errors.jsonl && pp_golden "$PP_TMP/out" errors.expected.jsonl

pp_run 0 "$R" --pretty full.jsonl && pp_golden "$PP_TMP/out" full.expected.pretty.jsonld
pp_run 0 "$R" --html markup.jsonl offices.jsonl && pp_golden "$PP_TMP/out" markup-offices.expected.html

# --split: one file per record, named after the source, the same bytes as
# the JSON Lines output; a name met twice gets "-2"
pp_run 0 "$R" --split "$PP_TMP/split" full.jsonl minimal.jsonl offices.jsonl source-url.jsonl markup.jsonl minimal.jsonl
(cd "$PP_TMP/split" && ls -1) >"$PP_TMP/names"
pp_expect_file "$PP_TMP/names" "markup.jsonld
mission_office_final_.jsonld
rj-b-0002-2.jsonld
rj-b-0002.jsonld
rj-d-0004.jsonld
water-forum-2019.jsonld"
for pair in full:water-forum-2019 minimal:rj-b-0002 minimal:rj-b-0002-2 offices:mission_office_final_ \
  source-url:rj-d-0004 markup:markup; do
  pp_checks=$((pp_checks + 1))
  cmp -s "$PP_TMP/split/${pair#*:}.jsonld" "${pair%%:*}.expected.jsonl" ||
    pp_fail "--split ${pair#*:}.jsonld differs from ${pair%%:*}.expected.jsonl"
done
pp_run 0 "$R" --split "$PP_TMP/split-pretty" --pretty full.jsonl
pp_checks=$((pp_checks + 1))
cmp -s "$PP_TMP/split-pretty/water-forum-2019.jsonld" full.expected.pretty.jsonld ||
  pp_fail "--split --pretty differs from full.expected.pretty.jsonld"
pp_run 0 "$R" --split "$PP_TMP/split-html" --html markup.jsonl
pp_expect_grep "$PP_TMP/split-html/markup.html" '^<script type="application/ld\+json">$'
pp_done

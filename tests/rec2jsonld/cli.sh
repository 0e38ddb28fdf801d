#!/bin/bash
# rec2jsonld command line: options, bad records reported as FILE:LINE with
# exit 1 and the rest converted, usage and I/O errors with exit 2.
source "$PP_SRC/tests/lib.sh"
F="$PP_SRC/fixtures/rec2jsonld"
R="$PP_BIN/rec2jsonld"
cd "$F" || exit 1
T=rec2jsonld
TRY="Try 'rec2jsonld --help' for more information."

pp_run 0 "$R" --help && pp_expect_grep "$PP_TMP/out" '^Usage: rec2jsonld \[OPTION\]\.\.\. \[FILE\]\.\.\.$' &&
  pp_expect_file "$PP_TMP/err" ""
pp_run 0 "$R" -h && pp_expect_grep "$PP_TMP/out" '--split DIR'
pp_run 0 "$R" --version && pp_expect_grep "$PP_TMP/out" '^rec2jsonld [0-9]+\.[0-9]+\.[0-9]+$'

pp_run 2 "$R" --frobnicate && pp_expect_file "$PP_TMP/err" "$T: unrecognized option '--frobnicate'
$TRY" && pp_expect_file "$PP_TMP/out" ""
pp_run 2 "$R" -x full.jsonl && pp_expect_file "$PP_TMP/err" "$T: invalid option -- 'x'
$TRY"
pp_run 2 "$R" --split && pp_expect_file "$PP_TMP/err" "$T: option '--split' requires an argument
$TRY"
pp_run 2 "$R" --split "" full.jsonl && pp_expect_file "$PP_TMP/err" "$T: --split needs a directory name
$TRY"
pp_run 2 "$R" --split full.jsonl minimal.jsonl && pp_expect_file "$PP_TMP/err" "$T: full.jsonl: Not a directory"

# bad lines: reported with FILE:LINE, skipped, the rest converted, exit 1
pp_run 1 "$R" errors.jsonl && pp_expect_file "$PP_TMP/err" \
"$T: errors.jsonl:2: not JSON: '[' or '{' expected near 'this' (column 4)
$T: errors.jsonl:3: dateline \"date\" \"2015-02-30\" is not an ISO 8601 date (YYYY-MM-DD)
$T: errors.jsonl:4: \"url\" \"www.example.org/news/1\" is not an absolute http(s) URL
$T: errors.jsonl:6: issuer \"url\" \"https://example.org/a b\" is not an absolute http(s) URL
$T: errors.jsonl:7: unsupported record version \"release/2\" (this reader knows release/1 and release/1.x)
$T: errors.jsonl:8: dateline \"date\" \"12/05/2015\" is not an ISO 8601 date (YYYY-MM-DD)"
pp_checks=$((pp_checks + 1))
[ "$(grep -o '"value":"rj-x-000[0-9]"' "$PP_TMP/out" | tr '\n' ' ')" = '"value":"rj-x-0001" "value":"rj-x-0002" ' ] ||
  pp_fail "errors.jsonl: the two good records are not both converted: $(cat "$PP_TMP/out")"
# the same through standard input: "-" is the file name
pp_run 1 "$R" <errors.jsonl && pp_expect_grep "$PP_TMP/err" "^$T: -:3: dateline"

# a missing file is an I/O error (exit 2), the other files are still read
pp_run 2 "$R" no-such-file.jsonl minimal.jsonl && pp_expect_file "$PP_TMP/err" \
  "$T: no-such-file.jsonl: No such file or directory" && pp_expect_grep "$PP_TMP/out" '"value":"rj-b-0002"'

# a failed write to the output is exit 2
pp_checks=$((pp_checks + 1))
"$R" full.jsonl >/dev/full 2>"$PP_TMP/err"
st=$?
[ "$st" = 2 ] || pp_fail "> /dev/full exited $st, want 2"
pp_expect_file "$PP_TMP/err" "$T: write error: No space left on device"

# "| head" ends quietly (SIGPIPE, no message)
for i in $(seq 400); do cat full.jsonl offices.jsonl; done >"$PP_TMP/many.jsonl"
"$R" "$PP_TMP/many.jsonl" 2>"$PP_TMP/err" | head -c 100 >/dev/null
pp_expect_file "$PP_TMP/err" ""

# empty input: nothing out, exit 0
pp_run 0 "$R" </dev/null && pp_expect_file "$PP_TMP/out" ""

# --pretty takes one record; a second one is a usage error, after the first
pp_run 0 "$R" --pretty full.jsonl && cp "$PP_TMP/out" "$PP_TMP/pretty1"
pp_run 2 "$R" --pretty <"$PP_TMP/many.jsonl" && pp_expect_file "$PP_TMP/err" \
  "$T: -:2: --pretty writes a single record and the input holds more (use --split DIR for one file per record)"
pp_checks=$((pp_checks + 1))
cmp -s "$PP_TMP/out" "$PP_TMP/pretty1" || pp_fail "--pretty did not write the first record before stopping"
pp_run 0 "$R" --pretty --html full.jsonl offices.jsonl && pp_expect_grep "$PP_TMP/out" '^    "@graph": \[$|^  "@graph": \[$'

# --html: no "</script" but the closing tags, a "<!--...<script" text refused
pp_run 0 "$R" --html markup.jsonl
pp_checks=$((pp_checks + 1))
[ "$(grep -oi '</script' "$PP_TMP/out" | wc -l)" = 1 ] || pp_fail "--html output closes the script element early: $(cat "$PP_TMP/out")"
pp_expect_grep "$PP_TMP/out" 'Safe <\\/script><script>alert\(1\)<\\/script> headline'
pp_run 1 "$R" --html html-hazard.jsonl && pp_expect_file "$PP_TMP/err" \
  "$T: html-hazard.jsonl:1: the text holds \"<!--\" followed by \"<script\", which an HTML <script> block cannot carry; write JSON Lines instead of --html"
pp_checks=$((pp_checks + 1))
[ "$(grep -c '^<script type="application/ld+json">$' "$PP_TMP/out")" = 1 ] &&
  grep -q '"value":"rj-x-0002"' "$PP_TMP/out" || pp_fail "--html: the record after the refused one is missing"
pp_run 1 "$R" --split "$PP_TMP/hz" --html html-hazard.jsonl
pp_checks=$((pp_checks + 1))
[ "$(cd "$PP_TMP/hz" && ls)" = "rj-x-0002.html" ] || pp_fail "--split --html left $(cd "$PP_TMP/hz" && ls)"

# options may follow the files; "--" ends them
pp_run 0 "$R" full.jsonl --pretty && cmp -s "$PP_TMP/out" "$PP_TMP/pretty1" || pp_fail "options after files"
pp_run 2 "$R" -- --pretty && pp_expect_file "$PP_TMP/err" "$T: --pretty: No such file or directory"

# Place types come from the record's kind (release/1.1), not from country
# names: no language pack, no iso-codes are read; --data is accepted and ignored.
pp_run 0 "$R" --help && pp_expect_grep "$PP_TMP/out" '^  -d, --data DIR   accepted and ignored'
pp_expect_grep "$PP_TMP/out" 'reads English'
CTRY='"@type":"Country","@id":"_:t1-l1","name":"Helvetia","identifier":{"@type":"PropertyValue","propertyID":"ISO 3166-1 alpha-2","value":"CH"}}'
PLACE='"@type":"Place","@id":"_:t1-l1","name":"Helvetia","address":{"@type":"PostalAddress","addressCountry":"CH"}}'
printf '%s\n' '{"record":"release/1.1","id":"t1","places":[{"id":"l1","name":"Helvetia","country":"CH","kind":"country"}]}' >"$PP_TMP/helvetia.jsonl"
printf '%s\n' '{"record":"release/1","id":"t1","places":[{"id":"l1","name":"Helvetia","country":"CH"}]}' >"$PP_TMP/helvetia-nokind.jsonl"
pp_run 0 "$R" "$PP_TMP/helvetia.jsonl" && pp_expect_grep "$PP_TMP/out" "$CTRY"
pp_run 0 "$R" "$PP_TMP/helvetia-nokind.jsonl" && pp_expect_grep "$PP_TMP/out" "$PLACE"
pp_run 0 "$R" --data "$PP_TMP/no-data" "$PP_TMP/helvetia.jsonl" && pp_expect_grep "$PP_TMP/out" "$CTRY"
pp_run 0 env PRESSPIPE_ISO_3166="$PP_TMP/no-iso.json" PRESSPIPE_DATADIR="$PP_TMP/no-data" "$R" full.jsonl &&
  pp_expect_grep "$PP_TMP/out" '"@type":"Country","@id":"[^"]*#rj-a-0001-l2","name":"Kazakhstan","identifier":'
pp_run 2 "$R" --data && pp_expect_file "$PP_TMP/err" "$T: option '--data' requires an argument
$TRY"
pp_done

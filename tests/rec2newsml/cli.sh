# rec2newsml's command line: options, exit codes and the exact messages.
source "$PP_SRC/tests/lib.sh"
source "$PP_SRC/tests/rec2newsml/common.sh"

pp_run 0 "$R" --help
pp_expect_grep "$PP_TMP/out" '^Usage: rec2newsml \[OPTION\]\.\.\. \[FILE\]\.\.\.$'
pp_run 0 "$R" --version
pp_expect_grep "$PP_TMP/out" '^rec2newsml [0-9]+\.[0-9]+\.[0-9]+$'

# usage errors: exit 2, message and hint, nothing on stdout
usage() { # EXPECTED_FIRST_LINE ARGS...
  local want=$1
  shift
  pp_run 2 "$R" "$@" <"$F/basic.jsonl"
  pp_expect_file "$PP_TMP/err" "$want
Try 'rec2newsml --help' for more information."
  pp_expect_file "$PP_TMP/out" ""
}
usage "rec2newsml: unrecognized option '--bogus'" --bogus
usage "rec2newsml: invalid option -- 'x'" -x
usage "rec2newsml: option '--split' requires an argument" --split
usage "rec2newsml: --item and --split exclude each other" --item --split "$PP_TMP/d"
usage "rec2newsml: --sent: \"2025-06-01T12:00:00\" is not a date and time with a time zone (like 2025-06-01T12:00:00Z)" --sent 2025-06-01T12:00:00
usage "rec2newsml: --sent: \"2023-02-29T00:00:00Z\" is not a date and time with a time zone (like 2025-06-01T12:00:00Z)" --sent 2023-02-29T00:00:00Z
usage "rec2newsml: --provider: \"not a domain\" is not a domain name" --provider "not a domain"
usage "rec2newsml: --provider: \"a/b\" is not a domain name" --provider a/b
usage "rec2newsml: --catalog-url: \"no-scheme\" is not an absolute URI" --catalog-url no-scheme
usage "rec2newsml: --split: empty directory name" --split ""
pp_run 2 env SOURCE_DATE_EPOCH=yesterday "$R" "$F/basic.jsonl"
pp_expect_file "$PP_TMP/err" "rec2newsml: SOURCE_DATE_EPOCH \"yesterday\" is not a number of seconds
Try 'rec2newsml --help' for more information."
pp_run 2 env SOURCE_DATE_EPOCH=-5 "$R" "$F/basic.jsonl"

# --item: exactly one record
pp_run 2 "$R" --item --sent "$SENT" "$F/sparse.jsonl"
pp_expect_file "$PP_TMP/err" "rec2newsml: $F/sparse.jsonl:2: --item takes one record, and this is the second; nothing written"
pp_expect_file "$PP_TMP/out" ""
pp_run 2 "$R" --item --sent "$SENT" </dev/null
pp_expect_file "$PP_TMP/err" "rec2newsml: --item: the input holds no record; nothing written"
pp_expect_file "$PP_TMP/out" ""
# a bad line before the one good record: reported, the item written, exit 1
{ echo '{"record":"release/1"}'; head -1 "$F/basic.jsonl"; } >"$PP_TMP/one-bad.jsonl"
pp_run 1 "$R" --item --sent "$SENT" "$PP_TMP/one-bad.jsonl"
pp_expect_file "$PP_TMP/err" "rec2newsml: $PP_TMP/one-bad.jsonl:1: missing \"id\""
pp_checks=$((pp_checks + 1))
cmp -s "$PP_TMP/out" "$F/basic.item.xml" || pp_fail "--item after a bad line differs from basic.item.xml"

# no input: no document (a newsMessage must hold an item), exit 0
pp_run 0 "$R" --sent "$SENT" </dev/null
pp_expect_file "$PP_TMP/out" ""
pp_expect_file "$PP_TMP/err" ""
# nothing but bad lines: reported, no document, exit 1
pp_run 1 "$R" --sent "$SENT" - <<<'not json'
pp_expect_file "$PP_TMP/out" ""
pp_expect_file "$PP_TMP/err" "rec2newsml: -:1: not JSON: '[' or '{' expected near 'not' (column 3)"

# a missing file: reported, the others converted, exit 2
pp_run 2 "$R" --sent "$SENT" "$PP_TMP/missing.jsonl" "$F/basic.jsonl"
pp_expect_file "$PP_TMP/err" "rec2newsml: $PP_TMP/missing.jsonl: No such file or directory"
pp_checks=$((pp_checks + 1))
cmp -s "$PP_TMP/out" "$F/basic.xml" || pp_fail "the file after a missing one was not converted as basic.xml"

# a failed write to standard output is exit 2 with one message
pp_checks=$((pp_checks + 1))
"$R" --sent "$SENT" "$F/many.jsonl" >/dev/full 2>"$PP_TMP/err"
st=$?
[ "$st" = 2 ] || pp_fail "rec2newsml >/dev/full exited $st, want 2"
pp_expect_file "$PP_TMP/err" "rec2newsml: write error: No space left on device"
pp_checks=$((pp_checks + 1))
"$R" --item --sent "$SENT" "$F/basic.jsonl" >/dev/full 2>"$PP_TMP/err"
st=$?
[ "$st" = 2 ] || pp_fail "rec2newsml --item >/dev/full exited $st, want 2"
pp_expect_file "$PP_TMP/err" "rec2newsml: write error: No space left on device"

# | head ends quietly: no message on stderr
for i in $(seq 200); do cat "$F/many.jsonl"; done >"$PP_TMP/big.jsonl"
pp_checks=$((pp_checks + 1))
"$R" --sent "$SENT" "$PP_TMP/big.jsonl" 2>"$PP_TMP/err" | head -c 100 >/dev/null
[ -s "$PP_TMP/err" ] && pp_fail "rec2newsml | head wrote to stderr: $(head -c 300 "$PP_TMP/err")"

# the same input twice gives the same bytes (no hidden time or randomness)
pp_run 0 "$R" --sent "$SENT" "$F/hard.jsonl" && cp "$PP_TMP/out" "$PP_TMP/h1.xml"
pp_run 0 "$R" --sent "$SENT" "$F/hard.jsonl"
pp_checks=$((pp_checks + 1))
cmp -s "$PP_TMP/out" "$PP_TMP/h1.xml" || pp_fail "two runs differ"
# the guid does not depend on the time stamp
pp_run 0 "$R" --sent 2031-12-31T23:59:59-08:00 "$F/ids.jsonl" && grep -o 'guid="[^"]*"' "$PP_TMP/out" >"$PP_TMP/g1"
pp_run 0 env SOURCE_DATE_EPOCH=86400 "$R" "$F/ids.jsonl" && grep -o 'guid="[^"]*"' "$PP_TMP/out" >"$PP_TMP/g2"
pp_checks=$((pp_checks + 1))
cmp -s "$PP_TMP/g1" "$PP_TMP/g2" && [ -s "$PP_TMP/g1" ] || pp_fail "the guids changed between two runs"
pp_expect_grep "$PP_TMP/g1" '^guid="urn:newsml:presspipe\.invalid:\.\.%2F\.\.%2Fetc%2Fpasswd"$'
pp_done

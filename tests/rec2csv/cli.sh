#!/usr/bin/env bash
# rec2csv command line: options, usage errors with exact messages and exit
# codes, input from files and standard input, write errors, | head.
source "$PP_SRC/tests/lib.sh"
F=$PP_SRC/fixtures/rec2csv
R=$PP_BIN/rec2csv
TRY="Try 'rec2csv --help' for more information."
HEADER="release_id,release_date,dateline_place,headline,participant_id,name,honorific,given_name,family_name,role,organization,aliases,mention_count,source_name"

# usage ARGS... -- MESSAGE: exit 2, nothing on stdout, exactly MESSAGE + TRY on stderr.
usage() {
  local args=()
  while [ "$1" != -- ]; do args+=("$1"); shift; done
  pp_run 2 "$R" "${args[@]}" </dev/null || return
  pp_expect_file "$PP_TMP/err" "$2
$TRY"
  pp_checks=$((pp_checks + 1))
  [ -s "$PP_TMP/out" ] && pp_fail "rec2csv ${args[*]} wrote to stdout"
  return 0
}
usage --bogus -- "rec2csv: unrecognized option '--bogus'"
usage -x -- "rec2csv: invalid option -- 'x'"
usage --columns -- "rec2csv: option '--columns' requires an argument"
usage -t -- "rec2csv: option '-t' requires an argument"
usage --raw=yes -- "rec2csv: unrecognized option '--raw=yes'"
usage --table people -- "rec2csv: unknown table 'people' (participants, organizations, places, quotes, contacts)"
usage --columns name,bogus -- "rec2csv: unknown column \"bogus\" for the participants table (known: release_id,release_date,dateline_place,headline,source_name,release_url,issuer_name,language,participant_id,name,honorific,given_name,family_name,role,organization,aliases,mention_count)"
usage -t places -c name,role -- "rec2csv: unknown column \"role\" for the places table (known: release_id,release_date,dateline_place,headline,source_name,release_url,issuer_name,language,place_id,name,country,mention_count)"
usage --columns name,,role -- "rec2csv: empty column name in the column list \"name,,role\""
usage --columns '' -- "rec2csv: empty column name in the column list \"\""
usage --columns name,role,name -- "rec2csv: column \"name\" is listed twice"
usage --schema "$F/basic.jsonl" -- "rec2csv: --schema takes no FILE"

pp_run 0 "$R" --help && pp_expect_grep "$PP_TMP/out" "^Usage: rec2csv \[OPTION\]\.\.\. \[FILE\]\.\.\.$"
pp_expect_grep "$PP_TMP/out" "--raw"
pp_expect_file "$PP_TMP/err" ""
pp_run 0 "$R" --version && pp_expect_grep "$PP_TMP/out" "^rec2csv [0-9]+\.[0-9]+\.[0-9]+$"

# Standard input, '-', several files: one header, the records in order.
pp_run 0 "$R" <"$F/basic.jsonl" && pp_golden "$PP_TMP/out" "$F/basic.csv"
pp_run 0 "$R" - <"$F/basic.jsonl" && pp_golden "$PP_TMP/out" "$F/basic.csv"
pp_run 0 "$R" --raw "$F/basic.jsonl" - "$F/guard.jsonl" <"$F/hard.jsonl" &&
  cp "$PP_TMP/out" "$PP_TMP/three.csv"
cat "$F/basic.jsonl" "$F/hard.jsonl" "$F/guard.jsonl" | "$R" --raw >"$PP_TMP/cat.csv"
pp_golden "$PP_TMP/three.csv" "$PP_TMP/cat.csv"

# Empty input: the header alone. A record without participants: no row, no error.
printf '%s\r\n' "$HEADER" >"$PP_TMP/header.csv"
pp_run 0 "$R" </dev/null && pp_golden "$PP_TMP/out" "$PP_TMP/header.csv"
sed -n 2p "$F/basic.jsonl" >"$PP_TMP/none.jsonl"
pp_run 0 "$R" "$PP_TMP/none.jsonl" && pp_golden "$PP_TMP/out" "$PP_TMP/header.csv"
pp_expect_file "$PP_TMP/err" ""
pp_run 0 "$R" -n "$PP_TMP/none.jsonl" && pp_expect_file "$PP_TMP/out" ""

# --no-header is sed 1d; --bom is EF BB BF then the same bytes.
pp_run 0 "$R" --no-header "$F/hard.jsonl" && sed 1d "$F/hard.csv" >"$PP_TMP/want" &&
  pp_golden "$PP_TMP/out" "$PP_TMP/want"
pp_run 0 "$R" --bom "$F/hard.jsonl" && { printf '\357\273\277'; cat "$F/hard.csv"; } >"$PP_TMP/want" &&
  pp_golden "$PP_TMP/out" "$PP_TMP/want"
pp_run 0 "$R" "$F/hard.jsonl" && pp_checks=$((pp_checks + 1)) &&
  { [ "$(head -c 3 "$PP_TMP/out" | od -An -tx1 | tr -d ' ')" = 72656c ] || pp_fail "output starts with a BOM by default"; }

# Bad lines from standard input are reported as -:LINE; a missing file is an
# I/O error (exit 2) and the other files are still converted.
pp_run 1 "$R" <"$F/bad.jsonl" && pp_golden "$PP_TMP/out" "$F/bad.csv"
sed 's|bad.jsonl|-|' "$F/bad.err" >"$PP_TMP/want"
pp_golden "$PP_TMP/err" "$PP_TMP/want"
pp_run 2 "$R" "$PP_TMP/missing.jsonl" "$F/basic.jsonl" && pp_golden "$PP_TMP/out" "$F/basic.csv"
pp_expect_file "$PP_TMP/err" "rec2csv: $PP_TMP/missing.jsonl: No such file or directory"
pp_run 2 "$R" "$F/bad.jsonl" "$PP_TMP/missing.jsonl"
pp_expect_grep "$PP_TMP/err" "^rec2csv: .*/bad.jsonl:2: not JSON"

# A bigger stream (past stdio's buffers) for write errors and | head.
for _ in $(seq 400); do cat "$F/hard.jsonl"; done >"$PP_TMP/big.jsonl"

# A failed write to stdout: exit 2, one message.
for args in "$F/basic.jsonl" "$PP_TMP/big.jsonl" "--schema" "--help" "--version"; do
  pp_checks=$((pp_checks + 1))
  # shellcheck disable=SC2086
  "$R" $args >/dev/full 2>"$PP_TMP/err"
  st=$?
  [ "$st" = 2 ] || pp_fail "rec2csv $args >/dev/full exited $st, want 2"
  pp_expect_file "$PP_TMP/err" "rec2csv: write error: No space left on device"
done

# | head ends quietly: killed by SIGPIPE, nothing on stderr.
"$R" "$PP_TMP/big.jsonl" 2>"$PP_TMP/err" | head -n 1 >"$PP_TMP/out"
st=${PIPESTATUS[0]}
pp_checks=$((pp_checks + 1))
[ "$st" = 141 ] || [ "$st" = 0 ] || pp_fail "rec2csv | head exited $st"
pp_expect_file "$PP_TMP/err" ""
pp_expect_file "$PP_TMP/out" "$HEADER"$'\r'

pp_done

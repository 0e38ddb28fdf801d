#!/usr/bin/env bash
# rec2csv --schema: valid JSON (jq and Python's json), a well-formed
# Frictionless Table Schema, and the tables rec2csv writes validate against
# it (check_schema.py).
source "$PP_SRC/tests/lib.sh"
F=$PP_SRC/fixtures/rec2csv
R=$PP_BIN/rec2csv
CHECK=$PP_SRC/tests/rec2csv/check_schema.py
command -v python3 >/dev/null || { echo "SKIP: python3 not found"; exit 77; }

# check TABLE COLUMNS|"" INPUT...: schema and outputs (guarded and raw) valid.
check() {
  local t=$1 cols=$2
  shift 2
  local sel=()
  [ -n "$cols" ] && sel=(--columns "$cols")
  pp_run 0 "$R" --schema --table "$t" "${sel[@]}" || return
  cp "$PP_TMP/out" "$PP_TMP/schema.json"
  if command -v jq >/dev/null; then
    pp_checks=$((pp_checks + 1))
    jq -e '.fields | length > 0' "$PP_TMP/schema.json" >/dev/null || pp_fail "jq rejects the $t schema"
  fi
  local csvs=() i=0 f
  for f in "$@"; do
    for mode in "" --raw; do
      i=$((i + 1))
      pp_run 0 "$R" --table "$t" "${sel[@]}" $mode "$f" || continue
      cp "$PP_TMP/out" "$PP_TMP/t$i.csv"
      csvs+=("$PP_TMP/t$i.csv")
    done
  done
  pp_run 0 python3 "$CHECK" "$PP_TMP/schema.json" "${csvs[@]}" || return
  cat "$PP_TMP/out"
}

for t in participants organizations places quotes contacts; do
  check "$t" "" "$F/basic.jsonl" "$F/hard.jsonl" "$F/guard.jsonl"
done
check participants "name,mention_count,release_date,release_url,language" "$F/basic.jsonl" "$F/hard.jsonl"
check places "country,place_id,release_id" "$F/basic.jsonl"

# The checker fails what it should: a value that breaks the schema, a header
# that is not the fields, and text that is not JSON.
printf 'release_id,participant_id,mention_count\r\nr1,p1,x\r\n' >"$PP_TMP/bad-int.csv"
pp_run 0 "$R" --schema -c release_id,participant_id,mention_count && cp "$PP_TMP/out" "$PP_TMP/s3.json"
pp_run 1 python3 "$CHECK" "$PP_TMP/s3.json" "$PP_TMP/bad-int.csv"
pp_expect_grep "$PP_TMP/err" "mention_count='x' is not an integer"
printf 'release_id,participant_id,mention_count\r\nr1,p1,1\r\nr1,p1,2\r\n' >"$PP_TMP/dup.csv"
pp_run 1 python3 "$CHECK" "$PP_TMP/s3.json" "$PP_TMP/dup.csv"
pp_expect_grep "$PP_TMP/err" "primary key .* repeated"
pp_run 1 python3 "$CHECK" "$PP_TMP/s3.json" "$F/basic.csv"
pp_expect_grep "$PP_TMP/err" "is not the schema's fields"
printf '{"fields": [}' >"$PP_TMP/notjson.json"
pp_run 1 python3 "$CHECK" "$PP_TMP/notjson.json"
pp_expect_grep "$PP_TMP/err" "not JSON"

pp_done

#!/usr/bin/env bash
# rec2csv golden tests: fixtures/rec2csv/*.jsonl through rec2csv with various
# options, byte-compared with the expected files beside them (PP_REGEN=1
# rewrites them: make regen-golden, then review the diff). The shipped
# Table Schemas data/csv/TABLE.schema.json are golden files of
# rec2csv --table TABLE --schema.
source "$PP_SRC/tests/lib.sh"
F=$PP_SRC/fixtures/rec2csv
R=$PP_BIN/rec2csv

# golden NAME WANT_STATUS ARGS...: rec2csv ARGS > F/NAME, stderr empty.
golden() {
  local name=$1 want=$2
  shift 2
  pp_run "$want" "$R" "$@" || return
  pp_golden "$PP_TMP/out" "$F/$name"
  [ "$want" = 0 ] && { [ -s "$PP_TMP/err" ] && pp_fail "rec2csv $* wrote to stderr: $(cat "$PP_TMP/err")"; }
  return 0
}

golden basic.csv 0 "$F/basic.jsonl"
golden basic.raw.csv 0 --raw "$F/basic.jsonl"
golden basic.columns.csv 0 --columns 'name, role,release_id,aliases' "$F/basic.jsonl"
golden basic.role-only.csv 0 -n -c role "$F/basic.jsonl"
golden basic.bom.csv 0 --bom "$F/basic.jsonl"
for t in organizations places quotes contacts; do
  golden "basic.$t.csv" 0 --table "$t" "$F/basic.jsonl"
done
golden basic.quotes-wide.csv 0 -t quotes -c text,participant_name,headline,issuer_name,release_url,language "$F/basic.jsonl"
golden hard.csv 0 "$F/hard.jsonl"
golden hard.raw.csv 0 --raw "$F/hard.jsonl"
golden guard.csv 0 "$F/guard.jsonl"
golden guard.raw.csv 0 --raw "$F/guard.jsonl"
golden guard.organizations.csv 0 -t organizations "$F/guard.jsonl"
golden guard.contacts.csv 0 -t contacts "$F/guard.jsonl"
golden basic.columns.schema.json 0 --schema -c 'name, role,release_id,aliases'

# Bad lines: the good records converted, each bad one reported with FILE:LINE.
pp_run 1 "$R" "$F/bad.jsonl" && {
  pp_golden "$PP_TMP/out" "$F/bad.csv"
  sed "s|$F/||" "$PP_TMP/err" >"$PP_TMP/err.rel"
  pp_golden "$PP_TMP/err.rel" "$F/bad.err"
}

# The shipped schemas are rec2csv --schema for each table's default columns.
for t in participants organizations places quotes contacts; do
  pp_run 0 "$R" --schema --table "$t" && pp_golden "$PP_TMP/out" "$PP_SRC/data/csv/$t.schema.json"
done

pp_done

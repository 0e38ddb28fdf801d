#!/usr/bin/env bash
# sqlite3 imports rec2csv's tables (.import --csv, the header row naming the
# columns) and holds exactly the records' values: every table, guarded and
# raw, the hard fixture, a BOM, and appending with --no-header.
source "$PP_SRC/tests/lib.sh"
F=$PP_SRC/fixtures/rec2csv
R=$PP_BIN/rec2csv
CHECK=$PP_SRC/tests/rec2csv/check_sqlite.py
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 not found (Debian package sqlite3)"; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: python3 not found"; exit 77; }
echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
DB=$PP_TMP/t.db
n=0

# load INPUT ARGS...: rec2csv ARGS INPUT imported as a new table, compared.
load() {
  local input=$1
  shift
  n=$((n + 1))
  pp_run 0 "$R" "$@" "$input" || return
  cp "$PP_TMP/out" "$PP_TMP/t$n.csv"
  pp_run 0 sqlite3 "$DB" ".import --csv $PP_TMP/t$n.csv t$n" || return
  local opts=() a
  for a in "$@"; do
    case $a in --bom) ;; *) opts+=("$a") ;; esac
  done
  pp_run 0 python3 "$CHECK" "$input" "$DB" "t$n" "${opts[@]}" && echo "$(basename "$input") $*: $(cat "$PP_TMP/out")"
}

for f in basic hard guard; do
  for t in participants organizations places quotes contacts; do
    load "$F/$f.jsonl" --raw --table "$t"
  done
  load "$F/$f.jsonl"
done
# sqlite3 skips a UTF-8 BOM: the first column is release_id, not \ufeffrelease_id.
load "$F/hard.jsonl" --raw --bom

# One row per participant: the key is unique, and a query finds the people.
pp_run 0 sqlite3 "$DB" ".import --csv $F/hard.raw.csv hard" \
  "SELECT count(*) = count(DISTINCT release_id || '/' || participant_id) FROM hard;" \
  "SELECT role FROM hard WHERE name = 'Jean-Luc \"JL\" Marchetti';"
printf '1\nHead of Unit\nMigration Data, Analysis and Research\n' >"$PP_TMP/want"
pp_golden_cmp() { pp_checks=$((pp_checks + 1)); cmp -s "$1" "$2" || pp_fail "$3: $(cat "$1")"; }
pp_golden_cmp "$PP_TMP/out" "$PP_TMP/want" "sqlite3 query on the hard table"

# Appending runs: the header once, then --no-header output of another file.
pp_run 0 "$R" --raw "$F/basic.jsonl" && cp "$PP_TMP/out" "$PP_TMP/all.csv"
pp_run 0 "$R" --raw --no-header "$F/hard.jsonl" && cat "$PP_TMP/out" >>"$PP_TMP/all.csv"
cat "$F/basic.jsonl" "$F/hard.jsonl" >"$PP_TMP/both.jsonl"
pp_run 0 sqlite3 "$DB" ".import --csv $PP_TMP/all.csv appended" &&
  pp_run 0 python3 "$CHECK" "$PP_TMP/both.jsonl" "$DB" appended --raw

pp_done

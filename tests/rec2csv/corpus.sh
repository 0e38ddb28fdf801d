#!/usr/bin/env bash
# The corpus through release2rec | rec2csv into sqlite3 (.import --csv): a
# query returns one row per participant of the corpus, with names and roles
# equal to the records' (read by Python's json), and Python's csv module
# reads the guarded table back exactly. Reads $PP_SHARED/corpus at run time.
source "$PP_SRC/tests/lib.sh"
pp_need_shared
R=$PP_BIN/rec2csv
D=$PP_SRC/tests/rec2csv
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 not found (Debian package sqlite3)"; exit 77; }
command -v python3 >/dev/null || { echo "SKIP: python3 not found"; exit 77; }

"$PP_BIN/release2rec" "$PP_SHARED"/corpus/*.txt >"$PP_TMP/recs.jsonl" 2>"$PP_TMP/r2r.err"
st=$?
if grep -q "not implemented" "$PP_TMP/r2r.err"; then
  echo "SKIP: release2rec says \"not implemented\": no corpus records to load yet"
  exit 77
fi
# release2rec must have run to the end (0, or 1 with some inputs rejected)
# and written whole JSON lines: a crash fails this test, it is no skip.
pp_checks=$((pp_checks + 1))
if [ "$st" -gt 1 ] || grep -q 'Sanitizer\|runtime error' "$PP_TMP/r2r.err"; then
  pp_fail "release2rec over the corpus exited $st: $(head -c 600 "$PP_TMP/r2r.err")"
  pp_done
fi
pp_run 0 python3 -c '
import json, sys
n = 0
for i, l in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    try:
        n += len(json.loads(l).get("participants") or [])
    except ValueError as e:
        sys.exit("release2rec output line %d is not JSON: %s" % (i, e))
print(n)
' "$PP_TMP/recs.jsonl" || pp_done
nppl=$(cat "$PP_TMP/out")
nrec=$(grep -c . "$PP_TMP/recs.jsonl")
echo "release2rec: $nrec records, $nppl participants (exit $st)"
if [ "$nppl" = 0 ]; then
  echo "SKIP: release2rec gives $nrec records but no participants yet"
  exit 77
fi

# Database load: --raw, byte-exact values.
pp_run 0 "$R" --raw "$PP_TMP/recs.jsonl" && cp "$PP_TMP/out" "$PP_TMP/people.csv"
pp_run 0 sqlite3 "$PP_TMP/c.db" ".import --csv $PP_TMP/people.csv participants"

# One row per participant: as many rows as participants, none twice.
pp_run 0 sqlite3 "$PP_TMP/c.db" \
  "SELECT count(*), count(DISTINCT release_id || char(31) || participant_id) FROM participants;"
pp_expect_file "$PP_TMP/out" "$nppl|$nppl"

# Names and roles equal to the records', row for row.
pp_run 0 sqlite3 "$PP_TMP/c.db" ".mode json" \
  "SELECT release_id, participant_id, name, role FROM participants ORDER BY rowid;" &&
  cp "$PP_TMP/out" "$PP_TMP/q.json"
pp_run 0 python3 - "$PP_TMP/recs.jsonl" "$PP_TMP/q.json" <<'PY'
import json, sys
want = []
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        r = json.loads(line)
        for p in r.get("participants") or []:
            want.append([r["id"], p["id"], p["name"], p["role"] or ""])
text = open(sys.argv[2], encoding="utf-8").read()
got = [[x["release_id"], x["participant_id"], x["name"], x["role"]] for x in (json.loads(text) if text.strip() else [])]
for i, (g, w) in enumerate(zip(got, want)):
    if g != w:
        sys.exit("row %d: SQLite has %r, the record %r" % (i + 1, g, w))
if len(got) != len(want):
    sys.exit("%d rows in SQLite, %d participants in the records" % (len(got), len(want)))
print("%d participants: names and roles equal" % len(got))
PY
cat "$PP_TMP/out"

# Every column of every table, in SQLite (raw) and in Python's csv (guarded).
for t in participants organizations places quotes contacts; do
  pp_run 0 "$R" --raw --table "$t" "$PP_TMP/recs.jsonl" && cp "$PP_TMP/out" "$PP_TMP/$t.csv" &&
    pp_run 0 sqlite3 "$PP_TMP/c.db" ".import --csv $PP_TMP/$t.csv all_$t" &&
    pp_run 0 python3 "$D/check_sqlite.py" "$PP_TMP/recs.jsonl" "$PP_TMP/c.db" "all_$t" --raw --table "$t" &&
    cat "$PP_TMP/out"
  pp_run 0 "$R" --table "$t" "$PP_TMP/recs.jsonl" && cp "$PP_TMP/out" "$PP_TMP/$t.g.csv" &&
    pp_run 0 python3 "$D/check_csv.py" "$PP_TMP/recs.jsonl" "$PP_TMP/$t.g.csv" --table "$t" &&
    echo "$t (guarded), Python csv: $(cat "$PP_TMP/out")"
  pp_run 0 "$R" --schema --table "$t" && cp "$PP_TMP/out" "$PP_TMP/$t.schema.json" &&
    pp_run 0 python3 "$D/check_schema.py" "$PP_TMP/$t.schema.json" "$PP_TMP/$t.g.csv" "$PP_TMP/$t.csv" &&
    tail -2 "$PP_TMP/out"
done

pp_done

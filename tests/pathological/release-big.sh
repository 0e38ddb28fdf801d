#!/usr/bin/env bash
# release2rec, big releases (issue 9: 20 MB took 59 s and 377 MB; 1 MB
# 0.13 s, 5 MB 1.65 s): people, organisations, places, quotes and runs of
# short lines, every paragraph different.
# - 4 MB (a 13 MB record): nothing may be lost: every invented person is a
#   participant and every "Item N" line is in the body;
# - 20 MB read with --max-bytes 32 MiB: the whole text is parsed, and the
#   record (over 60 MB) is refused, not written, with exit 1.
source "$PP_SRC/tests/lib.sh"
cd "$PP_TMP"
python3 "$PP_SRC/tests/pathological/gen.py" release "${PP_RELEASE_BYTES:-4000000}" >in.txt
if pp_run 0 "$PP_BIN/release2rec" in.txt; then
  pp_checks=$((pp_checks + 1))
  python3 - in.txt out <<'PY' || pp_fail "the big release lost people or lines"
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
python3 "$PP_SRC/tests/pathological/gen.py" release "${PP_RELEASE_BIG_BYTES:-20000000}" >big.txt
if pp_run 1 "$PP_BIN/release2rec" --max-bytes 33554432 big.txt; then
  pp_expect_grep err "^release2rec: big.txt: the record is [0-9]+ bytes, longer than the record readers' limit \(16777216 bytes\): not written$"
  pp_expect_file out ""
fi
pp_done

#!/usr/bin/env bash
# release2rec, organisation phrases (issue 9): 5k / 10k / 20k took 0.38 /
# 1.34 / 5.28 s; the organisation pass compared each new organisation with
# every one before (org_add) and every pair (merge_orgs). The issue's 20,000
# and 60,000 (which the quadratic pass takes over a minute for). Every
# organisation must come out once, under its own name.
source "$PP_SRC/tests/lib.sh"
cd "$PP_TMP"
for n in ${PP_ORGS_SIZES:-20000 60000}; do
  python3 "$PP_SRC/tests/pathological/gen.py" orgs $n >in.txt
  pp_run 0 "$PP_BIN/release2rec" in.txt || continue
  pp_checks=$((pp_checks + 1))
  python3 - out $n <<'PY' || pp_fail "orgs $n: organisations lost, repeated or misnamed"
import json, os, sys
sys.path.insert(0, os.path.join(os.environ["PP_SRC"], "tests", "pathological"))
from gen import word
r = json.loads(open(sys.argv[1]).read())
n = int(sys.argv[2])
want = sorted("%s Institute of Water Research" % word(i + 1000, "ton") for i in range(n))
got = sorted(o["name"] for o in r["organizations"])
if got != want:
    sys.exit("%d organisations, want %d; e.g. %s" % (len(got), len(want), sorted(set(got) ^ set(want))[:3]))
PY
done
pp_done

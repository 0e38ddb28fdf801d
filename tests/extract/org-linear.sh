#!/usr/bin/env bash
# The organisation pass is linear: one release whose body holds 20,000
# invented organisation phrases ("the Northfield Water Board 17 and ...")
# converts within the ctest TIMEOUT (generous; speed is measured in bench/),
# and the 2,048 distinct organisations are in the record.
source "$PP_SRC/tests/lib.sh"
python3 - "$PP_TMP/orgs.txt" <<'PY'
import sys
words = ["North", "River", "Cedar", "Harbor", "Valley", "Summit", "Granite", "Maple"]
heads = ["Board", "Agency", "Council", "Institute"]
with open(sys.argv[1], "w") as f:
    f.write("Organisations listed\n\n")
    n = 0
    for i in range(20000):
        a, b = words[i % 8], words[(i // 8) % 8]
        c = words[(i // 256) % 8]
        f.write("Then the %s %s %s of %s met. " % (a, b, heads[(i // 64) % 4], c))
        n += 1
        if n % 50 == 0:
            f.write("\n\n")
PY
pp_run 0 "$PP_BIN/release2rec" "$PP_TMP/orgs.txt"
got=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["organizations"]))' "$PP_TMP/out")
pp_checks=$((pp_checks + 1))
[ "$got" -ge 2000 ] || pp_fail "only $got organisations read from 20,000 phrases"
pp_done

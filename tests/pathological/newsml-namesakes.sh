#!/usr/bin/env bash
# rec2newsml, participants of one name (issue 9): S_mint gives each person
# its own QCode (pp-person:ann-lee, ann-lee-2, ...). The search for a free
# suffix was a linear scan inside a linear loop: cubic, 85 s for 88 KB of
# 4,600 namesakes. Records of 93 KB and 186 KB, as in the issue;
# the ctest TIMEOUT catches a regression, the checks catch a wrong QCode.
source "$PP_SRC/tests/lib.sh"
cd "$PP_TMP"
for n in 4900 9800; do
  python3 "$PP_SRC/tests/pathological/gen.py" namesakes $n >in.jsonl
  echo "namesakes $n: $(wc -c <in.jsonl) bytes"
  pp_run 0 "$PP_BIN/rec2newsml" in.jsonl || continue
  grep -o '<subject type="cpnat:person" qcode="[^"]*"' out | sed 's/.*qcode="//; s/"$//' >got
  { echo pp-person:ann-lee; seq 2 $n | sed 's/^/pp-person:ann-lee-/'; } >want
  pp_checks=$((pp_checks + 1))
  cmp -s got want || pp_fail "namesakes $n: the person QCodes are not ann-lee, ann-lee-2 .. ann-lee-$n in order: $(diff want got | head -5)"
done
pp_done

#!/usr/bin/env bash
# release2rec over the shared corpus, scored by ../shared/tools/score-extraction
# against the hand-made gold files: fails below the floors (issue 11: 0.02
# below the figures measured when the rules of issue 11 landed: people F1
# 0.932, role+org 0.854, organisations 0.772, places 0.923). The figures are
# printed.
source "$PP_SRC/tests/lib.sh"
pp_need_shared
SCORER="$PP_SHARED/tools/score-extraction"
[ -x "$SCORER" ] || command -v python3 >/dev/null || { echo "SKIP: no scorer"; exit 77; }

pp_run 0 "$PP_BIN/release2rec" "$PP_SHARED"/corpus/*.txt
cp "$PP_TMP/out" "$PP_TMP/records.jsonl"
pp_run 0 python3 "$SCORER" --gold "$PP_SHARED/corpus" --records "$PP_TMP/records.jsonl" --json
cat "$PP_TMP/out"

# floor KEY MIN: the scorer's figure KEY is at least MIN.
floor() {
  pp_checks=$((pp_checks + 1))
  local got
  # the scorer prints its JSON object, then a "summary:" line
  got=$(python3 -c 'import json,sys; t=open(sys.argv[1]).read(); print(json.loads(t[:t.rindex("}") + 1])[sys.argv[2]])' \
        "$PP_TMP/figures.json" "$1" 2>/dev/null)
  if [ -z "$got" ]; then
    pp_fail "the scorer gave no $1"
    return
  fi
  if ! python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) >= float(sys.argv[2]) else 1)' "$got" "$2"; then
    pp_fail "$1 is $got, below the floor $2"
  fi
}
cp "$PP_TMP/out" "$PP_TMP/figures.json"
floor participants_f1 0.912
floor role_org_f1 0.834
floor organizations_f1 0.752
floor places_f1 0.903
pp_done

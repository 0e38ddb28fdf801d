#!/usr/bin/env bash
# release2rec over ../shared/corpus, scored by ../shared/tools/score-extraction
# against the hand-made gold: fails below the foundation's floors.
source "$PP_SRC/tests/lib.sh"
set -o pipefail
pp_need_shared
"$PP_BIN/release2rec" "$PP_SHARED"/corpus/*.txt >"$PP_TMP/corpus.jsonl" 2>"$PP_TMP/err" ||
  pp_fail "release2rec exited $? on the corpus: $(head -3 "$PP_TMP/err")"
"$PP_SHARED/tools/score-extraction" --gold "$PP_SHARED/corpus" --records "$PP_TMP/corpus.jsonl" \
  --json | grep -v "^summary:" >"$PP_TMP/score.json" || pp_fail "score-extraction failed"
"$PP_SHARED/tools/score-extraction" --gold "$PP_SHARED/corpus" --records "$PP_TMP/corpus.jsonl" |
  tail -1
# floor: name value
check_floor() {
  pp_checks=$((pp_checks + 1))
  local got
  got=$(jq -r ".$1" "$PP_TMP/score.json")
  if ! awk -v g="$got" -v f="$2" 'BEGIN { exit !(g + 0 >= f + 0) }'; then
    pp_fail "$1 is $got, below the floor $2"
  fi
}
check_floor headline_acc 0.93
check_floor date_acc 0.945
check_floor place_acc 0.955
pp_checks=$((pp_checks + 1))
[ "$(jq -r .records_missing "$PP_TMP/score.json")" = 0 ] || pp_fail "records missing"
pp_done

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
# check_floor NAME MIN
check_floor() { pp_floor "$PP_TMP/score.json" ".$1" "$2"; }
check_floor headline_acc 0.93
check_floor date_acc 0.945
check_floor place_acc 0.955
pp_checks=$((pp_checks + 1))
[ "$(jq -r .records_missing "$PP_TMP/score.json")" = 0 ] || pp_fail "records missing"
pp_done

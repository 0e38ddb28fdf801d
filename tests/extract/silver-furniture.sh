#!/usr/bin/env bash
# release2rec over ../shared/silver: at most 1 % of the participants may be
# made only of ordinary words or furniture words (furniture-check.py says
# how it counts), and release2rec reads all of it without crashing.
# Skips when the silver set is not there.
source "$PP_SRC/tests/lib.sh"
pp_need_shared
[ -d "$PP_SHARED/silver" ] || { echo "SKIP: no $PP_SHARED/silver"; exit 77; }
"$PP_BIN/release2rec" "$PP_SHARED"/silver/*.txt >"$PP_TMP/records.jsonl" 2>"$PP_TMP/err"
rc=$?
pp_checks=$((pp_checks + 1))
# 1: some pages are no releases (empty files, index pages); more is a crash
[ "$rc" -le 1 ] || pp_fail "release2rec exited $rc over the silver set: $(tail -3 "$PP_TMP/err")"
pp_checks=$((pp_checks + 1))
python3 "$PP_SRC/tests/extract/furniture-check.py" "$PP_SRC/data/en" "$PP_TMP/records.jsonl" 1.0 ||
  pp_fail "furniture check above 1 %"
pp_done

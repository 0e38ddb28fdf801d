#!/usr/bin/env bash
# A data directory without the lexicons is a usage/I-O error (exit 2) with
# a message that names the missing file.
source "$PP_SRC/tests/lib.sh"
mkdir -p "$PP_TMP/empty"
printf 'Headline\n\nBody text.\n' >"$PP_TMP/in.txt"
PRESSPIPE_DATADIR="$PP_TMP/empty" pp_run 2 "$PP_BIN/release2rec" "$PP_TMP/in.txt"
pp_expect_grep "$PP_TMP/err" "honorifics\.txt"
pp_expect_file "$PP_TMP/out" ""
pp_done

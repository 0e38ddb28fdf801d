#!/usr/bin/env bash
# The line-accounting invariant (docs/record.md, "Where every line goes"):
# every non-blank line of every fixture, of ../shared/corpus and of
# ../shared/silver ends up in exactly one class. line_account counts the
# lines itself and fails on any line the parser left unaccounted for.
source "$PP_SRC/tests/lib.sh"
: "${PP_LINE_ACCOUNT:?run through ctest}"
check() { # LABEL FILE...
  local label=$1
  shift
  pp_checks=$((pp_checks + 1))
  if "$PP_LINE_ACCOUNT" "$@" >"$PP_TMP/out" 2>"$PP_TMP/err"; then
    echo "$label: $(cat "$PP_TMP/out")"
  else
    pp_fail "$label: $(cat "$PP_TMP/out"); first: $(head -3 "$PP_TMP/err")"
  fi
  # the checker itself must see lines (a checker that reads nothing passes nothing)
  grep -q "lines [1-9]" "$PP_TMP/out" || pp_fail "$label: no lines checked"
}
check fixtures "$PP_SRC"/fixtures/release2rec/*.txt
# a text of short lines keeps every line as body
printf 'Schedule\n\n9:00 Doors open\n9:30 Welcome\n10:00 Panel one\n12:00 Lunch\n' >"$PP_TMP/short.txt"
check short-lines "$PP_TMP/short.txt"
"$PP_LINE_ACCOUNT" -v "$PP_TMP/short.txt" | grep -c ": body: " >"$PP_TMP/n"
pp_checks=$((pp_checks + 1))
[ "$(cat "$PP_TMP/n")" -ge 4 ] || pp_fail "short lines: $(cat "$PP_TMP/n") body lines, want 4 or more"
if [ -n "${PP_SHARED:-}" ] && [ -d "$PP_SHARED/corpus" ]; then
  check corpus "$PP_SHARED"/corpus/*.txt
  check silver "$PP_SHARED"/silver/*.txt
else
  echo "SKIP (corpus, silver): ../shared not found"
fi
pp_done

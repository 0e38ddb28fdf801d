# tests/lib.sh - sourced by the shell tests. Environment from ctest:
# PP_BIN (the built tools), PP_SRC (source tree), PP_BUILD, PP_SHARED (may be
# empty), PP_REGEN=1 to rewrite golden files instead of comparing them.
set -u
export LC_ALL=C.UTF-8
: "${PP_BIN:?run through ctest}" "${PP_SRC:?run through ctest}"
PP_TMP=$(mktemp -d)
trap 'rm -rf "$PP_TMP"' EXIT
pp_failures=0
pp_checks=0

pp_fail() {
  pp_failures=$((pp_failures + 1))
  echo "FAIL: $*" >&2
}

# pp_need_shared: skip (exit 77) when ../shared is not there.
pp_need_shared() {
  if [ -z "${PP_SHARED:-}" ] || [ ! -d "$PP_SHARED/corpus" ]; then
    echo "SKIP: ../shared not found (set PRESSPIPE_SHARED or -DPP_SHARED_DIR)"
    exit 77
  fi
}

# pp_run WANT_STATUS CMD...: runs CMD with stdout to $PP_TMP/out and stderr to
# $PP_TMP/err and checks its exit status.
pp_run() {
  local want=$1
  shift
  pp_checks=$((pp_checks + 1))
  "$@" >"$PP_TMP/out" 2>"$PP_TMP/err"
  local got=$?
  if [ "$got" != "$want" ]; then
    pp_fail "$* exited $got, want $want; stderr: $(head -c 600 "$PP_TMP/err")"
    return 1
  fi
  return 0
}

# pp_expect_file FILE EXPECTED_TEXT: the file holds exactly that text.
pp_expect_file() {
  pp_checks=$((pp_checks + 1))
  if [ "$(cat "$1")" != "$2" ]; then
    pp_fail "$1 is: $(head -c 600 "$1"); want: $2"
  fi
}

# pp_expect_grep FILE PATTERN: a line of the file matches (grep -E).
pp_expect_grep() {
  pp_checks=$((pp_checks + 1))
  grep -Eq -- "$2" "$1" || pp_fail "$1 has no line matching /$2/: $(head -c 600 "$1")"
}

# pp_golden GOT EXPECTED: byte-compares, or rewrites EXPECTED when PP_REGEN=1.
pp_golden() {
  pp_checks=$((pp_checks + 1))
  if [ "${PP_REGEN:-0}" = 1 ]; then
    cp "$1" "$2"
    return 0
  fi
  if ! cmp -s "$1" "$2"; then
    pp_fail "$2 differs from the output (make regen-golden after checking):"
    diff "$2" "$1" | head -20 >&2
  fi
}

# pp_done: the closing line ctest and CI read.
pp_done() {
  echo "$((pp_checks - pp_failures)) passed, $pp_failures failed"
  [ "$pp_failures" = 0 ]
  exit $?
}

# pp_floor JSON JQPATH MIN: the figure at JQPATH of the scorer's JSON is at
# least MIN (the corpus and silver floor tests).
pp_floor() {
  pp_checks=$((pp_checks + 1))
  local got
  got=$(jq -r "$2" "$1")
  if ! awk -v g="$got" -v f="$3" 'BEGIN { exit !(g + 0 >= f + 0) }'; then
    pp_fail "${2##*.} is $got, below the floor $3"
  fi
}

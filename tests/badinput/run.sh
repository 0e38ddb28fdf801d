#!/usr/bin/env bash
# Runs the bad-input cases of tests/badinput/cases.txt (the format is
# described at its top): each case's input through its command, comparing
# the exit status and the whole of stderr exactly, and stdout where the case
# says. Usage (through ctest): run.sh [CASES_FILE]
. "$(dirname "$0")/../lib.sh"
cases=${1:-$PP_SRC/tests/badinput/cases.txt}
export PATH="$PP_BIN:$PATH" SOURCE_DATE_EPOCH=1700000000
ncases=0

run_case() {
  local d=$PP_TMP/case
  rm -rf "$d" && mkdir -p "$d"
  ncases=$((ncases + 1))
  if [ -n "$gen" ]; then
    (cd "$d" && eval "$gen") >"$d/in" || { pp_fail "$name: gen failed"; return; }
  else
    printf '%b' "$in" >"$d/in"
  fi
  local redir='>out'
  case $stdout in
  closed) redir='>&-' ;;
  full) redir='>/dev/full' ;;
  esac
  (cd "$d" && eval "$cmd <in $redir 2>err")
  local got=$?
  pp_checks=$((pp_checks + 1))
  [ "$got" = "$want_exit" ] || pp_fail "$name: exit $got, want $want_exit"
  pp_checks=$((pp_checks + 1))
  if [ -n "$want_err" ]; then printf '%s' "$want_err" >"$d/want-err"; else : >"$d/want-err"; fi
  if ! cmp -s "$d/err" "$d/want-err"; then
    pp_fail "$name: stderr differs (want, got):"
    diff "$d/want-err" "$d/err" | head -10 >&2
  fi
  if [ -n "$out_lines" ]; then
    pp_checks=$((pp_checks + 1))
    local n
    n=$(wc -l <"$d/out")
    [ "$n" = "$out_lines" ] || pp_fail "$name: stdout has $n lines, want $out_lines"
  fi
  if [ -n "$out_grep" ]; then
    pp_checks=$((pp_checks + 1))
    grep -Eq -- "$out_grep" "$d/out" || pp_fail "$name: stdout has no match for /$out_grep/: $(head -c 300 "$d/out")"
  fi
}

reset() { name= cmd= in= gen= want_exit= want_err= out_lines= out_grep= stdout=; }
reset
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
  '#'* | '') continue ;;
  '== '*)
    [ -n "$name" ] && run_case
    reset
    name=${line#== }
    ;;
  'cmd: '*) cmd=${line#cmd: } ;;
  'in:') ;;
  'in: '*) in+=${line#in: } ;;
  'gen: '*) gen=${line#gen: } ;;
  'exit: '*) want_exit=${line#exit: } ;;
  'err: '*) want_err+="${line#err: }"$'\n' ;;
  'out-lines: '*) out_lines=${line#out-lines: } ;;
  'out-grep: '*) out_grep=${line#out-grep: } ;;
  'stdout: '*) stdout=${line#stdout: } ;;
  *) pp_fail "cases.txt: cannot read line: $line" ;;
  esac
done <"$cases"
[ -n "$name" ] && run_case
echo "$ncases cases"
[ "$ncases" -ge 40 ] || pp_fail "only $ncases cases, want 40 or more"
pp_done

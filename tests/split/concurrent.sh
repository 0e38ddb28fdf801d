# Two runs writing the same names into one DIR at the same time: both exit
# 0 and every file is complete (each is one run's whole file). With
# --no-clobber, each name is written by exactly one of the two runs.
source "$PP_SRC/tests/lib.sh"
source "$PP_SRC/tests/split/common.sh"

# Records of about 1 MB whose sizes differ by a few bytes between the runs:
# writing one takes long against the runs' difference in start time, so
# the two runs meet on each name while one writes a longer file than the
# other. (With in-place writing, three rounds of this gave truncated or
# mixed files in most trials; small records rarely meet.)
N=24
sp_gen $N --paras 8000 --pad 1 --tag first >"$PP_TMP/a.jsonl"
sp_gen $N --paras 8000 --pad 2 --tag second >"$PP_TMP/b.jsonl"
sp_gen 300 --paras 3 --tag first >"$PP_TMP/sa.jsonl"
sp_gen 300 --paras 3 --tag second --reverse >"$PP_TMP/sb.jsonl"

# sp_both DIR A B [OPTION]...: runs A and B at the same time into DIR;
# both must exit 0; stderr in $PP_TMP/a.err and b.err.
sp_both() {
  local d=$1 a=$2 b=$3
  shift 3
  "$R" "$@" --split "$d" "$a" 2>"$PP_TMP/a.err" &
  local pa=$!
  "$R" "$@" --split "$d" "$b" 2>"$PP_TMP/b.err" &
  local pb=$! sa sb
  wait $pa
  sa=$?
  wait $pb
  sb=$?
  pp_checks=$((pp_checks + 1))
  [ "$sa/$sb" = 0/0 ] || pp_fail "$tool $*: concurrent runs exited $sa and $sb: $(cat "$PP_TMP/a.err" "$PP_TMP/b.err" | head -5)"
}

# kept COUNT from a --no-clobber summary (0 without one)
sp_kept() { sed -n 's/^.*: --no-clobber: \([0-9]*\) file(s) already in .* kept, [0-9]* written$/\1/p' "$1" | grep . || echo 0; }

for t in $TOOLS; do
  tool=${t%%:*}
  R=$PP_BIN/$tool
  D=$PP_TMP/$tool-replace
  for round in 1 2 3; do
    sp_both "$D" "$PP_TMP/a.jsonl" "$PP_TMP/b.jsonl"
    sp_check "$D"
    echo "$tool, round $round: $SP_LAST"
    pp_checks=$((pp_checks + 1))
    [ "$(sp_count "$D")" = $N ] || pp_fail "$tool: $(sp_count "$D") files for $N names"
  done

  D=$PP_TMP/$tool-no-clobber
  sp_both "$D" "$PP_TMP/sa.jsonl" "$PP_TMP/sb.jsonl" --no-clobber
  sp_check "$D"
  echo "$tool --no-clobber: $SP_LAST"
  ka=$(sp_kept "$PP_TMP/a.err") kb=$(sp_kept "$PP_TMP/b.err")
  pp_checks=$((pp_checks + 1))
  [ $((ka + kb)) = 300 ] || pp_fail "$tool --no-clobber: $ka + $kb files kept, want 300 (each name written once)"
  first=$(grep -l 'first item' "$D"/* | wc -l)
  pp_checks=$((pp_checks + 1))
  [ "$first" = $((300 - ka)) ] || pp_fail "$tool --no-clobber: $first files hold the first run's items, it wrote $((300 - ka))"
done
pp_done

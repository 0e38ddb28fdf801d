#!/usr/bin/env bash
# The silver sample (../shared/silver) as a real batch: as a directory, a
# .tar.gz, a .zip and a find -print0 list it gives the same records apart
# from source.name and the same exit status; -j 2 the same bytes as -j 1;
# GNU parallel over --from-jsonl the same bytes as one run; a batch
# interrupted half-way and continued with --skip-done the same bytes as an
# uninterrupted run.
source "$PP_SRC/tests/lib.sh"
R="$PP_BIN/release2rec"
for tool in jq python3 zip xz zstd; do
  if ! command -v $tool >/dev/null; then
    echo "SKIP: $tool not installed (apt-get install jq python3 zip xz-utils zstd)"
    [ "${CI:-}" = true ] && exit 1
    exit 77
  fi
done
if [ -z "${PP_SHARED:-}" ] || [ ! -d "$PP_SHARED/silver" ]; then
  echo "SKIP: ../shared/silver not found (set PRESSPIPE_SHARED or -DPP_SHARED_DIR)"
  exit 77
fi
S="$PP_SHARED/silver"
cd "$PP_TMP"
(cd "$S" && ls -- *.txt | LC_ALL=C sort) >members
total=$(wc -l <members)
strip() { jq -c 'del(.source.name)' "$1"; }

# the reference: the directory, .txt files only
"$R" --include '*.txt' "$S" >dir.jsonl 2>dir.err
want_rc=$?
pp_checks=$((pp_checks + 1))
[ "$want_rc" -le 1 ] || pp_fail "the directory run exited $want_rc: $(head -3 dir.err)"
pp_checks=$((pp_checks + 1))
[ "$(wc -l <dir.jsonl)" -gt $((total * 9 / 10)) ] ||
  pp_fail "$(wc -l <dir.jsonl) records for $total releases"
strip dir.jsonl >dir.stripped

tar czf silver.tar.gz -C "$S" -T members
(cd "$S" && zip -q "$PP_TMP/silver.zip" -@ <"$PP_TMP/members")
(cd "$S" && find . -name '*.txt' -print0 | LC_ALL=C sort -z) >list0
for form in tar.gz zip list; do
  case $form in
  list) (cd "$S" && "$R" --files-from "$PP_TMP/list0" -0) >"$form.jsonl" 2>"$form.err" ;;
  *) "$R" "silver.$form" >"$form.jsonl" 2>"$form.err" ;;
  esac
  rc=$?
  pp_checks=$((pp_checks + 1))
  [ "$rc" = "$want_rc" ] || pp_fail "silver as $form exited $rc, the directory $want_rc"
  pp_checks=$((pp_checks + 1))
  cmp -s <(strip "$form.jsonl") dir.stripped ||
    pp_fail "silver as $form: records differ from the directory's apart from source.name"
done
pp_expect_file <(head -1 zip.jsonl | jq -r .source.name) "silver.zip:$(head -1 members)"

# -j 2: the same bytes
"$R" -j 2 --include '*.txt' "$S" >j2.jsonl 2>/dev/null
pp_checks=$((pp_checks + 1))
cmp -s j2.jsonl dir.jsonl || pp_fail "-j 2 differs from -j 1"

# GNU parallel over --from-jsonl: the same bytes as one run
if command -v parallel >/dev/null; then
  "$R" --to-jsonl --include '*.txt' "$S" >in.jsonl
  parallel --will-cite --pipe -k -j2 "$R" --from-jsonl <in.jsonl >par.jsonl 2>par.err
  pp_checks=$((pp_checks + 1))
  cmp -s par.jsonl dir.jsonl || pp_fail "parallel --pipe over --from-jsonl differs from one run"
  "$R" --from-jsonl in.jsonl >one.jsonl 2>/dev/null
  pp_checks=$((pp_checks + 1))
  cmp -s one.jsonl dir.jsonl || pp_fail "--from-jsonl differs from the directory run"
else
  echo "note: GNU parallel not installed (apt-get install parallel): that check skipped"
fi

# interrupted half-way, then continued: the same bytes as one run
for jobs in 1 2; do
  "$R" -j $jobs --include '*.txt' "$S" >int.jsonl 2>int.err &
  pid=$!
  while [ "$(wc -l <int.jsonl)" -lt 100 ] && kill -0 $pid 2>/dev/null; do sleep 0.02; done
  kill -INT $pid
  wait $pid
  rc=$?
  got=$(wc -l <int.jsonl)
  pp_checks=$((pp_checks + 1))
  [ "$rc" = 130 ] && [ "$got" -lt "$(wc -l <dir.jsonl)" ] ||
    pp_fail "-j $jobs: not stopped half-way by SIGINT (exit $rc, $got records)"
  pp_expect_grep int.err "^release2rec: stopped by signal 2 after [0-9,]+ records: the output ends with a whole record; continue with --skip-done$"
  pp_checks=$((pp_checks + 1))
  [ "$(tail -c1 int.jsonl | od -An -c | tr -d ' ')" = '\n' ] || pp_fail "the output ends in a partial line"
  "$R" -j $jobs --skip-done int.jsonl --include '*.txt' "$S" >>int.jsonl 2>/dev/null
  pp_checks=$((pp_checks + 1))
  cmp -s int.jsonl dir.jsonl || pp_fail "-j $jobs: interrupted + --skip-done differs from one run"
done
# SIGTERM too
"$R" --include '*.txt' "$S" >term.jsonl 2>/dev/null &
pid=$!
while [ "$(wc -l <term.jsonl)" -lt 100 ] && kill -0 $pid 2>/dev/null; do sleep 0.02; done
kill -TERM $pid
wait $pid
rc=$?
pp_checks=$((pp_checks + 1))
[ "$rc" = 143 ] || pp_fail "SIGTERM: exit $rc, want 143"
"$R" --skip-done term.jsonl --include '*.txt' "$S" >>term.jsonl 2>/dev/null
pp_checks=$((pp_checks + 1))
cmp -s term.jsonl dir.jsonl || pp_fail "SIGTERM + --skip-done differs from one run"

pp_done

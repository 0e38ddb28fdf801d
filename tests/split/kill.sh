# --split killed mid-run: after SIGKILL every file under a final name is
# complete (at most the one temporary file being written remains, named
# .pp-split-*.tmp); after SIGTERM or SIGINT not even that.
source "$PP_SRC/tests/lib.sh"
source "$PP_SRC/tests/split/common.sh"

# 400 records of about 100 KB: long enough a run to be killed half-way
sp_gen 400 --paras 1000 >"$PP_TMP/big.jsonl"

# sp_kill TOOL SIGNAL DIR AFTER: starts TOOL --split DIR, waits until DIR
# holds AFTER files, sends SIGNAL; returns the exit status.
sp_kill() {
  local tool=$1 sig=$2 dir=$3 after=$4
  mkdir -p "$dir"
  # a background job of a script ignores SIGINT: give it the default back
  env --default-signal=INT "$PP_BIN/$tool" --split "$dir" "$PP_TMP/big.jsonl" 2>"$PP_TMP/kill.err" &
  local pid=$! i
  for i in $(seq 2000); do
    [ "$(sp_count "$dir")" -ge "$after" ] && break
    sleep 0.01
  done
  kill -s "$sig" "$pid"
  wait "$pid"
}

for t in $TOOLS; do
  tool=${t%%:*}
  for after in 1 7 23; do
    D=$PP_TMP/$tool-kill-$after
    sp_kill "$tool" KILL "$D" "$after"
    st=$?
    pp_checks=$((pp_checks + 1))
    [ "$st" = 137 ] || pp_fail "$tool was not killed mid-run (status $st): make the input larger"
    SP_TMP_OK=1 sp_check "$D"
    echo "$tool, SIGKILL after $after files: $SP_LAST"
  done
  for sig in TERM INT; do
    D=$PP_TMP/$tool-$sig
    sp_kill "$tool" "$sig" "$D" 5
    st=$?
    pp_checks=$((pp_checks + 1))
    [ "$st" -gt 128 ] || pp_fail "$tool was not stopped by SIG$sig mid-run (status $st)"
    sp_check "$D"
    pp_expect_file "$PP_TMP/kill.err" ""
  done
done
pp_done

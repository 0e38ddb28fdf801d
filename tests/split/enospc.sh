# --split into a full file system (a small tmpfs): exit 2 with the exact
# message naming the file that did not fit, every file under a final name
# complete, no temporary file left, and an earlier run's file under the
# name that failed left as it was. Needs root to mount the tmpfs.
source "$PP_SRC/tests/lib.sh"
source "$PP_SRC/tests/split/common.sh"

if ! sp_can_mount; then
  echo "SKIP: cannot mount a tmpfs (needs root in a namespace that allows mounts)"
  exit 77
fi
# records of about 40 KB: a 256 KB file system holds a few of them
sp_gen 20 --paras 400 >"$PP_TMP/big.jsonl"
sp_gen 20 --paras 1 --tag small >"$PP_TMP/small.jsonl"
for t in $TOOLS; do
  tool=${t%%:*} ext=${t#*:}
  R=$PP_BIN/$tool
  D=$PP_TMP/full-$tool
  sp_mount "$D" size=256k
  pp_run 2 "$R" --split "$D" "$PP_TMP/big.jsonl"
  n=$(sp_count "$D")
  failed=$(printf 'item-%05d' "$n")
  pp_expect_file "$PP_TMP/err" "$tool: $D/$failed.$ext: write error: No space left on device"
  pp_checks=$((pp_checks + 1))
  [ "$n" -gt 0 ] && [ "$n" -lt 20 ] || pp_fail "$n files written into a 256 KB file system"
  sp_check "$D"
  # the files written are the first n items, whole
  pp_expect_file <(cd "$D" && ls) "$(for i in $(seq 0 $((n - 1))); do printf 'item-%05d.%s\n' "$i" "$ext"; done)"

  # a re-run that fails again replaces nothing by a partial file: the
  # earlier (small) files stay whole under their names
  rm -f "$D"/*
  pp_run 0 "$R" --split "$D" "$PP_TMP/small.jsonl"
  cp -R "$D" "$PP_TMP/before-$tool"
  pp_run 2 "$R" --split "$D" "$PP_TMP/big.jsonl"
  n=$(grep -o 'item-[0-9]*' "$PP_TMP/err" | head -1)
  pp_expect_grep "$PP_TMP/err" "^$tool: $D/item-[0-9]{5}\\.$ext: write error: No space left on device\$"
  sp_check "$D"
  pp_checks=$((pp_checks + 1))
  cmp -s "$D/$n.$ext" "$PP_TMP/before-$tool/$n.$ext" || pp_fail "$tool: $D/$n.$ext changed although its write failed"
  pp_expect_grep "$D/item-00019.$ext" 'small item 19'
done
pp_done

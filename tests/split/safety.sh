# --split DIR, both writers: a symlink planted in DIR is never written
# through, names met twice in a run (also when they differ only in case)
# keep both files with a warning, --no-clobber keeps existing files, and
# a missing, unusable or read-only DIR gives exit 2 with an exact message.
# No temporary file is left behind by any of these runs.
source "$PP_SRC/tests/lib.sh"
source "$PP_SRC/tests/split/common.sh"

for t in $TOOLS; do
  tool=${t%%:*} ext=${t#*:}
  R=$PP_BIN/$tool
  W=$PP_TMP/$tool
  mkdir -p "$W"
  sp_gen 2 >"$W/two.jsonl"

  # a symlink under a final name is replaced, its target untouched; a
  # dangling one does not create its target outside DIR
  D=$W/sym
  mkdir "$D"
  echo precious >"$W/target"
  ln -s "$W/target" "$D/item-00000.$ext"
  ln -s "$W/outside" "$D/item-00001.$ext"
  pp_run 0 "$R" --split "$D" "$W/two.jsonl" && pp_expect_file "$PP_TMP/err" ""
  pp_expect_file "$W/target" precious
  pp_checks=$((pp_checks + 1))
  [ ! -e "$W/outside" ] || pp_fail "$tool wrote through a dangling symlink in DIR to $W/outside"
  pp_checks=$((pp_checks + 1))
  [ ! -L "$D/item-00000.$ext" ] && [ ! -L "$D/item-00001.$ext" ] || pp_fail "$tool left the symlinks in $D"
  sp_check "$D"
  pp_expect_grep "$D/item-00001.$ext" 'run item 1'

  # the same name twice: both kept, the second with -2, and a warning
  D=$W/dup
  sp_gen 2 --ids dup,dup >"$W/dup.jsonl"
  pp_run 0 "$R" --split "$D" "$W/dup.jsonl" && pp_expect_file "$PP_TMP/err" \
    "$tool: $W/dup.jsonl:2: file name dup.$ext already used in this run (names are compared ignoring case); this record's file is dup-2.$ext"
  pp_expect_file <(cd "$D" && ls -A) "dup-2.$ext
dup.$ext"
  pp_expect_grep "$D/dup.$ext" 'run item 0'
  pp_expect_grep "$D/dup-2.$ext" 'run item 1'
  sp_check "$D"

  # names equal but for case (one file on a case-insensitive file system),
  # and a suffixed name that a later id has already
  D=$W/case
  sp_gen 3 --ids Mixed,mixed,MIXED-2 >"$W/case.jsonl"
  pp_run 0 "$R" --split "$D" "$W/case.jsonl" && pp_expect_file "$PP_TMP/err" \
    "$tool: $W/case.jsonl:2: file name mixed.$ext already used in this run (names are compared ignoring case); this record's file is mixed-2.$ext
$tool: $W/case.jsonl:3: file name MIXED-2.$ext already used in this run (names are compared ignoring case); this record's file is MIXED-2-2.$ext"
  pp_expect_file <(cd "$D" && ls -A | LC_ALL=C sort) "MIXED-2-2.$ext
Mixed.$ext
mixed-2.$ext"
  sp_check "$D"

  # an earlier run's file is replaced by default, kept with --no-clobber
  D=$W/clobber
  pp_run 0 "$R" --split "$D" "$W/two.jsonl"
  sp_gen 2 --tag again >"$W/again.jsonl"
  pp_run 0 "$R" --split "$D" "$W/again.jsonl" && pp_expect_file "$PP_TMP/err" ""
  pp_expect_grep "$D/item-00000.$ext" 'again item 0'
  echo "kept by hand" >"$D/item-00000.$ext"
  rm "$D/item-00001.$ext"
  ln -s "$W/clobber-outside" "$D/item-00002.$ext"
  sp_gen 4 >"$W/four.jsonl"
  pp_run 0 "$R" --no-clobber --split "$D" "$W/four.jsonl" && pp_expect_file "$PP_TMP/err" \
    "$tool: --no-clobber: 2 file(s) already in $D kept, 2 written"
  pp_expect_file "$D/item-00000.$ext" "kept by hand"
  pp_expect_grep "$D/item-00001.$ext" 'run item 1'
  pp_expect_grep "$D/item-00003.$ext" 'run item 3'
  pp_checks=$((pp_checks + 1))
  [ -L "$D/item-00002.$ext" ] && [ ! -e "$W/clobber-outside" ] || pp_fail "--no-clobber did not keep the symlink as it was"
  # all there: nothing written, status 0
  rm "$D/item-00000.$ext" "$D/item-00002.$ext"
  pp_run 0 "$R" --split "$D" "$W/four.jsonl"
  pp_run 0 "$R" --no-clobber --split "$D" "$W/four.jsonl" && pp_expect_file "$PP_TMP/err" \
    "$tool: --no-clobber: 4 file(s) already in $D kept, 0 written"
  sp_check "$D"
  pp_run 2 "$R" --no-clobber "$W/two.jsonl" && pp_expect_file "$PP_TMP/err" "$tool: --no-clobber needs --split DIR
Try '$tool --help' for more information."

  # DIR missing: created (one level); its parent missing, or DIR a file: exit 2
  pp_run 0 "$R" --split "$W/new/" "$W/two.jsonl" && pp_expect_file <(cd "$W/new" && ls -A) "item-00000.$ext
item-00001.$ext"
  pp_run 2 "$R" --split "$W/no/such" "$W/two.jsonl" && pp_expect_file "$PP_TMP/err" \
    "$tool: $W/no/such: cannot create the directory: No such file or directory"
  pp_run 2 "$R" --split "$W/two.jsonl" "$W/two.jsonl" && pp_expect_file "$PP_TMP/err" \
    "$tool: $W/two.jsonl: Not a directory"

  # a directory under a final name: exit 2, the run stops, no temporary file
  D=$W/isdir
  mkdir -p "$D/item-00000.$ext"
  pp_run 2 "$R" --split "$D" "$W/two.jsonl" && pp_expect_file "$PP_TMP/err" \
    "$tool: $D/item-00000.$ext: cannot rename the temporary file into place: Is a directory"
  pp_expect_file <(cd "$D" && ls -A) "item-00000.$ext"

  # a read-only DIR: exit 2 at the first file, nothing left in DIR
  D=$W/ro
  if [ "$(id -u)" != 0 ]; then
    mkdir "$D" && chmod 555 "$D"
    reason="Permission denied"
  elif sp_can_mount; then
    sp_mount "$D" ro,size=64k
    reason="Read-only file system"
  else
    echo "SKIP (part): read-only DIR: root cannot mount a tmpfs here and ignores modes"
    continue
  fi
  pp_run 2 "$R" --split "$D" "$W/two.jsonl" && pp_expect_file "$PP_TMP/err" \
    "$tool: $D/item-00000.$ext: cannot create a temporary file: $reason"
  pp_expect_file <(cd "$D" && ls -A) ""
  [ "$(id -u)" != 0 ] && chmod 755 "$D"
done

# the durability policy, seen in the system calls: by default one syncfs
# of DIR's file system and one fsync of DIR at the end; --sync adds one
# fsync per file, before its rename
if command -v strace >/dev/null; then
  sp_gen 3 >"$PP_TMP/three.jsonl"
  for t in $TOOLS; do
    tool=${t%%:*}
    for opt in "" --sync; do
      # LeakSanitizer cannot run under a tracer: leaks are checked elsewhere
      ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        strace -f -qq -e trace=fsync,syncfs,rename,renameat,renameat2 -o "$PP_TMP/trace" \
        "$PP_BIN/$tool" $opt --split "$PP_TMP/sync-$tool$opt" "$PP_TMP/three.jsonl"
      sed -E 's/^[0-9]+ +//; s/^rename[a-z0-9]*\(.*/rename/; s/\(.*//' "$PP_TMP/trace" | uniq -c |
        sed -E 's/^ +//' | tr '\n' ' ' >"$PP_TMP/calls"
      if [ -z "$opt" ]; then
        pp_expect_file "$PP_TMP/calls" "3 rename 1 syncfs 1 fsync "
      else
        pp_expect_file "$PP_TMP/calls" "1 fsync 1 rename 1 fsync 1 rename 1 fsync 1 rename 1 fsync "
      fi
    done
  done
else
  echo "SKIP (part): strace not installed: the fsync policy is not checked"
fi

# rec2jsonld --html --split: a refused record leaves no file, temporary or final
R=$PP_BIN/rec2jsonld
pp_run 1 "$R" --html --split "$PP_TMP/hz" "$PP_SRC/fixtures/rec2jsonld/html-hazard.jsonl"
pp_expect_file <(cd "$PP_TMP/hz" && ls -A) "rj-x-0002.html"
sp_check "$PP_TMP/hz"
pp_done

# rec2newsml --split DIR: one newsItem file per record, named from the
# record id; no name leaves DIR, hides, or clashes; a repeated id keeps
# both items (the second as ID-2.xml) with a warning; no temporary file is
# left behind. The safety of the writing itself: tests/split/.
source "$PP_SRC/tests/lib.sh"
source "$PP_SRC/tests/rec2newsml/common.sh"

D=$PP_TMP/box/out
mkdir -p "$PP_TMP/box"
pp_run 0 "$R" --sent "$SENT" --split "$D" "$F/ids.jsonl"
pp_expect_file "$PP_TMP/err" "rec2newsml: $F/ids.jsonl:15: file name dup.xml already used in this run (names are compared ignoring case); this record's file is dup-2.xml"
pp_expect_file "$PP_TMP/out" ""
# exactly these names (the id itself when it is a safe name, else the id
# made safe plus 12 hex digits of its SHA-256)
(cd "$D" && ls -A) >"$PP_TMP/names"
pp_golden "$PP_TMP/names" "$F/ids.split-names.txt"
# nothing was written outside DIR, nothing hidden or temporary inside it
pp_checks=$((pp_checks + 1))
other=$(find "$PP_TMP" -name '*.xml' ! -path "$D/*" ! -name 'xml-catalog.xml')
[ -z "$other" ] || pp_fail "files outside the --split directory: $other"
pp_checks=$((pp_checks + 1))
[ -z "$(find "$D" -mindepth 1 \( -name '.*' -o -type d \))" ] || pp_fail "hidden files or directories in $D"
pp_checks=$((pp_checks + 1))
n=$(find "$D" -type f | wc -l)
[ "$n" = 17 ] || pp_fail "$n files for 17 records"
# each file is the item the newsMessage holds for its record
pp_run 0 "$R" --item --sent "$SENT" "$F/basic.jsonl" && cp "$PP_TMP/out" "$PP_TMP/basic.item.xml"
pp_run 0 "$R" --sent "$SENT" --split "$PP_TMP/b" "$F/basic.jsonl"
pp_checks=$((pp_checks + 1))
cmp -s "$PP_TMP/b/7f3a9c2e51d04b88.xml" "$F/basic.item.xml" || pp_fail "--split file differs from basic.item.xml"
# the directory is created; an existing file is replaced on a new run
pp_run 0 "$R" --sent 2030-01-01T00:00:00Z --split "$PP_TMP/b" "$F/basic.jsonl"
pp_expect_grep "$PP_TMP/b/7f3a9c2e51d04b88.xml" '<versionCreated>2030-01-01T00:00:00Z<'
# DIR that is a file, or whose parent is missing: exit 2
: >"$PP_TMP/plain"
pp_run 2 "$R" --split "$PP_TMP/plain" "$F/basic.jsonl"
pp_expect_file "$PP_TMP/err" "rec2newsml: $PP_TMP/plain: Not a directory"
pp_run 2 "$R" --split "$PP_TMP/no/such/dir" "$F/basic.jsonl"
pp_expect_file "$PP_TMP/err" "rec2newsml: $PP_TMP/no/such/dir: cannot create the directory: No such file or directory"
# an unwritable directory: exit 2 naming the file (root may write anyway)
if [ "$(id -u)" != 0 ]; then
  mkdir "$PP_TMP/ro" && chmod 500 "$PP_TMP/ro"
  pp_run 2 "$R" --split "$PP_TMP/ro" "$F/basic.jsonl"
  pp_expect_file "$PP_TMP/err" "rec2newsml: $PP_TMP/ro/7f3a9c2e51d04b88.xml: cannot create a temporary file: Permission denied"
  chmod 700 "$PP_TMP/ro"
fi
pp_done

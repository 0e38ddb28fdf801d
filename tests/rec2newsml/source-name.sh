# --source-name basename|as-given of the writers that copy source.name into
# their output (rec2newsml's pp-prop:sourceName, rec2csv's source_name): a
# batch read from a home directory does not publish the directory by default.
source "$PP_SRC/tests/lib.sh"
printf '%s\n' '{"record":"release/1.1","id":"s1","source":{"name":"/home/alice/press/2024/harbour.txt","sha256":null,"bytes":10,"encoding":"UTF-8"},"headline":"H","body":["B"],"participants":[{"id":"p1","name":"Ann Lee"}]}' \
  '{"record":"release/1.1","id":"s2","source":{"name":"https://example.org/r/1","sha256":null,"bytes":10,"encoding":"UTF-8"},"headline":"H","body":["B"]}' \
  '{"record":"release/1.1","id":"s3","source":{"name":"-","sha256":null,"bytes":10,"encoding":"UTF-8"},"headline":"H","body":["B"]}' >"$PP_TMP/r.jsonl"
N=$PP_BIN/rec2newsml
pp_run 0 "$N" --sent 2025-06-01T12:00:00Z "$PP_TMP/r.jsonl"
pp_expect_file <(grep -o 'pp-prop:sourceName" value="[^"]*"' "$PP_TMP/out") 'pp-prop:sourceName" value="harbour.txt"
pp-prop:sourceName" value="https://example.org/r/1"
pp-prop:sourceName" value="-"'
pp_run 0 "$N" --sent 2025-06-01T12:00:00Z --source-name as-given "$PP_TMP/r.jsonl"
pp_expect_grep "$PP_TMP/out" 'pp-prop:sourceName" value="/home/alice/press/2024/harbour.txt"'
pp_run 0 "$N" --sent 2025-06-01T12:00:00Z --source-name basename --split "$PP_TMP/split" "$PP_TMP/r.jsonl"
pp_expect_grep "$PP_TMP/split/s1.xml" 'pp-prop:sourceName" value="harbour.txt"'
pp_run 2 "$N" --source-name full "$PP_TMP/r.jsonl"
pp_expect_file "$PP_TMP/err" "rec2newsml: --source-name: \"full\" is not basename or as-given
Try 'rec2newsml --help' for more information."
C=$PP_BIN/rec2csv
pp_run 0 "$C" -c release_id,source_name "$PP_TMP/r.jsonl"
pp_expect_file <(tr -d '\r' <"$PP_TMP/out") 'release_id,source_name
s1,harbour.txt'
pp_run 0 "$C" -c release_id,source_name --source-name as-given "$PP_TMP/r.jsonl"
pp_expect_file <(tr -d '\r' <"$PP_TMP/out") 'release_id,source_name
s1,/home/alice/press/2024/harbour.txt'
pp_run 2 "$C" --source-name x "$PP_TMP/r.jsonl"
pp_expect_file "$PP_TMP/err" "rec2csv: --source-name: \"x\" is not basename or as-given
Try 'rec2csv --help' for more information."
pp_done

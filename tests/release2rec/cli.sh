#!/usr/bin/env bash
# release2rec as a command: options, messages, exit codes, standard input,
# rejected inputs, write errors, and the record's source fields.
source "$PP_SRC/tests/lib.sh"
R="$PP_BIN/release2rec"
# exact-stderr checks of the inputs: the end-of-batch summary line (its own
# checks use --summary) is silenced with -q
R="$PP_TMP/release2rec-q"
printf '#!/bin/sh\ncase " $* " in *" --summary "*) exec "%s" "$@";; esac\nexec "%s" -q "$@"\n' "$PP_BIN/release2rec" "$PP_BIN/release2rec" >"$R"
chmod +x "$R"
cd "$PP_TMP"

printf 'Water Board Opens New Pumping Station\n\nRIVERTON, 3 March 2021 - The Riverton Water Board opened a station.\n' >a.txt
printf 'Second Release About Bridges\n\nOAKDALE, 4 April 2022 - The council approved a new bridge today.\n' >b.txt
printf 'bad\0bytes\n' >nul.txt
: >empty.txt
printf ' \n\t\n \n' >blank.txt

# --help and --version
pp_run 0 "$R" --help && pp_expect_grep out '^Usage: release2rec \[OPTION\]\.\.\. \[FILE\|DIR\|ARCHIVE\]\.\.\.$'
pp_expect_file err ""
pp_run 0 "$R" --version && pp_expect_grep out '^release2rec [0-9]+\.[0-9]+\.[0-9]+$'

# bad options: one line and a hint, exit 2
pp_run 2 "$R" --bogus a.txt
pp_expect_file err "release2rec: unrecognized option '--bogus'
Try 'release2rec --help' for more information."
pp_expect_file out ""
pp_run 2 "$R" -x a.txt
pp_expect_file err "release2rec: invalid option -- 'x'
Try 'release2rec --help' for more information."
pp_run 2 "$R" a.txt --url
pp_expect_file err "release2rec: option '--url' requires an argument
Try 'release2rec --help' for more information."
pp_run 2 "$R" --lang 'e n' a.txt
pp_expect_file err "release2rec: --lang wants a BCP 47 tag such as 'en' or 'en-GB'
Try 'release2rec --help' for more information."

# one record per input, in input order, one line each
pp_run 0 "$R" a.txt b.txt
pp_checks=$((pp_checks + 1))
[ "$(wc -l <out)" = 2 ] || pp_fail "two inputs gave $(wc -l <out) lines"
pp_expect_file <(jq -r .headline out) "Water Board Opens New Pumping Station
Second Release About Bridges"
pp_expect_file <(jq -r '.dateline | "\(.place) \(.date)"' out) "Riverton 2021-03-03
Oakdale 2022-04-04"

# standard input, with no FILE and with -
pp_run 0 "$R" <a.txt && pp_expect_file <(jq -r .source.name out) "-"
pp_run 0 "$R" b.txt - <a.txt
pp_expect_file <(jq -r .source.name out) "b.txt
-"

# source: sha256 and bytes of the raw input; the id depends on the bytes only
pp_run 0 "$R" a.txt
pp_expect_file <(jq -r .source.sha256 out) "$(sha256sum a.txt | cut -d' ' -f1)"
pp_expect_file <(jq -r .source.bytes out) "$(wc -c <a.txt)"
pp_expect_file <(jq -r .source.encoding out) "UTF-8"
id1=$(jq -r .id out)
cp a.txt copy.txt
pp_run 0 "$R" copy.txt
pp_expect_file <(jq -r .id out) "$id1"
pp_run 0 "$R" a.txt && cp out first.jsonl
pp_run 0 "$R" a.txt
pp_checks=$((pp_checks + 1))
cmp -s out first.jsonl || pp_fail "two runs over the same input differ"

# --url, --issuer, --lang
pp_run 0 "$R" --url https://example.org/r/1 --issuer 'Riverton Water Board' --lang en-GB a.txt
pp_expect_file <(jq -r '"\(.url) \(.issuer.name) \(.language)"' out) \
  "https://example.org/r/1 Riverton Water Board en-GB"

# rejected inputs are reported, the rest converted, exit 1
pp_run 1 "$R" a.txt nul.txt empty.txt blank.txt b.txt
pp_expect_file err "release2rec: nul.txt: NUL byte in input (binary file?)
release2rec: empty.txt: empty input
release2rec: blank.txt: blank input (no text)"
pp_expect_file <(jq -r .source.name out) "a.txt
b.txt"

# a file that cannot be read is an I/O error (exit 2); the others still run
pp_run 2 "$R" a.txt missing.txt b.txt
pp_expect_file err "release2rec: missing.txt: No such file or directory"
pp_checks=$((pp_checks + 1))
[ "$(wc -l <out)" = 2 ] || pp_fail "the readable inputs were not all converted"
# a directory is read recursively (tests/batch/ has the details)
mkdir -p d/sub && cp a.txt d/sub/ && cp b.txt d/
pp_run 0 "$R" d
pp_expect_file <(jq -r .source.name out) "d/b.txt
d/sub/a.txt"

# a failed write is exit 2 with a message
if [ -w /dev/full ]; then
  pp_checks=$((pp_checks + 1))
  "$R" a.txt >/dev/full 2>err
  rc=$?
  [ $rc = 2 ] || pp_fail "writing to /dev/full exited $rc, want 2"
  pp_expect_file err "release2rec: write error: No space left on device"
fi

# "| head -1" ends quietly
for i in $(seq 1 2000); do echo a.txt; done >many.lst
pp_checks=$((pp_checks + 1))
"$R" $(cat many.lst) 2>err | head -1 >first.out
[ -s first.out ] && [ ! -s err ] || pp_fail "release2rec | head -1 was not quiet: $(head -2 err)"

# encodings: BOM, UTF-16 and Windows-1252
printf '\xef\xbb\xbfTitle With A Byte Order Mark Here\n\nText of it.\n' >bom.txt
pp_run 0 "$R" bom.txt
pp_expect_file <(jq -r '"\(.source.encoding)|\(.headline)"' out) "UTF-8+BOM|Title With A Byte Order Mark Here"
printf 'Caf\xe9 Owners Meet The \x93Mayor\x94 Today\n\nThey met.\n' >cp1252.txt
pp_run 0 "$R" cp1252.txt
pp_expect_file <(jq -r '"\(.source.encoding)|\(.headline)|\(.warnings[0])"' out) \
  "windows-1252|Café Owners Meet The “Mayor” Today|input is not valid UTF-8; read as Windows-1252"
printf 'Sixteen Bit Encoded Headline Here\r\n\r\nText.\r\n' | iconv -f UTF-8 -t UTF-16LE >u16.body
{ printf '\xff\xfe'; cat u16.body; } >u16le.txt
pp_run 0 "$R" u16le.txt
pp_expect_file <(jq -r '"\(.source.encoding)|\(.headline)|\(.body[0])"' out) "UTF-16LE|Sixteen Bit Encoded Headline Here|Text."

pp_done

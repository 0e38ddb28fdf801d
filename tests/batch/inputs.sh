#!/usr/bin/env bash
# release2rec batch inputs on invented releases: directories (order, hidden,
# --include/--exclude, binary files, symlink loops), file lists (-T, -0),
# archives (tar, tar.gz, tar.xz, tar.zst, zip: same records as the files),
# a corrupt member, a damaged stream, archive bombs, --max-bytes, --url and
# --url-template, standard input as one release, --from-jsonl/--to-jsonl.
source "$PP_SRC/tests/lib.sh"
R="$PP_BIN/release2rec"
# exact-stderr checks of the inputs: the end-of-batch summary line (its own
# checks use --summary) is silenced with -q
R="$PP_TMP/release2rec-q"
printf '#!/bin/sh\ncase " $* " in *" --summary "*) exec "%s" "$@";; esac\nexec "%s" -q "$@"\n' "$PP_BIN/release2rec" "$PP_BIN/release2rec" >"$R"
chmod +x "$R"
for tool in jq python3 zip xz zstd; do
  if ! command -v $tool >/dev/null; then
    echo "SKIP: $tool not installed (apt-get install jq python3 zip xz-utils zstd)"
    [ "${CI:-}" = true ] && exit 1
    exit 77
  fi
done
cd "$PP_TMP"

# records without source.name: what must not depend on where a release came from
strip() { jq -c 'del(.source.name)' "$1"; }
same_records() { # A B: the same records apart from source.name
  pp_checks=$((pp_checks + 1))
  cmp -s <(strip "$1") <(strip "$2") || pp_fail "$1 and $2 differ apart from source.name"
}

mkdir -p tree/sub tree/.hid tree/zz
printf 'Water Board Opens New Pumping Station\n\nRIVERTON, 3 March 2021 - The Riverton Water Board opened a pumping station on Tuesday.\n' >tree/b.txt
printf 'Council Approves Second Bridge\n\nOAKDALE, 4 April 2022 - The Oakdale council approved a second bridge over the river.\n' >tree/sub/a.txt
printf 'Library Extends Opening Hours\n\nMAPLETON, 5 May 2023 - The Mapleton library will open on Sundays from June.\n' >tree/a.txt
printf 'Hidden Notice About Parks\n\nELMWOOD, 6 June 2020 - The parks office published a notice.\n' >tree/.hid/x.txt
printf 'Hidden File Release\n\nELMWOOD, 7 June 2020 - A hidden file is a release too.\n' >tree/.dot.txt
printf 'Notes kept beside the releases.\n' >tree/zz/notes.md
printf '%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n' >tree/zz/scan.pdf
printf 'MZ\x90\x00\x03\x00\x00\x00' >tree/zz/prog.exe
ln -s .. tree/sub/loop

# a directory: sorted, depth first; hidden names, binary files skipped;
# the link back up is a loop, reported and not entered (exit 1)
pp_run 1 "$R" tree
pp_expect_file <(jq -r .source.name out) "tree/a.txt
tree/b.txt
tree/sub/a.txt
tree/zz/notes.md"
pp_expect_file err "release2rec: tree/sub/loop: directory loop (a link to a directory above it): not entered"
rm tree/sub/loop
pp_run 0 "$R" tree/
pp_expect_file <(jq -r .source.name out) "tree/a.txt
tree/b.txt
tree/sub/a.txt
tree/zz/notes.md"
pp_run 0 "$R" --hidden --include '*.txt' tree
pp_expect_file <(jq -r .source.name out) "tree/.dot.txt
tree/.hid/x.txt
tree/a.txt
tree/b.txt
tree/sub/a.txt"
pp_run 0 "$R" --exclude sub --exclude 'zz/*.md' tree
pp_expect_file <(jq -r .source.name out) "tree/a.txt
tree/b.txt"
pp_run 0 "$R" --include 'sub/*.txt' tree
pp_expect_file <(jq -r .source.name out) "tree/sub/a.txt"
# a binary file named on the command line is still read (and rejected)
pp_run 1 "$R" tree/zz/prog.exe
pp_expect_file err "release2rec: tree/zz/prog.exe: NUL byte in input (binary file?)"
# summary on request: counts, skipped files
pp_run 0 "$R" --summary tree
pp_expect_grep err '^release2rec: 4 converted, 0 rejected, 2 skipped \(binary or not a file\), 0\.[0-9] MB in [0-9.]+ s$'
pp_run 0 "$R" --summary -q tree
pp_expect_file err ""

# the same releases as files, as lists and as archives give the same records
pp_run 0 "$R" --include '*.txt' tree && cp out dir.jsonl
(cd tree && find . -name '*.txt' ! -path './.*' -print0 | LC_ALL=C sort -z) >list0
(cd tree && find . -name '*.txt' ! -path './.*' | LC_ALL=C sort) >list
(cd tree && "$R" -T ../list0 -0 >../l0.jsonl 2>../l0.err; echo $? >../l0.rc)
pp_expect_file l0.rc 0
same_records dir.jsonl l0.jsonl
pp_expect_file <(jq -r .source.name l0.jsonl) "./a.txt
./b.txt
./sub/a.txt"
(cd tree && "$R" --files-from - <../list >../l1.jsonl; echo $? >../l1.rc)
pp_expect_file l1.rc 0
same_records dir.jsonl l1.jsonl
sed 's|^\./||' list >members
tar cf t.tar -C tree -T members
tar czf t.tar.gz -C tree -T members
tar cJf t.tar.xz -C tree -T members
tar --zstd -cf t.tar.zst -C tree -T members
(cd tree && zip -q ../t.zip -@ <../members)
for a in t.tar t.tar.gz t.tar.xz t.tar.zst t.zip; do
  pp_run 0 "$R" "$a" && same_records dir.jsonl out
  pp_expect_file <(jq -r .source.name out) "$a:a.txt
$a:b.txt
$a:sub/a.txt"
done
# a tar hard link names a member already read: not a second release
mkdir hl && cp tree/a.txt hl/a.txt && ln hl/a.txt hl/b.txt
tar cf hl.tar -C hl a.txt b.txt
pp_run 0 "$R" hl.tar
pp_expect_file <(jq -r .source.name out) "hl.tar:a.txt"
# an archive found by its bytes, whatever its name; a directory of archives
cp t.tar.gz archive.dat
pp_run 0 "$R" archive.dat && same_records dir.jsonl out
mkdir arcs && cp t.zip arcs/
pp_run 0 "$R" arcs && same_records dir.jsonl out
pp_expect_file <(jq -r .source.name out | head -1) "arcs/t.zip:a.txt"

# -j 2 gives the same bytes as -j 1
pp_run 0 "$R" -j 1 t.zip tree t.tar.xz && cp out j1.jsonl
pp_run 0 "$R" -j 2 t.zip tree t.tar.xz
pp_checks=$((pp_checks + 1))
cmp -s out j1.jsonl || pp_fail "-j 2 differs from -j 1"

# a corrupt member is reported and skipped, the rest converted (exit 1)
python3 - <<'PY'
import struct, zipfile
info = zipfile.ZipFile('t.zip').getinfo('b.txt')
d = bytearray(open('t.zip', 'rb').read())
o = info.header_offset
n, e = struct.unpack('<HH', d[o + 26:o + 30])
s = o + 30 + n + e
for k in range(4, 12):
    d[s + k] ^= 0x55
open('corrupt.zip', 'wb').write(d)
PY
pp_run 1 "$R" corrupt.zip tree/a.txt
pp_expect_grep err '^release2rec: corrupt\.zip:b\.txt: corrupt member, skipped: '
pp_expect_file <(jq -r .source.name out) "corrupt.zip:a.txt
corrupt.zip:sub/a.txt
tree/a.txt"
# a damaged compressed stream: said once, what can be read is converted
for i in $(seq 1 40); do { cat tree/a.txt; seq 1 $((i * 50)); } >"many$i.txt"; done
tar czf many.tar.gz many*.txt
python3 -c "
d = bytearray(open('many.tar.gz', 'rb').read()); m = len(d) // 2
d[m:m + 64] = bytes(64); open('damaged.tar.gz', 'wb').write(d)"
"$R" damaged.tar.gz tree/b.txt >out 2>err
rc=$?
pp_checks=$((pp_checks + 1))
[ $rc = 1 ] || pp_fail "a damaged archive did not exit 1"
pp_expect_grep err '^release2rec: damaged\.tar\.gz(:many[0-9]+\.txt)?: '
pp_expect_file <(jq -r .source.name out | tail -1) "tree/b.txt"

# archive bombs: the ratio, the member count; the next input still converted
mkdir bomb && head -c 80M /dev/zero >bomb/zeros.txt && cp tree/a.txt bomb/a.txt
tar czf bomb.tar.gz -C bomb a.txt zeros.txt && rm bomb/zeros.txt
timeout 60 "$R" bomb.tar.gz tree/b.txt >out 2>err
rc=$?
pp_checks=$((pp_checks + 1))
[ $rc = 1 ] || pp_fail "a bomb did not exit 1"
pp_expect_file err "release2rec: bomb.tar.gz: more than 100 bytes out per compressed byte (--max-ratio) at zeros.txt: refused as an archive bomb, the rest is not read"
pp_expect_file <(jq -r .source.name out) "bomb.tar.gz:a.txt
tree/b.txt"
pp_run 1 "$R" --max-members 2 many.tar.gz tree/b.txt
pp_expect_file err "release2rec: many.tar.gz: more than 2 members (--max-members): refused as an archive bomb, the rest is not read"
pp_expect_file <(jq -r .source.name out) "many.tar.gz:many1.txt
many.tar.gz:many10.txt
tree/b.txt"

# --max-bytes: larger inputs rejected with the reason, the rest converted
pp_run 1 "$R" --max-bytes 100 tree/a.txt tree/zz/notes.md t.zip
pp_expect_file err "release2rec: tree/a.txt: 107 bytes, more than --max-bytes (100): not converted
release2rec: t.zip:a.txt: 107 bytes, more than --max-bytes (100): not converted
release2rec: t.zip:b.txt: 126 bytes, more than --max-bytes (100): not converted
release2rec: t.zip:sub/a.txt: 117 bytes, more than --max-bytes (100): not converted"
pp_expect_file <(jq -r .source.name out) "tree/zz/notes.md"
pp_run 1 "$R" --max-bytes 100 <tree/a.txt
pp_expect_file err "release2rec: -: more than --max-bytes (100 bytes): not converted"
pp_run 1 "$R" --max-bytes 1k <(head -c 2000 /dev/zero | tr '\0' a)
pp_expect_grep err "^release2rec: /dev/fd/[0-9]+: more than --max-bytes \(1024 bytes\): not converted$"
head -c $((17 * 1024 * 1024)) /dev/zero | tr '\0' a >huge.txt
pp_run 1 "$R" huge.txt tree/a.txt
pp_expect_file err "release2rec: huge.txt: 17825792 bytes, more than --max-bytes (16777216): not converted"
pp_expect_file <(jq -r .source.name out) "tree/a.txt"
pp_run 2 "$R" --max-bytes 12x tree/a.txt
pp_expect_file err "release2rec: --max-bytes wants a size such as 1000, 512k or 16M
Try 'release2rec --help' for more information."

# --url names one release; several inputs want --url-template
pp_run 2 "$R" --url https://example.org/a tree/a.txt tree/b.txt
pp_expect_file err "release2rec: --url names one release; for several inputs give an address per input with --url-template 'https://example.org/{stem}'
Try 'release2rec --help' for more information."
pp_run 2 "$R" --url https://example.org/a tree
pp_run 2 "$R" --url https://example.org/a t.zip
pp_run 2 "$R" --url https://example.org/a -T list
pp_run 0 "$R" --url https://example.org/a tree/a.txt
pp_expect_file <(jq -r .url out) "https://example.org/a"
pp_run 0 "$R" --url-template 'https://example.org/news/{stem}' t.zip
pp_expect_file <(jq -r .url out) "https://example.org/news/a
https://example.org/news/b
https://example.org/news/a"
cp tree/a.txt 'two words+é.txt'
pp_run 0 "$R" --url-template 'https://example.org/{stem}.html' 'two words+é.txt'
pp_expect_file <(jq -r .url out) "https://example.org/two%20words%2B%C3%A9.html"
pp_run 2 "$R" --url-template 'https://example.org/' tree
pp_expect_file err "release2rec: --url-template wants {stem} in it, e.g. 'https://example.org/{stem}'
Try 'release2rec --help' for more information."

# standard input is one release; several glued together give a warning
cat tree/a.txt <(printf '\n###\n\n') tree/b.txt <(printf '\n###\n') >glued.txt
pp_run 0 "$R" <glued.txt
pp_expect_file err "release2rec: -: warning: standard input looks like several releases glued together (datelines with a date: 2, end marks followed by text: 1); it is read as one release: give each release as a file, a directory or an archive"
pp_checks=$((pp_checks + 1))
[ "$(wc -l <out)" = 1 ] || pp_fail "standard input gave $(wc -l <out) records"
pp_run 0 "$R" <tree/a.txt
pp_expect_file err ""
pp_run 0 "$R" glued.txt
pp_expect_file err ""

# --to-jsonl and --from-jsonl: the same records, by name
pp_run 0 "$R" --to-jsonl tree t.zip && cp out in.jsonl
pp_expect_file <(jq -r .name in.jsonl | head -2) "tree/a.txt
tree/b.txt"
pp_run 0 "$R" tree t.zip && cp out direct.jsonl
pp_run 0 "$R" --from-jsonl in.jsonl
pp_checks=$((pp_checks + 1))
cmp -s out direct.jsonl || pp_fail "--from-jsonl differs from the direct run"
pp_run 0 "$R" --from-jsonl <in.jsonl
pp_checks=$((pp_checks + 1))
cmp -s out direct.jsonl || pp_fail "--from-jsonl on standard input differs from the direct run"
jq -c '{name, text: (.bytes_base64 | @base64d)}' in.jsonl >text.jsonl
pp_run 0 "$R" --from-jsonl text.jsonl
pp_checks=$((pp_checks + 1))
cmp -s out direct.jsonl || pp_fail "--from-jsonl with text differs from the direct run"
{
  jq -Rsc '{name: "ok.txt", text: .}' tree/a.txt
  echo 'not json'
  echo '{"text":"x"}'
  echo '{"name":"n","text":"x","bytes_base64":"eA=="}'
  echo '{"name":"n","bytes_base64":"%%%"}'
  echo '{"name":"n","text":7}'
  echo '[1]'
  echo ''
  echo "{\"name\":\"last.txt\",\"bytes_base64\":\"$(base64 -w0 tree/b.txt)\"}"
} >bad.jsonl
pp_run 1 "$R" --from-jsonl bad.jsonl
pp_expect_file err "release2rec: bad.jsonl:2: not JSON: '[' or '{' expected near 'not'
release2rec: bad.jsonl:3: \"name\" must be a non-empty string
release2rec: bad.jsonl:4: want one of \"text\" or \"bytes_base64\"
release2rec: bad.jsonl:5: \"bytes_base64\" is not base64
release2rec: bad.jsonl:6: \"text\" must be a string
release2rec: bad.jsonl:7: want an object {\"name\": ..., \"text\": ...}"
pp_expect_file <(jq -r '"\(.source.name) \(.headline)"' out) "ok.txt Library Extends Opening Hours
last.txt Water Board Opens New Pumping Station"

# --skip-done takes records or plain names
pp_run 0 "$R" tree/a.txt && cp out done.jsonl
printf 'tree/b.txt\n' >>done.jsonl
pp_run 0 "$R" --skip-done done.jsonl tree
pp_expect_file <(jq -r .source.name out) "tree/sub/a.txt
tree/zz/notes.md"
pp_run 2 "$R" --skip-done missing.jsonl tree
pp_expect_file err "release2rec: missing.jsonl: No such file or directory"

# every option of --help is in the man page
"$R" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u >opts
pp_checks=$((pp_checks + 1))
[ "$(wc -l <opts)" -ge 20 ] || pp_fail "--help lists only $(wc -l <opts) options"
while read -r o; do
  pp_checks=$((pp_checks + 1))
  grep -q -- "${o//-/\\\\-}" "$PP_SRC/docs/release2rec.1" || pp_fail "docs/release2rec.1 does not document $o"
done <opts

pp_done

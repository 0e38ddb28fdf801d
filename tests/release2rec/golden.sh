#!/usr/bin/env bash
# release2rec over the invented fixtures of fixtures/release2rec: for each
# NAME.txt, the structural fields of the record (everything but the entity
# lists, which pp_extract fills) are byte-compared with NAME.rec.json.
# PP_REGEN=1 rewrites the golden files (check the diff before committing).
# The encoded fixtures (tests/release2rec/make-encoded-fixtures.sh) must
# also read exactly like the UTF-8 files they were made from.
source "$PP_SRC/tests/lib.sh"
set -o pipefail
R="$PP_BIN/release2rec"
JQ=$(command -v jq) || { echo "jq not found" >&2; exit 1; }
FIELDS='{record,id,source,url,issuer,language,sections,genre,headline,subheadline,dateline,body,warnings}'
DIR=fixtures/release2rec
cd "$PP_SRC" || exit 1   # so that source.name is the stable relative path

n=0
for txt in "$DIR"/*.txt; do
  [ -e "$txt" ] || continue
  name=${txt%.txt}
  n=$((n + 1))
  if ! pp_run 0 "$R" "$txt"; then
    continue
  fi
  pp_expect_file "$PP_TMP/err" ""
  # exactly one line, newline-terminated
  pp_checks=$((pp_checks + 1))
  if [ "$(wc -l <"$PP_TMP/out")" != 1 ] || [ "$(tail -c 1 "$PP_TMP/out" | od -An -c | tr -d ' ')" != '\n' ]; then
    pp_fail "$txt: the output is not exactly one line: $(head -c 300 "$PP_TMP/out")"
    continue
  fi
  if ! "$JQ" -c "$FIELDS" <"$PP_TMP/out" >"$PP_TMP/got"; then
    pp_fail "$txt: the output is not JSON: $(head -c 300 "$PP_TMP/out")"
    continue
  fi
  if [ ! -e "$name.rec.json" ] && [ "${PP_REGEN:-0}" != 1 ]; then
    pp_fail "$name.rec.json is missing (PP_REGEN=1 writes it; check it by hand)"
    continue
  fi
  pp_golden "$PP_TMP/got" "$name.rec.json"
done

# every golden file has its fixture
for want in "$DIR"/*.rec.json; do
  [ -e "$want" ] || continue
  pp_checks=$((pp_checks + 1))
  [ -e "${want%.rec.json}.txt" ] || pp_fail "$want has no fixture ${want%.rec.json}.txt"
done

# the fixture set has not gone missing
pp_checks=$((pp_checks + 1))
[ "$n" -ge 15 ] || pp_fail "only $n fixtures in $DIR"

# Encoded copies read like their UTF-8 sources: same text fields, and the
# source encoding and warnings that say how they were read.
TEXT='{sections,genre,headline,subheadline,dateline,body}'
same_text() { # variant source encoding warnings-json
  pp_checks=$((pp_checks + 1))
  local a b
  a=$("$R" "$DIR/$1" | "$JQ" -c "$TEXT") || { pp_fail "$1: release2rec failed"; return; }
  b=$("$R" "$DIR/$2" | "$JQ" -c "$TEXT") || { pp_fail "$2: release2rec failed"; return; }
  [ "$a" = "$b" ] || pp_fail "$1 does not read like $2: $a // $b"
  pp_expect_file <("$R" "$DIR/$1" | "$JQ" -c '[.source.encoding, .warnings]') "[\"$3\",$4]"
}
same_text enc-utf8-bom.txt enc-base.txt "UTF-8+BOM" '[]'
same_text enc-utf16le.txt enc-base.txt "UTF-16LE" '[]'
same_text enc-utf16be.txt enc-base.txt "UTF-16BE" '[]'
same_text enc-cp1252.txt enc-base.txt "windows-1252" '["input is not valid UTF-8; read as Windows-1252"]'
same_text enc-crlf.txt date-first-wrapped.txt "UTF-8" '[]'
same_text enc-cr.txt all-caps-typescript.txt "UTF-8" '[]'

# The encoded fixtures still carry the bytes they exist for.
pp_checks=$((pp_checks + 1))
[ "$(head -c 2 "$DIR/enc-utf16le.txt" | od -An -tx1 | tr -d ' ')" = fffe ] || pp_fail "enc-utf16le.txt lost its BOM"
pp_checks=$((pp_checks + 1))
[ "$(head -c 2 "$DIR/enc-utf16be.txt" | od -An -tx1 | tr -d ' ')" = feff ] || pp_fail "enc-utf16be.txt lost its BOM"
pp_checks=$((pp_checks + 1))
[ "$(head -c 3 "$DIR/enc-utf8-bom.txt" | od -An -tx1 | tr -d ' ')" = efbbbf ] || pp_fail "enc-utf8-bom.txt lost its BOM"
pp_checks=$((pp_checks + 1))
if ! LC_ALL=C grep -q $'\x93.*\x94' "$DIR/enc-cp1252.txt" || ! LC_ALL=C grep -q $'\xE9' "$DIR/enc-cp1252.txt"; then
  pp_fail "enc-cp1252.txt has no 0x93/0x94 quotes or 0xE9"
fi
pp_checks=$((pp_checks + 1))
[ "$(tr -cd '\r' <"$DIR/enc-crlf.txt" | wc -c)" = "$(wc -l <"$DIR/enc-crlf.txt")" ] || pp_fail "enc-crlf.txt is not CR LF throughout"
pp_checks=$((pp_checks + 1))
if [ "$(wc -l <"$DIR/enc-cr.txt")" != 0 ] || [ "$(tr -cd '\r' <"$DIR/enc-cr.txt" | wc -c)" -le 5 ]; then
  pp_fail "enc-cr.txt is not CR-only"
fi
pp_checks=$((pp_checks + 1))
grep -q $'\xC2\xA0' "$DIR/enc-base.txt" || pp_fail "enc-base.txt has no NBSP"

pp_done

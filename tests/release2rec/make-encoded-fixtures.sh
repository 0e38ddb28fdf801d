#!/usr/bin/env bash
# Regenerates the encoded fixtures of fixtures/release2rec from their UTF-8
# sources (the generated files are committed; this shows how they were made):
#   enc-utf8-bom.txt   EF BB BF + enc-base.txt
#   enc-utf16le.txt    FF FE + enc-base.txt as UTF-16LE
#   enc-utf16be.txt    FE FF + enc-base.txt as UTF-16BE
#   enc-cp1252.txt     enc-base.txt as Windows-1252 (“ ” = 0x93 0x94, é = 0xE9,
#                      – = 0x96, NBSP = 0xA0): not valid UTF-8
#   enc-crlf.txt       date-first-wrapped.txt with CR LF line ends
#   enc-cr.txt         all-caps-typescript.txt with CR-only line ends
# golden.sh checks that each reads exactly like its source.
# Usage: tests/release2rec/make-encoded-fixtures.sh   (from anywhere)
set -euo pipefail
cd "$(dirname "$0")/../../fixtures/release2rec"

printf '\xEF\xBB\xBF' >enc-utf8-bom.txt
cat enc-base.txt >>enc-utf8-bom.txt

printf '\xFF\xFE' >enc-utf16le.txt
iconv -f UTF-8 -t UTF-16LE enc-base.txt >>enc-utf16le.txt

printf '\xFE\xFF' >enc-utf16be.txt
iconv -f UTF-8 -t UTF-16BE enc-base.txt >>enc-utf16be.txt

iconv -f UTF-8 -t WINDOWS-1252 enc-base.txt >enc-cp1252.txt

sed 's/$/\r/' date-first-wrapped.txt >enc-crlf.txt

tr '\n' '\r' <all-caps-typescript.txt >enc-cr.txt

# The bytes the fixtures exist to carry.
grep -q $'\xC2\xA0' enc-base.txt || { echo "enc-base.txt lost its NBSP" >&2; exit 1; }
for b in $'\x93' $'\x94' $'\xE9' $'\xA0'; do
  LC_ALL=C grep -q "$b" enc-cp1252.txt || {
    echo "enc-cp1252.txt has no byte $(printf '%s' "$b" | od -An -tx1)" >&2
    exit 1
  }
done
if iconv -f UTF-8 -t UTF-8 enc-cp1252.txt >/dev/null 2>&1; then
  echo "enc-cp1252.txt is valid UTF-8; it must not be" >&2
  exit 1
fi
echo "regenerated: enc-utf8-bom enc-utf16le enc-utf16be enc-cp1252 enc-crlf enc-cr"

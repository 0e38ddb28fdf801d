#!/usr/bin/env bash
# Adversarial inputs: each must be converted (one valid record) without
# quadratic blow-ups; ctest's TIMEOUT on this test catches a hang.
source "$PP_SRC/tests/lib.sh"
R="$PP_BIN/release2rec"
cd "$PP_TMP"
gen() { # name: writes name.txt
  case $1 in
  longline) { printf 'A Headline Above One Very Long Line\n\n'; head -c 10000000 /dev/zero | tr '\0' 'x'; echo; } ;;
  honorifics) { printf 'Many Honorifics In One Release\n\n'; for i in $(seq 1 100000); do printf 'Mr. '; done; echo; } ;;
  paragraphs) { printf 'Fifty Thousand Short Paragraphs\n\n'; seq 1 50000 | sed 's/.*/Mr. Ab Cd&, Director of Unit &, said so.\n/'; } ;;
  capitals) { printf 'CAPITALS AND BRACKETS EVERYWHERE\n\n'; for i in $(seq 1 200000); do printf 'AB (CD. '; done; echo; } ;;
  dashes) { for i in $(seq 1 100000); do printf 'PLACE – '; done; echo; } ;;
  lines) { printf 'One Hundred Thousand Lines\n'; seq 1 100000 | sed 's/.*/Line & of the text/'; } ;;
  esac >"$1.txt"
}
for name in longline honorifics paragraphs capitals dashes lines; do
  gen $name
  if pp_run 0 "$R" "$name.txt"; then
    pp_checks=$((pp_checks + 1))
    [ "$(wc -l <out)" = 1 ] && jq -e '.record == "release/1"' out >/dev/null ||
      pp_fail "$name: no single valid record"
  fi
done
pp_done

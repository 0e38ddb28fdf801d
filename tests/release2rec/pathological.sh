#!/usr/bin/env bash
# Adversarial inputs: each must be converted (one valid record) without
# quadratic blow-ups; ctest's TIMEOUT on this test catches a hang.
source "$PP_SRC/tests/lib.sh"
R="$PP_BIN/release2rec"
cd "$PP_TMP"
# people N [GIVEN]: N paragraphs, each introducing another person (all
# with the given name GIVEN when set)
people() {
  awk -v n="$1" -v given="$2" '
    function w(i,  s) { s = ""; do { s = s sprintf("%c", 97 + i % 26); i = int(i / 26) } while (i > 0)
                        return toupper(substr(s, 1, 1)) substr(s, 2) "son" }
    BEGIN { for (i = 1; i <= n; i++)
              printf "Mr. %s %s, Director of the Unit, said so.\n\n", given != "" ? given : w(i + 700), w(i * 7 + 30000) }'
}
gen() { # name: writes name.txt
  case $1 in
  longline) { printf 'A Headline Above One Very Long Line\n\n'; head -c 10000000 /dev/zero | tr '\0' 'x'; echo; } ;;
  honorifics) { printf 'Many Honorifics In One Release\n\n'; for i in $(seq 1 100000); do printf 'Mr. '; done; echo; } ;;
  paragraphs) { printf 'Fifty Thousand People\n\n'; people 50000 ""; } ;;
  namesakes) { printf 'Three Thousand People Of One Given Name\n\n'; people 3000 Abel; } ;;
  capitals) { printf 'CAPITALS AND BRACKETS EVERYWHERE\n\n'; for i in $(seq 1 200000); do printf 'AB (CD. '; done; echo; } ;;
  dashes) { for i in $(seq 1 100000); do printf 'PLACE – '; done; echo; } ;;
  lines) { printf 'One Hundred Thousand Lines\n'; seq 1 100000 | sed 's/.*/Line & of the text/'; } ;;
  esac >"$1.txt"
}
for name in longline honorifics paragraphs namesakes capitals dashes lines; do
  gen $name
  if pp_run 0 "$R" "$name.txt"; then
    pp_checks=$((pp_checks + 1))
    [ "$(wc -l <out)" = 1 ] && jq -e '.record == "release/1.1"' out >/dev/null ||
      pp_fail "$name: no single valid record"
  fi
done
pp_done

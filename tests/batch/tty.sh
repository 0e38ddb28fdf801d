#!/usr/bin/env bash
# Progress and summary as an operator sees them, captured with script(1):
# on a terminal a progress line rewritten in place ("\r" ... erase to end
# of line) and cleared at the end, then one summary line; with stderr not a
# terminal, no progress line (unless --progress) but still the summary of a
# batch of several inputs; -q silences both.
source "$PP_SRC/tests/lib.sh"
R="$PP_BIN/release2rec"
command -v script >/dev/null || { echo "SKIP: script(1) not installed (bsdutils)"; exit 77; }
cd "$PP_TMP"
mkdir batch
# enough invented releases for the line to be drawn (it waits 1/4 s; 4,000
# were done in 0.15 s on an idle machine)
for i in $(seq 1 16000); do
  printf 'Water Board Opens Pumping Station %d\n\nRIVERTON, 3 March 2021 - The Riverton Water Board opened station number %d on Tuesday, its director Ana Ruiz said.\n' "$i" "$i" >"batch/r$i.txt"
done
: >batch/0-empty.txt

script -qefc "'$R' batch >'$PP_TMP/tty.jsonl'; echo rc=\$?" typescript >/dev/null </dev/null
pp_expect_grep typescript 'rc=1'
tr '\r' '\n' <typescript >lines
# progress lines: files done/total, MB/s, records/s, rejected, ETA, erase to end of line
pp_expect_grep lines $'^release2rec: [0-9,]+/16,001 files, [0-9.]+ MB/s, [0-9,]+ records/s, [01] rejected(, ETA [0-9]+:[0-9][0-9])?\e\\[K$'
# cleared before the message of a rejected input and, drawn again, before the summary
pp_expect_grep lines $'^(\e\\[K)?release2rec: batch/0-empty.txt: empty input$'
pp_expect_grep lines $'^\e\\[Krelease2rec: 16,000 converted, 1 rejected \\(see above\\), [0-9.]+ MB in [0-9.]+ s$'
pp_checks=$((pp_checks + 1))
[ "$(wc -l <tty.jsonl)" = 16000 ] || pp_fail "on a terminal: $(wc -l <tty.jsonl) records"

# -q on a terminal: no progress, no summary
script -qefc "'$R' -q batch >/dev/null; echo rc=\$?" quiet >/dev/null </dev/null
pp_expect_file <(tr -d '\r' <quiet | grep -v '^Script ') "release2rec: batch/0-empty.txt: empty input
rc=1"

# not a terminal: the messages and the summary, no progress line
pp_run 1 "$R" -q batch
pp_expect_file err "release2rec: batch/0-empty.txt: empty input"
pp_run 1 "$R" batch
pp_expect_file <(sed 's/, [0-9.]* MB in [0-9.]* s$/, X MB in T s/' err) "release2rec: batch/0-empty.txt: empty input
release2rec: 16,000 converted, 1 rejected (see above), X MB in T s"
pp_done

#!/usr/bin/env bash
# Adversarial pages: deep nesting, many blocks, articles, headings, <br>,
# attributes, unclosed inline elements, long text and long comment
# preludes, undecodable bytes. Each must be read (exit 0, no stderr) with the expected text;
# ctest's TIMEOUT catches quadratic blow-ups and the walks are not
# recursive, so deep trees cannot overflow the stack.
source "$PP_SRC/tests/lib.sh"
D="$PP_BUILD/tests/html_dump"
cd "$PP_TMP" || exit 1
rep() { awk -v s="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }

# page NAME: writes NAME.html
page() {
  case $1 in
  deep) { printf '<html><body><p>before</p>'; rep '<div>' 100000; printf 'x'; rep '</div>' 100000; printf '<p>after</p></body></html>'; } ;;
  sections) { printf '<html><body><p>start</p>'; rep '<section><header>h</header>' 20000; printf 'x'; rep '</section>' 20000; printf '</body></html>'; } ;;
  paragraphs) { printf '<html><body>'; rep '<p>para <b>bold</b> text' 100000; printf '</body></html>'; } ;;
  articles) { printf '<html><body><main>'; rep '<article><h1>t</h1><p>a</p></article>' 30000; printf '</main></body></html>'; } ;;
  brs) { printf '<html><body>'; rep '<br>' 300000; printf 'x</body></html>'; } ;;
  attributes) { printf '<html><body><p'; awk 'BEGIN { for (i = 0; i < 3000; i++) printf " a%d=x", i }'; printf ' hidden>secret</p><p>shown</p></body></html>'; } ;;
  inline) { printf '<html><body><p>start '; rep '<a href=x><b><i><span>' 30000; printf 'end</body></html>'; } ;;
  words) { printf '<html><body><p>'; rep 'word ' 1000000; printf '</p></body></html>'; } ;;
  comments) { rep '<!-- c -->' 100000; printf '<html><body><p>text</p></body></html>'; } ;;
  badenc) printf '<html><head><meta charset="shift_jis"></head><body><p>before</p><p>\x81\x20\xff\xfe bad</p></body></html>' ;;
  esac >"$1.html"
}

# expect NAME LINES FIRST: the text has LINES lines (at least -LINES when
# negative: how deep libxml2 reads is its own limit), the first being FIRST
expect() {
  page "$1"
  pp_run 0 "$D" "$1.html" || return
  pp_expect_file "$PP_TMP/err" ""
  pp_checks=$((pp_checks + 1))
  local lines first
  lines=$(wc -l <"$PP_TMP/out")
  first=$(head -n 1 "$PP_TMP/out")
  if [ "$2" -lt 0 ]; then [ "$lines" -ge $((-$2)) ]; else [ "$lines" = "$2" ]; fi && [ "$first" = "$3" ] ||
    pp_fail "$1: $lines lines, first \"$(printf %s "$first" | head -c 80)\"; want $2, \"$3\""
}

expect deep 1 before     # libxml2 stops at its depth limit: what came before is read
expect sections -101 start  # "start", then each kept <header> of a section
expect paragraphs 199999 "para bold text"
expect articles 119999 t  # the first <h1> first, then every block
expect brs 1 x
expect attributes 1 shown
expect inline 1 start
expect words 1 "$(rep 'word ' 1000000 | sed 's/ $//')"
expect comments 1 text
# libxml2 stops at bytes its decoder refuses and says so on stderr by
# itself: the message is muted, the text before them kept
expect badenc 1 before
pp_done

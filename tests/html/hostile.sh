#!/usr/bin/env bash
# Hostile pages: external DTDs, entity declarations (general and
# parameter, file and network), XInclude, stylesheet instructions and
# network URLs in the markup. Reading them (tests/html/html_dump, and
# release2rec once it reads HTML) must open no socket and no file they
# name: each run is traced with strace (network and openat calls), and
# no referenced secret reaches the output. A positive control proves the
# trace sees an open of such a file when one happens.
source "$PP_SRC/tests/lib.sh"
D="$PP_BUILD/tests/html_dump"
R="$PP_BIN/release2rec"
command -v strace >/dev/null || { echo "SKIP: strace not installed"; exit 77; }
cd "$PP_TMP" || exit 1
strace -f -qq -e trace=openat -o probe.log true 2>/dev/null ||
  { echo "SKIP: strace cannot trace here (ptrace not permitted)"; exit 77; }

S="$PP_TMP/secret"
mkdir -p "$S"
for f in dtd ent pe xsl inc frame obj; do echo "TOPSECRET-$f" >"$S/$f"; done

cat >external-dtd.html <<PAGE
<!DOCTYPE html SYSTEM "$S/dtd">
<html><body><p>Headline</p><p>Text &nbsp;one.</p></body></html>
PAGE
cat >internal-subset.html <<PAGE
<!DOCTYPE html [
  <!ENTITY ent SYSTEM "file://$S/ent">
  <!ENTITY % pe SYSTEM "$S/pe">
  %pe;
  <!ENTITY net SYSTEM "http://127.0.0.1:9/net.ent">
]>
<html><body><p>Headline</p><p>a &ent; b &net; c</p></body></html>
PAGE
cat >xhtml-network.html <<PAGE
<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="$S/xsl"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://127.0.0.1:9/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:xi="http://www.w3.org/2001/XInclude">
<head>
<base href="http://127.0.0.1:9/" />
<meta http-equiv="refresh" content="0; url=http://127.0.0.1:9/refresh" />
<link rel="stylesheet" href="http://127.0.0.1:9/style.css" />
<link rel="canonical" href="http://127.0.0.1:9/canonical" />
<script src="http://127.0.0.1:9/app.js"></script>
</head>
<body>
<h1>Headline</h1>
<xi:include href="$S/inc" parse="text"/>
<img src="http://127.0.0.1:9/pixel.gif" alt="x" />
<iframe src="file://$S/frame"></iframe>
<object data="$S/obj"></object>
<p>Body text.</p>
</body>
</html>
PAGE

# traced LABEL CMD...: runs CMD under strace; its stdout in LABEL.out
traced() {
  local label=$1
  shift
  pp_checks=$((pp_checks + 1))
  # LeakSanitizer cannot run under ptrace: leaks are checked elsewhere
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
    strace -f -qq -e trace=network,openat -o "$label.trace" "$@" >"$label.out" 2>"$label.err" ||
    pp_fail "$label: $* failed: $(head -c 300 "$label.err")"
  pp_checks=$((pp_checks + 1))
  if grep -Eq '(^|[0-9] )(socket|connect|sendto|sendmsg)\(' "$label.trace"; then
    pp_fail "$label: network calls: $(grep -E '(socket|connect|sendto|sendmsg)\(' "$label.trace" | head -3)"
  fi
  pp_checks=$((pp_checks + 1))
  if grep -F "$S" "$label.trace" >/dev/null; then
    pp_fail "$label: opened a referenced file: $(grep -F "$S" "$label.trace" | head -3)"
  fi
  pp_checks=$((pp_checks + 1))
  if grep -q TOPSECRET "$label.out"; then pp_fail "$label: a secret reached the output"; fi
}

# positive control: the trace shows an open of a secret when one happens
strace -f -qq -e trace=network,openat -o control.trace cat "$S/dtd" >/dev/null
pp_checks=$((pp_checks + 1))
grep -F "$S/dtd" control.trace >/dev/null || pp_fail "control: strace did not record an open of $S/dtd"

for page in external-dtd internal-subset xhtml-network; do
  traced "$page" "$D" "$page.html"
  # the trace does see the page itself being opened
  pp_checks=$((pp_checks + 1))
  grep -F "\"$page.html\"" "$page.trace" >/dev/null || pp_fail "$page: the trace misses the page's own open"
  pp_expect_grep "$page.out" 'Body text|Text|a &ent; b &net; c'
  traced "$page-meta" "$D" --meta "$page.html"
  # release2rec reads the page as HTML once pp_html is wired in
  if "$R" "$page.html" 2>/dev/null | jq -e '.source.format == "html"' >/dev/null 2>&1; then
    traced "$page-release2rec" "$R" "$page.html"
  fi
done
# entities stay as written: neither expanded nor dropped (the rest of the
# internal subset shows as text, as in a browser: the DOCTYPE ends at ">")
pp_expect_grep internal-subset.out '^a &ent; b &net; c$'
pp_expect_grep xhtml-network.out '^Headline$'
pp_expect_grep xhtml-network.out '^Body text\.$' 
pp_done

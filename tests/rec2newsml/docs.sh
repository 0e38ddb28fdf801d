# What every tool shares: -h/--help and -V/--version, a help that says the
# extraction reads English, and man pages of one date and one version (the
# project's).
source "$PP_SRC/tests/lib.sh"
version=$("$PP_BIN/release2rec" --version | sed 's/^release2rec //')
dates=()
for t in release2rec rec2newsml rec2jsonld rec2csv newsml2rec; do
  for o in -h --help; do
    pp_run 0 "$PP_BIN/$t" $o
    pp_expect_grep "$PP_TMP/out" "^Usage: $t "
    pp_expect_grep "$PP_TMP/out" 'reads English'
  done
  for o in -V --version; do
    pp_run 0 "$PP_BIN/$t" $o
    pp_expect_file "$PP_TMP/out" "$t $version"
  done
  man=$PP_SRC/docs/$t.1
  pp_checks=$((pp_checks + 1))
  if [ ! -f "$man" ]; then
    pp_fail "$t has no man page docs/$t.1"
    continue
  fi
  th=$(grep -m1 '^\.TH ' "$man")
  pp_expect_grep <(echo "$th") "^\\.TH [A-Z0-9]+ 1 \"[0-9]{4}-[0-9]{2}-[0-9]{2}\" \"presspipe $version\" "
  dates+=("$(echo "$th" | cut -d'"' -f2)")
done
pp_checks=$((pp_checks + 1))
[ "$(printf '%s\n' "${dates[@]}" | sort -u | wc -l)" = 1 ] || pp_fail "the man pages have different dates: ${dates[*]}"
pp_done

# Without the npm registry the checker's install is skipped at once, with
# the reason (exit 77), instead of waiting for npm ci to give up and
# failing; under CI it fails (CI has npm and must run the checker). The
# registry is made unreachable with npm_config_registry; a fresh build
# directory forces the install path. Run under a timeout far below npm's own.
source "$PP_SRC/tests/lib.sh"
pp_need_shared
command -v npm >/dev/null 2>&1 || { echo "SKIP: npm absent: nothing to probe"; exit 77; }
C=$PP_SRC/tests/rec2jsonld/checker.sh
for ci in "" true; do
  pp_checks=$((pp_checks + 1))
  env -u CI ${ci:+CI=$ci} npm_config_registry=http://127.0.0.1:9/ PP_BUILD="$PP_TMP/b$ci" \
    timeout 40 bash "$C" "$PP_SRC/fixtures/rec2jsonld/minimal.expected.jsonl" >"$PP_TMP/out" 2>"$PP_TMP/err"
  st=$?
  if [ -z "$ci" ]; then
    [ $st = 77 ] || pp_fail "offline, outside CI: exit $st, want 77"
    pp_expect_grep "$PP_TMP/out" '^SKIP: the npm registry http://127\.0\.0\.1:9/ cannot be reached \(within 10 s\)'
  else
    [ $st = 3 ] || pp_fail "offline, CI=true: exit $st, want 3"
    pp_expect_grep "$PP_TMP/err" '^FAIL: the npm registry http://127\.0\.0\.1:9/ cannot be reached .*\(CI=true: not skipping\)'
  fi
done
pp_done

#!/bin/bash
# checker.sh - the JSON-LD checker of shared/tools/jsonld-check (jsonld.js 9 +
# schema.org 30.0, offline), installed into the build tree and run.
#
#   checker.sh [CHECK_OPTIONS] [FILE...]   installs if needed, then runs
#                                          node check.mjs --schemas ... ARGS
#   PP_CHECKER_INSTALL_ONLY=1 checker.sh   installs and runs the checker's own
#                                          examples (the ctest setup test)
#
# shared/ is read-only, so check.mjs, package.json and package-lock.json are
# copied (never node_modules) to $PP_BUILD/jsonld-check and `npm ci` runs
# there, once: again only when the lock file changed. A lock serialises
# parallel ctest runs.
#
# Exit: the checker's status (0 no errors, 1 errors, 2 usage); 77 = skipped
# (shared/ absent, node/npm absent, or the npm registry unreachable within
# PP_NPM_PING_TIMEOUT seconds (10), while CI is not set); 3 = the install
# failed (npm ci failing always fails, in CI or not; node/npm absent under
# CI=true fails too).
set -u
: "${PP_BUILD:?run through ctest (PP_BUILD, PP_SHARED)}"
if [ -z "${PP_SHARED:-}" ] || [ ! -f "$PP_SHARED/tools/jsonld-check/check.mjs" ]; then
  echo "SKIP: shared/tools/jsonld-check not found (set PRESSPIPE_SHARED or -DPP_SHARED_DIR)"
  exit 77
fi
SRC="$PP_SHARED/tools/jsonld-check"
SCHEMAS="$PP_SHARED/schemas/schema.org"
DEST="$PP_BUILD/jsonld-check"
in_ci() { [ -n "${CI:-}" ] && [ "${CI:-}" != false ] && [ "${CI:-}" != 0 ]; }

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if ! command -v npm >/dev/null 2>&1 || [ "$node_major" -lt 18 ]; then
  msg="node >= 18 and npm are needed for the JSON-LD checker (Debian: apt-get install nodejs npm); found node '$(node --version 2>/dev/null || echo none)', npm '$(npm --version 2>/dev/null || echo none)'"
  if in_ci; then
    echo "FAIL: $msg (CI=$CI: not skipping)" >&2
    exit 3
  fi
  echo "SKIP: $msg"
  exit 77
fi

install_checker() {
  mkdir -p "$DEST" || return 1
  local f
  for f in check.mjs package.json package-lock.json; do
    if ! cmp -s "$SRC/$f" "$DEST/$f"; then
      rm -f "$DEST/$f" && cp "$SRC/$f" "$DEST/$f" && chmod u+w "$DEST/$f" || return 1
    fi
  done
  rm -rf "$DEST/examples" && cp -r "$SRC/examples" "$DEST/examples" && chmod -R u+w "$DEST/examples" || return 1
  if [ -d "$DEST/node_modules/jsonld" ] && cmp -s "$DEST/package-lock.json" "$DEST/.installed-lock.json"; then
    return 0
  fi
  rm -rf "$DEST/node_modules" "$DEST/.installed-lock.json"
  # npm ci waits a minute and more before it gives up on a registry it
  # cannot reach: ask first, for a few seconds (node's own HTTP client; npm
  # ping itself, which follows npm's proxy settings, when a proxy is set)
  local registry t=${PP_NPM_PING_TIMEOUT:-10}
  registry=${npm_config_registry:-$(timeout 10 npm config get registry 2>/dev/null || true)}
  [ -n "$registry" ] || registry=https://registry.npmjs.org/
  if ! timeout $((t + 2)) node -e '
      const u = new URL(process.argv[1]);
      const m = u.protocol === "http:" ? require("http") : require("https");
      setTimeout(() => process.exit(1), Number(process.argv[2]) * 1000);
      m.get(u, r => process.exit(r.statusCode < 500 ? 0 : 1)).on("error", () => process.exit(1));' \
      "$registry" "$t" 2>/dev/null &&
    ! { [ -n "${https_proxy:-}${HTTPS_PROXY:-}${http_proxy:-}${HTTP_PROXY:-}" ] &&
        timeout $((t * 3)) npm ping --registry "$registry" >/dev/null 2>&1; }; then
    S_unreachable="the npm registry $registry cannot be reached (within $t s): the JSON-LD checker cannot be installed"
    return 2
  fi
  echo "checker.sh: npm ci in $DEST" >&2
  if ! (cd "$DEST" && npm ci --no-audit --no-fund >"$DEST/npm-ci.log" 2>&1); then
    echo "FAIL: npm ci failed in $DEST:" >&2
    tail -n 30 "$DEST/npm-ci.log" >&2
    return 1
  fi
  cp "$DEST/package-lock.json" "$DEST/.installed-lock.json"
}

mkdir -p "$PP_BUILD" || exit 3
exec 9>"$PP_BUILD/jsonld-check.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi
S_unreachable=
install_checker
st=$?
exec 9>&-
if [ $st = 2 ]; then
  if in_ci; then
    echo "FAIL: $S_unreachable (CI=$CI: not skipping)" >&2
    exit 3
  fi
  echo "SKIP: $S_unreachable; offline, the tests that need it are skipped (CI runs them)"
  exit 77
fi
[ $st = 0 ] || exit 3

run() { node "$DEST/check.mjs" --schemas "$SCHEMAS" "$@"; }

if [ "${PP_CHECKER_INSTALL_ONLY:-0}" = 1 ]; then
  # The checker must pass the good example and fail both bad ones (its own
  # `npm test`), else every test built on it could not fail.
  fails=0
  out=$(run "$DEST/examples/good-newsarticle.jsonld") || { echo "FAIL: good example rejected: $out" >&2; fails=1; }
  for bad in bad-unknown-property bad-date; do
    out=$(run "$DEST/examples/$bad.jsonld")
    [ $? = 1 ] || { echo "FAIL: $bad example not rejected: $out" >&2; fails=1; }
  done
  echo "jsonld-check installed in $DEST (node $(node --version), jsonld $(node -p 'require("'"$DEST"'/node_modules/jsonld/package.json").version'))"
  exit $fails
fi
run "$@"

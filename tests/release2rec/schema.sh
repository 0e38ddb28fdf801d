#!/usr/bin/env bash
# Every record release2rec writes for the fixtures and the corpus validates
# against docs/record.schema.json (JSON Schema draft 2020-12, checked with
# Python's jsonschema), and its mentions and quote references resolve.
source "$PP_SRC/tests/lib.sh"
py=""
for p in python3 /usr/bin/python3; do
  if "$p" -c 'import jsonschema' 2>/dev/null; then py=$p; break; fi
done
if [ -z "$py" ]; then
  echo "SKIP: no python3 with the jsonschema module (apt-get install python3-jsonschema)"
  [ "${CI:-}" = true ] && exit 1
  exit 77
fi
cd "$PP_SRC"
shopt -s nullglob
files=(fixtures/*/*.txt)
if [ -n "${PP_SHARED:-}" ] && [ -d "$PP_SHARED/corpus" ]; then
  files+=("$PP_SHARED"/corpus/*.txt)
else
  echo "note: ../shared not found, validating the fixtures only"
fi
"$PP_BIN/release2rec" "${files[@]}" >"$PP_TMP/all.jsonl" 2>"$PP_TMP/err"
rc=$?
[ $rc -le 1 ] || pp_fail "release2rec exited $rc: $(head -3 "$PP_TMP/err")"
pp_checks=$((pp_checks + 1))
lines=$(wc -l <"$PP_TMP/all.jsonl")
# inputs that are meant to be rejected (NUL bytes, empty) give no record
rejected=$(grep -vc '^release2rec: [0-9,]* converted, ' "$PP_TMP/err")
[ "$lines" -eq $((${#files[@]} - rejected)) ] ||
  pp_fail "${#files[@]} inputs, $rejected rejected, but $lines records"
pp_checks=$((pp_checks + 1))
if ! "$py" "$PP_SRC/tests/release2rec/check-schema.py" "$PP_SRC/docs/record.schema.json" \
  "$PP_TMP/all.jsonl" >"$PP_TMP/schema.out"; then
  pp_fail "records do not validate:"
  head -20 "$PP_TMP/schema.out" >&2
fi
tail -1 "$PP_TMP/schema.out"
pp_done

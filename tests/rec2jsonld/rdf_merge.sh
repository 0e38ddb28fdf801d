# Every corpus document (and the fixtures) loaded into one rdflib graph, as
# a consumer merges them: no node is shared between records, so the triple
# count of the whole is the sum of the parts, there is one NewsArticle per
# record and each keeps its own people. Offline: schema.org's context comes
# from $PP_SHARED/schemas/schema.org. Needs Debian's python3-rdflib.
source "$PP_SRC/tests/lib.sh"
pp_need_shared
CTX=$PP_SHARED/schemas/schema.org/schemaorgcontext.jsonld
[ -f "$CTX" ] || { echo "SKIP: $CTX not found"; exit 77; }
PY=
for p in /usr/bin/python3 python3; do
  if "$p" -c 'import rdflib' 2>/dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] || { echo "SKIP: no python3 with rdflib (Debian: apt-get install python3-rdflib)"; exit 77; }
M="$PY $PP_SRC/tests/rec2jsonld/rdf_merge.py $CTX"

F=$PP_SRC/fixtures/rec2jsonld
cat "$F/full.jsonl" "$F/offices.jsonl" "$F/minimal.jsonl" "$F/source-url.jsonl" >"$PP_TMP/fx.jsonl"
"$PP_BIN/rec2jsonld" "$PP_TMP/fx.jsonl" >"$PP_TMP/fx.jsonld"
pp_checks=$((pp_checks + 1))
$M "$PP_TMP/fx.jsonl" "$PP_TMP/fx.jsonld" --label fixtures || pp_fail "fixtures do not merge"

"$PP_BIN/release2rec" "$PP_SHARED"/corpus/*.txt >"$PP_TMP/corpus.jsonl" 2>/dev/null
"$PP_BIN/rec2jsonld" "$PP_TMP/corpus.jsonl" >"$PP_TMP/corpus.jsonld"
pp_checks=$((pp_checks + 1))
$M "$PP_TMP/corpus.jsonl" "$PP_TMP/corpus.jsonld" --label corpus || pp_fail "the corpus does not merge"

# the check can fail: documents with the old shared labels collide
sed 's/"_:[^"]*-\(article\|p[0-9]*\)"/"_:\1"/g' "$PP_TMP/corpus.jsonld" >"$PP_TMP/old.jsonld"
pp_checks=$((pp_checks + 1))
$M "$PP_TMP/corpus.jsonl" "$PP_TMP/old.jsonld" --label "corpus with shared labels" >"$PP_TMP/old.out" &&
  pp_fail "shared blank-node labels were not caught"
head -1 "$PP_TMP/old.out"
pp_done

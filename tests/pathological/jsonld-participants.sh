#!/usr/bin/env bash
# rec2jsonld, 60,000 participants in a 3.1 MB record (issue 9): S_push_ref
# scanned the list for each reference it added, quadratic (over 40 s). The
# article must mention every person once, in order, and the graph must hold
# one Person node for each.
source "$PP_SRC/tests/lib.sh"
cd "$PP_TMP"
n=60000
python3 "$PP_SRC/tests/pathological/gen.py" participants $n >in.jsonl
if pp_run 0 "$PP_BIN/rec2jsonld" in.jsonl; then
  jq -r '.["@graph"][] | select(.["@type"] == "NewsArticle") | .mentions[]["@id"]' out >got
  id=$(head -c 4000 in.jsonl | grep -o '"id": *"[^"]*"' | head -1 | sed 's/.*"\([^"]*\)"$/\1/')
  seq 1 $n | sed "s/^/_:$id-p/" >want
  pp_checks=$((pp_checks + 1))
  cmp -s got want || pp_fail "mentions are not _:$id-p1 .. _:$id-p$n once each in order: $(diff want got | head -5)"
  pp_expect_file <(jq '[.["@graph"][] | select(.["@type"] == "Person") | .["@id"]] | unique | length' out) $n
fi
pp_done

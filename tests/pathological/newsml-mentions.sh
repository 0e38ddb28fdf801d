#!/usr/bin/env bash
# rec2newsml, one person mentioned in 300,000 paragraphs (issue 9): the
# inlineRef list was built by pp_intv_add_unique, a linear scan per value
# (quadratic, 32 s). Mentions listed ascending (the contract) and
# descending (a hostile producer): both must give every paragraph once, in
# order.
source "$PP_SRC/tests/lib.sh"
cd "$PP_TMP"
n=300000
seq 0 $((n - 1)) | sed 's/^/i1-par/' >want
for c in mentions mentions-desc; do
  python3 "$PP_SRC/tests/pathological/gen.py" $c $n >in.jsonl
  pp_run 0 "$PP_BIN/rec2newsml" in.jsonl || continue
  grep -o '<inlineRef idrefs="[^"]*"' out | sed 's/.*idrefs="//; s/"$//' | tr ' ' '\n' >got
  pp_checks=$((pp_checks + 1))
  cmp -s got want || pp_fail "$c: the inlineRef ids are not i1-par0 .. i1-par$((n - 1)) once each in order: $(diff want got | head -5)"
done
pp_done

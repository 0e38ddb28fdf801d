#!/usr/bin/env python3
"""Loads rec2jsonld documents into one rdflib graph, the way a consumer
merges them, and checks that nothing collides.

usage: rdf_merge.py CONTEXT.jsonld RECORDS.jsonl DOCS.jsonl [--label NAME]

CONTEXT is schema.org's JSON-LD context (a local copy: nothing is fetched;
every document's "@context": "https://schema.org" is replaced by it).
Checks: triples(all in one graph) = sum of triples(each alone); one
schema:NewsArticle per record; each article mentions exactly the people of
its own record (by name). Prints the figures; exits 1 on a failure."""
import json
import sys

import rdflib
from rdflib.namespace import RDF

SDO = rdflib.Namespace("https://schema.org/")
SDO_HTTP = rdflib.Namespace("http://schema.org/")


def main():
    args = sys.argv[1:]
    label = "documents"
    if "--label" in args:
        i = args.index("--label")
        label = args[i + 1]
        del args[i:i + 2]
    with open(args[0], encoding="utf-8") as f:
        ctx = json.load(f)["@context"]
    records = [json.loads(l) for l in open(args[1], encoding="utf-8") if l.strip()]
    docs = [json.loads(l) for l in open(args[2], encoding="utf-8") if l.strip()]
    if len(docs) != len(records):
        print(f"{label}: {len(docs)} documents for {len(records)} records")
        sys.exit(1)
    for d in docs:
        assert d["@context"] == "https://schema.org"
        d["@context"] = ctx
    all_graph = rdflib.Graph()
    total = 0
    for d in docs:
        g = rdflib.Graph()
        g.parse(data=json.dumps(d), format="json-ld")
        total += len(g)
        all_graph.parse(data=json.dumps(d), format="json-ld")
    ns = SDO if (None, RDF.type, SDO.NewsArticle) in all_graph else SDO_HTTP
    articles = list(all_graph.subjects(RDF.type, ns.NewsArticle))
    failures = []
    if len(all_graph) != total:
        failures.append(f"triples(all) = {len(all_graph)} but the sum of triples(each) = {total}")
    if len(articles) != len(records):
        failures.append(f"{len(articles)} NewsArticle nodes for {len(records)} records")
    people_ok = 0
    by_id = {}
    for a in articles:
        for ident in all_graph.objects(a, ns.identifier):
            v = all_graph.value(ident, ns.value)
            if v is not None:
                by_id.setdefault(str(v), []).append(a)
    for r in records:
        arts = by_id.get(r["id"], [])
        if len(arts) != 1:
            failures.append(f"{r['id']}: {len(arts)} articles carry this record id")
            continue
        got = sorted(str(all_graph.value(p, ns.name)) for p in all_graph.objects(arts[0], ns.mentions)
                     if (p, RDF.type, ns.Person) in all_graph)
        want = sorted(p["name"] for p in r.get("participants") or [] if (p.get("name") or "").strip())
        if got == want:
            people_ok += 1
        else:
            failures.append(f"{r['id']}: people {got[:5]} != {want[:5]}")
    print(f"{label}: {len(docs)} documents; triples(all) = {len(all_graph)}, "
          f"sum of triples(each) = {total}; {len(articles)} NewsArticle for {len(records)} records; "
          f"{people_ok} articles keep exactly their own people")
    for f in failures[:10]:
        print("  FAIL " + f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

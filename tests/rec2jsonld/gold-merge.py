#!/usr/bin/env python3
"""gold-merge.py CORPUS_DIR < records > records

Reads release2rec's records of corpus releases and replaces their entity
lists (participants, organizations, places) with those of the release's
NAME.gold.json, read at run time from CORPUS_DIR (nothing of the corpus is
stored in the repository). A gold place keeps the country code release2rec
gave the place of the same name (the gold files give none; rec2jsonld types
a place Country only when its record carries the code). The page URL of the gold file becomes the
record's url when the record has none. This tests rec2jsonld on curated,
real-world names, titles and organisations independently of how well the
extractor finds them.
"""
import json
import os
import sys


def main():
    corpus = sys.argv[1]
    for line in sys.stdin:
        if not line.strip():
            continue
        r = json.loads(line)
        base = os.path.basename(r["source"]["name"])
        stem = base[:-4] if base.endswith(".txt") else base
        with open(os.path.join(corpus, stem + ".gold.json"), encoding="utf-8") as f:
            g = json.load(f)
        r["participants"] = [
            {"id": "p%d" % (i + 1), "name": p["name"], "aliases": p.get("aliases") or [],
             "honorific": p.get("honorific"), "given_name": None, "family_name": None,
             "role": p.get("role"), "organization": p.get("organization"), "mentions": []}
            for i, p in enumerate(g.get("participants") or [])]
        r["organizations"] = [{"id": "o%d" % (i + 1), "name": o, "acronym": None, "mentions": []}
                              for i, o in enumerate(g.get("organizations") or [])]
        codes = {(p.get("name") or "").casefold(): p.get("country") for p in r.get("places") or []}
        r["places"] = [{"id": "l%d" % (i + 1), "name": p, "country": codes.get(p.casefold()), "mentions": []}
                       for i, p in enumerate(g.get("places") or [])]
        src = g.get("source") or ""
        if not r.get("url") and src.startswith(("http://", "https://")) and " " not in src:
            r["url"] = src
        sys.stdout.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()

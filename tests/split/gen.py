#!/usr/bin/env python3
"""gen.py N [--prefix P] [--tag T] [--paras K] [--ids a,b,...]: invented
release/1 records on standard output, one per line, for the --split tests.
Record i has the id P + five digits (or the i-th of --ids), source name
ID.txt, headline "T item i" and K body paragraphs (the size knob: about
100 bytes each, plus 6 bytes for each of --pad words)."""
import argparse
import json
import sys

ap = argparse.ArgumentParser()
ap.add_argument("n", type=int)
ap.add_argument("--prefix", default="item-")
ap.add_argument("--tag", default="run")
ap.add_argument("--paras", type=int, default=3)
ap.add_argument("--ids", default="")
ap.add_argument("--reverse", action="store_true", help="last record first")
ap.add_argument("--pad", type=int, default=0, help="extra words per paragraph")
a = ap.parse_args()
ids = a.ids.split(",") if a.ids else ["%s%05d" % (a.prefix, i) for i in range(a.n)]
para = ("The harbour board of an invented town met on a quiet morning and agreed "
        "to repaint the old pier, paragraph %d.")
order = list(enumerate(ids[: a.n] if not a.ids else ids))
for i, rid in reversed(order) if a.reverse else order:
    rec = {
        "record": "release/1",
        "id": rid,
        "source": {"name": rid + ".txt"},
        "language": "en",
        "headline": "%s item %d" % (a.tag, i),
        "body": [para % k + " Again" * a.pad for k in range(a.paras)],
    }
    sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")

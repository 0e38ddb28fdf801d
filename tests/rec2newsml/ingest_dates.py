#!/usr/bin/env python3
"""Reads rec2newsml items the way a generic NewsML-G2 ingest does (Superdesk's
parser: the item's date is itemMeta/firstCreated, else
contentMeta/contentCreated) and checks that the date it gets is the
release's date (the record's dateline.date) whenever the record has one.

usage: ingest_dates.py RECORDS.jsonl ITEMS.xml [--label NAME]
Prints "LABEL: firstCreated is the release date on N of M records with a
date; K without one carry the conversion time (SENT) and a note".
Exits 1 on any mismatch."""
import datetime
import json
import sys
import xml.etree.ElementTree as ET

G2 = "{http://iptc.org/std/nar/2006-10-01/}"


def valid(d):
    try:
        datetime.date.fromisoformat(d)
        return len(d) == 10
    except (TypeError, ValueError):
        return False


def main():
    args = sys.argv[1:]
    label = "items"
    if "--label" in args:
        i = args.index("--label")
        label = args[i + 1]
        del args[i:i + 2]
    records = [json.loads(l) for l in open(args[0], encoding="utf-8") if l.strip()]
    root = ET.parse(args[1]).getroot()  # ElementTree does not fetch anything
    items = [root] if root.tag == G2 + "newsItem" else root.iter(G2 + "newsItem")
    got = {}
    for it in items:
        meta = it.find(G2 + "itemMeta")
        rid = next(p.get("value") for p in meta.findall(G2 + "itemMetaExtProperty")
                   if p.get("rel") == "pp-prop:recordId")
        first = meta.find(G2 + "firstCreated")
        cm = it.find(G2 + "contentMeta")
        cc = cm.find(G2 + "contentCreated") if cm is not None else None
        date = (first.text if first is not None else cc.text if cc is not None else None)
        notes = [n.text for n in meta.findall(G2 + "edNote")]
        got.setdefault(rid, []).append((date, notes))
    dated = ok = undated = undated_ok = 0
    bad = []
    for r in records:
        date, notes = got[r["id"]].pop(0)
        want = (r.get("dateline") or {}).get("date")
        if valid(want):
            dated += 1
            if date and date[:10] == want:
                ok += 1
            else:
                bad.append(f"{r['id']}: ingest date {date}, release date {want}")
        else:
            undated += 1
            if any(n and "firstCreated is the conversion time" in n for n in notes):
                undated_ok += 1
            else:
                bad.append(f"{r['id']}: no release date and no note")
    print(f"{label}: firstCreated is the release date on {ok} of {dated} records with a date; "
          f"{undated_ok} of {undated} without one carry the conversion time and a note")
    for b in bad[:10]:
        print("  " + b)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

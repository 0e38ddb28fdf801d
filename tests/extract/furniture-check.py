#!/usr/bin/env python3
"""Counts the participants of release records whose name is made only of
ordinary words or furniture words: every word of the name (split on
anything but letters, apostrophes and hyphens; case ignored) is in
data/en/common-words.txt or data/en/furniture.txt, and none is in
data/en/given-names.txt or data/en/family-names.txt. Such a "name" is a
heading, a button or a product, not a person.

usage: furniture-check.py DATADIR RECORDS.jsonl [MAX_PERCENT]
Prints "furniture: N of M participants (P %)" and the offenders; exits 1
when P exceeds MAX_PERCENT (when given), 2 on unusable input.
"""
import json
import re
import sys


def words(path):
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                out.add(line.strip().casefold())
    return out


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    d = sys.argv[1]
    plain = words(d + "/common-words.txt") | words(d + "/furniture.txt")
    names = words(d + "/given-names.txt") | words(d + "/family-names.txt")
    total = bad = 0
    offenders = {}
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            for p in json.loads(line).get("participants") or []:
                total += 1
                ws = [w for w in re.split(r"[^\w'’-]+", (p.get("name") or "").casefold()) if w]
                if ws and all(w in plain for w in ws) and not any(w in names for w in ws):
                    bad += 1
                    offenders[p["name"]] = offenders.get(p["name"], 0) + 1
    pct = 100.0 * bad / total if total else 0.0
    print(f"furniture: {bad} of {total} participants ({pct:.2f} %)")
    for n, c in sorted(offenders.items(), key=lambda x: -x[1])[:20]:
        print(f"  {c:5d}  {n}")
    if len(sys.argv) > 3 and pct > float(sys.argv[3]):
        print(f"FAIL: above {sys.argv[3]} %")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

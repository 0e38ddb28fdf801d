#!/usr/bin/env python3
"""Compares records before (release2rec) and after (rec2newsml | newsml2rec).

usage: roundtrip.py ORIGINAL.jsonl BACK.jsonl [--label NAME] [--min-equal N]

Every field rec2newsml carries must come back equal; the fields it does not
carry (docs/newsml.md, "What the round trip does not carry") are left out of
the comparison: quotes. Prints "LABEL: E of N records equal" and, for the
others, the first differing fields. Exits 1 when a record differs or is
missing (or fewer than --min-equal are equal)."""
import json
import sys

NOT_CARRIED = ("quotes",)


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def norm(r):
    r = dict(r)
    for k in NOT_CARRIED:
        r.pop(k, None)
    return r


def diff(a, b, path=""):
    if type(a) != type(b):
        return [f"{path}: {a!r} != {b!r}"]
    if isinstance(a, dict):
        out = []
        for k in sorted(set(a) | set(b)):
            out += diff(a.get(k), b.get(k), f"{path}.{k}")
        return out
    if isinstance(a, list):
        if len(a) != len(b):
            return [f"{path}: {len(a)} items != {len(b)}: {json.dumps(a)[:200]} / {json.dumps(b)[:200]}"]
        out = []
        for i, (x, y) in enumerate(zip(a, b)):
            out += diff(x, y, f"{path}[{i}]")
        return out
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


def main():
    args = sys.argv[1:]
    label, minimum = "records", None
    if "--label" in args:
        i = args.index("--label")
        label = args[i + 1]
        del args[i:i + 2]
    if "--min-equal" in args:
        i = args.index("--min-equal")
        minimum = int(args[i + 1])
        del args[i:i + 2]
    orig, back = load(args[0]), load(args[1])
    by_id = {}
    for r in back:
        by_id.setdefault(r["id"], r)
    equal, bad = 0, []
    for r in orig:
        b = by_id.get(r["id"])
        if b is None:
            bad.append(f"{r['id']}: missing after the round trip")
            continue
        d = diff(norm(r), norm(b))
        if d:
            bad.append(f"{r['id']} ({r['source']['name']}): " + "; ".join(d[:4]))
        else:
            equal += 1
    print(f"{label}: {equal} of {len(orig)} records equal after the round trip")
    for line in bad[:20]:
        print("  DIFF " + line)
    ok = not bad and (minimum is None or equal >= minimum)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

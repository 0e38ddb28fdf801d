#!/usr/bin/env python3
"""Compares records before (release2rec) and after (rec2newsml | newsml2rec).

usage: roundtrip.py ORIGINAL.jsonl BACK.jsonl [--label NAME] [--min-equal N]
                    [--allow-missing]

Every field rec2newsml carries must come back equal. The records are first
normalised the way docs/newsml.md ("Reading NewsML-G2") says the writer
must: characters XML cannot hold, white space, invalid dates and URLs,
quotes the writer cannot place (the others in document order). Prints "LABEL: E of N records equal" and, for the
others, the first differing fields. Exits 1 when a record differs or is
missing (or fewer than --min-equal are equal)."""
import datetime
import json
import re
import sys

NOT_CARRIED = ()


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


XML_OK = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ABS_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S")


def clean(v):
    """What NewsML can hold: XML characters (others become U+FFFD), white
    space collapsed (docs/newsml.md)."""
    if isinstance(v, str):
        return " ".join(XML_OK.sub("\ufffd", v).split())
    if isinstance(v, list):
        return [clean(x) for x in v]
    if isinstance(v, dict):
        return {k: clean(x) for k, x in v.items()}
    return v


def valid_date(d):
    if not isinstance(d, str) or not DATE.match(d):
        return False
    try:
        datetime.date(int(d[:4]), int(d[5:7]), int(d[8:]))
        return True
    except ValueError:
        return False


def norm(r):
    """The record as NewsML carries it: absent fields at their defaults and
    the documented normalisations of the writer applied."""
    r = clean(json.loads(json.dumps(r)))
    for k in NOT_CARRIED + ("record",):
        r.pop(k, None)
    src = r.setdefault("source", {})
    src["format"] = src.get("format") or "text"
    for k in ("url", "issuer", "language", "genre", "headline", "subheadline"):
        r[k] = r.get(k) or None
    for k in ("sections", "body", "participants", "organizations", "places", "works",
              "contacts", "warnings"):
        r[k] = r.get(k) or []
    r["sections"] = [x for x in r["sections"] if x]
    r["warnings"] = [x for x in r["warnings"] if x]
    dl = r.get("dateline") or {}
    r["dateline"] = {k: (dl.get(k) or None) for k in ("text", "place", "date")}
    if not valid_date(r["dateline"]["date"]):
        r["dateline"]["date"] = None
    if r["url"] and not ABS_URI.match(r["url"]):
        r["url"] = None
    if r["url"]:  # as an xs:anyURI: bytes a URI cannot hold percent-encoded
        r["url"] = "".join(c if 0x20 < ord(c) < 0x7F and c not in '<>"{}|\\^`' else
                           "".join("%%%02X" % b for b in c.encode()) for c in r["url"])
    if not re.match(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$", r["language"] or ""):
        r["language"] = "en"  # "und" in the item; a record without one reads "en"
    src["bytes"] = src.get("bytes") or 0
    if not any(p.strip() for p in r["body"]):
        r["body"] = []  # no text: no contentSet
    if r["issuer"] and not any(r["issuer"].get(k) for k in ("name", "acronym")):
        r["issuer"] = None
    if r["issuer"] and r["issuer"].get("url") and not ABS_URI.match(r["issuer"]["url"]):
        r["issuer"]["url"] = None
    n = len(r["body"])
    for key in ("participants", "organizations", "places"):
        for e in r[key]:
            e["mentions"] = sorted({m for m in e.get("mentions") or [] if 0 <= m < n})
    for key, fields in (("participants", ("name", "aliases", "honorific", "given_name",
                         "family_name", "role", "organization", "organization_id")),
                        ("organizations", ("name", "acronym")),
                        ("places", ("name", "country", "kind"))):
        for e in r[key]:
            for f in fields:
                e[f] = e.get(f) if e.get(f) not in ("", []) else ([] if f == "aliases" else None)
    for e in r["places"]:
        if e["country"] and re.match(r"^[A-Za-z]{2}$", e["country"]):
            e["country"] = e["country"].upper()
    # quotes: carried as XHTML q elements where the paragraph holds the text,
    # not overlapping an earlier one; read back in document order
    pids = {p.get("id") for p in r["participants"]}
    placed = []
    for q in r.get("quotes") or []:
        t, par = q.get("text") or "", q.get("paragraph")
        if not t or not isinstance(par, int) or not 0 <= par < n or not r["body"]:
            continue
        at = r["body"][par].find(t)
        if at < 0 or any(p == par and at < s + len(u) and s < at + len(t) for p, s, u, _ in placed):
            continue
        placed.append((par, at, t, q.get("participant") if q.get("participant") in pids else None))
    r["quotes"] = [{"participant": who, "text": t, "paragraph": par}
                   for par, at, t, who in sorted(placed, key=lambda x: (x[0], x[1]))]
    r["contacts"] = [c for c in r["contacts"] if c.get("name") or c.get("email") or c.get("phone")]
    for c in r["contacts"]:
        for f in ("participant", "name", "organization", "email", "phone"):
            c[f] = c.get(f) or None
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
    allow_missing = "--allow-missing" in args
    if allow_missing:
        args.remove("--allow-missing")
    if "--min-equal" in args:
        i = args.index("--min-equal")
        minimum = int(args[i + 1])
        del args[i:i + 2]
    orig, back = load(args[0]), load(args[1])
    by_id = {}  # records of the same id (the same bytes) in order
    for r in back:
        by_id.setdefault(r["id"], []).append(r)
    equal, bad, missing = 0, [], 0
    for r in orig:
        same = by_id.get(r["id"])
        # records of one id (same bytes) may come back in another order
        # (--split keeps both files under new names): take an equal one first
        pick = next((i for i, x in enumerate(same or []) if not diff(norm(r), norm(x))), 0)
        b = same.pop(pick) if same else None
        if b is None:
            missing += 1
            if not allow_missing:
                bad.append(f"{r['id']}: missing after the round trip")
            continue
        d = diff(norm(r), norm(b))
        if d:
            bad.append(f"{r['id']} ({(r.get('source') or {}).get('name')}): " + "; ".join(d[:4]))
        else:
            equal += 1
    print(f"{label}: {equal} of {len(orig)} records equal after the round trip"
          + (f" ({missing} rejected by rec2newsml, see its messages)" if missing else ""))
    for line in bad[:20]:
        print("  DIFF " + line)
    ok = not bad and (minimum is None or equal >= minimum)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

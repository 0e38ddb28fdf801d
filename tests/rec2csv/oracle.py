"""Independent model of rec2csv's tables, for the tests: the rows a record
should give, computed from the JSON with Python's json module (not from
rec2csv's code). Column names and defaults follow docs/csv.md."""

import json

def _basename(name):
    """rec2csv's default --source-name basename: no directories; URLs and
    "-" as given."""
    if not name or "://" in name:
        return name
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base or name

RELEASE = {
    "release_id": lambda r: r.get("id"),
    "release_date": lambda r: (r.get("dateline") or {}).get("date"),
    "dateline_place": lambda r: (r.get("dateline") or {}).get("place"),
    "headline": lambda r: r.get("headline"),
    "source_name": lambda r: _basename((r.get("source") or {}).get("name")),
    "release_url": lambda r: r.get("url"),
    "issuer_name": lambda r: (r.get("issuer") or {}).get("name"),
    "language": lambda r: r.get("language"),
}


def _count(key):
    return lambda r, x: str(len(x.get(key) or []))


def _speaker(r, q):
    for p in r.get("participants") or []:
        if q.get("participant") is not None and p.get("id") == q.get("participant"):
            return p.get("name")
    return None


TABLES = {
    "participants": ("participants", {
        "participant_id": lambda r, x: x.get("id"),
        "name": lambda r, x: x.get("name"),
        "honorific": lambda r, x: x.get("honorific"),
        "given_name": lambda r, x: x.get("given_name"),
        "family_name": lambda r, x: x.get("family_name"),
        "role": lambda r, x: x.get("role"),
        "organization": lambda r, x: x.get("organization"),
        "aliases": lambda r, x: " | ".join(x.get("aliases") or []),
        "mention_count": _count("mentions"),
    }, "release_id,release_date,dateline_place,headline,participant_id,name,honorific,"
       "given_name,family_name,role,organization,aliases,mention_count,source_name"),
    "organizations": ("organizations", {
        "organization_id": lambda r, x: x.get("id"),
        "name": lambda r, x: x.get("name"),
        "acronym": lambda r, x: x.get("acronym"),
        "mention_count": _count("mentions"),
    }, "release_id,release_date,organization_id,name,acronym,mention_count,source_name"),
    "places": ("places", {
        "place_id": lambda r, x: x.get("id"),
        "name": lambda r, x: x.get("name"),
        "country": lambda r, x: x.get("country"),
        "mention_count": _count("mentions"),
    }, "release_id,release_date,place_id,name,country,mention_count,source_name"),
    "quotes": ("quotes", {
        "participant_id": lambda r, x: x.get("participant"),
        "participant_name": _speaker,
        "paragraph": lambda r, x: None if x.get("paragraph") is None else str(x["paragraph"]),
        "text": lambda r, x: x.get("text"),
    }, "release_id,release_date,participant_id,participant_name,paragraph,text,source_name"),
    "contacts": ("contacts", {
        "name": lambda r, x: x.get("name"),
        "organization": lambda r, x: x.get("organization"),
        "email": lambda r, x: x.get("email"),
        "phone": lambda r, x: x.get("phone"),
    }, "release_id,release_date,name,organization,email,phone,source_name"),
}


def default_columns(table):
    return TABLES[table][2].split(",")


def inert(v):
    """OWASP CSV-injection guard as docs/csv.md states it."""
    if v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        v = "'" + v
    return "".join("\ufffd" if ord(c) < 0x20 and c not in "\t\n\r" else c for c in v)


def rows(record, table, columns, raw):
    key, cols, _ = TABLES[table]
    out = []
    for x in record.get(key) or []:
        row = []
        for c in columns:
            v = cols[c](record, x) if c in cols else RELEASE[c](record)
            v = "" if v is None else v
            row.append(v if raw else inert(v))
        out.append(row)
    return out


def _valid(r):
    """Roughly what rec2csv's reader refuses: names that are not strings."""
    for key in ("participants", "organizations", "places"):
        for x in r.get(key) or []:
            if not isinstance(x, dict) or not isinstance(x.get("name"), str):
                return False
    return True


def records(path):
    """The good records of a JSON Lines file (bad lines skipped, as rec2csv does)."""
    got = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except ValueError:
                continue
            if isinstance(r, dict) and r.get("record") in ("release/1", "release/1.1") and _valid(r):
                got.append(r)
    return got

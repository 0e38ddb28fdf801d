#!/usr/bin/env python3
"""Runs the rule-level spec of tests/spec/entities.txt through release2rec.

Each example is a block:

    ## RULE-ID: what the rule reads
    > a paragraph of an invented release (several '>' lines: several paragraphs)
    people: Name [| role [| organisation]] ; Name ...
    not-people: Phrase ; Phrase
    orgs: Name ; Name
    not-orgs: Name
    places: Name [| kind [| CC]] ; ...
    links: Name -> Organisation   (the participant's organization_id names it)

The paragraphs become the body of a release headed "Spec example". Every
listed expectation must hold in release2rec's record (people by exact name,
organisations by name or acronym, places by name); other entities may
appear. Prints one line per failed check and 'N passed, N failed'.

usage: spec.py RELEASE2REC SPECFILE
"""
import json
import os
import subprocess
import sys
import tempfile


def parse(path):
    blocks, cur = [], None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("## "):
                cur = {"id": line[3:].strip(), "line": n, "paras": [], "checks": []}
                blocks.append(cur)
            elif cur is None or not line.strip() or line.startswith("#"):
                continue
            elif line.startswith(">"):
                cur["paras"].append(line[1:].strip())
            else:
                key, _, val = line.partition(":")
                cur["checks"].append((key.strip(), [v.strip() for v in val.split(";") if v.strip()]))
    return blocks


def run(binary, paras):
    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, "example.txt")
        with open(p, "w", encoding="utf-8") as f:
            f.write("Spec example\n\n" + "\n\n".join(paras) + "\n")
        r = subprocess.run([binary, p], capture_output=True, text=True, timeout=60)
        if r.returncode != 0:
            raise RuntimeError("release2rec exit %d: %s" % (r.returncode, r.stderr.strip()))
        return json.loads(r.stdout)


def check(rec, key, vals):
    people = {p["name"]: p for p in rec.get("participants") or []}
    orgs = rec.get("organizations") or []
    onames = {o["name"] for o in orgs} | {o["acronym"] for o in orgs if o.get("acronym")}
    places = {p["name"]: p for p in rec.get("places") or []}
    bad = []
    for v in vals:
        f = [x.strip() for x in v.split("|")]
        if key == "people":
            p = people.get(f[0])
            if not p:
                bad.append("person %r not found (people: %s)" % (f[0], sorted(people)))
            elif len(f) > 1 and f[1] and (p.get("role") or "") != f[1]:
                bad.append("%r: role %r, want %r" % (f[0], p.get("role"), f[1]))
            elif len(f) > 2 and f[2] and (p.get("organization") or "") != f[2]:
                bad.append("%r: organisation %r, want %r" % (f[0], p.get("organization"), f[2]))
        elif key == "not-people":
            if f[0] in people:
                bad.append("%r read as a person" % f[0])
        elif key == "orgs":
            if f[0] not in onames:
                bad.append("organisation %r not found (orgs: %s)" % (f[0], sorted(onames)))
        elif key == "not-orgs":
            if f[0] in onames:
                bad.append("%r read as an organisation" % f[0])
        elif key == "places":
            p = places.get(f[0])
            if not p:
                bad.append("place %r not found (places: %s)" % (f[0], sorted(places)))
            elif len(f) > 1 and f[1] and p.get("kind") != f[1]:
                bad.append("%r: kind %r, want %r" % (f[0], p.get("kind"), f[1]))
            elif len(f) > 2 and f[2] and p.get("country") != f[2]:
                bad.append("%r: country %r, want %r" % (f[0], p.get("country"), f[2]))
        elif key == "links":
            name, _, org = v.partition("->")
            p = people.get(name.strip())
            o = [x for x in orgs if x["id"] == (p or {}).get("organization_id")]
            if not p or not o or org.strip() not in (o[0]["name"], o[0].get("acronym")):
                bad.append("%r not linked to %r" % (name.strip(), org.strip()))
        else:
            bad.append("unknown check %r" % key)
    return bad


def main():
    binary, spec = sys.argv[1], sys.argv[2]
    passed = failed = 0
    for b in parse(spec):
        try:
            rec = run(binary, b["paras"])
            bad = [m for k, v in b["checks"] for m in check(rec, k, v)]
        except Exception as e:  # a crash fails the example, not the run
            bad = [str(e)]
        if not b["checks"]:
            bad = ["no expectation"]
        if bad:
            failed += 1
            for m in bad:
                print("%s:%d: %s: %s" % (spec, b["line"], b["id"], m))
        else:
            passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())

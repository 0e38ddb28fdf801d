#!/usr/bin/env python3
"""run_structure.py - runs the examples of tests/spec/structure.txt.

The spec file is in the style of cmark's spec.txt: prose, and examples
fenced by a line of 32 backquotes followed by "example". Inside a fence,
the input text comes first, then a line holding a single ".", then the
expected fields, one "name: value" a line:

  headline: TEXT | null          subheadline: TEXT | null
  genre: TEXT | null             sections: A | B | ...   (or "[]")
  dateline.text / dateline.place / dateline.date: TEXT | null
  body: N                        (number of paragraphs)
  body[I]: TEXT                  (one paragraph, I from 0; -1 the last)
  participant: NAME              (a participant of that name)
  participant: NAME / ROLE       (... with that role)
  no-participant: NAME           (no participant of that name)

"→" in the input stands for a tab. Each example is converted by release2rec
(with the language pack) and, with line_account, checked for the
line-accounting invariant. Prints one line per failure and a summary;
exits 1 when an example fails.

usage: run_structure.py SPEC RELEASE2REC LINE_ACCOUNT [DATADIR]
"""
import json
import os
import subprocess
import sys
import tempfile

FENCE = "`" * 32


def examples(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    i, n = 0, 0
    heading = ""
    while i < len(lines):
        if lines[i].startswith("#"):
            heading = lines[i].lstrip("# ").strip()
        if lines[i].strip() == FENCE + " example":
            n += 1
            start = i + 1
            j = start
            while lines[j].strip() != FENCE:
                j += 1
            body = lines[start:j]
            dot = body.index(".")
            yield n, start + 1, heading, "\n".join(body[:dot]).replace("→", "\t") + "\n", body[dot + 1:]
            i = j
        i += 1


def field(rec, name):
    if name.startswith("dateline."):
        return (rec.get("dateline") or {}).get(name.split(".", 1)[1])
    return rec.get(name)


def check(rec, want):
    errs = []
    for line in want:
        if not line.strip():
            continue
        name, _, val = line.partition(": ")
        name = name.strip()
        val = val.strip()
        if name in ("headline", "subheadline", "genre", "dateline.text", "dateline.place", "dateline.date"):
            got = field(rec, name)
            exp = None if val == "null" else val
            if got != exp:
                errs.append("%s: got %r, want %r" % (name, got, exp))
        elif name == "sections":
            exp = [] if val == "[]" else [x.strip() for x in val.split(" | ")]
            if rec.get("sections") != exp:
                errs.append("sections: got %r, want %r" % (rec.get("sections"), exp))
        elif name == "body":
            if len(rec.get("body") or []) != int(val):
                errs.append("body: got %d paragraphs %r, want %s" % (len(rec["body"]), rec["body"], val))
        elif name.startswith("body["):
            k = int(name[5:-1])
            b = rec.get("body") or []
            got = b[k] if -len(b) <= k < len(b) else None
            if got != val:
                errs.append("%s: got %r, want %r" % (name, got, val))
        elif name in ("participant", "no-participant"):
            pname, _, role = val.partition(" / ")
            ps = [p for p in rec.get("participants") or [] if p.get("name") == pname]
            if name == "no-participant":
                if ps:
                    errs.append("participant %r should not be there" % pname)
            elif not ps:
                errs.append("no participant %r among %r" % (
                    pname, [p.get("name") for p in rec.get("participants") or []]))
            elif role and ps[0].get("role") != role:
                errs.append("participant %r: role %r, want %r" % (pname, ps[0].get("role"), role))
        else:
            errs.append("unknown field %r in the spec" % name)
    return errs


def main():
    spec, r2r, acct = sys.argv[1:4]
    env = dict(os.environ)
    if len(sys.argv) > 4:
        env["PRESSPIPE_DATADIR"] = sys.argv[4]
    total = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n, lineno, heading, text, want in examples(spec):
            total += 1
            path = os.path.join(tmp, "example-%d.txt" % n)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            out = subprocess.run([r2r, path], capture_output=True, text=True, env=env)
            if out.returncode != 0:
                failed += 1
                print("example %d (line %d, %s): release2rec exited %d: %s" % (
                    n, lineno, heading, out.returncode, out.stderr.strip()))
                continue
            errs = check(json.loads(out.stdout), want)
            acc = subprocess.run([acct, path], capture_output=True, text=True, env=env)
            if acc.returncode != 0:
                errs.append("line accounting: %s %s" % (acc.stdout.strip(), acc.stderr.strip()))
            if errs:
                failed += 1
                for e in errs:
                    print("example %d (line %d, %s): %s" % (n, lineno, heading, e))
    print("structure spec: %d examples, %d passed, %d failed" % (total, total - failed, failed))
    if total == 0:
        print("no examples found")
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

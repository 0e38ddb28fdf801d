#!/usr/bin/env python3
"""Validate JSON Lines records against docs/record.schema.json (draft 2020-12).

usage: check-schema.py SCHEMA FILE.jsonl...
Prints one line per invalid record (FILE:LINE: path: message) and a closing
"N passed, N failed" line; exits 1 when any record is invalid, 2 when the
jsonschema module is missing.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("check-schema: the Python module jsonschema is missing "
          "(Debian: apt-get install python3-jsonschema)", file=sys.stderr)
    sys.exit(2)


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    passed = failed = 0
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                errors = list(validator.iter_errors(json.loads(line)))
                # every body index a record points at must exist
                rec = json.loads(line)
                nbody = len(rec.get("body") or [])
                for kind in ("participants", "organizations", "places"):
                    for item in rec.get(kind) or []:
                        for m in item.get("mentions") or []:
                            if m >= nbody:
                                errors.append(f"{kind} mention {m} beyond body ({nbody})")
                ids = [p.get("id") for p in rec.get("participants") or []]
                if len(ids) != len(set(ids)):
                    errors.append("participant ids are not unique")
                for q in rec.get("quotes") or []:
                    if q.get("participant") is not None and q["participant"] not in ids:
                        errors.append(f"quote names unknown participant {q['participant']}")
                if errors:
                    failed += 1
                    for e in errors:
                        where = "/".join(str(x) for x in getattr(e, "absolute_path", []))
                        msg = getattr(e, "message", e)
                        print(f"{path}:{n}: {where or '(record)'}: {msg}")
                else:
                    passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())

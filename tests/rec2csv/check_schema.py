"""check_schema.py SCHEMA [CSV...]

Checks that SCHEMA is JSON and a well-formed Frictionless Table Schema (v1:
fields with unique names, known types and formats, well-typed constraints;
missingValues; primaryKey naming fields), then validates each CSV (rec2csv
output with a header row) against it: header equals the field names, every
value fits its field (type, format, required, minimum, pattern), primary
keys unique. Prints what it checked; exits 1 on the first problem."""

import csv
import datetime
import json
import re
import sys

TYPES = {
    "string": {"default", "email", "uri", "binary", "uuid"},
    "integer": {"default"}, "number": {"default"}, "boolean": {"default"},
    "date": {"default", "any"}, "datetime": {"default", "any"}, "time": {"default", "any"},
    "year": {"default"}, "yearmonth": {"default"}, "duration": {"default"},
    "object": {"default"}, "array": {"default"}, "geopoint": {"default", "array", "object"},
    "geojson": {"default", "topojson"}, "any": {"default"},
}
CONSTRAINTS = {"required": bool, "unique": bool, "minLength": int, "maxLength": int,
               "minimum": (int, float, str), "maximum": (int, float, str),
               "pattern": str, "enum": list}
NAME = re.compile(r"[a-z][a-z0-9_]*")


def fail(msg):
    sys.exit("%s: %s" % (sys.argv[1], msg))


with open(sys.argv[1], encoding="utf-8") as f:
    try:
        schema = json.load(f)
    except ValueError as e:
        fail("not JSON: %s" % e)
if not isinstance(schema, dict):
    fail("not an object")
for k in ("title", "description"):
    if k in schema and not isinstance(schema[k], str):
        fail("%s is not a string" % k)
fields = schema.get("fields")
if not isinstance(fields, list) or not fields:
    fail("no fields")
names = []
for i, fd in enumerate(fields):
    if not isinstance(fd, dict):
        fail("fields[%d] is not an object" % i)
    name = fd.get("name")
    if not isinstance(name, str) or not NAME.fullmatch(name):
        fail("fields[%d] name %r is not ASCII snake_case" % (i, name))
    if name in names:
        fail("field %s twice" % name)
    names.append(name)
    t = fd.get("type", "string")
    if t not in TYPES:
        fail("field %s: unknown type %r" % (name, t))
    if fd.get("format", "default") not in TYPES[t]:
        fail("field %s: format %r is not one of %s's" % (name, fd.get("format"), t))
    if not isinstance(fd.get("description"), str) or not fd["description"]:
        fail("field %s has no description" % name)
    c = fd.get("constraints", {})
    if not isinstance(c, dict):
        fail("field %s: constraints is not an object" % name)
    for k, v in c.items():
        if k not in CONSTRAINTS or not isinstance(v, CONSTRAINTS[k]):
            fail("field %s: bad constraint %s=%r" % (name, k, v))
        if k == "pattern":
            re.compile(v)
mv = schema.get("missingValues", [""])
if not isinstance(mv, list) or not all(isinstance(x, str) for x in mv):
    fail("missingValues is not a list of strings")
pk = schema.get("primaryKey", [])
if isinstance(pk, str):
    pk = [pk]
if not isinstance(pk, list) or any(k not in names for k in pk):
    fail("primaryKey %r does not name fields" % (pk,))
print("%s: Table Schema with %d fields%s" % (sys.argv[1], len(names), ", primary key " + "+".join(pk) if pk else ""))


def check_value(fd, v, where):
    c = fd.get("constraints", {})
    if v in mv:
        if c.get("required"):
            sys.exit("%s: %s is required" % (where, fd["name"]))
        return
    t, fmt = fd.get("type", "string"), fd.get("format", "default")
    if t == "integer":
        if not re.fullmatch(r"[+-]?[0-9]+", v):
            sys.exit("%s: %s=%r is not an integer" % (where, fd["name"], v))
        if "minimum" in c and int(v) < int(c["minimum"]):
            sys.exit("%s: %s=%r below the minimum" % (where, fd["name"], v))
    elif t == "date":
        try:
            if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", v):
                raise ValueError
            datetime.date.fromisoformat(v)
        except ValueError:
            sys.exit("%s: %s=%r is not a date" % (where, fd["name"], v))
    if fmt == "email" and not re.fullmatch(r"[^@\s]+@[^@\s]+", v):
        sys.exit("%s: %s=%r is not an e-mail address" % (where, fd["name"], v))
    if fmt == "uri" and not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:\S+", v):
        sys.exit("%s: %s=%r is not a URI" % (where, fd["name"], v))
    if "pattern" in c and not re.fullmatch(c["pattern"], v):
        sys.exit("%s: %s=%r does not match %s" % (where, fd["name"], v, c["pattern"]))


for path in sys.argv[2:]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, strict=True))
    if not rows or rows[0] != names:
        sys.exit("%s: header %r is not the schema's fields %r" % (path, rows[:1], names))
    keys = set()
    for n, row in enumerate(rows[1:], 2):
        where = "%s row %d" % (path, n)
        if len(row) != len(names):
            sys.exit("%s: %d fields, want %d" % (where, len(row), len(names)))
        for fd, v in zip(fields, row):
            check_value(fd, v, where)
        if pk:
            key = tuple(row[names.index(k)] for k in pk)
            if key in keys:
                sys.exit("%s: primary key %r repeated" % (where, key))
            keys.add(key)
    print("%s: %d rows valid" % (path, len(rows) - 1))

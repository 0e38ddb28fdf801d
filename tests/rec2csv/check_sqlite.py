"""check_sqlite.py JSONL DB TABLE [--raw] [--table T] [--columns LIST]

Compares the SQLite table TABLE (made by sqlite3 .import --csv from
rec2csv's output for JSONL) with the rows the oracle expects: the same
columns, one row per item in stream order, every value equal. Reads the
table with the sqlite3 command-line shell (.mode json), not Python's
sqlite3 module. Prints what it checked; exits 1 on a difference."""

import argparse
import json
import os
import subprocess
import sys

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("jsonl")
ap.add_argument("db")
ap.add_argument("name")
ap.add_argument("--table", default="participants")
ap.add_argument("--columns")
ap.add_argument("--raw", action="store_true")
a = ap.parse_args()

cols = a.columns.split(",") if a.columns else oracle.default_columns(a.table)
want = []
for r in oracle.records(a.jsonl):
    want.extend(oracle.rows(r, a.table, cols, a.raw))


def query(sql):
    out = subprocess.run(["sqlite3", a.db, ".mode json", sql], check=True,
                         capture_output=True).stdout.decode("utf-8")
    return json.loads(out) if out.strip() else []


names = [c["name"] for c in query("SELECT name FROM pragma_table_info('%s') ORDER BY cid" % a.name)]
if names != cols:
    sys.exit("columns %r, want %r" % (names, cols))
got = query('SELECT * FROM "%s" ORDER BY rowid' % a.name)
if len(got) != len(want):
    sys.exit("%d rows in SQLite, want %d" % (len(got), len(want)))
for i, (g, w) in enumerate(zip(got, want)):
    gv = [str(v) if v is not None else None for v in g.values()]
    if gv != w:
        for c, x, y in zip(cols, gv, w):
            if x != y:
                sys.exit("row %d column %s: SQLite has %r, want %r" % (i + 1, c, x, y))
print("%s: %d rows x %d columns equal in SQLite" % (a.name, len(got), len(cols)))

"""check_csv.py JSONL CSV [--table T] [--columns LIST] [--raw] [--no-header] [--bom]

Reads CSV (rec2csv's output for JSONL with those options) with Python's csv
module and checks every field against the oracle, plus the RFC 4180 shape:
CRLF after every row, no BOM unless --bom. Prints "N rows, M fields checked"
and exits 1 on the first difference."""

import argparse
import csv
import io
import os
import sys

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("jsonl")
ap.add_argument("csv")
ap.add_argument("--table", default="participants")
ap.add_argument("--columns")
ap.add_argument("--raw", action="store_true")
ap.add_argument("--no-header", action="store_true")
ap.add_argument("--bom", action="store_true")
a = ap.parse_args()

cols = a.columns.split(",") if a.columns else oracle.default_columns(a.table)
want = [] if a.no_header else [cols]
for r in oracle.records(a.jsonl):
    want.extend(oracle.rows(r, a.table, cols, a.raw))

data = open(a.csv, "rb").read()
bom = data.startswith(b"\xef\xbb\xbf")
if bom != a.bom:
    sys.exit("BOM is %s, want %s" % (bom, a.bom))
if want and not data.endswith(b"\r\n"):
    sys.exit("the last row does not end with CRLF")
text = data.decode("utf-8")
if bom:
    text = text[1:]
got = list(csv.reader(io.StringIO(text, newline=""), strict=True))
fields = 0
for i, (g, w) in enumerate(zip(got, want)):
    if g != w:
        for j, (gf, wf) in enumerate(zip(g, w)):
            if gf != wf:
                sys.exit("row %d field %d (%s): got %r, want %r" % (i, j, cols[j] if j < len(cols) else "?", gf, wf))
        sys.exit("row %d has %d fields, want %d" % (i, len(g), len(w)))
    fields += len(g)
if len(got) != len(want):
    sys.exit("%d rows, want %d" % (len(got), len(want)))
# Every row, the last included, ends with CRLF: as many CRLFs outside
# quoted fields as rows. Re-encoding with the csv module's own writer
# (QUOTE_MINIMAL, CRLF) must give the same bytes, so no line break is bare.
buf = io.StringIO(newline="")
csv.writer(buf, lineterminator="\r\n").writerows(got)
expect = buf.getvalue()
if text != expect:
    sys.exit("bytes differ from Python's csv writer (QUOTE_MINIMAL, CRLF)")
print("%d rows, %d fields checked" % (len(got), fields))

#!/usr/bin/env python3
"""check_dir.py DIR: every visible file of DIR must parse completely (.xml
as XML, .jsonld as JSON, .html as a JSON-LD script block). Prints
"FILES parsed, TMP temporary" and lists each broken file; exit 1 when one
is broken or a file of another kind is there. Temporary files
(.pp-split-*.tmp) are counted, not parsed."""
import json
import os
import sys
import xml.etree.ElementTree as ET

d = sys.argv[1]
bad, ok, tmp = [], 0, 0
for name in sorted(os.listdir(d)):
    p = os.path.join(d, name)
    if name.startswith(".pp-split-") and name.endswith(".tmp"):
        tmp += 1
        continue
    try:
        if os.path.islink(p) or not os.path.isfile(p):
            raise ValueError("not a regular file")
        with open(p, "rb") as f:
            data = f.read()
        if name.endswith(".xml"):
            root = ET.fromstring(data)
            if not root.tag.endswith("newsItem"):
                raise ValueError("root is " + root.tag)
        elif name.endswith(".jsonld"):
            doc = json.loads(data)
            if "@graph" not in doc:
                raise ValueError("no @graph")
        elif name.endswith(".html"):
            text = data.decode("utf-8")
            head, tail = '<script type="application/ld+json">\n', "</script>\n"
            if not (text.startswith(head) and text.endswith(tail)):
                raise ValueError("not one whole script block")
            json.loads(text[len(head):-len(tail)].replace("<\\/", "</"))
        else:
            raise ValueError("unexpected file")
        ok += 1
    except Exception as ex:  # noqa: BLE001 - every failure is a finding
        bad.append("%s: %s (%d bytes)" % (name, ex, os.path.getsize(p) if os.path.exists(p) else -1))
print("%d parsed, %d temporary" % (ok, tmp))
for b in bad[:20]:
    print("BROKEN " + b)
sys.exit(1 if bad else 0)

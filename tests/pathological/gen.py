#!/usr/bin/env python3
"""tests/pathological/gen.py - writes one hostile input to stdout.

usage: gen.py CASE N [M]

Records (one JSON line, release/1.1):
  namesakes N      N participants who all bear the same name (rec2newsml
                   mints a QCode per person: pp-person:ann-lee, -2, -3, ...)
  participants N   N participants of distinct names (rec2jsonld mentions)
  mentions N       one participant mentioned in each of N paragraphs
  mentions-desc N  the same, mentions listed in descending order (against
                   the contract, as a hostile producer may write them)
  quotes N M       N quotes, each by one of M participants (rec2csv quotes)
Releases (plain text):
  orgs N           N paragraphs, each naming a different organisation
  release BYTES    about BYTES of varied release text (people, places,
                   organisations, quotes, short lines)
Every name is invented; the numbers make them distinct.
"""
import json
import sys


def word(i, suffix=""):
    """A capitalised invented word, distinct for each i >= 0."""
    s = ""
    while True:
        s += chr(97 + i % 26)
        i //= 26
        if i == 0:
            break
    return s.capitalize() + suffix


def record(**fields):
    r = {"record": "release/1.1", "id": "pr-pathological", "headline": "A hostile record",
         "body": ["One paragraph."], "participants": [], "organizations": [], "places": []}
    r.update(fields)
    return r


def emit(r):
    sys.stdout.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


def main():
    case, n = sys.argv[1], int(sys.argv[2])
    m = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    if case == "namesakes":
        emit(record(body=["Ann Lee spoke."],
                    participants=[{"name": "Ann Lee"} for i in range(n)]))
    elif case == "participants":
        emit(record(body=["Many people spoke."],
                    participants=[{"id": "p%d" % (i + 1), "name": word(i, "son") + " " + word(i + 7),
                                   "mentions": [0]} for i in range(n)]))
    elif case in ("mentions", "mentions-desc"):
        ms = list(range(n))
        if case == "mentions-desc":
            ms.reverse()
        emit(record(body=["Ann Lee, paragraph %d." % i for i in range(n)],
                    participants=[{"id": "p1", "name": "Ann Lee", "mentions": ms}]))
    elif case == "quotes":
        emit(record(body=["Quotes follow."],
                    participants=[{"id": "p%d" % (i + 1), "name": word(i, "son") + " " + word(i + 7)}
                                  for i in range(m)],
                    # quote k is by the participant counted from the end, so
                    # a scan from the start is slowest
                    quotes=[{"participant": "p%d" % (m - k % m), "text": "Words %d." % k,
                             "paragraph": 0} for k in range(n)]))
    elif case == "orgs":
        out = ["Organisations Everywhere", ""]
        for i in range(n):
            out.append("The %s Institute of Water Research signed the agreement with its partners "
                       "on Monday, a spokesperson said in a statement." % word(i + 1000, "ton"))
            out.append("")
        sys.stdout.write("\n".join(out) + "\n")
    elif case in ("people", "places", "paras", "quoted", "shortlines"):
        out = ["Many Of One Kind In One Release", "", "PORTVILLE, 2 May 2024 – The day began early.", ""]
        for i in range(n):
            a, b = word(i + 700, "son"), word(i * 7 + 30000)
            if case == "people":
                out += ["Ms. %s %s, director of the unit, spoke to the visitors on Monday." % (b, a), ""]
            elif case == "places":
                out += ["The delegation travelled on from %sville to %s Harbour by train." % (b, a), ""]
            elif case == "paras":
                out += ["The works went on for another day and the crews stayed on site.", ""]
            elif case == "quoted":
                out += ["\u201cWe shall go on with item %d,\u201d said Ms. %s %s." % (i, b, a), ""]
            else:
                out.append("Item %d" % i)
        sys.stdout.write("\n".join(out) + "\n")
    elif case in ("longpara", "hugepara"):
        # longpara: paragraphs of N bytes; hugepara: one paragraph of N
        # bytes of ordinary sentences naming people and bodies
        out = ["One Very Long Paragraph", ""]
        para, i, size = [], 0, 0
        while size < n:
            s = "Dr. %s %s of the %s Agency met officials in %s Bay. " % (
                word(i * 7 + 30000), word(i + 700, "son"), word(i + 5000), word(i + 90))
            para.append(s)
            size += len(s)
            i += 1
            if case == "longpara" and size >= 20000 * len(out):
                out += ["".join(para).strip(), ""]
                para = []
        if para:
            out += ["".join(para).strip(), ""]
        sys.stdout.write("\n".join(out) + "\n")
    elif case == "release":
        out = ["Harbour Works Begin Across The Region", "", "PORTVILLE, 2 May 2024 – The works began.", ""]
        size, i = 0, 0
        while size < n:
            a, b, c = word(i + 700, "son"), word(i * 7 + 30000), word(i + 5000)
            k = i % 5
            if k == 0:
                p = "Dr. %s %s, Director of the %s Institute, said: \u201cWe are ready.\u201d" % (b, a, c)
            elif k == 1:
                p = "The %s Agency and the %s Council met in %sville on Monday." % (c, b, c)
            elif k == 2:
                p = "Ms. %s %s of the %s Foundation visited %s Bay." % (b, a, c, b)
            elif k == 3:
                p = "Item %d of the schedule\nRoom %d\nSpeaker %s" % (i, i, a)
            else:
                p = "The %s Authority (%sA) said the works in %s will last a year." % (c, c[:2].upper(), b)
            out.append(p)
            out.append("")
            size += len(p.encode()) + 2
            i += 1
        sys.stdout.write("\n".join(out) + "\n")
    else:
        sys.exit("gen.py: unknown case " + case)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Regenerates data/en/given-names.txt and data/en/family-names.txt: given and
family names of many cultures, as evidence that a capitalised phrase is a
person's name (and that a phrase of ordinary words is not).

Source: the per-locale person name lists (person.first_name, person.last_name)
of the npm package @faker-js/faker (MIT licence; version in FAKER_VERSION).
The package is fetched with `npm pack` into a temporary folder and its locale
modules are read with node. Locales written in Latin script are taken as they
are; Cyrillic (ru, uk, mk, sr), Georgian, Armenian and Greek names are also
romanised by simple letter tables (the spelling English text most often
uses); locales whose names need a dictionary to romanise (zh, ja, ko, ar, fa,
he, ...) are left out. Names shorter than two letters are dropped.

usage: python3 data/en/names-gen.py [UNPACKED_FAKER_PACKAGE_DIR]
writes data/en/given-names.txt and data/en/family-names.txt
"""
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

FAKER_VERSION = "10.6.0"
HERE = os.path.dirname(os.path.abspath(__file__))
LATIN = ("af_ZA az cs_CZ cy da de de_AT de_CH en en_AU en_CA en_GB en_GH en_IE "
         "en_IN en_NG en_US en_ZA es es_MX fi fr fr_BE fr_CA fr_CH fr_SN hr hu "
         "id_ID it ku_kmr_latin lv nb_NO nl nl_BE pl pt_BR pt_PT ro ro_MD sk "
         "sl_SI sr_RS_latin sv tr uz_UZ_latin vi yo_NG zu_ZA").split()
ROMANISED = "ru uk mk ka_GE hy el".split()

CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґђјљњћџѓќѕ",
               ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n",
                "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y",
                "", "e", "yu", "ya", "i", "yi", "ye", "g", "dj", "j", "lj", "nj", "c", "dz",
                "gj", "kj", "dz"]))
GEO = dict(zip("აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
               ["a", "b", "g", "d", "e", "v", "z", "t", "i", "k", "l", "m", "n", "o", "p",
                "zh", "r", "s", "t", "u", "p", "k", "gh", "q", "sh", "ch", "ts", "dz", "ts",
                "ch", "kh", "j", "h"]))
ARM = dict(zip("աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ",
               ["a", "b", "g", "d", "e", "z", "e", "y", "t", "zh", "i", "l", "kh", "ts", "k",
                "h", "dz", "gh", "ch", "m", "y", "n", "sh", "o", "ch", "p", "j", "r", "s", "v",
                "t", "r", "ts", "v", "p", "k", "o", "f"]))
GRK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ",
               ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o",
                "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o", "a", "e", "i", "i", "o",
                "y", "o", "i", "y", "i", "y"]))


def romanise(name):
    out = []
    for ch in name:
        lo = ch.lower()
        for table in (CYR, GEO, ARM, GRK):
            if lo in table:
                r = table[lo]
                out.append(r.capitalize() if (ch != lo or not out) and r else r)
                break
        else:
            out.append(ch)
    s = "".join(out)
    return s[:1].upper() + s[1:]


def latin(name):
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


DUMP = r"""
const m = await import(process.argv[1]);
let d = null;
for (const v of Object.values(m)) { const r = v && (v.rawDefinitions || v); if (r && r.person) { d = r; break; } }
const p = d && d.person;
const flat = x => !x ? [] : Array.isArray(x) ? x : Object.values(x).flat();
console.log(JSON.stringify(p ? {given: flat(p.first_name), family: flat(p.last_name)} : {}));
"""


def main():
    pkg = sys.argv[1] if len(sys.argv) > 1 else None
    tmp = None
    if not pkg:
        tmp = tempfile.mkdtemp()
        subprocess.run(["npm", "pack", "--silent", "@faker-js/faker@" + FAKER_VERSION],
                       cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        tgz = [f for f in os.listdir(tmp) if f.endswith(".tgz")][0]
        subprocess.run(["tar", "xzf", tgz], cwd=tmp, check=True)
        pkg = os.path.join(tmp, "package")
    given, family = set(), set()
    for loc in LATIN + ROMANISED:
        path = os.path.join(pkg, "dist", "locale", loc + ".js")
        r = subprocess.run(["node", "--input-type=module", "-e", DUMP, path],
                           check=True, capture_output=True, text=True)
        d = json.loads(r.stdout)
        for kind, dest in (("given", given), ("family", family)):
            for n in d.get(kind, []):
                if not isinstance(n, str):
                    continue
                n = romanise(n) if loc in ROMANISED else n
                n = n.strip()
                if len(n) < 2 or not latin(n) or " " in n:
                    continue
                dest.add(n)
    for fname, names, what in (("given-names.txt", given, "given"),
                               ("family-names.txt", family, "family")):
        with open(os.path.join(HERE, fname), "w", encoding="utf-8") as f:
            f.write("# %s - %s names of many cultures, one a line.\n" % (fname, what))
            f.write("# GENERATED by data/en/names-gen.py from @faker-js/faker %s (MIT);\n"
                    % FAKER_VERSION)
            f.write("# see data/README.md.\n")
            for n in sorted(names):
                f.write(n + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Regenerates data/en/gazetteer.tsv (cities and regions with their country).

Sources, merged in this order (the first entry of a name wins):
  1. data/en/gazetteer-extra.tsv, kept by hand (English exonyms of cities,
     world regions, continents, US state abbreviations);
  2. the cities of GeoNames cities15000 (CC-BY 4.0) as Debian's libgeonames
     carries them (libgeonames-dev: geonames-dump.c is compiled and run),
     less names that are ordinary English words (common-words.txt) and,
     below 150,000 inhabitants, names that are given or family names
     (given-names.txt, family-names.txt); a name with diacritics is also
     listed in plain ASCII letters ("Krakow");
  3. the cities that name time zones in the tz database (tzdata's
     /usr/share/zoneinfo/zone.tab), with the zone's country;
  4. first-level subdivisions of ISO 3166-2 from Debian's iso-codes
     (/usr/share/iso-codes/json/iso_3166-2.json): states, provinces,
     regions, governorates, ... whose names are plain words, minus names
     that are ordinary English words or compass/size words.
Country names themselves are not listed: pp_lang.c reads them from
iso_3166-1.json at run time.

usage: python3 data/en/gazetteer-gen.py > data/en/gazetteer.tsv
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
KEEP_TYPES = {"State", "Province", "Region", "Autonomous region", "Governorate",
              "Land", "Canton", "Republic", "City", "Autonomous city",
              "Autonomous community", "Autonomous province", "Federal district",
              "Capital city", "Capital district", "Administrative region",
              "Autonomous republic", "Oblast", "Country", "Special administrative region"}
# Subdivision names that are ordinary words in English text.
COMMON = set("""
central centre center north south east west northern southern eastern western
upper lower capital coast coastal delta lakes lake plateau mountain mountains
valley islands island river rivers sea ocean bay littoral est ouest nord sud
sud-ouest nord-est nord-ouest sud-est centre-est centre-nord centre-ouest
centre-sud hauts-bassins boucle cascades national federal district city
interior frontier highlands lowlands savannes savanes maritime plateaux
orange victoria grand bar male man mobile nice split sur union unity
liberty independence equator equatoria western-area northern-area
upper-east upper-west oriental occidental atlantique ash lee kent
stanley douglas hamilton charlotte florence regina marion jackson lincoln george
""".split())


def words(name):
    out = set()
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and line.strip():
                out.add(line.strip().casefold())
    return out


def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def geonames():
    """(name, cc, population) of every libgeonames city."""
    tmp = tempfile.mkdtemp()
    exe = os.path.join(tmp, "geonames-dump")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "geonames"], check=True,
                           capture_output=True, text=True).stdout.split()
    subprocess.run(["cc", "-O1", os.path.join(HERE, "geonames-dump.c"), "-o", exe] + flags,
                   check=True)
    out = subprocess.run([exe], check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        name, cc, pop = line.split("\t")
        yield name, cc, int(pop)


def rows():
    seen = set()
    with open(os.path.join(HERE, "gazetteer-extra.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            name, cc, kind = line.split("\t")
            seen.add(name.casefold())
            yield name, cc, kind
    common = words("common-words.txt") | COMMON
    people = words("given-names.txt") | words("family-names.txt")
    for name, cc, pop in sorted(geonames(), key=lambda r: -r[2]):
        if re.search(r"[(),/]|\d", name) or len(name) < 3:
            continue
        for form in dict.fromkeys([name, ascii_fold(name)]):
            key = form.casefold()
            if key in seen or key in common:
                continue
            if pop < 150000 and key in people:
                continue
            seen.add(key)
            yield form, cc, "city"
    try:
        with open("/usr/share/zoneinfo/zone.tab", encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 3:
                    continue
                city = parts[2].split("/")[-1].replace("_", " ")
                if city.casefold() in seen or city.casefold() in COMMON:
                    continue
                seen.add(city.casefold())
                yield city, parts[0], "city"
    except OSError:
        pass
    with open("/usr/share/iso-codes/json/iso_3166-2.json", encoding="utf-8") as f:
        subs = json.load(f)["3166-2"]
    for s in subs:
        if s.get("type") not in KEEP_TYPES or "parent" in s:
            continue
        name = s["name"]
        if re.search(r"[(),/']|\d", name) or len(name.split()) > 3:
            continue
        if name.casefold() in seen or name.casefold() in COMMON or len(name) < 4:
            continue
        seen.add(name.casefold())
        yield name, s["code"][:2], "region"


def main():
    print("# gazetteer.tsv - cities and regions, one a line: NAME<TAB>COUNTRY<TAB>TYPE")
    print("# COUNTRY is ISO 3166-1 alpha-2 or - ; TYPE is city, region, continent or abbr.")
    print("# GENERATED by data/en/gazetteer-gen.py from gazetteer-extra.tsv, GeoNames")
    print("# cities15000 (libgeonames), tzdata's zone.tab and iso-codes' ISO 3166-2")
    print("# subdivisions; see data/README.md.")
    for name, cc, kind in rows():
        print(f"{name}\t{cc}\t{kind}")


if __name__ == "__main__":
    sys.exit(main())

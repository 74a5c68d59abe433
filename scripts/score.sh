#!/usr/bin/env bash
# Scores newsgraph against the shared gold (../shared/eval, not needed to
# build or test): the example article, then the development set as a whole.
# Usage: scripts/score.sh [SHARED_DIR] [-v|--json]   (default ../shared, or $EVAL_DIR)
set -euo pipefail
eval_dir=${EVAL_DIR:-../shared/eval}
if [ $# -gt 0 ] && [ -d "$1" ]; then eval_dir=$(cd "$1/eval" && pwd); shift; fi
cd "$(dirname "$0")/.."
cargo build --release --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pairs=()
for gold in "$eval_dir"/seed/*.gold.json "$eval_dir"/dev/*.gold.json; do
  name=$(basename "$gold" .gold.json)
  date=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1])).get('date') or '')" "$gold")
  args=(extract "${gold%.gold.json}.txt" -o "$tmp/$name.ttl" --quiet)
  [ -n "$date" ] && args+=(--date "$date")
  ./target/release/newsgraph "${args[@]}"
  case "$gold" in
    */seed/*) echo "== example article"; python3 "$eval_dir/score.py" "$@" "$gold" "$tmp/$name.ttl" ;;
    *) pairs+=("$gold" "$tmp/$name.ttl") ;;
  esac
done
echo "== development set"
python3 "$eval_dir/score.py" "$@" "${pairs[@]}"

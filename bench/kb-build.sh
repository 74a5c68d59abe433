#!/bin/sh
# Times `newsgraph kb build` on a synthetic Wikidata dump of N items
# (default 1,000,000; made once by bench/make-dump.py and kept in
# $KB_BENCH_DIR, default /tmp/newsgraph-kb-bench), with 1 and 2 threads,
# under /usr/bin/time -v; then gzip -dc alone, and builds from the
# uncompressed dump (two passes with 1 and 2 threads; standard input, one
# pass).
# Prints items per second, MB/s of JSON, peak memory (max RSS), output size
# and the summary line (bytes held per kept entity, phase times).
set -eu
cd "$(dirname "$0")/.."
N=${1:-1000000}
DIR=${KB_BENCH_DIR:-/tmp/newsgraph-kb-bench}
mkdir -p "$DIR"
DUMP="$DIR/dump-$N.json.gz"
if [ ! -f "$DUMP" ]; then
    echo "making $DUMP"
    python3 bench/make-dump.py "$N" "$DUMP"
fi
cargo build --release --quiet
BIN=target/release/newsgraph

start=$(date +%s.%N)
JSON_BYTES=$(gzip -dc "$DUMP" | wc -c)
end=$(date +%s.%N)
GZ_BYTES=$(stat -c %s "$DUMP")
echo "dump: $N items, $GZ_BYTES bytes gzip, $JSON_BYTES bytes JSON ($(echo "$JSON_BYTES / $GZ_BYTES" | bc -l | cut -c1-4)x)"
echo "floor: gzip -dc | wc -c: $(echo "$end - $start" | bc -l | cut -c1-6) s, $(echo "$JSON_BYTES / ($end - $start) / 1000000" | bc -l | cut -c1-6) MB/s"

report() {
    # $1 label, $2 time -v output, $3 output file, $4 passes over the JSON
    secs=$(grep "Elapsed (wall clock)" "$2" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
    rss=$(grep "Maximum resident set size" "$2" | awk '{print $NF}')
    cpu=$(grep "Percent of CPU" "$2" | awk '{print $NF}')
    size=$(stat -c %s "$3")
    echo "$1: $secs s, $(echo "$N / $secs" | bc -l | cut -d. -f1) items/s, $(echo "$4 * $JSON_BYTES / $secs / 1000000" | bc -l | cut -c1-6) MB/s of JSON read, CPU $cpu, max RSS $(echo "$rss / 1024" | bc) MB, output $size bytes"
    grep "kb build:" "$2" | sed 's/^/    /'
}

for t in 1 2; do
    /usr/bin/time -v "$BIN" kb build "$DUMP" -o "$DIR/out-$t.kb" --threads "$t" 2> "$DIR/time-$t.txt"
    report "threads $t" "$DIR/time-$t.txt" "$DIR/out-$t.kb" 2
done
cmp "$DIR/out-1.kb" "$DIR/out-2.kb" && echo "threads 1 and 2: the same bytes"

# no decompression: the parsing alone, where threads show (two passes over
# the uncompressed file), and standard input (one pass, listed classes only)
gzip -dc "$DUMP" > "$DIR/dump-$N.json"
for t in 1 2; do
    /usr/bin/time -v "$BIN" kb build "$DIR/dump-$N.json" -o "$DIR/out-plain-$t.kb" --threads "$t" 2> "$DIR/time-plain-$t.txt"
    report "uncompressed, threads $t" "$DIR/time-plain-$t.txt" "$DIR/out-plain-$t.kb" 2
done
/usr/bin/time -v "$BIN" kb build - -o "$DIR/out-stdin.kb" --threads 2 < "$DIR/dump-$N.json" 2> "$DIR/time-stdin.txt"
report "standard input, uncompressed, one pass, threads 2" "$DIR/time-stdin.txt" "$DIR/out-stdin.kb" 1
rm -f "$DIR/dump-$N.json"

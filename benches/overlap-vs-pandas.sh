#!/usr/bin/env bash
# The overlap budget of issue 15: `partnerfit overlap --ours A --theirs B
# --json` on 100,000 x 100,000 rows, timed as a whole process beside the
# pandas comparison (benches/pandas/overlap.py, one run per process: start,
# suffix list, CSV reading, normalisation, merge), in the same run,
# alternating, so both meet the same machine load.
#
#   benches/overlap-vs-pandas.sh [RUNS=5] [ROWS=100000]
#
# Prints the medians of wall time and peak RSS (GNU time's %M) of each, the
# ratio of the wall medians, our CPU time (user + system: the CLI reads the
# two files on two threads) and the machine. No assertion: a report.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
rows=${2:-100000}
tag=$([ "$rows" = 100000 ] && echo 100k || echo "$rows")
ours=target/ours$tag.csv
theirs=target/theirs$tag.csv
psl=core/data/public_suffix_list.dat
time_bin=/usr/bin/time
[ -x "$time_bin" ] || { echo "needs GNU time at $time_bin (apt-get install time)" >&2; exit 2; }
python3 -c "import pandas" 2>/dev/null || python3 -m pip install --quiet pandas

if [ ! -f "$ours" ] || [ ! -f "$theirs" ]; then
  cargo run --quiet --release -p partnerfit-benches --bin synthetic-workspace -- accounts "$rows" "$ours" "$theirs"
fi
cargo build --quiet --release -p partnerfit-cli
cli=target/release/partnerfit

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One whole process: appends "wall_seconds max_rss_kb user_seconds sys_seconds".
measure() {
  local out=$1; shift
  "$time_bin" -f "%e %M %U %S" -o "$tmp/one" "$@" > "$tmp/stdout" 2> "$tmp/stderr" || {
    echo "failed: $*" >&2; cat "$tmp/stderr" >&2; exit 1; }
  cat "$tmp/one" >> "$out"
}

for i in $(seq "$runs"); do
  measure "$tmp/pandas" python3 benches/pandas/overlap.py "$ours" "$theirs" "$psl" --runs 1
  pandas_line=$(cat "$tmp/stdout")
  measure "$tmp/ours" "$cli" overlap --ours "$ours" --theirs "$theirs" --json
done

# median FILE COLUMN
median() {
  cut -d' ' -f"$2" "$1" | sort -g | awk '{ v[NR] = $1 } END {
    if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

p_wall=$(median "$tmp/pandas" 1); p_rss=$(median "$tmp/pandas" 2)
o_wall=$(median "$tmp/ours" 1); o_rss=$(median "$tmp/ours" 2)
awk '{ print $3 + $4 }' "$tmp/ours" > "$tmp/ours_cpu"
o_cpu=$(median "$tmp/ours_cpu" 1)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $ours x $theirs ($rows rows each), $runs runs each, alternating"
echo "pandas: $pandas_line"
printf 'pandas whole process:     wall median %6.2f s   peak RSS median %4d MB\n' "$p_wall" $((${p_rss%.*} / 1024))
printf 'partnerfit whole process: wall median %6.2f s   peak RSS median %4d MB   CPU (user+sys) median %.2f s\n' "$o_wall" $((${o_rss%.*} / 1024)) "$o_cpu"
awk -v p="$p_wall" -v o="$o_wall" 'BEGIN { printf "ratio (pandas wall / partnerfit wall): %.1fx\n", p / o }'

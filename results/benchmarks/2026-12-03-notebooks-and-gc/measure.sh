#!/usr/bin/env bash
# Times the six notebooks one by one and the quickstart (--quick) under four JVM option sets, interleaved, with
# /usr/bin/time -v; writes the raw lines to times.tsv and the machine facts to machine.txt beside this script.
#   results/benchmarks/2026-12-03-notebooks-and-gc/measure.sh [ROUNDS]    (default 2 rounds of the JVM options)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
ROUNDS="${1:-2}"
OUT="$HERE/times.tsv"
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
{
  echo "date: $(date -u +%FT%TZ)"
  echo "commit: $(git -C "$ROOT" rev-parse HEAD)$(git -C "$ROOT" diff --quiet || echo ' (uncommitted changes)')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB"
  echo "kernel: $(uname -r); java: $(java -version 2>&1 | head -1)"
} > "$HERE/machine.txt"
"$ROOT/attnlab" --version >/dev/null          # build first, outside the timings
printf 'what\toptions\twall_s\tuser_s\tsys_s\tmax_rss_kb\tload_before\tload_after\n' > "$OUT"

timed() {   # timed WHAT OPTIONS COMMAND...
  local what="$1" opts="$2"; shift 2
  local before after log="$SCRATCH/time.txt"
  before="$(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/time -v -o "$log" "$@" >/dev/null 2>&1
  after="$(cut -d' ' -f1 /proc/loadavg)"
  local wall user sys rss
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")"
  user="$(awk -F': ' '/User time/ {print $2}' "$log")"
  sys="$(awk -F': ' '/System time/ {print $2}' "$log")"
  rss="$(awk -F': ' '/Maximum resident/ {print $2}' "$log")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$what" "$opts" "$wall" "$user" "$sys" "$rss" "$before" "$after" >> "$OUT"
}

for nb in 01 02 03 04 05 06; do
  timed "notebook $nb" "run.sh default" "$ROOT/notebooks-java/run.sh" "$nb"
done

OPTIONS=(
  "-Xms512m -Xmx6g -Xmn16m -XX:+UseParallelGC"
  "-Xms512m -Xmx6g -Xmn16m -XX:+UseG1GC"
  "-Xms512m -Xmx6g -XX:+UseG1GC"
  "-Xms512m -Xmx6g -XX:+UseSerialGC"
)
for round in $(seq 1 "$ROUNDS"); do
  for opts in "${OPTIONS[@]}"; do
    rm -rf "$SCRATCH/results"
    ATTNLAB_JAVA_OPTS="$opts" timed "quickstart --quick" "$opts" \
      "$ROOT/attnlab" run "$ROOT/experiments/quickstart.yaml" --quick --results "$SCRATCH/results"
  done
done
echo "wrote $OUT"

#!/usr/bin/env bash
# Sweep trials per hour, two ways on the same machine: N trials at once with one OpenMP thread each
# (`OMP_NUM_THREADS=1 ./attnlab sweep FILE --parallel N`) against one trial at a time with N threads
# (`OMP_NUM_THREADS=N ./attnlab sweep FILE --parallel 1`), N = the number of cores. Usage:
#   modules/attnlab-bench/sweep-throughput.sh [--sweep FILE] [--rounds R] [--out DIR]
# Defaults: experiments/sweeps/quickstart-lr.yaml, 1 round, results/benchmarks/DATE-COMMIT-sweeps. Rounds alternate
# which way goes first. Each sweep starts afresh in its own results folder (the same trial seeds both ways); trials
# per hour = (completed + pruned trials) / wall time of the whole `attnlab sweep` command, JVM start and report
# included. Pruning depends on which trials have finished when a trial is checked, so the two ways may prune
# different trials: the table shows both counts. Run it on an otherwise idle machine: it is a timing.
# ATTNLAB_LAUNCHER names another launcher (default: the project's ./attnlab).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LAUNCHER="${ATTNLAB_LAUNCHER:-$ROOT/attnlab}"
SWEEP="$ROOT/experiments/sweeps/quickstart-lr.yaml"
ROUNDS=1
OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --sweep) SWEEP="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    *) echo "sweep-throughput.sh: unknown option '$1' (options: --sweep FILE, --rounds R, --out DIR)" >&2; exit 2 ;;
  esac
done
[ -f "$SWEEP" ] || { echo "sweep-throughput.sh: --sweep: $SWEEP not found" >&2; exit 2; }
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || { echo "sweep-throughput.sh: --rounds must be a positive integer, was '$ROUNDS'" >&2; exit 2; }
CORES="$(nproc)"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
OUT="${OUT:-$ROOT/results/benchmarks/$(date -u +%Y-%m-%d)-$COMMIT-sweeps}"
mkdir -p "$OUT"
WORK="$(mktemp -d)"
"$LAUNCHER" --version >/dev/null   # builds the launcher's jars first, outside the timing

# run WAY ROUND: one whole sweep; appends "way round seconds completed pruned failed" to $WORK/rows
run() {
  local way="$1" round="$2" threads parallel
  if [ "$way" = parallel ]; then threads=1; parallel="$CORES"; else threads="$CORES"; parallel=1; fi
  local log="$OUT/$way-round-$round.log" start end
  start="$(date +%s.%N)"
  OMP_NUM_THREADS="$threads" "$LAUNCHER" sweep "$SWEEP" --parallel "$parallel" \
    --results "$WORK/$way-$round" >"$log" 2>&1 || { tail -20 "$log"; echo "sweep ($way, round $round) failed" >&2; exit 1; }
  end="$(date +%s.%N)"
  local counts
  counts="$(grep -o 'done [0-9]*, pruned [0-9]*, failed [0-9]*' "$log" | tail -1 | tr -dc '0-9 ' | tr -s ' ')"
  echo "$way $round $(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }') ${counts:-0 0 0}" >>"$WORK/rows"
}

LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
STARTED="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
for r in $(seq 1 "$ROUNDS"); do
  if [ $((r % 2)) -eq 1 ]; then run parallel "$r"; run threaded "$r"; else run threaded "$r"; run parallel "$r"; fi
done
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"

{
  echo "# Sweep trials per hour: $CORES trials x 1 thread against 1 trial x $CORES threads"
  echo
  echo "- command: modules/attnlab-bench/sweep-throughput.sh --sweep ${SWEEP#$ROOT/} --rounds $ROUNDS"
  echo "- commit $COMMIT, started $STARTED, ended $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- machine: $(lscpu | sed -n 's/^Model name: *//p'), $CORES cores; load averages at start $LOAD_START, at end $LOAD_END"
  echo
  echo "| way | round | command | seconds | completed | pruned | failed | trials per hour |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  while read -r way round secs done pruned failed; do
    if [ "$way" = parallel ]; then cmd="OMP_NUM_THREADS=1 ./attnlab sweep FILE --parallel $CORES"
    else cmd="OMP_NUM_THREADS=$CORES ./attnlab sweep FILE --parallel 1"; fi
    printf '| %s | %s | `%s` | %.1f | %s | %s | %s | %.0f |\n' "$way" "$round" "$cmd" "$secs" "$done" "$pruned" \
      "$failed" "$(awk -v n=$((done + pruned)) -v s="$secs" 'BEGIN { print n * 3600 / s }')"
  done <"$WORK/rows"
} | tee "$OUT/throughput.md"
rm -rf "$WORK"
echo "wrote $OUT/throughput.md (logs beside it)"

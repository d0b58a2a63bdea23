#!/usr/bin/env bash
# Idle-thread settings, A/B, interleaved: AttnLab with the launcher's defaults (OMP_WAIT_POLICY=PASSIVE,
# OPENBLAS_THREAD_TIMEOUT=4) and with the libraries' own (both exported empty); PyTorch with OMP_WAIT_POLICY=PASSIVE
# alone (compare.sh until de3669b) and with OPENBLAS_THREAD_TIMEOUT=4 too. 2 threads, 3 warm-up and 10 timed steps.
# Run from the repository root: results/benchmarks/2026-12-02-idle-threads/run.sh [ROUNDS]
set -euo pipefail
OUT=results/benchmarks/2026-12-02-idle-threads
CASES=mha-scaled_dot-perhead,encoder-postln
for r in $(seq 1 "${1:-4}"); do
  for arm in a-new a-libdefault p-passive p-timeout; do
    d="$OUT/raw/round-$r/$arm"; mkdir -p "$d"
    case $arm in
      a-new) OMP_NUM_THREADS=2 ./attnlab bench --cases $CASES --warmup 3 --iterations 10 --threads 2 --out "$d" > "$d/log" 2>&1 ;;
      a-libdefault) OMP_WAIT_POLICY= OPENBLAS_THREAD_TIMEOUT= OMP_NUM_THREADS=2 ./attnlab bench --cases $CASES \
          --warmup 3 --iterations 10 --threads 2 --out "$d" > "$d/log" 2>&1 ;;
      p-passive) OMP_WAIT_POLICY=PASSIVE OMP_NUM_THREADS=2 /usr/bin/python3 modules/attnlab-bench/pytorch/bench_torch.py \
          --from "$OUT/raw/round-1/a-new/attnlab.csv" --out "$d/torch.csv" --threads 2 --warmup 3 --iterations 10 > "$d/log" 2>&1 ;;
      p-timeout) OMP_WAIT_POLICY=PASSIVE OPENBLAS_THREAD_TIMEOUT=4 OMP_NUM_THREADS=2 /usr/bin/python3 \
          modules/attnlab-bench/pytorch/bench_torch.py --from "$OUT/raw/round-1/a-new/attnlab.csv" --out "$d/torch.csv" \
          --threads 2 --warmup 3 --iterations 10 > "$d/log" 2>&1 ;;
    esac
    echo "round $r $arm done $(cut -d' ' -f1 /proc/loadavg)"
  done
done

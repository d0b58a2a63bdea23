#!/usr/bin/env bash
# AttnLab against PyTorch, case by case, interleaved: every case runs in an AttnLab process and in a PyTorch process,
# alternately, for several rounds; the table of AttnLab/PyTorch ratios goes to the output folder.
#   modules/attnlab-bench/compare.sh [--rounds 3] [--cases all] [--threads 2] [--warmup 3] [--iterations 10]
#                                    [--small] [--out results/benchmarks/DATE-COMMIT]
# Needs Debian's python3-torch, python3-numpy and libopenblas0-pthread (installed here with apt-get when missing).
# Debian's torch multiplies matrices with whatever libblas.so.3 points to: without OpenBLAS that is the reference BLAS,
# about 7 GFLOP/s on one core against 180, which would slow PyTorch's side of every case.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
if ! /usr/bin/python3 -c 'import torch, numpy' 2>/dev/null || ! dpkg -s libopenblas0-pthread >/dev/null 2>&1; then
  echo "compare: installing python3-torch, python3-numpy and libopenblas0-pthread with apt-get" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=(); else SUDO=(sudo); fi
  "${SUDO[@]}" apt-get install -y python3-torch python3-numpy libopenblas0-pthread >&2
fi
cd "$ROOT"
exec /usr/bin/python3 "$HERE/pytorch/compare.py" --root "$ROOT" "$@"

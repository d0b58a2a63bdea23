#!/usr/bin/env bash
# AttnLab against PyTorch, case by case, interleaved: every case runs in an AttnLab process and in a PyTorch process,
# alternately, for several rounds; the table of AttnLab/PyTorch ratios goes to the output folder.
#   modules/attnlab-bench/compare.sh [--rounds 3] [--cases all] [--threads 2] [--warmup 3] [--iterations 10]
#                                    [--small] [--out results/benchmarks/DATE-COMMIT]
# Needs Debian's python3-torch and python3-numpy (installed here with apt-get when missing).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
if ! /usr/bin/python3 -c 'import torch, numpy' 2>/dev/null; then
  echo "compare: installing python3-torch and python3-numpy with apt-get" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=(); else SUDO=(sudo); fi
  "${SUDO[@]}" apt-get install -y python3-torch python3-numpy >&2
fi
cd "$ROOT"
exec /usr/bin/python3 "$HERE/pytorch/compare.py" --root "$ROOT" "$@"

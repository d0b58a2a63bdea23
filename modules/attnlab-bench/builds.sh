#!/usr/bin/env bash
# Parity of libnd4j builds: runs `attnlab run EXPERIMENT --quick` with each build and compares every run's test
# metrics (summary.json) with the generic build's. Usage:
#   modules/attnlab-bench/builds.sh [--experiment FILE] [BUILD ...]     (builds: avx2 avx512 onednn; default all three)
# Each build is a classifier of org.nd4j:nd4j-native (80-100 MB, fetched by Maven on first use); switching builds
# rebuilds the launcher's jars, and the last build is left in place: run `./attnlab` once with the build you want next.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
EXPERIMENT="$ROOT/experiments/quickstart.yaml"
if [ "${1:-}" = "--experiment" ]; then EXPERIMENT="$2"; shift 2; fi
BUILDS=("$@")
[ ${#BUILDS[@]} -gt 0 ] || BUILDS=(avx2 avx512 onednn)
OUT="$(mktemp -d)"
grep -o -w 'avx2\|avx512f\|avx512_bf16' /proc/cpuinfo | sort -u | tr '\n' ' ' | sed 's/^/CPU flags: /; s/$/\n/'
for b in generic "${BUILDS[@]}"; do
  echo "== $b"
  ATTNLAB_ND4J_BUILD="$b" "$ROOT/attnlab" run "$EXPERIMENT" --quick --results "$OUT/$b" >"$OUT/$b.log" 2>&1 \
    || { tail -20 "$OUT/$b.log"; echo "build $b: the run failed (log above)"; exit 1; }
  grep -m1 '^runtime:' "$OUT/$b.log" || true
done
python3 - "$OUT" "${BUILDS[@]}" <<'PY'
import json, pathlib, sys
out, builds = pathlib.Path(sys.argv[1]), sys.argv[2:]
keys = ("testLoss", "testTokenAcc", "testSeqAcc")
def snake(k):
    return "".join("_" + c.lower() if c.isupper() else c for c in k)
def metrics(b):
    runs = {}
    for f in sorted((out / b).rglob("summary.json")):
        s = json.loads(f.read_text())
        runs[str(f.parent.relative_to(out / b))] = {k: s.get(k, s.get(snake(k))) for k in keys}
    return runs
base = metrics("generic")
print(f"{len(base)} runs under the generic build")
status = 0
for b in builds:
    other = metrics(b)
    if other.keys() != base.keys():
        print(f"{b}: different runs ({len(other)} against {len(base)})"); status = 1; continue
    diffs = [abs(other[r][k] - base[r][k]) for r in base for k in keys
             if isinstance(base[r][k], (int, float)) and isinstance(other[r][k], (int, float))]
    worst = max(diffs) if diffs else float("nan")
    same = all(other[r] == base[r] for r in base)
    print(f"{b}: {'identical' if same else 'differs'} test metrics over {len(base)} runs (largest difference {worst:.3g})")
print(f"logs and results: {out}")
sys.exit(status)
PY

"""Two quickstart processes at once, one on each processor: do their slow stretches come at the same moments?

Usage: python3 pair.py pair/run-1-cpu0 pair/run-1-cpu1   (prints Markdown)
Both folders hold OpSteps.java's steps.txt.xz (System.nanoTime, one clock for both processes) and shares.txt.xz,
each step's share of ops at 1.2x their median or more, written from the op times by
`python3 pair.py --shares FOLDER` (the op times themselves, 1.3 MB a process, are not kept). Time is cut into windows of
WINDOW ms; in each, the share of each process's steps that ran slow across their ops (over half the ops at 1.2x their
median or more) and each process's median step over its run's median.
"""
import lzma
import math
import sys
from statistics import median

from analyse import load, steps

WINDOW = 50_000_000


def write_shares(folder):
    names, rows, ops = load(folder)
    k = len(names)
    med_op = [median(o[j] for o in ops) for j in range(k)]
    with lzma.open(f"{folder}/shares.txt.xz", "wt", preset=9) as f:
        for o in ops:
            f.write(f"{sum(o[j] > 1.2 * med_op[j] for j in range(k)) / k:.4f}\n")


def per_window(folder):
    rows = steps(folder)
    shares = [float(l) for l in lzma.open(f"{folder}/shares.txt.xz", "rt")]
    med_step = median(r[1] for r in rows)
    windows = {}
    for r, share in zip(rows, shares):
        windows.setdefault(r[0] // WINDOW, []).append((share > 0.5, r[1] / med_step))
    return {w: (sum(b for b, _ in v) / len(v), median(x for _, x in v)) for w, v in windows.items() if len(v) >= 10}


def pearson(xs, ys):
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else float("nan")


def main(a, b):
    wa, wb = per_window(a), per_window(b)
    both = sorted(set(wa) & set(wb))
    broad_a, broad_b = [wa[w][0] for w in both], [wb[w][0] for w in both]
    step_a, step_b = [wa[w][1] for w in both], [wb[w][1] for w in both]
    slow_a = [w for w in both if wa[w][0] > 0.5]
    slow_b = [w for w in both if wb[w][0] > 0.5]
    together = len(set(slow_a) & set(slow_b))
    print(f"| processes | windows of {WINDOW // 1_000_000} ms in both | windows slow across ops (over half the steps): "
          f"first / second / both | expected both if independent | correlation of the shares | of the median steps |")
    print("| --- | --- | --- | --- | --- | --- |")
    expected = len(slow_a) * len(slow_b) / len(both) if both else 0
    print(f"| {a} + {b} | {len(both)} | {len(slow_a)} / {len(slow_b)} / {together} | {expected:.1f} | "
          f"{pearson(broad_a, broad_b):.2f} | {pearson(step_a, step_b):.2f} |")


if __name__ == "__main__":
    if sys.argv[1] == "--shares":
        write_shares(sys.argv[2])
    else:
        main(sys.argv[1], sys.argv[2])

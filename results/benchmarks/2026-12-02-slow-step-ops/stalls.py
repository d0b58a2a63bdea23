"""The short stalls every piece of code meets here: excess over the median, in 10 us bins.

For the quickstart runs (OpSteps output) the excess of each step's most-delayed op over that op's median; for C
pieces of about 20 us (chunks.c, arithmetic then streaming over 512 kB) the excess of each piece over the median
piece. Also the rate of 35-90 us excesses per ms of the pieces' time.

Usage: python3 stalls.py run-1 run-2 short-1.txt.xz short-2.txt.xz   (prints Markdown)
"""
import lzma
import sys
from collections import Counter
from statistics import median

from analyse import load


def op_excess(folder):
    """Per step: the largest excess of one op over its median (ns); the steps' ns; events of 35-90 us; and how many
    steps had 0, 1, 2, ... such events."""
    names, rows, ops = load(folder)
    k = len(names)
    med = [median(o[j] for o in ops) for j in range(k)]
    largest = [max(o[j] - med[j] for j in range(k)) for o in ops]
    per_step = [sum(1 for j in range(k) if 35_000 <= o[j] - med[j] < 90_000) for o in ops]
    return largest, sum(r[1] for r in rows), sum(per_step), Counter(per_step)


def piece_excess(path, column):
    pieces = [int(l.split()[column]) for l in lzma.open(path, "rt") if not l.startswith("#")]
    med = median(pieces)
    excess = [p - med for p in pieces]
    return excess, sum(pieces), sum(1 for e in excess if 35_000 <= e < 90_000)


def main(paths):
    series = []
    for p in paths:
        if p.endswith(".xz"):
            series.append((f"{p}: C arithmetic pieces", *piece_excess(p, 0), None))
            series.append((f"{p}: C streaming pieces", *piece_excess(p, 1), None))
        else:
            series.append((f"{p}: quickstart steps, most-delayed op", *op_excess(p)))
    print("| series | pieces | ms in all | 35-90 us excesses per ms | "
          + " | ".join(f"{b * 10}-{b * 10 + 9} us" for b in range(13)) + " | 130 us and over |")
    print("| --- " * 18 + "|")
    for name, excess, ns, events, _ in series:
        bins = Counter(min(13, max(0, int(e // 10_000))) for e in excess)
        print(f"| {name} | {len(excess)} | {ns / 1e6:.0f} | {events / (ns / 1e6):.2f} | "
              + " | ".join(str(bins[b]) for b in range(14)) + " |")

    print("\nSteps with 0, 1, 2, ... delays of 35-90 us in their ops:\n")
    for name, _, _, _, per_step in series:
        if per_step:
            n = sum(per_step.values())
            print(f"- {name}: " + ", ".join(f"{c}: {per_step[c]} ({per_step[c] / n:.0%})" for c in sorted(per_step)))


if __name__ == "__main__":
    main(sys.argv[1:])

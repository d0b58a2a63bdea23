"""The short stalls every piece of code meets here: excess over the median, in 10 us bins.

For the quickstart runs (OpSteps output) the excess of each step's most-delayed op over that op's median; for C
pieces of about 20 us (chunks.c, arithmetic then streaming over 512 kB) the excess of each piece over the median
piece. Also the rate of 35-90 us excesses per ms of the pieces' time.

Then, for the steps, when the delays come: each delay's clock time (the step's start plus the
measured times of the ops before it) taken modulo 1 ms and modulo 4 ms, and the share of them in steps during which
the guest's scheduler tick came (schedstat's run time moves only at a tick or a switch).

Usage: python3 stalls.py run-1 run-2 short-1.txt.xz short-2.txt.xz   (prints Markdown)
"""
import lzma
import math
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


def delay_times(folder):
    """Clock time (ns) at which each 35-90 us op delay began, and whether a guest tick came in its step."""
    names, rows, ops = load(folder)
    k = len(names)
    med = [median(o[j] for o in ops) for j in range(k)]
    out = []
    for r, o in zip(rows, ops):
        t = r[0]
        for j in range(k):
            if 35_000 <= o[j] - med[j] < 90_000:
                out.append((t, r[3] > 0))
            t += o[j]
    ticks = sum(1 for r in rows if r[3] > 0) / len(rows)
    return out, ticks


def phases(times, period, bins):
    """Counts per phase bin of times modulo period, and the resultant length R (1: all at one phase, 0: spread)."""
    counts = Counter(int((t % period) * bins // period) for t in times)
    angle = [2 * math.pi * (t % period) / period for t in times]
    r = math.hypot(sum(map(math.cos, angle)), sum(map(math.sin, angle))) / len(times)
    return [counts[b] for b in range(bins)], r


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
    print("| series | pieces | ms in all | 35-90 us excesses per ms | below the median | "
          + " | ".join(f"{b * 10}-{b * 10 + 9} us" for b in range(13)) + " | 130 us and over |")
    print("| --- " * 19 + "|")
    for name, excess, ns, events, _ in series:
        bins = Counter(min(13, int(e // 10_000)) for e in excess if e >= 0)
        print(f"| {name} | {len(excess)} | {ns / 1e6:.0f} | {events / (ns / 1e6):.2f} | "
              + f"{sum(1 for e in excess if e < 0)} | " + " | ".join(str(bins[b]) for b in range(14)) + " |")

    print("\nSteps with 0, 1, 2, ... delays of 35-90 us in their ops:\n")
    for name, _, _, _, per_step in series:
        if per_step:
            n = sum(per_step.values())
            print(f"- {name}: " + ", ".join(f"{c}: {per_step[c]} ({per_step[c] / n:.0%})" for c in sorted(per_step)))
    print("\nWhen the steps' delays began (clock time modulo 1 ms in 50 us bins, modulo 4 ms in 200 us bins; R is 1 when "
          "all fall at one phase, near 0 when they fall at random):\n")
    for p in paths:
        if p.endswith(".xz"):
            continue
        times, ticks = delay_times(p)
        t = [x[0] for x in times]
        one, r1 = phases(t, 1_000_000, 20)
        four, r4 = phases(t, 4_000_000, 20)
        in_tick = sum(1 for x in times if x[1]) / len(times)
        print(f"- {p}: modulo 1 ms (R {r1:.2f}): {one}; modulo 4 ms (R {r4:.2f}): {four}; "
              f"in steps with a guest tick: {in_tick:.0%} of the delays, {ticks:.0%} of the steps")


if __name__ == "__main__":
    main(sys.argv[1:])

"""Spread of the quickstart's steps beside plain C code of the same length, from one interleaved sitting.

Usage: python3 controls.py sitting   (prints Markdown)
Each series: its fastest, median, max / fastest, and the pieces over 1.5x its fastest per 1000; "solitary" counts
those whose partner in the pair (the piece just before and the one just after) ran within 1.2x of its own fastest.
"""
import glob
import lzma
import os
import sys
from statistics import median


def pairs(path):
    """(a, b) ns per pair: the quickstart step and the Java work (steps-N), or C arithmetic and C streaming."""
    if os.path.isdir(path):
        path = f"{path}/steps.txt.xz"
        return [(int(l.split()[1]), int(l.split()[2])) for l in lzma.open(path, "rt") if not l.startswith("#")]
    return [tuple(map(int, l.split())) for l in lzma.open(path, "rt") if not l.startswith("#")]


def spread(mine, partner, first):
    """Pieces over 1.5x; solitary ones; max / fastest; fastest and median ms. first: mine come first in each
    pair, so the partner's pieces around mine[i] are partner[i - 1] and partner[i], else partner[i] and partner[i + 1]."""
    fast, pfast = min(mine), min(partner)
    slow = [i for i, t in enumerate(mine) if t > 1.5 * fast]
    calm = lambda i: 0 <= i < len(partner) and partner[i] <= 1.2 * pfast
    shift = 0 if first else 1
    solitary = [i for i in slow if calm(i - 1 + shift) and calm(i + shift)]
    return len(slow), len(solitary), max(mine) / fast, fast / 1e6, median(mine) / 1e6


def main(folder):
    rows = []
    for r in sorted({p.rsplit("-", 1)[1].split(".")[0] for p in glob.glob(f"{folder}/steps-*")}):
        series = (("quickstart step", "Java fixed work beside it", f"{folder}/steps-{r}"),
                  ("C arithmetic", "C streaming 2 MB", f"{folder}/c2048-{r}.txt.xz"),
                  (None, "C streaming 512 kB", f"{folder}/c512-{r}.txt.xz"))
        for name_a, name_b, path in series:
            ps = pairs(path)
            a, b = [p[0] for p in ps], [p[1] for p in ps]
            if name_a:
                rows.append((r, name_a, len(a)) + spread(a, b, True))
            rows.append((r, name_b, len(b)) + spread(b, a, False))
    print("| round | series | pieces | fastest ms | median ms | max / fastest | over 1.5x per 1000 | solitary per 1000 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r, name, n, slow, sol, mx, fast, med in rows:
        print(f"| {r} | {name} | {n} | {fast:.3f} | {med:.3f} | {mx:.2f}x | {1000 * slow / n:.1f} | {1000 * sol / n:.1f} |")


if __name__ == "__main__":
    main(sys.argv[1])

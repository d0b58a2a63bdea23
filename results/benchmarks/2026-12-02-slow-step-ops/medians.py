"""Median and fastest ms of each piece in OpSteps.java runs: the step, the bench's fixed Java work (also per repeat of
it, as runs set their own number of repeats) and the third piece if any.

Usage: python3 medians.py FOLDER...   (prints Markdown)
"""
import lzma
import sys
from statistics import median

print("| run | third piece | step: median / fastest ms | fixed work: median / fastest ms (median us per repeat) "
      "| third piece |")
print("| --- | --- | --- | --- | --- |")
for folder in sys.argv[1:]:
    lines = lzma.open(f"{folder}/steps.txt.xz", "rt").read().splitlines()
    third = "front-end C calls" if "frontend" in lines[0] else "passes over " + lines[0].split(";")[0].split()[-1] + " kB"
    rows = [list(map(int, l.split())) for l in lines if not l.startswith("#")]
    cols = [1, 2] + ([6] if len(rows[0]) > 6 else [])
    cells = [f"{median(r[c] for r in rows) / 1e6:.3f} / {min(r[c] for r in rows) / 1e6:.3f}" for c in cols]
    repeats = int(lines[0].split("repeats")[1].split()[0].rstrip(";"))
    cells[1] += f" ({median(r[2] for r in rows) / 1e3 / repeats:.1f})"
    print(f"| {folder} | {third if len(cols) > 2 else '-'} | " + " | ".join(cells + ["-"] * (3 - len(cells))) + " |")

#!/usr/bin/python3
"""Reads paired/footprint/rR-kbK.txt.gz (round R; the plain work over K kB of arrays, 0 = the bench's 40 kB fixed work)
and prints per run both sides' medians and spread and the pairs where only one side ran over 1.5x its fastest. A run
is steady when the step's median is within 1.2x of its fastest."""
import glob
import gzip
import re

import numpy as np

print("| run | plain work | repeats | step median ms (x its fastest) | work median ms (x its fastest) | steady | step max / min "
      "| work max / min | steps over 1.5x, work within 1.2x | work over 1.5x, step within 1.2x |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for path in sorted(glob.glob("paired/footprint/*.txt.gz")):
    head = gzip.open(path, "rt").readline().split()
    rows = np.array([[int(v) for v in line.split()] for line in gzip.open(path, "rt") if not line.startswith("#")])
    step, work = rows[:, 0] / 1e6, rows[:, 1] / 1e6
    s0, w0 = step.min(), work.min()
    kb = int(head[-1])
    print("| %s | %s | %s | %.3f (%.2fx) | %.3f (%.2fx) | %s | %.2f | %.2f | %d | %d |" % (
        re.search(r"(r\d+-kb\d+)", path).group(1), "%d kB of arrays" % kb if kb else "fixed work (40 kB)", head[2],
        np.median(step), np.median(step) / s0, np.median(work), np.median(work) / w0,
        "yes" if np.median(step) <= 1.2 * s0 else "no", step.max() / s0, work.max() / w0,
        np.sum((step > 1.5 * s0) & (work <= 1.2 * w0)), np.sum((work > 1.5 * w0) & (step <= 1.2 * s0))))

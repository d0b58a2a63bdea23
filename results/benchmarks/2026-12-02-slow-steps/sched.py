#!/usr/bin/python3
"""Reads paired/sched/rR.txt.gz (pairs with -Dsched=true: per step also the stepping thread's schedstat deltas: ns on
the processor, ns waiting to run, time slices) and prints per run how many slow steps waited to run or were switched
out. The processor-time column moves in 4 ms ticks on this kernel and is not used."""
import glob

import gzip
import numpy as np

print("| run | step median ms (x fastest) | steps over 1.5x | of them solitary (work within 1.2x) | steps that waited "
      "to run (slow among them) | slow steps switched out |")
print("| --- | --- | --- | --- | --- | --- |")
for path in sorted(glob.glob("paired/sched/*.txt.gz")):
    d = np.array([[int(v) for v in line.split()] for line in gzip.open(path, "rt") if not line.startswith("#")])
    step, work, wait, slices = d[:, 0] / 1e6, d[:, 1] / 1e6, d[:, 6], d[:, 7]
    s0, w0 = step.min(), work.min()
    slow = step > 1.5 * s0
    print("| %s | %.3f (%.2fx) | %d | %d | %d (%d) | %d |" % (
        path.split("/")[-1][:-7], np.median(step), np.median(step) / s0, slow.sum(), np.sum(slow & (work <= 1.2 * w0)),
        np.sum(wait > 0), np.sum((wait > 0) & slow), np.sum(slow & (slices > 0))))

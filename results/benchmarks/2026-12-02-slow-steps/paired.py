#!/usr/bin/python3
"""Reads paired/run-N.txt.gz (per pair: the training step's ns, the plain work's ns, the step's start as
System.nanoTime, and in runs 7-9 the step's minor and major page faults) and paired/run-N-jvm-events.log where there is
one, and prints per run: both sides' spread, the pairs where only one side ran over 1.5x its fastest, and the slow
steps' JVM events and page faults."""
import glob
import gzip
import os
import re

import numpy as np

SLOW = 1.5


def events(path):
    found = []
    if not os.path.exists(path):
        return None
    for line in open(path):
        m = re.match(r"\[(\d+)ns\]\[([^\]]+)\]\s*(.*)", line)
        if not m:
            continue
        t, tags, text = int(m.group(1)), m.group(2).strip(), m.group(3)
        if tags == "safepoint" and "Total:" in text:
            total = int(re.search(r"Total: (\d+) ns", text).group(1))
            found.append((t - total, t))
        elif tags.startswith("gc") or tags.startswith("jit"):
            found.append((t, t))
    return found


print("| run | step median ms | step max / min | work max / min | steps over %.1fx with the work within 1.2x "
      "| work over %.1fx with the step within 1.2x | slow steps overlapping a JVM event | slow steps with a page fault |"
      % (SLOW, SLOW))
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
for path in sorted(glob.glob("paired/run-*.txt.gz"), key=lambda p: int(re.search(r"run-(\d+)", p).group(1))):
    run = re.search(r"run-(\d+)", path).group(1)
    rows = np.array([[int(v) for v in line.split()] for line in gzip.open(path, "rt") if not line.startswith("#")])
    step, work = rows[:, 0] / 1e6, rows[:, 1] / 1e6
    s0, w0 = step.min(), work.min()
    slow = step > SLOW * s0
    ev = events("paired/run-%s-jvm-events.log" % run)
    if ev is None:
        with_event = "not logged"
    else:
        starts = rows[:, 2]
        n = sum(any(a <= st + d and b >= st for a, b in ev) for st, d in zip(starts[slow], rows[slow, 0]))
        with_event = "%d of %d" % (n, slow.sum())
    faults = "%d of %d (major: %d)" % (np.sum(slow & (rows[:, 3] > 0)), slow.sum(), np.sum(slow & (rows[:, 4] > 0))) \
        if rows.shape[1] >= 5 else "not counted"
    print("| %s | %.3f | %.2f | %.2f | %d | %d | %s | %s |" % (
        run, np.median(step), step.max() / s0, work.max() / w0, np.sum(slow & (work <= 1.2 * w0)),
        np.sum((work > SLOW * w0) & (step <= 1.2 * s0)), with_event, faults))

#!/usr/bin/python3
"""Reads paired/safepoints/rR-MODE-kbK.txt.gz (round R; MODE "on": the JVM's periodic safepoints as by default,
"off": -XX:GuaranteedSafepointInterval=0; K kB of arrays for the plain work, 0 = the fixed work) with its
-jvm-events.log, and prints per run the spread of both sides, the pairs where only one side ran over 1.5x its fastest,
and each safepoint in the timed pairs with the side it fell in and both sides' time over their fastest."""
import glob
import gzip
import re

import numpy as np

print("| run | steady | step median ms (x fastest) | step max / min | work max / min | steps over 1.5x, work within 1.2x "
      "| work over 1.5x, step within 1.2x | safepoints in the timed pairs: kind, time to reach it, side (step / work "
      "over their fastest) |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
for path in sorted(glob.glob("paired/safepoints/*.txt.gz")):
    name = re.search(r"(r\d+-\w+-kb\d+)", path).group(1)
    rows = np.array([[int(v) for v in line.split()] for line in gzip.open(path, "rt") if not line.startswith("#")])
    step, work, start = rows[:, 0] / 1e6, rows[:, 1] / 1e6, rows[:, 2]
    s0, w0 = step.min(), work.min()
    found = []
    for line in open("paired/safepoints/%s-jvm-events.log" % name):
        m = re.match(r"\[(\d+)ns\]\[([^\]]+)\]\s*(.*)", line)
        if not m or m.group(2).strip() != "safepoint" or "Total:" not in m.group(3):
            continue
        end = int(m.group(1))
        total = int(re.search(r"Total: (\d+) ns", m.group(3)).group(1))
        reach = int(re.search(r"Reaching safepoint: (\d+) ns", m.group(3)).group(1))
        if not start[0] <= end - total <= start[-1] + rows[-1, 0] + rows[-1, 1]:
            continue
        i = int(np.searchsorted(start, end - total, side="right")) - 1
        side = "step" if end - total < start[i] + rows[i, 0] else "work"
        found.append("%s, %d us, %s (%.2f / %.2f)" % (re.search(r'"([^"]+)"', m.group(3)).group(1), reach // 1000,
                                                       side, step[i] / s0, work[i] / w0))
    print("| %s | %s | %.3f (%.2fx) | %.2f | %.2f | %d | %d | %s |" % (
        name, "yes" if np.median(step) <= 1.2 * s0 else "no", np.median(step), np.median(step) / s0, step.max() / s0,
        work.max() / w0, np.sum((step > 1.5 * s0) & (work <= 1.2 * w0)), np.sum((work > 1.5 * w0) & (step <= 1.2 * s0)),
        "; ".join(found) if found else "none"))

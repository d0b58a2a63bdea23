#!/usr/bin/python3
"""Reads bench-safepoints/rR-MODE.csv (`./attnlab bench --cases quickstart-step` output; MODE "on": the JVM's periodic
safepoints as by default, "off": -XX:GuaranteedSafepointInterval=0) and prints each process's spread as compare.py
reads it: at full speed (a probe beside the step within 1.2x of the fastest) and between two fast probes (both
within 1.05x)."""
import glob
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../modules/attnlab-bench/pytorch"))
import compare  # noqa: E402

print("| process | step median ms | every step max / min | full speed: kept, max / min, over 1.5x | between fast "
      "probes: kept, max / min | collections |")
print("| --- | --- | --- | --- | --- | --- |")
for path in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench-safepoints/*.csv"))):
    row = compare.read(path)
    ms, probe = np.array(compare.steps(row)), np.array(compare.probes(row))
    before = np.concatenate([probe[:1], probe[:-1]])
    full = ms[np.minimum(before, probe) <= 1.2 * probe.min()]
    both = ms[np.maximum(before, probe) <= 1.05 * probe.min()]
    print("| %s | %.3f | %.2f | %d, %.2f, %d | %d, %s | %s |" % (
        os.path.basename(path)[:-4], np.median(ms), ms.max() / ms.min(), len(full), full.max() / full.min(),
        np.sum(full > 1.5 * full.min()), len(both), "%.2f" % (both.max() / both.min()) if len(both) else "-",
        row["gc_count"]))

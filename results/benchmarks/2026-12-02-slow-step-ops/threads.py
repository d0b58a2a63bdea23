"""Samples, every 20 ms, the processor time of every thread of one process and of the kernel's kdamond, with
time.monotonic_ns() (the clock of Java's System.nanoTime): who else ran while the steps were slow?

Usage: python3 threads.py sample PID OUT.tsv     (runs until the process ends)
       python3 threads.py sample-all PID OUT.tsv (every task of every process of the guest, until PID ends)
       python3 threads.py windows RUN_FOLDER  (prints Markdown: per task name, processor time in 100 ms windows
                                               whose steps ran slow, over 1.2x the run's median, and in the others)
       python3 threads.py analyse RUN_FOLDER   (prints Markdown; reads RUN_FOLDER/threads.tsv.xz and jvm.log.xz)
The analysis gives each thread's processor time per 100 ms of timed steps, and, from the JVM's log
(-Xlog:jit+compilation=debug with the tn decorator), how many steps over 1.5x the fastest had a JIT compilation
start from 2 ms before them to their end, against all steps.
"""
import bisect
import glob
import lzma
import os
import re
import sys
import time
from statistics import median

from analyse import steps


def sample(pid, out, everyone=False):
    kd = [p for p in glob.glob("/proc/[0-9]*") if open(f"{p}/comm").read().strip().startswith("kdamond")]
    pattern = "/proc/[0-9]*/task/*" if everyone else f"/proc/{pid}/task/*"
    with open(out, "w") as f:
        while os.path.exists(f"/proc/{pid}"):
            t = time.monotonic_ns()
            rows = []
            for task in glob.glob(pattern):
                try:
                    name = open(f"{task}/comm").read().strip()
                    run = open(f"{task}/schedstat").read().split()[0]
                    rows.append(f"{os.path.basename(task)}:{name}:{run}")
                except OSError:
                    pass
            for p in ([] if everyone else kd):
                try:
                    rows.append(f"k{os.path.basename(p)}:kdamond:{open(p + '/schedstat').read().split()[0]}")
                except OSError:
                    pass
            f.write(f"{t}\t" + "\t".join(rows) + "\n")
            time.sleep(0.02)


def analyse(folder):
    rows = steps(folder)
    samples = []
    for line in lzma.open(f"{folder}/threads.tsv.xz", "rt"):
        t, *cells = line.rstrip("\n").split("\t")
        samples.append((int(t), {c.rsplit(":", 1)[0]: int(c.rsplit(":", 1)[1]) for c in cells}))
    start, end = rows[0][0], rows[-1][0] + rows[-1][1]
    inside = [(t, a) for t, a in samples if start <= t <= end]
    first, last = inside[0], inside[-1]
    span = (last[0] - first[0]) / 1e8
    print(f"{folder}: processor time per 100 ms of timed steps, threads using 0.05 ms or more\n")
    print("| thread | ms per 100 ms |\n| --- | --- |")
    for k in sorted(last[1], key=lambda k: -(last[1][k] - first[1].get(k, 0))):
        ms = (last[1][k] - first[1].get(k, 0)) / 1e6 / span
        if ms >= 0.05:
            print(f"| {k.split(':', 1)[1]} | {ms:.2f} |")
    comp = []
    for line in lzma.open(f"{folder}/jvm.log.xz", "rt"):
        m = re.match(r"\[(\d+)ns\]\[jit,compilation\s*\]", line)
        if m and start <= int(m.group(1)) <= end:
            comp.append(int(m.group(1)))
    fastest = min(r[1] for r in rows)

    def near(r):
        i = bisect.bisect_left(comp, r[0] - 2_000_000)
        return i < len(comp) and comp[i] <= r[0] + r[1]

    slow = [r for r in rows if r[1] > 1.5 * fastest]
    print(f"\nJIT compilations begun during the timed steps: {len(comp)}; steps over 1.5x the fastest: {len(slow)}, "
          f"{sum(map(near, slow))} of them with a compilation begun from 2 ms before to their end (all steps: "
          f"{sum(map(near, rows))} of {len(rows)}).\n")


def windows(folder):
    rows = steps(folder)
    med = median(r[1] for r in rows)
    start = rows[0][0]
    width = 100_000_000
    by_window = {}
    for r in rows:
        by_window.setdefault((r[0] - start) // width, []).append(r)
    ratio = {w: median(r[1] / med for r in v) for w, v in by_window.items() if len(v) >= 20}
    slow = {w for w, x in ratio.items() if x > 1.2}
    calm = {w for w, x in ratio.items() if x <= 1.2}
    samples = []
    for line in lzma.open(f"{folder}/threads.tsv.xz", "rt"):
        t, *cells = line.rstrip("\n").split("\t")
        samples.append((int(t), {c.rsplit(":", 1)[0]: int(c.rsplit(":", 1)[1]) for c in cells}))
    use = {}
    for (t0, a), (_, b) in zip(samples, samples[1:]):
        w = (t0 - start) // width
        if w in slow or w in calm:
            for k, v in b.items():
                if k in a and v > a[k]:
                    name = k.split(":", 1)[1]
                    use.setdefault(name, [0, 0])[0 if w in slow else 1] += v - a[k]
    print(f"{folder}: {len(slow)} windows of 100 ms whose steps ran slow (median over 1.2x the run's median), "
          f"{len(calm)} others\n")
    if slow:
        in_slow = [r for w in slow for r in by_window[w]]
        in_calm = [r for w in calm for r in by_window[w]]
        longest, run = 0, 0
        for w in sorted(by_window):
            run = run + 1 if w in slow else 0
            longest = max(longest, run)
        print(f"Longest stretch of slow windows: {longest}. Median step {median(r[1] for r in in_slow) / 1e6:.3f} ms in "
              f"slow windows against {median(r[1] for r in in_calm) / 1e6:.3f}; fixed Java work "
              f"{median(r[2] for r in in_slow) / 1e6:.3f} against {median(r[2] for r in in_calm) / 1e6:.3f} ms; steps "
              f"with a switch of the stepping thread {sum(1 for r in in_slow if r[5] > 0)} of {len(in_slow)} against "
              f"{sum(1 for r in in_calm if r[5] > 0)} of {len(in_calm)}.\n")
    print("| task name | ms per slow window | ms per other window |\n| --- | --- | --- |")
    for name, (s_ns, c_ns) in sorted(use.items(), key=lambda x: -(x[1][0] + x[1][1])):
        s_ms, c_ms = s_ns / 1e6 / max(1, len(slow)), c_ns / 1e6 / max(1, len(calm))
        if s_ms >= 0.1 or c_ms >= 0.1:
            print(f"| {name} | {s_ms:.2f} | {c_ms:.2f} |")
    print()


if __name__ == "__main__":
    if sys.argv[1] == "sample":
        sample(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "sample-all":
        sample(sys.argv[2], sys.argv[3], everyone=True)
    elif sys.argv[1] == "windows":
        windows(sys.argv[2])
    else:
        analyse(sys.argv[2])

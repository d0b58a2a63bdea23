"""Samples, every 20 ms, the processor time of every thread of one process and of the kernel's kdamond, with
time.monotonic_ns() (the clock of Java's System.nanoTime): who else ran while the steps were slow?

Usage: python3 threads.py sample PID OUT.tsv     (runs until the process ends)
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


def sample(pid, out):
    kd = [p for p in glob.glob("/proc/[0-9]*") if open(f"{p}/comm").read().strip().startswith("kdamond")]
    with open(out, "w") as f:
        while os.path.exists(f"/proc/{pid}"):
            t = time.monotonic_ns()
            rows = []
            for task in glob.glob(f"/proc/{pid}/task/*"):
                try:
                    name = open(f"{task}/comm").read().strip()
                    run = open(f"{task}/schedstat").read().split()[0]
                    rows.append(f"{os.path.basename(task)}:{name}:{run}")
                except OSError:
                    pass
            for p in kd:
                try:
                    rows.append(f"k{os.path.basename(p)}:kdamond:{open(p + '/schedstat').read().split()[0]}")
                except OSError:
                    pass
            f.write(f"{t}\t" + "\t".join(rows) + "\n")
            time.sleep(0.02)


def analyse(folder):
    rows = [list(map(int, l.split())) for l in lzma.open(f"{folder}/steps.txt.xz", "rt") if not l.startswith("#")]
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


if __name__ == "__main__":
    if sys.argv[1] == "sample":
        sample(sys.argv[2], sys.argv[3])
    else:
        analyse(sys.argv[2])

#!/usr/bin/python3
"""Reads run-*/steps.txt (per step: start ns, end ns, the speed probe's ms after it) and run-*/jvm-events.log (the
JVM's safepoints, collections and JIT compilations, stamped with System.nanoTime) and prints: each run's spread by how
fast the probes beside its steps ran; which slow steps overlapped a JVM event; how often a step was slow given the
probe just before it or just after it; and what followed the slow steps whose probe before was fast."""
import bisect
import glob
import re
import sys

SLOW = 1.5


def load(run):
    rows = [line.split() for line in open(run + "/steps.txt")]
    spans = [(int(r[0]), int(r[1])) for r in rows]
    ms = [(b - a) / 1e6 for a, b in spans]
    probe = [float(r[2]) for r in rows]
    events = []
    for line in open(run + "/jvm-events.log"):
        m = re.match(r"\[(\d+)ns\]\[([^\]]+)\]\s*(.*)", line)
        if not m:
            continue
        t, tags, text = int(m.group(1)), m.group(2).strip(), m.group(3)
        if tags == "safepoint" and "Total:" in text:   # logged at its end; Total is its length
            total = int(re.search(r"Total: (\d+) ns", text).group(1))
            events.append((t - total, t, "safepoint " + re.search(r'"([^"]+)"', text).group(1)))
        elif tags.startswith("gc"):
            events.append((t, t, "gc " + text[:60]))
        elif tags.startswith("jit"):                    # logged as the compilation starts
            events.append((t, t, "jit " + " ".join(text.split()[2:4])))
    events.sort()
    return spans, ms, probe, events


def overlapping(events, a, b):
    i = bisect.bisect_left([e[0] for e in events], a - 10 ** 9)
    return [e[2] for e in events[i:] if e[0] <= b and e[1] >= a]


runs = sorted(glob.glob((sys.argv[1] if len(sys.argv) > 1 else ".") + "/run-*"))
before_after = {}
print("## Spread by the probes beside each step (each run over the fastest step among those kept)\n")
print("| run | steps | median ms | probe after <= 1.02x | <= 1.05x | <= 1.10x | <= 1.20x | both probes <= 1.05x |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
for run in runs:
    spans, ms, probe, events = load(run)
    fastest = min(probe)
    before = probe[:1] + probe[:-1]
    cells = []
    for keep in ([p <= c * fastest for p in probe] for c in (1.02, 1.05, 1.10, 1.20)):
        cells.append(kept_cell := None)
        k = [x for x, f in zip(ms, keep) if f]
        cells[-1] = "%d kept, max/min %.2f, %d over %.1fx" % (len(k), max(k) / min(k), sum(x > SLOW * min(k) for x in k),
                                                             SLOW) if k else "none"
    k = [x for x, p, q in zip(ms, before, probe) if max(p, q) <= 1.05 * fastest]
    cells.append("%d kept, max/min %.2f, %d over %.1fx" % (len(k), max(k) / min(k), sum(x > SLOW * min(k) for x in k),
                                                          SLOW) if k else "none")
    print("| %s | %d | %.3f | %s |" % (run.split("/")[-1], len(ms), sorted(ms)[len(ms) // 2], " | ".join(cells)))
    low = min(x for x, p in zip(ms, probe) if p <= 1.05 * fastest)
    for name, pick in (("probe before <= 1.05x", lambda i: i > 0 and before[i] <= 1.05 * fastest),
                       ("probe before in (1.05x, 1.10x]", lambda i: i > 0 and 1.05 * fastest < before[i] <= 1.10 * fastest),
                       ("probe before > 1.10x", lambda i: i > 0 and before[i] > 1.10 * fastest),
                       ("probe after <= 1.05x", lambda i: probe[i] <= 1.05 * fastest),
                       ("probe after in (1.05x, 1.10x]", lambda i: 1.05 * fastest < probe[i] <= 1.10 * fastest)):
        picked = [i for i in range(len(ms)) if pick(i)]
        t = before_after.setdefault(name, [0, 0])
        t[0] += len(picked)
        t[1] += sum(ms[i] > SLOW * low for i in picked)

print("\n## How often a step ran over %.1fx its run's fastest step (fastest among steps with probe after <= 1.05x)\n"
      % SLOW)
print("| steps whose | steps | over %.1fx | share |" % SLOW)
print("| --- | --- | --- | --- |")
for name, (n, s) in before_after.items():
    print("| %s | %d | %d | %.1f%% |" % (name, n, s, 100.0 * s / max(n, 1)))

print("\n## JVM events during the steps (steps with probe after <= 1.10x; slow = over %.1fx their fastest)\n" % SLOW)
for run in runs:
    spans, ms, probe, events = load(run)
    fastest = min(probe)
    kept = [i for i in range(len(ms)) if probe[i] <= 1.10 * fastest]
    low = min(ms[i] for i in kept)
    slow = [i for i in kept if ms[i] > SLOW * low]
    with_event = [i for i in kept if overlapping(events, *spans[i])]
    slow_with = [i for i in slow if overlapping(events, *spans[i])]
    print("- %s: %d kept steps, %d slow; %d kept steps overlapped a JVM event, %d of them slow%s" % (
        run.split("/")[-1], len(kept), len(slow), len(with_event), len(slow_with),
        "".join("; step %d (%.2fx): %s" % (i, ms[i] / low, ", ".join(overlapping(events, *spans[i])))
                for i in slow_with)))

print("\n## Slow steps whose probe before was fast (<= 1.05x), with the probe after and the next three steps"
      " (step / probe, each over its run's fastest)\n")
for run in runs:
    spans, ms, probe, events = load(run)
    fastest = min(probe)
    low = min(x for x, p in zip(ms, probe) if p <= 1.05 * fastest)
    for i in range(1, len(ms) - 3):
        if probe[i - 1] <= 1.05 * fastest and ms[i] > SLOW * low:
            print("- %s step %d: %.2f, probe before %.2f, after %.2f; next %s" % (
                run.split("/")[-1], i, ms[i] / low, probe[i - 1] / fastest, probe[i] / fastest,
                "  ".join("%.2f / %.2f" % (ms[j] / low, probe[j] / fastest) for j in range(i + 1, i + 4))))

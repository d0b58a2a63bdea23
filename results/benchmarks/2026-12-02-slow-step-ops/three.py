"""Steps, the bench's fixed Java work and Java passes over KB kB in turn in one thread, against the JVM's safepoint log.

Usage: python3 three.py three/run-1 three/kb4096-1 ...   (prints Markdown)
Each folder holds OpSteps.java's output with a fifth argument (KB) and jvm.log (-Xlog:safepoint,gc with the tn
decorator, which is System.nanoTime()).
"""
import lzma
import re
import sys
from statistics import median

from analyse import load

STALL = 250_000  # ns over the piece's median


def safepoints(folder):
    """(start, end) ns of each safepoint and collection pause: the log line is written at its end."""
    spans = []
    for line in open(f"{folder}/jvm.log"):
        m = re.match(r"\[(\d+)ns\]\[safepoint\s*\].*Total: (\d+) ns", line)
        if m:
            end = int(m.group(1))
            spans.append((end - int(m.group(2)), end))
    return spans


def overlaps(spans, a, b):
    return any(s < b and e > a for s, e in spans)


def analyse(folder):
    names, rows, ops = load(folder)
    k = len(names)
    med_op = [median(o[j] for o in ops) for j in range(k)]
    spans = safepoints(folder)
    header = lzma.open(f"{folder}/steps.txt.xz", "rt").readline()
    kb = re.search(r"over kB (\d+)", header).group(1)
    passes = "front-end C calls" if "frontend" in header else f"passes over {kb} kB"
    series = {"step": [r[1] for r in rows], "fixed work": [r[2] for r in rows], passes: [r[6] for r in rows]}
    meds = {n: median(v) for n, v in series.items()}
    # each piece's time window: the step, then (after the schedstat read) the arithmetic, then the passes
    windows = {"step": [(r[0], r[0] + r[1]) for r in rows],
               "fixed work": [(r[0] + r[1], r[0] + r[1] + r[2] + 5_000) for r in rows],
               passes: [(r[0] + r[1] + r[2], r[0] + r[1] + r[2] + r[6] + 10_000) for r in rows]}
    first, last = rows[0][0], rows[-1][0] + rows[-1][1] + rows[-1][2] + rows[-1][6]
    inside = [s for s in spans if s[0] < last and s[1] > first]
    out = {"folder": folder, "meds": meds, "safepoints": len(inside), "series": {}, "passes": passes}
    for name, v in series.items():
        stalls = [i for i, t in enumerate(v) if t - meds[name] >= STALL]
        at_safepoint = [i for i in stalls if overlaps(inside, *windows[name][i])]
        fastest = min(v)
        out["series"][name] = {"seconds": sum(v) / 1e9, "stalls": len(stalls), "at_safepoint": len(at_safepoint),
                               "max_x": max(v) / fastest, "over_per_1000": 1000 * sum(t > 1.5 * fastest for t in v) / len(v),
                               "stall_list": stalls}
    # safepoints that fell in some piece: what they cost it
    hit = {n: sum(1 for s in inside if any(s[0] < b and s[1] > a for a, b in windows[n])) for n in series}
    out["hit"] = hit
    # the step's stalls: in one op, or outside the ops; schedstat
    details = []
    for i in out["series"]["step"]["stall_list"]:
        ex = [ops[i][j] - med_op[j] for j in range(k)]
        j = max(range(k), key=lambda j: ex[j])
        detail = (i, (series["step"][i] - meds["step"]) / 1e3, names[j].split()[0], ex[j] / 1e3,
                  overlaps(inside, *windows["step"][i]), rows[i][4] / 1e3, rows[i][5])
        if ex[j] >= 200_000 or detail[4] or rows[i][5]:  # one op's stall, a safepoint or a switch: listed
            details.append(detail)
    out["details"] = details
    # broad slow steps (over half the ops over 1.2x their median): the pieces beside them
    broad = [i for i in range(len(rows)) if sum(ops[i][j] > 1.2 * med_op[j] for j in range(k)) > k / 2]
    out["broad"] = broad
    out["beside_broad"] = {n: (median(series[n][i] / meds[n] for i in broad) if broad else None)
                           for n in ("fixed work", passes)}
    slowish = lambda i: series[passes][i] > 1.15 * meds[passes]
    out["passes_slow"] = (sum(map(slowish, broad)) / len(broad) if broad else None,
                          sum(map(slowish, range(len(rows)))) / len(rows))
    out["step_broad"] = median(series["step"][i] / meds["step"] for i in broad) if broad else None
    return out


def main(folders):
    results = [analyse(f) for f in folders]
    print("| run | median ms: step / fixed work / passes | safepoints in the window | series | s in all | pieces "
          "250 us or more over their median | of them during a safepoint | max / fastest | over 1.5x per 1000 |")
    print("| --- " * 9 + "|")
    for r in results:
        m = r["meds"]
        for n, s in r["series"].items():
            print(f"| {r['folder']} | {m['step'] / 1e6:.3f} / {m['fixed work'] / 1e6:.3f} / {m[r['passes']] / 1e6:.3f} "
                  f"| {r['safepoints']} | {n} | {s['seconds']:.1f} | {s['stalls']} | {s['at_safepoint']} | "
                  f"{s['max_x']:.2f}x | {s['over_per_1000']:.1f} |")
    print("\nSafepoints that fell in a piece, per series: "
          + "; ".join(f"{r['folder']}: " + ", ".join(f"{n} {c}" for n, c in r["hit"].items()) for r in results))
    print("\nThe steps 250 us or more over their median with one op 200 us or more over its own median, a safepoint "
          "or a time slice ending in them (the others are spread over many ops):\n")
    print("| run | step | us over the median | op most delayed, us | during a safepoint | waited to run, us | time slices |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        for i, total, op, us, sp, wait, slices in r["details"]:
            print(f"| {r['folder']} | {i} | {total:.0f} | {op}, {us:.0f} | {'yes' if sp else 'no'} | {wait:.0f} | {slices} |")
    print("\nSteps with over half their ops over 1.2x their median, and the pieces after them (each over its median):\n")
    print("| run | such steps | step, median over its median | fixed work after | passes after | passes after over "
          "1.15x their median: after such steps / after any step |")
    print("| --- | --- | --- | --- | --- | --- |")
    for r in results:
        b = r["beside_broad"]
        if r["broad"]:
            print(f"| {r['folder']} ({r['passes']}) | {len(r['broad'])} | {r['step_broad']:.2f}x | {b['fixed work']:.2f}x | "
                  f"{b[r['passes']]:.2f}x | {r['passes_slow'][0]:.0%} / {r['passes_slow'][1]:.0%} |")
        else:
            print(f"| {r['folder']} ({r['passes']}) | 0 | - | - | - | - |")


if __name__ == "__main__":
    main(sys.argv[1:])

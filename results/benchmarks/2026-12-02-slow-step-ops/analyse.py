"""Where the excess time of the quickstart's slow steps falls, op by op (OpSteps.java's output).

Usage: python3 analyse.py run-1 run-2 ...  (prints Markdown)
"""
import lzma
import struct
import sys
from collections import Counter
from statistics import median

SLOW = 1.5  # a step over this times its run's fastest is slow
STALL = 0.7  # an op carrying over this share of its step's excess is "the stall"


def steps(folder):
    """The rows of FOLDER/steps.txt.xz (OpSteps.java's columns), as ints."""
    return [list(map(int, l.split())) for l in lzma.open(f"{folder}/steps.txt.xz", "rt") if not l.startswith("#")]


def load(folder):
    names = open(f"{folder}/ops.txt").read().splitlines()
    k = len(names)
    rows = steps(folder)
    raw = lzma.open(f"{folder}/op-ns.bin.xz").read()
    flat = struct.unpack(f">{len(raw) // 8}q", raw)
    ops = [flat[i * k:(i + 1) * k] for i in range(len(rows))]
    return names, rows, ops


def analyse(folder):
    names, rows, ops = load(folder)
    k = len(names)
    step = [r[1] for r in rows]
    work = [r[2] for r in rows]
    fastest, wfastest = min(step), min(work)
    med_op = [median(o[j] for o in ops) for j in range(k)]
    med_out = median(s - sum(o) for s, o in zip(step, ops))
    med_step = median(step)
    out = {"folder": folder, "steps": len(step), "fastest_ms": fastest / 1e6, "median_ms": med_step / 1e6,
           "max_x": max(step) / fastest, "work_max_x": max(work) / wfastest,
           "work_slow": sum(w > SLOW * wfastest for w in work), "med_op": med_op, "med_out": med_out,
           "names": names}
    slow = [i for i in range(len(step)) if step[i] > SLOW * fastest]
    out["slow"] = len(slow)
    big = [i for i in range(len(step)) if step[i] - med_step >= 250_000]
    out["step_250"] = len(big)
    out["op_stalls"] = sum(1 for i in big if max(ops[i][j] - med_op[j] for j in range(k)) >= 200_000)
    out["work_stalls"] = sum(1 for w in work if w - median(work) >= 250_000)
    out["seconds"] = (sum(step) / 1e9, sum(work) / 1e9)
    # solitary: the work beside it (before and after) at speed
    def work_fast(i):
        return 0 <= i < len(work) and work[i] <= 1.2 * wfastest
    out["solitary"] = [i for i in slow if work_fast(i - 1) and work_fast(i)]
    details = []
    for i in slow:
        excess = [ops[i][j] - med_op[j] for j in range(k)]
        outside = step[i] - sum(ops[i]) - med_out
        total = step[i] - med_step
        top = max(range(k), key=lambda j: excess[j])
        over = [j for j in range(k) if excess[j] > max(20_000, med_op[j])]  # ops over twice their median and +20 us
        broad = sum(ops[i][j] > 1.2 * med_op[j] for j in range(k)) / k  # share of ops over 1.2x their median
        details.append({"i": i, "x": step[i] / fastest, "total_us": total / 1e3, "top": top,
                        "top_us": excess[top] / 1e3, "top_share": excess[top] / total if total > 0 else 0,
                        "outside_us": outside / 1e3, "over": over, "broad": broad, "switched": rows[i][5], "wait": rows[i][4],
                        "work_before": work[i - 1] / wfastest if i else None, "work_after": work[i] / wfastest})
    out["details"] = details
    out["delays"] = [sum(1 for o in ops if o[j] - med_op[j] >= 35_000) for j in range(k)]
    return out


def report(results):
    print("| run | steps | fastest ms | median ms | max / fastest | steps over 1.5x | of them solitary (work beside within 1.2x) "
          "| work stretches over 1.5x | work max / fastest | steps 250 us or more over the median step (of them, with one "
          "op 200 us or more over its median) | work stretches 250 us or more over the median | s of steps / of work |")
    print("| --- " * 12 + "|")
    for r in results:
        print(f"| {r['folder']} | {r['steps']} | {r['fastest_ms']:.3f} | {r['median_ms']:.3f} | {r['max_x']:.2f}x | "
              f"{r['slow']} | {len(r['solitary'])} | {r['work_slow']} | {r['work_max_x']:.2f}x | {r['step_250']} ({r['op_stalls']}) | "
              f"{r['work_stalls']} | {r['seconds'][0]:.1f} / {r['seconds'][1]:.1f} |")
    print()
    names = results[0]["names"]
    k = len(names)
    med_op = [median(r["med_op"][j] for r in results) for j in range(k)]
    step_med = sum(med_op) + median(r["med_out"] for r in results)
    delays = [sum(r["delays"][j] for r in results) for j in range(k)]
    expected = [sum(delays) * med_op[j] / sum(med_op) for j in range(k)]
    order = sorted(range(k), key=lambda j: -(delays[j] + 1) / (expected[j] + 1))
    print(f"Every step, every op: {sum(delays)} delays of 35 us or more over the op's median. A delay at a random "
          "moment falls on an op in proportion to its time; the ops furthest above that:\n")
    print("| # | op | median us | delays | expected at its share of time |\n| --- | --- | --- | --- | --- |")
    for j in order[:6]:
        print(f"| {j} | {names[j][:70]} | {med_op[j] / 1e3:.1f} | {delays[j]} | {expected[j]:.1f} |")
    print()
    print(f"Ops per step: {k}; inside ops {sum(med_op) / 1e3:.0f} us of a {step_med / 1e3:.0f} us median step "
          "(medians over runs of each op's median).\n")
    for label, pick in (("all slow steps", lambda r: r["details"]),
                        ("solitary slow steps", lambda r: [d for d in r["details"] if d["i"] in r["solitary"]])):
        ds = [d for r in results for d in pick(r)]
        if not ds:
            continue
        stall = [d for d in ds if d["top_share"] > STALL]
        print(f"### {label}: {len(ds)}\n")
        print(f"- one op carried over {STALL:.0%} of the step's excess in {len(stall)} ({len(stall) / len(ds):.0%}); "
              f"median share of the largest: {median(d['top_share'] for d in ds):.0%}")
        print(f"- ops over twice their median (and +20 us) per slow step: median {median(len(d['over']) for d in ds)}, "
              f"max {max(len(d['over']) for d in ds)}")
        print(f"- share of the step's ops over 1.2x their median: median {median(d['broad'] for d in ds):.0%} "
              f"(over half the ops in {sum(d['broad'] > 0.5 for d in ds)} steps)")
        print(f"- excess outside the ops (copies, Java between ops): median {median(d['outside_us'] for d in ds):.1f} us, "
              f"max {max(d['outside_us'] for d in ds):.1f} us")
        print(f"- switched out during the step: {sum(d['switched'] > 0 for d in ds)}; waited to run: "
              f"{sum(d['wait'] > 0 for d in ds)}\n")
        # where the stalls fell against where time is spent
        hits = Counter(d["top"] for d in ds)
        total_time = sum(med_op)
        print("The op carrying the most excess, against its share of the time inside ops (a stall at a random moment "
              "falls on an op in proportion to its time):\n")
        print("| # | op | median us | share of op time | slow steps where it carried the most | expected at its share |")
        print("| --- | --- | --- | --- | --- | --- |")
        for j, c in hits.most_common(12):
            print(f"| {j} | {names[j][:70]} | {med_op[j] / 1e3:.1f} | {med_op[j] / total_time:.1%} | {c} | "
                  f"{len(ds) * med_op[j] / total_time:.1f} |")
        print()
        # position in the step of the top op (first / second / third ... by time)
        starts = []
        for d in ds:
            before = sum(med_op[:d["top"]])
            starts.append(before / total_time)
        thirds = Counter(min(2, int(s * 3)) for s in starts)
        print(f"Where in the step (by median time before the op) the largest excess fell: first third {thirds[0]}, "
              f"second {thirds[1]}, last {thirds[2]}.\n")
        print("| run | step | x fastest | excess us | largest: op, us, share | ops over 2x | ops over 1.2x | outside us | work before / after |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for r in results:
            for d in pick(r):
                wb = f"{d['work_before']:.2f}" if d["work_before"] else "-"
                print(f"| {r['folder']} | {d['i']} | {d['x']:.2f} | {d['total_us']:.0f} | {d['top']} "
                      f"{names[d['top']].split()[0]}, {d['top_us']:.0f}, {d['top_share']:.0%} | {len(d['over'])} | {d['broad']:.0%} | "
                      f"{d['outside_us']:.0f} | {wb} / {d['work_after']:.2f} |")
        print()


if __name__ == "__main__":
    report([analyse(f) for f in sys.argv[1:]])

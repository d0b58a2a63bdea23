"""Pools the step times of each arm and case over the rounds of run.sh; writes summary.md's table to stdout."""
import csv, glob, os, statistics, sys
HERE = os.path.dirname(os.path.abspath(__file__))
ARMS = [("a-new", "AttnLab, launcher defaults (PASSIVE, timeout 4)"), ("a-libdefault", "AttnLab, libraries' own"),
        ("p-timeout", "PyTorch, PASSIVE + timeout 4"), ("p-passive", "PyTorch, PASSIVE only")]
print("| arm | case | median ms | min | max | per-round medians |")
print("| --- | --- | --- | --- | --- | --- |")
for arm, label in ARMS:
    steps = {}
    for f in sorted(glob.glob(os.path.join(HERE, "raw", "round-*", arm, "*.csv"))):
        for row in csv.DictReader(open(f)):
            s = [float(x) for x in row["step_ms"].split(";")]
            steps.setdefault(row["case"], []).append(s)
    for case, rounds in steps.items():
        pooled = [x for r in rounds for x in r]
        per = " / ".join("%.0f" % statistics.median(r) for r in rounds)
        print("| %s | %s | %.1f | %.1f | %.1f | %s |" % (label, case, statistics.median(pooled), min(pooled),
                                                       max(pooled), per))

"""Epoch-start steps against the others in one ./attnlab bench CSV (quickstart: 64 batches per epoch)."""
import csv, statistics, sys
row = next(csv.DictReader(open(sys.argv[1])))
st = [float(x) for x in row["step_ms"].split(";")]
w = int(row["warmup"]); fast = min(st)
e0 = [st[i] for i in range(len(st)) if (w+1+i) % 64 == 0]
oth = [st[i] for i in range(len(st)) if (w+1+i) % 64 != 0]
print("min %.3f | epoch start median %.2fx max %.2fx (n=%d) | other median %.2fx p99 %.2fx max %.2fx" % (
    fast, statistics.median(e0)/fast, max(e0)/fast, len(e0), statistics.median(oth)/fast,
    sorted(oth)[int(len(oth)*0.99)]/fast, max(oth)/fast))

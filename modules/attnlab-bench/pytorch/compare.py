#!/usr/bin/python3
"""Runs AttnLab's benchmark cases and their PyTorch twins interleaved and writes the side-by-side table.

Each round runs every case once in a fresh AttnLab process (`attnlab bench --cases CASE`) and once in a fresh PyTorch
process (bench_torch.py), alternating which goes first from round to round (A B, then B A). The table pools every
timed step of every round per case and side: median, min and max ms; AttnLab/PyTorch ratios of the medians, the
minima and the maxima; and the range of the per-round ratios of medians. A second table gives each side's spread:
the 90th and 99th percentiles and the maximum over the minimum, and the share of steps above 1.5x the minimum. A third
gives the same for the steps taken while the processor ran at full speed, as the speed probe timed between steps
shows, and a fourth for the steps between two fast probes (the first step of a process has only the probe after it).
Started by compare.sh.
"""
import argparse
import csv
import datetime
import os
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def sh(cmd, cwd):
    return subprocess.run(cmd, cwd=cwd, shell=True, capture_output=True, text=True).stdout.strip()


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def cpu_model():
    for line in sh("lscpu", "/").splitlines():
        if line.startswith("Model name:"):
            return line.split(":", 1)[1].strip()
    return "unknown"


def shown(arg, root):
    """An argument as the log shows it: paths inside the project relative to its folder, so no log names this machine."""
    if os.path.isabs(arg) and arg.startswith(os.path.abspath(root) + os.sep):
        return os.path.relpath(arg, root)
    return arg


def run(cmd, env, log, root):
    with open(log, "w") as f:
        f.write("$ " + " ".join(shown(c, root) for c in cmd) + "\n")
        f.flush()
        return subprocess.run(cmd, env=env, stdout=f, stderr=subprocess.STDOUT).returncode == 0


def read(path):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        rows = list(csv.DictReader(f))
    return rows[0] if rows else None


def steps(row):
    return [float(x) for x in row["step_ms"].split(";")]


def probes(row):
    """The speed probe's ms after each step, or None where the CSV has none (written before the probe existed)."""
    text = row.get("probe_ms") or ""
    return [float(x) for x in text.split(";")] if text else None


def no_twin(case):
    """Cases PyTorch has no twin of: the data pipelines and the machine's own fixed work."""
    return case.endswith("-data") or case.startswith("fixed-work")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", required=True, help="the AttnLab project folder")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--cases", default="all", help="as for attnlab bench --cases")
    ap.add_argument("--threads", type=int, default=2, help="threads on both sides (default 2)")
    ap.add_argument("--attnlab-threads", type=int, help="AttnLab's threads when they should differ from --threads")
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--iterations", type=int, default=10)
    ap.add_argument("--small", action="store_true", help="tiny shapes: checks the scripts, measures nothing")
    ap.add_argument("--out", help="results folder (default results/benchmarks/DATE-COMMIT)")
    a = ap.parse_args()
    root = a.root
    commit = sh("git rev-parse --short HEAD", root) + ("-dirty" if sh("git status --porcelain -uno", root) else "")
    started = datetime.datetime.now(datetime.timezone.utc)
    out = a.out or os.path.join("results", "benchmarks", started.strftime("%Y-%m-%d") + "-" + commit
                                + ("-small" if a.small else ""))
    os.makedirs(out, exist_ok=True)
    load_start = loadavg()
    launcher = os.path.join(root, "attnlab")
    small = ["--small"] if a.small else []
    listing = subprocess.run([launcher, "bench", "--list", "--cases", a.cases] + small, capture_output=True,
                             text=True)
    if listing.returncode != 0:
        sys.exit("compare: " + (listing.stderr.strip().splitlines() or ["attnlab bench --list failed"])[-1])
    cases = [line.split("\t")[0] for line in listing.stdout.splitlines() if "\t" in line]
    a_threads = a.attnlab_threads or a.threads
    jvm_env = dict(os.environ, OMP_NUM_THREADS=str(a_threads))
    # OPENBLAS_THREAD_TIMEOUT=4 (AttnLab's launcher default) did not make PyTorch's steps faster
    # (results/benchmarks/2026-12-02-idle-threads/), so PyTorch keeps OpenBLAS's own
    py_env = dict(os.environ, OMP_WAIT_POLICY="PASSIVE", OMP_NUM_THREADS=str(a.threads))
    print("compare: %d cases x %d rounds, %d threads, into %s" % (len(cases), a.rounds, a.threads, out), flush=True)
    for r in range(1, a.rounds + 1):
        for case in cases:
            d = os.path.join(out, "raw", "round-%d" % r, case)
            os.makedirs(d, exist_ok=True)
            spec = os.path.join(out, "raw", "round-1", case, "attnlab.csv")
            attnlab = lambda: run([launcher, "bench", "--cases", case, "--warmup", str(a.warmup), "--iterations",
                                   str(a.iterations), "--threads", str(a_threads), "--out", d] + small, jvm_env,
                                  os.path.join(d, "attnlab.log"), root)
            torch = lambda: no_twin(case) or not os.path.exists(spec) or run(
                ["/usr/bin/python3", os.path.join(HERE, "bench_torch.py"), "--from", spec, "--out",
                 os.path.join(d, "torch.csv"), "--threads", str(a.threads), "--warmup", str(a.warmup),
                 "--iterations", str(a.iterations), "--gemm-size", "64" if a.small else "1024"], py_env,
                os.path.join(d, "torch.log"), root)
            if r % 2 == 0 and os.path.exists(spec):  # even rounds: PyTorch first
                p_ok = torch()
                a_ok = attnlab()
            else:
                a_ok = attnlab()
                p_ok = torch()
            print("round %d %-22s attnlab %s, pytorch %s" % (r, case, "ok" if a_ok else "FAILED (see log)",
                                                            "no twin" if no_twin(case)
                                                            else "ok" if p_ok else "FAILED (see log)"), flush=True)
    ended = datetime.datetime.now(datetime.timezone.utc)
    table = report(out, cases, a, commit, started, ended, load_start, loadavg())
    print(table)


def report(out, cases, a, commit, started, ended, load_start, load_end):
    build = os.environ.get("ATTNLAB_ND4J_BUILD", "generic")
    cmd = ("" if build == "generic" else "ATTNLAB_ND4J_BUILD=%s " % build) \
        + "modules/attnlab-bench/compare.sh " + " ".join(sys.argv[3:])
    lines = ["# AttnLab vs PyTorch, training step per case", "",
             "- command: `%s`" % cmd.strip(),
             "- commit: %s" % commit,
             "- libnd4j build: %s (ATTNLAB_ND4J_BUILD)" % build,
             "- machine: %s, %s cores (lscpu / nproc)" % (cpu_model(), sh("nproc", "/")),
             "- date: %s to %s (UTC)" % (started.strftime("%Y-%m-%d %H:%M"), ended.strftime("%H:%M")),
             "- load averages (1, 5, 15 min): %s at start, %s at end" % (load_start, load_end),
             "- %d rounds, each case alternately in a fresh AttnLab and a fresh PyTorch process; threads: AttnLab %d "
             "(OMP_NUM_THREADS and --threads), PyTorch %d (torch.set_num_threads); OMP_WAIT_POLICY=PASSIVE on both "
             "sides, AttnLab also OPENBLAS_THREAD_TIMEOUT=4 (the launcher's defaults); %d warm-up "
             "and %d timed steps per process" % (a.rounds, a.attnlab_threads or a.threads, a.threads, a.warmup,
                                                 a.iterations),
             "- ms are pooled over every timed step of every round; ratios are AttnLab / PyTorch", ""]
    gemm_a, gemm_p = [], []
    rows = ["| case | AttnLab ms median (min-max) | PyTorch ms median (min-max) | ratio of medians | ratio of minima "
            "| ratio of maxima | per-round ratio range | AttnLab peak RSS MB | PyTorch peak RSS MB | parameters |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    csv_rows = [["case", "attnlab_median_ms", "attnlab_min_ms", "attnlab_max_ms", "torch_median_ms", "torch_min_ms",
                 "torch_max_ms", "ratio_median", "ratio_min", "ratio_max", "attnlab_peak_rss_mb",
                 "torch_peak_rss_mb", "attnlab_parameters", "torch_parameters"]]
    spread = ["", "Spread of the pooled steps, each side over its own minimum:", "",
              "| case | AttnLab p90 / p99 / max | AttnLab steps over 1.5x min | AttnLab collections in timed steps, "
              "per round (ms) | PyTorch p90 / p99 / max | PyTorch steps over 1.5x min |",
              "| --- | --- | --- | --- | --- | --- |"]
    steady = ["", "Steps with the processor at full speed: those for which the speed probe (a fixed piece of work timed "
              "between steps) ran within %.1fx of that side's fastest probe just before or just after the step; a shared "
              "machine's processor can run at half speed for seconds, and every step then is slow whatever it runs, "
              "while a probe right after a collection or a large step is slowed by cold caches alone. Each side over "
              "the minimum of its kept steps; max / min per process (rounds in order):" % STEADY, "",
              "| case | AttnLab probe slowest / fastest | AttnLab steps kept | AttnLab p99 / max | AttnLab steps over "
              "1.5x min | AttnLab max / min per process | PyTorch probe slowest / fastest | PyTorch steps kept "
              "| PyTorch p99 / max | PyTorch steps over 1.5x min | PyTorch max / min per process |",
              "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    between = ["", "Steps between two fast probes: those whose probes just before and just after both ran within "
               "%.2fx of the fastest probe of their own process. A processor slows in episodes that start and end "
               "at any moment, and a step an episode begins or ends in has one fast probe beside it "
               "(results/benchmarks/2026-12-02-slow-steps/); a collection in the step or a large step's cache "
               "footprint slows the probe after it too, so large steps keep few: read the share kept, and the "
               "collections in the table above. Max / min per process (rounds in order):" % BETWEEN, "",
               "| case | AttnLab steps kept | AttnLab p99 / max | AttnLab steps over 1.5x min | AttnLab max / min per "
               "process | PyTorch steps kept | PyTorch p99 / max | PyTorch steps over 1.5x min | PyTorch max / min "
               "per process |",
               "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for case in cases:
        a_rows, p_rows = [], []
        for r in range(1, a.rounds + 1):
            d = os.path.join(out, "raw", "round-%d" % r, case)
            a_rows.append(read(os.path.join(d, "attnlab.csv")))
            p_rows.append(read(os.path.join(d, "torch.csv")))
        a_ok = [x for x in a_rows if x]
        p_ok = [x for x in p_rows if x]
        gemm_a += [float(x["gemm_peak_gflop_s"]) for x in a_ok]
        gemm_p += [float(x["gemm_peak_gflop_s"]) for x in p_ok]
        if not a_ok:
            rows.append("| %s | failed | | | | | | | | |" % case)
            continue
        at = np.array([m for x in a_ok for m in steps(x)])
        a_rss = max(float(x["peak_rss_mb"]) for x in a_ok)
        a_par = a_ok[0]["parameters"]
        if not p_ok:
            missing = "no twin" if no_twin(case) else "failed"
            rows.append("| %s | %.2f (%.2f-%.2f) | %s | | | | | %.0f | | %s |" % (
                case, np.median(at), at.min(), at.max(), missing, a_rss, a_par))
            spread.append("| %s | %s | %s | %s | %s | |" % ((case,) + spread_of(at) + (collections(a_ok), missing)))
            a_steady = at_full_speed(a_ok)
            if a_steady:
                steady.append("| %s | %s | %s | | | | |" % (case, a_steady, missing))
                between.append("| %s | %s | %s | | | |" % (case, between_fast_probes(a_ok), missing))
            continue
        pt = np.array([m for x in p_ok for m in steps(x)])
        per_round = [float(x["median_ms"]) / float(y["median_ms"]) for x, y in zip(a_rows, p_rows) if x and y]
        p_par = p_ok[0]["parameters"]
        params = a_par if a_par == p_par else "%s vs %s (DIFFER)" % (a_par, p_par)
        p_rss = max(float(x["peak_rss_mb"]) for x in p_ok)
        rm, rmin, rmax = np.median(at) / np.median(pt), at.min() / pt.min(), at.max() / pt.max()
        rows.append("| %s | %.2f (%.2f-%.2f) | %.2f (%.2f-%.2f) | %.2f | %.2f | %.2f | %s | %.0f | %.0f | %s |" % (
            case, np.median(at), at.min(), at.max(), np.median(pt), pt.min(), pt.max(), rm, rmin, rmax,
            "%.2f-%.2f" % (min(per_round), max(per_round)) if per_round else "", a_rss, p_rss, params))
        csv_rows.append([case, np.median(at), at.min(), at.max(), np.median(pt), pt.min(), pt.max(), rm, rmin, rmax,
                         a_rss, p_rss, a_par, p_par])
        spread.append("| %s | %s | %s | %s | %s | %s |" % ((case,) + spread_of(at) + (collections(a_ok),)
                                                         + spread_of(pt)))
        a_steady, p_steady = at_full_speed(a_ok), at_full_speed(p_ok)
        if a_steady and p_steady:
            steady.append("| %s | %s | %s |" % (case, a_steady, p_steady))
            between.append("| %s | %s | %s |" % (case, between_fast_probes(a_ok), between_fast_probes(p_ok)))
    if gemm_a:
        lines.insert(len(lines) - 1, "- matrix-multiply rate (median over processes): AttnLab ND4J gemm %.1f GFLOP/s, "
                                     "PyTorch mm %s GFLOP/s" % (np.median(gemm_a),
                                                                "%.1f" % np.median(gemm_p) if gemm_p else "-"))
    text = "\n".join(lines + rows + (spread if len(spread) > 5 else []) + (steady if len(steady) > 5 else [])
                     + (between if len(between) > 5 else [])) + "\n"
    with open(os.path.join(out, "comparison.md"), "w") as f:
        f.write(text)
    with open(os.path.join(out, "comparison.csv"), "w", newline="") as f:
        csv.writer(f).writerows(csv_rows)
    return text


def collections(rows):
    """Each AttnLab process's garbage collections during its timed steps, with their ms ("-" where not counted)."""
    return " / ".join("%s (%s)" % (x["gc_count"], x["gc_ms"]) if x.get("gc_count") else "-" for x in rows)


STEADY = 1.2


def at_full_speed(rows):
    """One side's cells of the full-speed table, or None when a process has no probe: the probe's slowest over its
    fastest, then kept_cells of the steps with a probe within STEADY of the fastest on either side of them."""
    per_process = [(np.array(steps(x)), probes(x)) for x in rows]
    if any(p is None for _, p in per_process):
        return None
    fastest = min(min(p) for _, p in per_process)
    slowest = max(max(p) for _, p in per_process)
    kept = [ms[beside(np.array(p)) <= STEADY * fastest] for ms, p in per_process]
    return "%.2f | %s" % (slowest / fastest, kept_cells(kept, sum(len(ms) for ms, _ in per_process)))


BETWEEN = 1.05


def between_fast_probes(rows):
    """One side's cells of the between-fast-probes table: kept_cells of the steps whose probes just before and just
    after both ran within BETWEEN of their process's fastest probe."""
    kept, total = [], 0
    for x in rows:
        ms, after = np.array(steps(x)), np.array(probes(x))
        kept.append(ms[np.maximum(probe_before(after), after) <= BETWEEN * after.min()])
        total += len(ms)
    return kept_cells(kept, total)


def kept_cells(kept, total):
    """The share of the total steps kept, and the kept steps' p99 and max over their pooled minimum, share above
    1.5x it, and max over min within each process (kept: one array of steps per process)."""
    pooled = np.concatenate(kept)
    if len(pooled) == 0:
        return "0% | | | "
    low = pooled.min()
    return "%.0f%% | %.2f / %.2f | %.1f%% | %s" % (
        100.0 * len(pooled) / total, np.percentile(pooled, 99) / low, pooled.max() / low,
        100.0 * np.mean(pooled > 1.5 * low), " / ".join("%.2f" % (k.max() / k.min()) if len(k) else "-" for k in kept))


def probe_before(after):
    """Per step, the probe timed just before it, from the probes timed after each step (the first step's is its own)."""
    return np.concatenate([after[:1], after[:-1]])


def beside(after):
    """Per step, the faster of the probes just before and just after it. A processor slowed by another tenant slows
    both; a collection in the step or its own cache footprint slows only the one after it."""
    return np.minimum(probe_before(after), after)


def spread_of(ms):
    """(p90, p99 and max over the minimum; the share of steps above 1.5x the minimum) of one side's pooled steps."""
    low = ms.min()
    return ("%.2f / %.2f / %.2f" % (np.percentile(ms, 90) / low, np.percentile(ms, 99) / low, ms.max() / low),
            "%.1f%%" % (100.0 * np.mean(ms > 1.5 * low)))


if __name__ == "__main__":
    sys.exit(main())

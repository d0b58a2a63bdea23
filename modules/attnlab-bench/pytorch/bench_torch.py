#!/usr/bin/python3
"""PyTorch twins of AttnLab's benchmark cases.

Reads the cases and their sizes from an AttnLab result file (attnlab.csv, written by `attnlab bench`), builds the
same model in PyTorch (same shapes, loss, optimizer and parameter count), times its training step the same way
(untimed warm-up steps, then timed steps) and writes a CSV with AttnLab's columns. Data-pipeline cases have no twin
and are skipped.

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 bench_torch.py --from attnlab.csv --out torch.csv [--threads 2]
"""
import argparse
import csv
import math
import os
import sys
import time

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # before torch loads: idle threads must not spin

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

HEADER = ("case,warmup,counted,tokens_per_step,median_ms,min_ms,max_ms,tokens_per_s,steps_per_s,gflop_per_step,gflop_s,"
          "of_gemm_peak,gemm_peak_gflop_s,peak_rss_mb,parameters,spec,step_ms,cpu_ms,probe_ms").split(",")
DATA_SEED = 12345


def xavier(*shape):
    """A parameter of `shape` with Xavier-uniform values (fan-in = first axis, fan-out = last)."""
    w = torch.empty(*shape)
    a = math.sqrt(6.0 / (shape[0] + shape[-1]))
    nn.init.uniform_(w, -a, a)
    return nn.Parameter(w)


class MultiHead(nn.Module):
    """AttnLab's MultiHeadAttention: W_q, W_k, W_v, W_o [d, d] without biases; the score's parameters are shared by
    the heads (general: W [dh, dh]; additive: W_q, W_k [dh, hidden], v [hidden, 1], computed by naive broadcast)."""

    def __init__(self, d, heads, score, hidden):
        super().__init__()
        self.h, self.dh, self.score = heads, d // heads, score
        self.wq, self.wk, self.wv, self.wo = (xavier(d, d) for _ in range(4))
        if score == "general":
            self.w = xavier(self.dh, self.dh)
        elif score == "additive":
            self.aq, self.ak, self.av = xavier(self.dh, hidden), xavier(self.dh, hidden), xavier(hidden, 1)

    def split(self, x, w):
        b, t, _ = x.shape
        return (x @ w).view(b, t, self.h, self.dh).transpose(1, 2)  # [B, H, T, dh]

    def forward(self, xq, xkv, key_keep=None, causal=False):
        b, tq, d = xq.shape
        q, k, v = self.split(xq, self.wq), self.split(xkv, self.wk), self.split(xkv, self.wv)
        s = scores(q, k, self.score, self)
        s = masked(s, key_keep, causal)
        out = torch.softmax(s, -1) @ v
        return out.transpose(1, 2).reshape(b, tq, d) @ self.wo


def scores(q, k, score, p):
    if score == "dot":
        return q @ k.transpose(-1, -2)
    if score == "scaled_dot":
        return q @ k.transpose(-1, -2) / math.sqrt(k.shape[-1])
    if score == "general":
        return (q @ p.w) @ k.transpose(-1, -2)
    if score == "additive":  # [.., Tq, 1, h] + [.., 1, Tk, h] -> [.., Tq, Tk, h]
        return (torch.tanh((q @ p.aq).unsqueeze(-2) + (k @ p.ak).unsqueeze(-3)) @ p.av).squeeze(-1)
    raise ValueError("unknown score " + score)


def masked(s, key_keep, causal):
    if key_keep is not None:
        s = s.masked_fill(~key_keep[:, None, None, :], -1e9)
    if causal:
        t = s.shape[-1]
        s = s.masked_fill(torch.ones(t, t, dtype=torch.bool).triu(1), -1e9)
    return s


class AdditiveSelfAttention(nn.Module):
    """AttnLab's additive-score case: x is query, key and value; W_q, W_k [d, hidden], v [hidden, 1]."""

    def __init__(self, d, hidden):
        super().__init__()
        self.aq, self.ak, self.av = xavier(d, hidden), xavier(d, hidden), xavier(hidden, 1)

    def forward(self, x):
        return torch.softmax(scores(x, x, "additive", self), -1) @ x


class FeedForward(nn.Module):
    def __init__(self, d, f):
        super().__init__()
        self.l1, self.l2 = nn.Linear(d, f), nn.Linear(f, d)

    def forward(self, x):
        return self.l2(torch.relu(self.l1(x)))


class Sublayer(nn.Module):
    """post-LN norm(x + f(x)) or pre-LN x + f(norm(x)); without residual norm(f(x)) or f(norm(x))."""

    def __init__(self, d, norm, residual):
        super().__init__()
        self.ln, self.pre, self.residual = nn.LayerNorm(d), norm == "pre", residual

    def forward(self, x, f):
        if self.pre:
            out = f(self.ln(x))
            return x + out if self.residual else out
        out = f(x)
        return self.ln(x + out if self.residual else out)


class EncoderLayer(nn.Module):
    def __init__(self, d, heads, d_ff, norm, residual=True, score="scaled_dot", hidden=0):
        super().__init__()
        self.att, self.ff = MultiHead(d, heads, score, hidden), FeedForward(d, d_ff)
        self.s1, self.s2 = Sublayer(d, norm, residual), Sublayer(d, norm, residual)

    def forward(self, x, keep=None):
        h = self.s1(x, lambda a: self.att(a, a, keep))
        return self.s2(h, self.ff)


class DecoderLayer(nn.Module):
    def __init__(self, d, heads, d_ff, norm, residual, score, hidden):
        super().__init__()
        self.self_att, self.cross = MultiHead(d, heads, score, hidden), MultiHead(d, heads, score, hidden)
        self.ff = FeedForward(d, d_ff)
        self.s1, self.s2, self.s3 = (Sublayer(d, norm, residual) for _ in range(3))

    def forward(self, y, memory, src_keep, tgt_keep):
        h = self.s1(y, lambda a: self.self_att(a, a, tgt_keep, causal=True))
        h = self.s2(h, lambda a: self.cross(a, memory, src_keep))
        return self.s3(h, self.ff)


def sinusoidal(max_len, d):
    pos = np.arange(max_len)[:, None]
    j = np.arange(d)[None, :]
    angle = pos / np.power(10000.0, (j - j % 2) / d)
    return torch.tensor(np.where(j % 2 == 0, np.sin(angle), np.cos(angle)), dtype=torch.float32)


class Transformer(nn.Module):
    """AttnLab's Transformer: one-hot embeddings x sqrt(d), positions, encoder, decoder, output layer; id 0 is
    padding (masked as a key and ignored by the loss)."""

    def __init__(self, sp):
        super().__init__()
        d, L = int(sp["d_model"]), int(sp["layers"])
        self.d, self.vs, self.vt = d, int(sp["src_vocab"]), int(sp["decoder_vocab"])
        self.src_embed = nn.Parameter(torch.randn(self.vs, d) / math.sqrt(d))
        self.tgt_embed = nn.Parameter(torch.randn(self.vt, d) / math.sqrt(d))
        max_len, kind = int(sp["max_len"]), sp["positional"]
        if kind == "learned":
            self.src_pos, self.tgt_pos = nn.Parameter(torch.randn(max_len, d)), nn.Parameter(torch.randn(max_len, d))
        elif kind == "sinusoidal":
            self.register_buffer("src_pos", sinusoidal(max_len, d))
            self.register_buffer("tgt_pos", sinusoidal(max_len, d))
        else:
            self.src_pos = self.tgt_pos = None
        args = (d, int(sp["heads"]), int(sp["d_ff"]), sp["norm"], sp["residual"] == "true", sp["score"],
                int(sp["head_hidden"]))
        self.enc = nn.ModuleList(EncoderLayer(*args) for _ in range(L))
        self.dec = nn.ModuleList(DecoderLayer(*args) for _ in range(L))
        self.pre = sp["norm"] == "pre"
        if self.pre:
            self.enc_norm, self.dec_norm = nn.LayerNorm(d), nn.LayerNorm(d)
        self.w_out, self.b_out = xavier(d, self.vt), nn.Parameter(torch.zeros(self.vt))

    def embed(self, ids, table, vocab, pos):
        x = F.one_hot(ids, vocab).float() @ table * math.sqrt(self.d)
        return x if pos is None else x + pos[: ids.shape[1]]

    def forward(self, src, tgt_in):
        src_keep, tgt_keep = src != 0, tgt_in != 0
        x = self.embed(src, self.src_embed, self.vs, self.src_pos)
        for layer in self.enc:
            x = layer(x, src_keep)
        if self.pre:
            x = self.enc_norm(x)
        y = self.embed(tgt_in, self.tgt_embed, self.vt, self.tgt_pos)
        for layer in self.dec:
            y = layer(y, x, src_keep, tgt_keep)
        if self.pre:
            y = self.dec_norm(y)
        return y @ self.w_out + self.b_out


class Tagger(nn.Module):
    """AttnLab's SequenceTagger: one-hot embedding + learned positions, multi-head self-attention with a residual,
    output layer."""

    def __init__(self, sp):
        super().__init__()
        d, v = int(sp["d_model"]), int(sp["src_vocab"])
        self.v = v
        self.embed = nn.Parameter(torch.randn(v, d) / math.sqrt(d))
        self.pos = nn.Parameter(torch.randn(int(sp["max_len"]), d) / math.sqrt(d))
        self.att = MultiHead(d, int(sp["heads"]), sp["score"], int(sp["head_hidden"]))
        self.w_out, self.b_out = xavier(d, v), nn.Parameter(torch.zeros(v))

    def forward(self, tokens):
        x = F.one_hot(tokens, self.v).float() @ self.embed + self.pos[: tokens.shape[1]]
        return (x + self.att(x, x)) @ self.w_out + self.b_out


def reverse_batches(sp, n, rng):
    """n batches of the reversal task: tokens in [1, vocab), targets reversed."""
    b, t, v = int(sp["batch"]), int(sp["src_len"]), int(sp["src_vocab"])
    out = []
    for _ in range(n):
        src = rng.integers(1, v, size=(b, t))
        out.append((torch.tensor(src), torch.tensor(src[:, ::-1].copy())))
    return out


def workload(sp):
    """(model, step closure) for a case spec; the step is zero_grad, forward, loss, backward, optimizer step."""
    rng = np.random.default_rng(DATA_SEED)
    kind = sp["kind"]
    if kind in ("mha", "encoder", "additive"):
        b, t, d = int(sp["batch"]), int(sp["time"]), int(sp["d_model"])
        if kind == "mha":
            layer = MultiHead(d, int(sp["heads"]), sp["score"], int(sp["head_hidden"]))
            model, fwd = layer, (lambda x: layer(x, x))
        elif kind == "encoder":
            model = fwd = EncoderLayer(d, int(sp["heads"]), int(sp["d_ff"]), sp["norm"])
        else:
            model = fwd = AdditiveSelfAttention(d, int(sp["additive_hidden"]))
        x = torch.tensor(rng.standard_normal((b, t, d)), dtype=torch.float32)
        w = torch.tensor(rng.standard_normal((b, t, d)), dtype=torch.float32)  # fixed random loss weighting
        opt = torch.optim.Adam(model.parameters(), lr=float(sp["lr"]))

        def step():
            opt.zero_grad(set_to_none=True)
            (fwd(x) * w).sum().backward()
            opt.step()
        return model, step
    if sp.get("optimizer", "adam") != "adam":
        raise SystemExit("bench_torch.py: optimizer '%s' has no twin (adam only)" % sp["optimizer"])
    batches = reverse_batches(sp, 64, rng)
    if kind == "tagger":
        model = Tagger(sp)
        loss_of = lambda src, tgt: F.cross_entropy(model(src).reshape(-1, model.v), tgt.reshape(-1))
    elif kind == "transformer":
        model = Transformer(sp)
        bos = int(sp["decoder_vocab"]) - 1

        def loss_of(src, tgt):
            tgt_in = torch.cat([torch.full_like(tgt[:, :1], bos), tgt[:, :-1]], 1)
            return F.cross_entropy(model(src, tgt_in).reshape(-1, model.vt), tgt.reshape(-1), ignore_index=0)
    else:
        raise SystemExit("bench_torch.py: model kind '%s' has no twin" % kind)
    opt = torch.optim.Adam(model.parameters(), lr=float(sp["lr"]))
    state = {"i": 0}

    def step():
        src, tgt = batches[state["i"] % len(batches)]
        state["i"] += 1
        opt.zero_grad(set_to_none=True)
        loss_of(src, tgt).backward()
        opt.step()
    return model, step


PROBE_VALUES = [(i % 7) * 0.25 for i in range(1024)]


def probe():
    """A fixed loop timed after each step, as AttnLab's SpeedProbe is: it slows when the processor does, so a step
    that is slow while the probe is fast is slow by itself. Returns its ms."""
    t0 = time.perf_counter()
    s = 0.0
    for v in PROBE_VALUES:
        s = s * 0.5 + v * v
    return (time.perf_counter() - t0) * 1e3


def measure(step, warmup, counted):
    """(ms of each counted step, the main thread's processor ms in each, ms of the probe after each) after warmup
    untimed steps. The processor time is read just outside each step's wall-clock window."""
    for _ in range(warmup):
        step()
        probe()
    ms, cpu, probes = [], [], []
    for _ in range(counted):
        c0 = time.thread_time_ns()
        t0 = time.perf_counter()
        step()
        ms.append((time.perf_counter() - t0) * 1e3)
        cpu.append((time.thread_time_ns() - c0) / 1e6)
        probes.append(probe())
    return ms, cpu, probes


def gemm_gflops(n, warmup, counted):
    g = torch.Generator().manual_seed(7)
    a, b, c = torch.randn(n, n, generator=g), torch.randn(n, n, generator=g), torch.empty(n, n)
    # as AttnLab's BenchSuite: at most 10 warm-up and 5 to 50 timed products
    ms, _, _ = measure(lambda: torch.mm(a, b, out=c), min(max(warmup, 1), 10), min(max(counted, 5), 50))
    return 2.0 * n ** 3 / (float(np.median(ms)) * 1e6)


def peak_rss_reset():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def peak_rss_bytes():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return -1


def fmt(v):
    return "" if v is None or (isinstance(v, float) and math.isnan(v)) else "%.6g" % v


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="src", required=True, help="attnlab.csv whose cases and sizes to run")
    ap.add_argument("--out", required=True, help="CSV to write")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--warmup", type=int, help="default: the AttnLab file's")
    ap.add_argument("--iterations", type=int, help="default: the AttnLab file's")
    ap.add_argument("--gemm-size", type=int, default=1024, help="n of the [n, n] float32 mm rate (default 1024)")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    with open(a.src) as f:
        rows = [r for r in csv.DictReader(f) if not r["case"].endswith("-data")]
    if not rows:
        raise SystemExit("bench_torch.py: no case with a twin in " + a.src)
    warmup = a.warmup if a.warmup is not None else int(rows[0]["warmup"])
    counted = a.iterations if a.iterations is not None else int(rows[0]["counted"])
    gemm = gemm_gflops(a.gemm_size, warmup, counted)
    print("torch %s, %d threads, OMP_WAIT_POLICY=%s; mm: %.1f GFLOP/s"
          % (torch.__version__, torch.get_num_threads(), os.environ.get("OMP_WAIT_POLICY"), gemm))
    out = []
    for r in rows:
        sp = dict(kv.split("=", 1) for kv in r["spec"].split(";") if kv)
        peak_rss_reset()
        model, step = workload(sp)
        params = sum(p.numel() for p in model.parameters())
        if params != int(r["parameters"]):
            print("WARNING %s: PyTorch has %d parameters, AttnLab %s" % (r["case"], params, r["parameters"]))
        ms, cpu, probes = measure(step, warmup, counted)
        med = float(np.median(ms))
        flops = float(r["gflop_per_step"]) * 1e9 if r["gflop_per_step"] else float("nan")
        tokens = int(r["tokens_per_step"])
        rss = peak_rss_bytes()
        gflops = flops / (med * 1e6)
        print("%-22s median %9.2f ms  min %9.2f  max %9.2f  %8.2f GFLOP/s  peak RSS %6.0f MB  %d parameters (AttnLab %s)"
              % (r["case"], med, min(ms), max(ms), gflops, rss / 1048576, params, r["parameters"]))
        out.append([r["case"], warmup, counted, tokens, fmt(med), fmt(min(ms)), fmt(max(ms)), fmt(tokens / (med / 1e3)),
                    fmt(1e3 / med), r["gflop_per_step"], fmt(gflops), fmt(gflops / gemm), fmt(gemm),
                    fmt(rss / 1048576), params, r["spec"], ";".join(fmt(m) for m in ms),
                    ";".join(fmt(m) for m in cpu), ";".join(fmt(m) for m in probes)])
        del model, step
    with open(a.out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(out)


if __name__ == "__main__":
    sys.exit(main())

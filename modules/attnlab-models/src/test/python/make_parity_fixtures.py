#!/usr/bin/python3
"""Writes the PyTorch parity fixtures of TorchParityTest (src/test/resources/parity/*.json).

Every fixture is computed in float64 from seeded random inputs and weights, with PyTorch's defaults (layer-norm
eps 1e-5, projection biases). Weights of the single-layer cases are stored under AttnLab's variable names and in
AttnLab's layout (x @ W, i.e. a torch Linear weight transposed), so the Java test sets them by name. The Transformer
layer and multi-head attention cases store torch's own state_dict (names and [out, in] layout) beside the JSON as
<case>.npz, which the Java test reads with AttnLab's PyTorch importer.

Format: {"case": ..., "torch": version, "arrays": {name: {"shape": [...], "data": [flat row-major values]}}}.

Run from the repository root (Debian: apt-get install python3-torch python3-numpy):
    /usr/bin/python3 modules/attnlab-models/src/test/python/make_parity_fixtures.py
"""
import json
import pathlib

import numpy
import torch

torch.set_default_dtype(torch.float64)
OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "parity"


def write(case, seed, **arrays):
    """Writes one fixture; arrays are torch tensors (any layout)."""
    body = {name: {"shape": list(t.shape), "data": t.detach().contiguous().reshape(-1).tolist()}
            for name, t in arrays.items()}
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{case}.json"
    path.write_text(json.dumps({"case": case, "seed": seed, "torch": torch.__version__, "arrays": body}) + "\n")
    print(f"wrote {path.name}: {', '.join(f'{n}{list(t.shape)}' for n, t in arrays.items())}")


def write_state_dict(case, module):
    """Writes module's state_dict (torch names, torch layout, float64) to <case>.npz."""
    path = OUT / f"{case}.npz"
    numpy.savez(path, **{name: t.detach().numpy() for name, t in module.state_dict().items()})
    print(f"wrote {path.name}: {', '.join(module.state_dict())}")


def key_padding_mask():
    """[2, 4]: batch 0 sees every key, batch 1 has its last key padded (AttnLab: 1 = keep)."""
    return torch.tensor([[1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0, 0.0]])


def multi_head_attention():
    torch.manual_seed(1)
    d, h = 8, 2
    mha = torch.nn.MultiheadAttention(embed_dim=d, num_heads=h, bias=False, batch_first=True)
    xq, xkv = torch.randn(2, 3, d), torch.randn(2, 4, d)
    keep = key_padding_mask()
    with torch.no_grad():
        out, weights = mha(xq, xkv, xkv, key_padding_mask=keep == 0, need_weights=True,
                           average_attn_weights=False)
    wq, wk, wv = mha.in_proj_weight.chunk(3, dim=0)
    write("mha", 1, xq=xq, xkv=xkv, keyMask=keep,
          **{"mha/Wq": wq.T, "mha/Wk": wk.T, "mha/Wv": wv.T, "mha/Wo": mha.out_proj.weight.T},
          out=out, **{"mha/weights": weights})


def multi_head_attention_with_biases():
    """nn.MultiheadAttention with its default biases, imported from its state_dict (<case>.npz)."""
    torch.manual_seed(8)
    d, h = 8, 2
    mha = torch.nn.MultiheadAttention(embed_dim=d, num_heads=h, batch_first=True)
    xq, xkv = torch.randn(2, 3, d), torch.randn(2, 4, d)
    keep = key_padding_mask()
    with torch.no_grad():
        mha.in_proj_bias.copy_(torch.randn(3 * d))
        mha.out_proj.bias.copy_(torch.randn(d))
        out, weights = mha(xq, xkv, xkv, key_padding_mask=keep == 0, need_weights=True,
                           average_attn_weights=False)
    write("mha_torch", 8, xq=xq, xkv=xkv, keyMask=keep, out=out, weights=weights)
    write_state_dict("mha_torch", mha)


def additive_attention():
    torch.manual_seed(2)
    dq, dk, dv, hidden = 5, 6, 7, 4
    q, k, v = torch.randn(2, 3, dq), torch.randn(2, 4, dk), torch.randn(2, 4, dv)
    wq, wk, vs = torch.randn(dq, hidden), torch.randn(dk, hidden), torch.randn(hidden, 1)
    hid = torch.tanh((q @ wq).unsqueeze(2) + (k @ wk).unsqueeze(1))  # [B, Tq, Tk, hidden]
    weights = torch.softmax((hid @ vs).squeeze(-1), dim=-1)           # [B, Tq, Tk]
    write("additive", 2, q=q, k=k, v=v, **{"att/score/Wq": wq, "att/score/Wk": wk, "att/score/v": vs},
          out=weights @ v, **{"att/weights": weights})


def layer_norm():
    """nn.LayerNorm with its default eps 1e-5 on unit-variance rows and on rows of variance 1e-6 down to 1e-12,
    where the epsilon dominates."""
    torch.manual_seed(3)
    d = 6
    ln = torch.nn.LayerNorm(d)
    assert ln.eps == 1e-5
    with torch.no_grad():
        ln.weight.copy_(torch.randn(d))
        ln.bias.copy_(torch.randn(d))
        x = torch.randn(2, 3, d)
        small = torch.randn(2, 3, d) * torch.tensor([1e-3, 1e-4, 1e-6]).reshape(1, 3, 1)
        out, out_small = ln(x), ln(small)
    write("layer_norm", 3, x=x, small=small, **{"ln/gain": ln.weight, "ln/bias": ln.bias}, out=out,
          out_small=out_small)


def lstm():
    torch.manual_seed(4)
    n_in, hidden, steps = 3, 4, 5
    cell = torch.nn.LSTM(n_in, hidden, batch_first=True)
    x = torch.randn(2, steps, n_in)
    with torch.no_grad():
        reference, _ = cell(x)
        wx, wr, b = cell.weight_ih_l0.T, cell.weight_hh_l0.T, cell.bias_ih_l0 + cell.bias_hh_l0
        h_t = c_t = torch.zeros(2, hidden)
        maps = {"hidden": [], "input_gates": [], "forget_gates": [], "output_gates": [], "cell_states": []}
        for t in range(steps):
            z_i, z_f, z_g, z_o = (x[:, t] @ wx + h_t @ wr + b).chunk(4, dim=1)  # torch's gate order i, f, g, o
            i, f, g, o = torch.sigmoid(z_i), torch.sigmoid(z_f), torch.tanh(z_g), torch.sigmoid(z_o)
            c_t = f * c_t + i * g
            h_t = o * torch.tanh(c_t)
            for key, value in zip(maps, (h_t, i, f, o, c_t)):
                maps[key].append(value)
        maps = {f"lstm/{key}": torch.stack(values, dim=1) for key, values in maps.items()}
    diff = (maps["lstm/hidden"] - reference).abs().max().item()
    assert diff < 1e-12, f"step-by-step LSTM differs from torch.nn.LSTM by {diff}"
    print(f"lstm: step-by-step hidden states match torch.nn.LSTM to {diff:.1e}")
    write("lstm", 4, x=x, **{"lstm/Wx": wx, "lstm/Wr": wr, "lstm/b": b}, **maps)


def se_block():
    torch.manual_seed(5)
    c, r = 8, 4
    fc1, fc2 = torch.nn.Linear(c, c // r), torch.nn.Linear(c // r, c)
    x = torch.randn(2, c, 3, 4)
    with torch.no_grad():
        squeezed = torch.nn.AdaptiveAvgPool2d(1)(x).flatten(1)                     # [B, C]
        excitation = torch.sigmoid(fc2(torch.relu(fc1(squeezed))))               # [B, C]
        out = x * excitation[:, :, None, None]
    write("se", 5, x=x, **{"se/w1": fc1.weight.T, "se/b1": fc1.bias, "se/w2": fc2.weight.T, "se/b2": fc2.bias},
          **{"se/out": out, "se/excitation": excitation})


def batch_norm():
    """nn.BatchNorm2d (eps 1e-5, momentum 0.1): two training-mode steps (batch statistics, running estimates updated
    with the unbiased variance), then evaluation mode on the second batch (running estimates)."""
    torch.manual_seed(6)
    c = 3
    bn = torch.nn.BatchNorm2d(c)
    assert bn.eps == 1e-5 and bn.momentum == 0.1
    with torch.no_grad():
        bn.weight.copy_(torch.randn(c))
        bn.bias.copy_(torch.randn(c))
        shift = torch.tensor([0.5, -2.0, 3.0]).reshape(1, c, 1, 1)
        scale = torch.tensor([1.0, 0.1, 4.0]).reshape(1, c, 1, 1)
        x1 = torch.randn(4, c, 2, 5) * scale + shift
        x2 = torch.randn(4, c, 2, 5) * scale - shift
        bn.train()
        train1 = bn(x1)
        mean1, var1 = bn.running_mean.clone(), bn.running_var.clone()
        train2 = bn(x2)
        mean2, var2 = bn.running_mean.clone(), bn.running_var.clone()
        bn.eval()
        eval2 = bn(x2)
    write("batch_norm", 6, x1=x1, x2=x2, **{"bn/gamma": bn.weight, "bn/beta": bn.bias}, train1=train1,
          running_mean1=mean1, running_var1=var1, train2=train2, running_mean2=mean2, running_var2=var2, eval2=eval2)


def transformer_encoder_layers():
    """Post-LN and pre-LN torch encoder layers with PyTorch's defaults (ReLU, layer-norm eps 1e-5, biases), dropout
    0; the biases and norms get random values so that a wrong mapping shows."""
    for seed, norm_first, case in ((6, False, "encoder_post_ln"), (7, True, "encoder_pre_ln")):
        torch.manual_seed(seed)
        layer = torch.nn.TransformerEncoderLayer(d_model=8, nhead=2, dim_feedforward=16, dropout=0.0,
                                                 batch_first=True, norm_first=norm_first)
        layer.train()  # dropout is 0; training mode keeps torch off its fused fast path
        x = torch.randn(2, 4, 8)
        keep = key_padding_mask()
        with torch.no_grad():
            randomise(layer)
            out = layer(x, src_key_padding_mask=keep == 0)
            diff = (encoder_layer_by_hand(layer, x, keep, norm_first) - out).abs().max().item()
        assert diff < 1e-12, f"{case}: the by-hand encoder layer differs from torch's by {diff}"
        print(f"{case}: by-hand layer matches torch.nn.TransformerEncoderLayer to {diff:.1e}")
        write(case, seed, x=x, keyMask=keep, out=out)
        write_state_dict(case, layer)


def transformer_decoder_layers():
    """Post-LN and pre-LN torch decoder layers (defaults as above): causal self-attention with target key padding,
    cross-attention with source key padding."""
    for seed, norm_first, case in ((9, False, "decoder_post_ln"), (10, True, "decoder_pre_ln")):
        torch.manual_seed(seed)
        layer = torch.nn.TransformerDecoderLayer(d_model=8, nhead=2, dim_feedforward=16, dropout=0.0,
                                                 batch_first=True, norm_first=norm_first)
        layer.train()
        y, memory = torch.randn(2, 3, 8), torch.randn(2, 4, 8)
        src_keep = key_padding_mask()
        tgt_keep = torch.tensor([[1.0, 1.0, 1.0], [1.0, 1.0, 0.0]])
        causal = torch.triu(torch.full((3, 3), float("-inf")), diagonal=1)
        with torch.no_grad():
            randomise(layer)
            out = layer(y, memory, tgt_mask=causal, tgt_key_padding_mask=tgt_keep == 0,
                        memory_key_padding_mask=src_keep == 0)
        write(case, seed, y=y, memory=memory, srcMask=src_keep, tgtMask=tgt_keep, out=out)
        write_state_dict(case, layer)


def randomise(layer):
    """Random attention biases and norm parameters (torch initialises them to 0 and 1)."""
    for name, p in layer.named_parameters():
        if name.endswith("in_proj_bias") or name.endswith("out_proj.bias"):
            p.copy_(0.5 * torch.randn(p.shape))
        elif name.startswith("norm") and name.endswith("weight"):
            p.copy_(1 + 0.5 * torch.randn(p.shape))
        elif name.startswith("norm") and name.endswith("bias"):
            p.copy_(0.5 * torch.randn(p.shape))


def encoder_layer_by_hand(layer, x, keep, norm_first):
    """The equations the Java layer must match: post-LN norm(x + f(x)), pre-LN x + f(norm(x)), per sublayer."""
    wq, wk, wv = layer.self_attn.in_proj_weight.chunk(3, dim=0)
    heads, d = layer.self_attn.num_heads, x.shape[-1]

    def split(t):  # [B, T, d] -> [B, H, T, d/H]
        return t.reshape(t.shape[0], t.shape[1], heads, d // heads).transpose(1, 2)

    bq, bk, bv = layer.self_attn.in_proj_bias.chunk(3)

    def attention(t):
        q, k, v = split(t @ wq.T + bq), split(t @ wk.T + bk), split(t @ wv.T + bv)
        scores = q @ k.transpose(-1, -2) / (d // heads) ** 0.5 + (keep[:, None, None, :] - 1) * 1e9
        merged = (torch.softmax(scores, dim=-1) @ v).transpose(1, 2).reshape(x.shape)
        return merged @ layer.self_attn.out_proj.weight.T + layer.self_attn.out_proj.bias

    def feed_forward(t):
        return layer.linear2(torch.relu(layer.linear1(t)))

    for sublayer, norm in ((attention, layer.norm1), (feed_forward, layer.norm2)):
        x = x + sublayer(norm(x)) if norm_first else norm(x + sublayer(x))
    return x


if __name__ == "__main__":
    multi_head_attention()
    multi_head_attention_with_biases()
    additive_attention()
    layer_norm()
    lstm()
    se_block()
    batch_norm()
    transformer_encoder_layers()
    transformer_decoder_layers()

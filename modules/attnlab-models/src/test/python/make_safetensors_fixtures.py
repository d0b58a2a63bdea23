#!/usr/bin/python3
"""Writes every torch state_dict fixture (src/test/resources/parity/<case>.npz) again as <case>.safetensors.

The tensors are the same arrays, so TorchParityTest imports both files into the same layers and checks them against
the same PyTorch outputs. The files are written with the `safetensors` package when it is installed, otherwise
with plain Python in the format's own layout: an 8-byte little-endian header length, a JSON header mapping each
name to {"dtype", "shape", "data_offsets": [begin, end]} (sorted by name, offsets into the data that follows), the
header padded with spaces to a multiple of 8 bytes, then the raw little-endian row-major bytes.

Run from the repository root after make_parity_fixtures.py (Debian: apt-get install python3-numpy):
    /usr/bin/python3 modules/attnlab-models/src/test/python/make_safetensors_fixtures.py
"""
import json
import pathlib
import struct

import numpy

PARITY = pathlib.Path(__file__).resolve().parents[1] / "resources" / "parity"
DTYPES = {numpy.dtype("<f8"): "F64", numpy.dtype("<f4"): "F32", numpy.dtype("<i8"): "I64", numpy.dtype("<i4"): "I32"}


def save(tensors, path):
    """Writes a dict of numpy arrays as a safetensors file."""
    try:
        from safetensors.numpy import save_file
    except ImportError:
        save_file = None
    if save_file is not None:
        save_file(tensors, str(path))
        return
    header, chunks, offset = {}, [], 0
    for name in sorted(tensors):
        a = numpy.ascontiguousarray(tensors[name]).astype(tensors[name].dtype.newbyteorder("<"), copy=False)
        raw = a.tobytes(order="C")
        header[name] = {"dtype": DTYPES[a.dtype], "shape": list(a.shape), "data_offsets": [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    path.write_bytes(struct.pack("<Q", len(text)) + text + b"".join(chunks))


if __name__ == "__main__":
    for npz in sorted(PARITY.glob("*.npz")):
        with numpy.load(npz) as data:
            tensors = {name: data[name] for name in data.files}
        out = npz.with_suffix(".safetensors")
        save(tensors, out)
        print(f"wrote {out.name}: {', '.join(sorted(tensors))}")

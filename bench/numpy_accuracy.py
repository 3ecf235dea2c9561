"""Orthogonality and reconstruction of numpy.linalg.svd on matrices written by the svdkit bench.

Usage: python3 numpy_accuracy.py SPEC.json  -> prints JSON {key: {"orthU", "orthV", "recon"}}
SPEC: [{"key", "file", "rows", "cols"}] (float64, row-major). Metrics as bench/accuracy.ts:
max|UᵀU − I|, max|VᵀV − I|, max|A − U·diag(s)·Vᵀ| / s[0].
"""
import json
import sys

import numpy as np


def main():
    out = {}
    for s in json.load(open(sys.argv[1])):
        a = np.fromfile(s["file"], dtype="<f8").reshape(s["rows"], s["cols"])
        u, sv, vt = np.linalg.svd(a, full_matrices=False)
        k = sv.size
        out[s["key"]] = {
            "orthU": float(np.abs(u.T @ u - np.eye(k)).max()),
            "orthV": float(np.abs(vt @ vt.T - np.eye(k)).max()),
            "recon": float(np.abs(a - (u * sv) @ vt).max() / sv[0]),
        }
    json.dump(out, sys.stdout)


main()

"""Times numpy.linalg.eigh / eigvalsh (LAPACK syevd / syevd without vectors) on matrices written
by the svdkit eigh bench.

Usage: python3 numpy_eigh.py SPEC.json  -> prints JSON {key: median_ms, "_blas": "..."}
SPEC: [{"key", "file", "rows", "cols", "dtype", "values_only", "runs"}]
Single-threaded: the caller sets OPENBLAS_NUM_THREADS=1 (and friends).
"""
import json
import sys
import time

import numpy as np


def median_ms(fn, runs):
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    times.sort()
    return times[len(times) // 2]


def blas():
    try:
        b = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return f"{b.get('name')} {b.get('version')}"
    except Exception:  # older numpy: no dict mode
        return "unknown"


def main():
    spec = json.load(open(sys.argv[1]))
    out = {"_blas": blas()}
    for s in spec:
        a = np.fromfile(s["file"], dtype="<f8").reshape(s["rows"], s["cols"])
        if s["dtype"] == "float32":
            a = a.astype(np.float32)
        if s["values_only"]:
            fn = lambda a=a: np.linalg.eigvalsh(a)
        else:
            fn = lambda a=a: np.linalg.eigh(a)
        out[s["key"]] = median_ms(fn, s["runs"])
    json.dump(out, sys.stdout)


main()

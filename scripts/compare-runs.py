#!/usr/bin/env python3
"""Compares two `theorycheck run --out` folders, times aside: the claims of results.json (every field but wall times),
the result tables byte for byte, and the set of plots. Exit 0 when identical; prints each difference otherwise.
Used to show that a behaviour-preserving change preserved behaviour: scripts/compare-runs.py BEFORE AFTER"""
import json, os, sys

TIME_KEYS = {"seconds", "wallSeconds", "started", "elapsed"}

def strip(x):
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items() if k not in TIME_KEYS}
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x

def diff(a, b, path, out):
    if type(a) != type(b):
        out.append(f"{path}: {a!r} != {b!r}"); return
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b: out.append(f"{path}.{k}: only in {'after' if k in b else 'before'}")
            else: diff(a[k], b[k], f"{path}.{k}", out)
    elif isinstance(a, list):
        if len(a) != len(b): out.append(f"{path}: length {len(a)} != {len(b)}")
        for i, (x, y) in enumerate(zip(a, b)): diff(x, y, f"{path}[{i}]", out)
    elif a != b:
        out.append(f"{path}: {a!r} != {b!r}")

def main(before, after):
    out = []
    ja = json.load(open(os.path.join(before, "results.json")))
    jb = json.load(open(os.path.join(after, "results.json")))
    diff(strip(ja["claims"]), strip(jb["claims"]), "claims", out)
    for sub in ("tables", "plots"):
        da, db = os.path.join(before, sub), os.path.join(after, sub)
        na = set(os.listdir(da)) if os.path.isdir(da) else set()
        nb = set(os.listdir(db)) if os.path.isdir(db) else set()
        for n in sorted(na ^ nb): out.append(f"{sub}/{n}: only in {'after' if n in nb else 'before'}")
        if sub == "tables":
            for n in sorted(na & nb):
                if open(os.path.join(da, n), "rb").read() != open(os.path.join(db, n), "rb").read():
                    out.append(f"tables/{n}: bytes differ")
    for line in out[:200]: print(line)
    print(f"{len(ja['claims'])} claims compared; {len(out)} difference(s)")
    return 1 if out else 0

if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))

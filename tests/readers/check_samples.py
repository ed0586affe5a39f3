#!/usr/bin/env python3
"""Reads OUT/samples.csv.gz with Python's own gzip and csv modules (readers independent of
teamsim's zlib writer) and checks it against OUT/summary.csv: one row per replication and month,
and each month's mean and p10/p50/p90 recomputed from the samples equal the summary's.

Usage: check_samples.py TEAMSIM_BINARY SOURCE_DIR"""
import csv
import gzip
import os
import subprocess
import sys
import tempfile

binary, source = sys.argv[1], sys.argv[2]
REPLICATIONS = 40


def quantile(sorted_values, p):
    # Linear interpolation between order statistics, as sim/statistics.h documents.
    h = (len(sorted_values) - 1) * p
    lo = int(h)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (h - lo) * (sorted_values[hi] - sorted_values[lo])


def close(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


with tempfile.TemporaryDirectory() as out:
    subprocess.run([binary, "run", "scenarios/default.yaml", "-n", str(REPLICATIONS), "-q",
                    "--samples", "arr,cash", "--out", out], cwd=source, check=True,
                   stdout=subprocess.DEVNULL)
    with gzip.open(os.path.join(out, "samples.csv.gz"), "rt", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and list(rows[0].keys()) == ["replication", "month", "arr", "cash"], rows[:1]
    months = max(int(r["month"]) for r in rows)
    assert len(rows) == REPLICATIONS * months, (len(rows), months)
    assert sorted({int(r["replication"]) for r in rows}) == list(range(REPLICATIONS))
    with open(os.path.join(out, "summary.csv"), newline="") as f:
        summary = {(r["metric"], int(r["month"])): r for r in csv.DictReader(f)}
    checked = 0
    for metric in ("arr", "cash"):
        for month in range(1, months + 1):
            values = sorted(float(r[metric]) for r in rows if int(r["month"]) == month)
            row = summary[(metric, month)]
            assert close(sum(values) / len(values), float(row["mean"])), (metric, month)
            for name, p in (("p10", 0.10), ("p50", 0.50), ("p90", 0.90)):
                assert close(quantile(values, p), float(row[name])), (metric, month, name,
                                                                     quantile(values, p), row[name])
            checked += 1
    listed = open(os.path.join(out, ".teamsim-files")).read().split()
    assert "samples.csv.gz" in listed, listed
print(f"check_samples: {len(rows)} rows, {checked} metric-months agree with summary.csv")

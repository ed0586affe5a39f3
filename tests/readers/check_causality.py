#!/usr/bin/env python3
"""The model is causal: nothing in month m depends on what comes after it. Runs every
scenarios/*.yaml twice with --samples '*', as written and with horizon_months 5 months longer,
and checks that every replication's months 1..H (H the scenario's horizon) are the same, every
metric written the same to the last digit (Python's own gzip and csv read both files).

Five more months change the length of every stored column, and so its alignment in memory: a
sum that followed the alignment would change in its last bits (the bug behind
ProjectionTest.ALongerHorizonLeavesTheMonthsBeforeItUnchanged).
Usage: check_causality.py TEAMSIM_BINARY SOURCE_DIR"""
import csv
import glob
import gzip
import os
import subprocess
import sys
import tempfile

import yaml

binary, source = sys.argv[1], sys.argv[2]
REPLICATIONS = 6
LONGER = 5


def samples(path, out, extra):
    subprocess.run([binary, "run", path, "-n", str(REPLICATIONS), "-q", "--samples", "*",
                    "--out", out] + extra, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    with gzip.open(os.path.join(out, "samples.csv.gz"), "rt", newline="") as f:
        return {(row["replication"], int(row["month"])): row for row in csv.DictReader(f)}


problems = []
checked = 0
for path in sorted(glob.glob(os.path.join(source, "scenarios", "*.yaml"))):
    name = os.path.basename(path)
    with tempfile.TemporaryDirectory() as out:
        as_written = samples(path, out, [])
        with open(os.path.join(out, "scenario.yaml")) as f:
            horizon = yaml.safe_load(f).get("horizon_months", 36)
    with tempfile.TemporaryDirectory() as out:
        longer = samples(path, out, ["--set", f"horizon_months={horizon + LONGER}"])
    assert max(month for _, month in as_written) == horizon, (name, horizon)
    assert max(month for _, month in longer) == horizon + LONGER, name
    for key, row in as_written.items():
        other = longer[key]
        changed = [metric for metric, value in row.items() if other.get(metric) != value]
        if changed:
            problems.append(f"{name}: replication {key[0]}, month {key[1]}: "
                            f"{', '.join(changed[:5])} change with a longer horizon")
    checked += 1

assert checked >= 10, f"only {checked} scenarios found under {source}/scenarios"
if problems:
    print("\n".join(problems[:40]))
    sys.exit(1)
print(f"months 1..H unchanged by {LONGER} more months in every replication of {checked} "
      f"scenarios")

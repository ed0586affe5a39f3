#!/usr/bin/env python3
"""What a sales leader would check in every history of every shipped scenario: nothing is
created or lost between months. Runs each scenarios/*.yaml with --samples '*' and checks, in
every replication and month, from the samples alone (Python's own gzip, csv and yaml):

  leads        opportunities opened = leads - disqualified - unworked - not converted
  deals        open opportunities(t) = open(t-1) + opened - won - lost
  customers    customers(t) = customers(t-1) + won - logo churn, customers(0) = customers.initial
  headcount    headcount(t) = headcount(t-1) + hires - departures
  cash         cash(t) = cash(t-1) + collections + funding - total cost, cash(0) = starting_cash
  ARR          arr = 12 x mrr
  commission   a month with bookings pays commission (every won deal has a paid owner)
  territories  leads, opportunities, bookings, customers and ARR of the territories add up to
               the totals

The identities are docs/metrics.md's definitions; a failure names the scenario, replication,
month and both sides. Usage: check_conservation.py TEAMSIM_BINARY SOURCE_DIR"""
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


def close(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def histories(out):
    """{metric: {replication: [month 1 value, ...]}} from OUT/samples.csv.gz."""
    data = {}
    with gzip.open(os.path.join(out, "samples.csv.gz"), "rt", newline="") as f:
        for row in csv.DictReader(f):
            r = int(row["replication"])
            for key, value in row.items():
                if key not in ("replication", "month"):
                    data.setdefault(key, {}).setdefault(r, []).append(
                        float(value) if value != "" else float("nan"))
    return data


def initial_value(scenario, section, key):
    """A number the scenario as run gives (None when drawn per replication), else 0."""
    value = (scenario.get(section) or {}).get(key, 0)
    return float(value) if isinstance(value, (int, float)) else None


def check(name, data, scenario):
    problems = []
    initial_customers = initial_value(scenario, "customers", "initial")
    starting_cash = initial_value(scenario, "money", "starting_cash")
    if "starting_cash" not in (scenario.get("money") or {}):
        starting_cash = None  # the model's default: checked from month 2 on

    def expect(label, r, m, actual, expected):
        if not close(actual, expected):
            problems.append(f"{name}: replication {r}, month {m}: {label}: {actual} != {expected}")

    territory_keys = {suffix: [k for k in data if k.startswith("territory.")
                               and k.endswith("." + suffix)]
                      for suffix in ("leads", "opportunities", "bookings", "customers", "arr")}
    assert territory_keys["customers"] and territory_keys["arr"], \
        f"{name}: no territory.<t>.customers or .arr in samples.csv.gz"
    for r in data["leads"]:
        def at(metric, m):
            return data[metric][r][m - 1]

        months = len(data["leads"][r])
        for m in range(1, months + 1):
            expect("leads", r, m, at("opportunities_opened", m),
                   at("leads", m) - at("leads_disqualified", m) - at("leads_unworked", m)
                   - at("leads_not_converted", m))
            before = (lambda metric: at(metric, m - 1)) if m > 1 else None
            customers_before = before("customers") if before else initial_customers
            if customers_before is not None:
                expect("customers", r, m, at("customers", m),
                       customers_before + at("deals_won", m) - at("logo_churn", m))
            cash_before = before("cash") if before else starting_cash
            if cash_before is not None:
                expect("cash", r, m, at("cash", m),
                       cash_before + at("collections", m) + at("funding", m)
                       - at("total_cost", m))
            if before:
                expect("open opportunities", r, m, at("open_opportunities", m),
                       before("open_opportunities") + at("opportunities_opened", m)
                       - at("deals_won", m) - at("deals_lost", m))
                expect("headcount", r, m, at("headcount_total", m),
                       before("headcount_total") + at("hires", m) - at("departures", m))
            expect("arr", r, m, at("arr", m), 12 * at("mrr", m))
            # Every won deal has an owner who is paid for it: the shipped scenarios' sellers all
            # carry a quota and on-target earnings above their salary (roles without a quota,
            # SDRs here, own no deals).
            if at("new_bookings", m) > 0 and not at("commission", m) > 0:
                problems.append(f"{name}: replication {r}, month {m}: bookings "
                                f"{at('new_bookings', m)} paid no commission")
            for suffix, total in (("leads", "leads"), ("opportunities", "opportunities_opened"),
                                  ("bookings", "new_bookings"), ("customers", "customers"),
                                  ("arr", "arr")):
                if territory_keys[suffix]:
                    expect(f"territories' {suffix}", r, m,
                           sum(at(k, m) for k in territory_keys[suffix]), at(total, m))
            if len(problems) > 20:
                return problems
    return problems


problems = []
checked = 0
for path in sorted(glob.glob(os.path.join(source, "scenarios", "*.yaml"))):
    name = os.path.basename(path)
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([binary, "run", path, "-n", str(REPLICATIONS), "-q", "--samples", "*",
                        "--out", out], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        with open(os.path.join(out, "scenario.yaml")) as f:
            scenario = yaml.safe_load(f)
        data = histories(out)
    for metric in ("leads", "opportunities_opened", "customers", "cash", "headcount_total",
                   "open_opportunities", "arr", "mrr", "collections", "funding", "total_cost"):
        assert metric in data, f"{name}: no {metric} in samples.csv.gz"
    problems += check(name, data, scenario)
    checked += 1

assert checked >= 10, f"only {checked} scenarios found under {source}/scenarios"
if problems:
    print("\n".join(problems[:40]))
    sys.exit(1)
print(f"conserved in every replication and month of {checked} scenarios")

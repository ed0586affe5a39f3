#!/usr/bin/env python3
"""Opens OUT/results.xlsx with openpyxl (a reader independent of libxlsxwriter) and checks it
against OUT/summary.csv and summary.json: each metric sheet's month, mean, se, p5..p95 and
defined equal the summary's (a metric undefined in some replications says in how many it is), and the assumptions sheet holds the resolved scenario's values; with a start_date, a
date column of spreadsheet dates (also in compare's differences sheet).

Usage: check_workbook.py TEAMSIM_BINARY SOURCE_DIR"""
import csv
import json
import os
import subprocess
import sys
import tempfile

import openpyxl

binary, source = sys.argv[1], sys.argv[2]


def close(a, b):
    return abs(a - b) <= 1e-12 * max(1.0, abs(a), abs(b))


def agrees(cell, field):
    """A cell against a CSV field: an empty field (undefined) is an empty cell."""
    if field == "":
        return cell is None
    return cell is not None and close(cell, float(field))


def run_with_workbook(scenario, replications, out):
    """Runs `scenario` with --xlsx into `out`: its workbook, and summary.csv's rows by (metric,
    month)."""
    subprocess.run([binary, "run", scenario, "-n", str(replications), "-q", "--xlsx", "--out",
                    out], cwd=source, check=True, stdout=subprocess.DEVNULL)
    book = openpyxl.load_workbook(os.path.join(out, "results.xlsx"), read_only=True)
    with open(os.path.join(out, "summary.csv"), newline="") as f:
        return book, {(r["metric"], int(r["month"])): r for r in csv.DictReader(f)}


with tempfile.TemporaryDirectory() as out:
    book, summary = run_with_workbook("scenarios/default.yaml", 40, out)
    with open(os.path.join(out, "summary.json")) as f:
        document = json.load(f)
    metrics = {name for name, _ in summary}
    sheets = [s for s in book.sheetnames if s not in ("about", "assumptions")]
    assert "arr" in sheets and "cash" in sheets, book.sheetnames
    checked = 0
    partly_defined = 0
    for name in sheets:
        assert name in metrics, name
        rows = list(book[name].iter_rows(values_only=True))
        header = list(rows[0])
        assert header == ["month", "mean", "se", "p5", "p10", "p25", "p50", "p75", "p90", "p95",
                          "defined"], header
        assert len(rows) - 1 == document["horizon_months"], (name, len(rows))
        for row in rows[1:]:
            expected = summary[(name, int(row[0]))]
            for column, value in zip(header[1:], row[1:]):
                assert agrees(value, expected[column]), (name, row[0], column, value)
                checked += 1
            partly_defined += row[-1] < 40
    # default.yaml's quota attainment is undefined before an AE has ramped a whole month.
    assert partly_defined > 0, "no sheet says a metric is undefined in some replications"
    assumptions = {k: v for k, v in book["assumptions"].iter_rows(min_row=2, values_only=True)}
    resolved = document["resolved_scenario"]
    assert assumptions["horizon_months"] == resolved["horizon_months"], assumptions
    assert assumptions["money.starting_cash"] == resolved["money"]["starting_cash"]
    about = {k: v for k, v in book["about"].iter_rows(values_only=True)}
    assert about["replications"] == 40 and about["scenario_hash"] == document["scenario_hash"]
    listed = open(os.path.join(out, ".teamsim-files")).read().split()
    assert "results.xlsx" in listed, listed

# compare --xlsx: the differences sheet against compare.csv's difference rows.
with tempfile.TemporaryDirectory() as out:
    subprocess.run([binary, "compare", "scenarios/compare-manager-first.yaml", "--variants",
                    "manager_first,reps_first", "-n", "40", "-q",
                    "--xlsx", "--out", out], cwd=source, check=True, stdout=subprocess.DEVNULL)
    book = openpyxl.load_workbook(os.path.join(out, "results.xlsx"), read_only=True)
    with open(os.path.join(out, "compare.csv"), newline="") as f:
        differences = {(r["metric"], int(r["month"]), r["plan_a"], r["plan_b"]): r
                       for r in csv.DictReader(f) if r["row_kind"] == "difference"}
    rows = list(book["differences"].iter_rows(values_only=True))
    assert rows[0] == ("metric", "month", "plan_a", "plan_b", "mean_a_minus_b", "se", "p10",
                       "p50", "p90", "p_a_greater", "p_equal"), rows[0]
    assert len(rows) > 1
    ties = 0
    for metric, month, a, b, mean, se, p10, p50, p90, greater, equal in rows[1:]:
        expected = differences[(metric, int(month), a, b)]
        for value, column in ((mean, "mean"), (se, "se"), (p10, "p10"), (p50, "p50"),
                              (p90, "p90"), (greater, "p_a_greater"), (equal, "p_equal")):
            assert agrees(value, expected[column]), (metric, month, column, value)
        ties += equal is not None and equal > 0
    # Headcounts tie in many histories: P(A>B) alone would not say so.
    assert ties > 0, "no tie in any difference row"
    plans = list(next(book["assumptions"].iter_rows(max_row=1, values_only=True)))[1:]
    assert len(plans) == 2, plans
    compared = len(rows) - 1
# A plan with a start_date: each metric sheet has a date column of real dates (the calendar month
# of each row's month, as summary.csv's date column says) before the statistics.
with tempfile.TemporaryDirectory() as out:
    book, summary = run_with_workbook("scenarios/dated-hiring-plan.yaml", 20, out)
    rows = list(book["arr"].iter_rows(values_only=True))
    assert list(rows[0][:3]) == ["month", "date", "mean"], rows[0]
    for row in rows[1:]:
        expected = summary[("arr", int(row[0]))]
        assert row[1].strftime("%Y-%m-%d") == expected["date"] + "-01", (row[0], row[1])
        assert agrees(row[2], expected["mean"]), (row[0], row[2])
    dated = len(rows) - 1
# compare --xlsx of dated plans: the differences sheet has a date column after month, as
# compare.csv has.
with tempfile.TemporaryDirectory() as out:
    later = os.path.join(out, "later.yaml")
    with open(later, "w") as f:
        f.write("extends: " + os.path.join(source, "scenarios/dated-hiring-plan.yaml") +
                "\nname: later round\nmoney: {funding: [{month: 2029-08, amount: 6_000_000}]}\n")
    results = os.path.join(out, "results")
    subprocess.run([binary, "compare", "scenarios/dated-hiring-plan.yaml", later, "-n", "20",
                    "-q", "--xlsx", "--out", results], cwd=source, check=True,
                   stdout=subprocess.DEVNULL)
    book = openpyxl.load_workbook(os.path.join(results, "results.xlsx"), read_only=True)
    with open(os.path.join(results, "compare.csv"), newline="") as f:
        dates = {(r["metric"], int(r["month"])): r["date"]
                 for r in csv.DictReader(f) if r["row_kind"] == "difference"}
    rows = list(book["differences"].iter_rows(values_only=True))
    assert rows[0][:4] == ("metric", "month", "date", "plan_a"), rows[0]
    for row in rows[1:]:
        assert row[2].strftime("%Y-%m-%d") == dates[(row[0], int(row[1]))] + "-01", row[:3]
    dated_differences = len(rows) - 1
print(f"check_workbook: {len(sheets)} metric sheets, {checked} values agree with summary.csv; "
      f"{compared} difference rows agree with compare.csv; {dated} dated rows; "
      f"{dated_differences} dated difference rows")

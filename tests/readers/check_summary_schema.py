#!/usr/bin/env python3
"""Checks `teamsim schema --summary` with an independent validator (python3-jsonschema):

- it is a valid draft-07 schema;
- the summary.json of real runs validates against it: the default scenario (whose
  trailing-twelve-month metrics are undefined, null, before month 12), a scenario with
  plausibility warnings, one with numbers drawn per replication (replication_inputs in its
  resolved_scenario), each scenario folder of a batch (one with a start_date, one with an
  expect: list), and a sensitivity folder;
- a misspelt or misplaced field, at the top, in a metric, a histogram, an assumption, the plan,
  an expectation, a warning or at the top of resolved_scenario, does not, nor does a field of the
  wrong type, a resolved scenario without one of its sections, or a replication input without
  its per.

Usage: check_summary_schema.py TEAMSIM_BINARY SOURCE_DIR"""
import copy
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

import jsonschema

binary, source = sys.argv[1], sys.argv[2]
schema = json.loads(subprocess.run([binary, "schema", "--summary"], check=True,
                                   capture_output=True, text=True).stdout)
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)


def problems(document):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(document)]


def teamsim(*args):
    subprocess.run([binary, *args], cwd=source, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def load(folder):
    with open(os.path.join(folder, "summary.json")) as f:
        return json.load(f)


failures = []
summaries = {}
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "default")
    teamsim("run", "scenarios/default.yaml", "-n", "20", "-q", "--out", out)
    summaries["run default.yaml"] = load(out)

    out = os.path.join(tmp, "warnings")
    teamsim("run", "scenarios/compare-manager-first.yaml", "--variant", "reps_first", "-n", "20",
            "-q", "--out", out)
    summaries["run compare-manager-first.yaml --variant reps_first"] = load(out)

    out = os.path.join(tmp, "per-replication")
    teamsim("run", "scenarios/uncertain-lead-flow.yaml", "-n", "20", "-q", "--out", out)
    summaries["run uncertain-lead-flow.yaml"] = load(out)

    scenarios = os.path.join(tmp, "scenarios")
    os.mkdir(scenarios)
    for name in ("dated-hiring-plan.yaml", "dated-hiring-plan.csv"):  # with a start_date
        shutil.copy(os.path.join(source, "scenarios", name), scenarios)
    with open(os.path.join(scenarios, "with-expectations.yaml"), "w") as f:
        f.write("name: with expectations\nhorizon_months: 12\n"
                "expect:\n  - {metric: arr, month: last, stat: p50, op: '>=', value: 0}\n")
    out = os.path.join(tmp, "batch")
    teamsim("batch", scenarios, "-n", "20", "-q", "--out", out)
    folders = sorted(os.path.dirname(p) for p in glob.glob(os.path.join(out, "*", "summary.json")))
    assert len(folders) == 2, folders
    for folder in folders:
        summaries[f"batch {os.path.basename(folder)}"] = load(folder)

    out = os.path.join(tmp, "sensitivity")
    teamsim("sensitivity", "scenarios/default.yaml", "-n", "20", "-q", "--out", out)
    summaries["sensitivity default.yaml"] = load(out)

for name, document in summaries.items():
    failures += [f"{name}: {p}" for p in problems(document)]

# The runs hold what the optional fields and the nulls are there for.
default = summaries["run default.yaml"]
undefined = [m["name"] for m in default["metrics"] if m.get("can_be_undefined")
             and m["mean"][0] is None and m["defined"][0] == 0]
assert undefined, "no metric of the default scenario is undefined (null) in month 1"
assert "start_date" in summaries["batch dated-hiring-plan"]
assert summaries["run compare-manager-first.yaml --variant reps_first"].get("warnings")
assert summaries["sensitivity default.yaml"].get("warnings") is None
assert summaries["batch with-expectations"].get("expectations")
assert "warnings" not in default  # written only when there are some
uncertain = summaries["run uncertain-lead-flow.yaml"]
assert [i["key"] for i in uncertain["resolved_scenario"]["replication_inputs"]] == [
    "territories.main.inbound_leads_per_month", "customers.monthly_churn"]
assert "replication_inputs" not in default["resolved_scenario"]
assert summaries["batch dated-hiring-plan"]["resolved_scenario"]["start_date"] == \
    summaries["batch dated-hiring-plan"]["start_date"]

warned = summaries["run compare-manager-first.yaml --variant reps_first"]
with_expectations = summaries["batch with-expectations"]


def changed(document, change):
    document = copy.deepcopy(document)
    change(document)
    return document


wrong = {
    "a misspelt top-level field": changed(default, lambda d: d.update(sead=d.pop("seed"))),
    "an unknown top-level field": changed(default, lambda d: d.update(warning=[])),
    "a misspelt metric field": changed(default, lambda d: d["metrics"][0].update(
        mena=d["metrics"][0].pop("mean"))),
    "a metric without p50": changed(default, lambda d: d["metrics"][0].pop("p50")),
    "a histogram with an unknown field": changed(default, lambda d: d["histograms"][0].update(
        bins=3)),
    "an unknown bin rule": changed(default, lambda d: d["histograms"][0].update(rule="scott")),
    "an assumption with a misspelt field": changed(default, lambda d: d["assumptions"][0].update(
        lable=d["assumptions"][0].pop("label"))),
    "a plan with an unknown field": changed(default, lambda d: d["plan"].update(hires=[])),
    "a warning with its line": changed(warned, lambda d: d["warnings"][0].update(line=3)),
    "a warning without its key": changed(warned, lambda d: d["warnings"][0].pop("key")),
    "an expectation with an unknown op": changed(
        with_expectations, lambda d: d["expectations"][0].update(op="=>")),
    "an undefined mean written as a string": changed(
        default, lambda d: d["metrics"][0]["mean"].__setitem__(0, "NaN")),
    "a count of replications that is not whole": changed(
        default, lambda d: d["metrics"][0]["defined"].__setitem__(0, 19.5)),
    "a scenario hash that is not 16 hex digits": changed(
        default, lambda d: d.update(scenario_hash="xyz")),
    "a resolved scenario without its hires": changed(
        default, lambda d: d["resolved_scenario"].pop("hires")),
    "a resolved scenario with a misspelt section": changed(
        default, lambda d: d["resolved_scenario"].update(
            pipline=d["resolved_scenario"].pop("pipeline"))),
    "a resolved scenario whose hires are not a list": changed(
        default, lambda d: d["resolved_scenario"].update(hires={})),
    "a replication input without its per": changed(
        uncertain, lambda d: d["resolved_scenario"]["replication_inputs"][0].pop("per")),
    "a replication input of an unknown family": changed(
        uncertain, lambda d: d["resolved_scenario"]["replication_inputs"][0].update(
            dist="unifrom")),
}
for name, document in wrong.items():
    if not problems(document):
        failures.append(f"accepted: {name}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"check_summary_schema: {len(summaries)} summary.json files validate (undefined as null in "
      f"{', '.join(undefined)}); {len(wrong)} wrong ones rejected")

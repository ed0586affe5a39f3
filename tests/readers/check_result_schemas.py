#!/usr/bin/env python3
"""Checks `teamsim schema --compare`, `--sweep` and `--sensitivity` with an independent validator
(python3-jsonschema), as check_summary_schema.py does for summary.json:

- each is a valid draft-07 schema;
- the files of real runs validate against it: compare.json of two variants on common random
  numbers, of three plans with a start date, and with --independent-streams; sweep.json of two
  numeric axes (one given in per cent), of a text axis, and of a dated plan's variant with --set;
  sensitivity.json of the default scenario (constants, distributions, inputs analysed, unchanged
  and not drawn);
- a misspelt or unknown field, a statistic missing or of the wrong type, an analysed input
  without its outcomes and a constant without its base value do not.

Usage: check_result_schemas.py TEAMSIM_BINARY SOURCE_DIR"""
import copy
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

binary, source = sys.argv[1], sys.argv[2]


def validator_of(option):
    schema = json.loads(subprocess.run([binary, "schema", option], check=True,
                                       capture_output=True, text=True).stdout)
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


validators = {name: validator_of(f"--{name}") for name in ("compare", "sweep", "sensitivity")}


def problems(kind, document):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
            for e in validators[kind].iter_errors(document)]


def teamsim(*args):
    subprocess.run([binary, *args], cwd=source, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def load(folder, name):
    with open(os.path.join(folder, name)) as f:
        return json.load(f)


DATED = """name: {name}
start_date: 2027-03
horizon_months: 6
starting_staff:
  - {{role: account_executive, count: {aes}}}
"""

files = {}  # (kind, description) -> document
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "compare-variants")
    teamsim("compare", "scenarios/compare-manager-first.yaml", "--variants",
            "manager_first,reps_first", "-n", "20", "-q", "--out", out)
    files["compare", "two variants"] = load(out, "compare.json")

    plans = []
    for aes in (1, 2, 3):
        path = os.path.join(tmp, f"dated-{aes}.yaml")
        with open(path, "w") as f:
            f.write(DATED.format(name=f"{aes} AEs", aes=aes))
        plans.append(path)
    out = os.path.join(tmp, "compare-dated")
    teamsim("compare", *plans, "-n", "20", "-q", "--out", out)
    files["compare", "three dated plans"] = load(out, "compare.json")

    out = os.path.join(tmp, "compare-independent")
    teamsim("compare", *plans[:2], "--independent-streams", "-n", "20", "-q", "--out", out)
    files["compare", "independent streams"] = load(out, "compare.json")

    out = os.path.join(tmp, "sweep-numbers")
    teamsim("sweep", "scenarios/default.yaml", "--vary", "pipeline.win_rate=20%,25%", "--vary",
            "territories.north_america.inbound_leads_per_month=10,20", "-n", "20", "-q",
            "--out", out)
    files["sweep", "two numeric axes"] = load(out, "sweep.json")

    out = os.path.join(tmp, "sweep-text")
    teamsim("sweep", "scenarios/default.yaml", "--vary",
            "pipeline.routing=ramped_first,least_loaded", "-n", "20", "-q", "--out", out)
    files["sweep", "a text axis"] = load(out, "sweep.json")

    out = os.path.join(tmp, "sweep-dated")
    teamsim("sweep", "scenarios/segment-mix.yaml", "--variant", "up_market", "--set",
            "start_date=2027-01", "--vary", "customers.initial=10,20", "-n", "20", "-q",
            "--out", out)
    files["sweep", "a dated variant with --set"] = load(out, "sweep.json")

    out = os.path.join(tmp, "sensitivity")
    teamsim("sensitivity", "scenarios/default.yaml", "-n", "20", "-q", "--out", out)
    files["sensitivity", "default.yaml"] = load(out, "sensitivity.json")

failures = []
for (kind, name), document in files.items():
    failures += [f"{kind} {name}: {p}" for p in problems(kind, document)]

# The runs hold what the optional fields and the conditions are there for.
dated = files["compare", "three dated plans"]
assert dated["start_date"] == "2027-03" and len(dated["metrics"][0]["differences"]) == 3
assert files["compare", "independent streams"]["common_random_numbers"] is False
assert files["sweep", "a text axis"]["points"][0]["values"]["pipeline.routing"] == "ramped_first"
assert files["sweep", "two numeric axes"]["points"][0]["values"]["pipeline.win_rate"] == 0.2
swept = files["sweep", "a dated variant with --set"]
assert swept["variant"] == "up_market" and swept["set"] == ["start_date=2027-01"]
assert swept["start_date"] == "2027-01"
sensitivity = files["sensitivity", "default.yaml"]
statuses = {i["status"] for i in sensitivity["inputs"]}
kinds = {i["kind"] for i in sensitivity["inputs"]}
assert statuses == {"analysed", "unchanged", "not_drawn"}, statuses
assert {"constant", "distribution"} <= kinds, kinds

compared = files["compare", "two variants"]
swept = files["sweep", "two numeric axes"]
analysed = next(i for i, x in enumerate(sensitivity["inputs"]) if x["status"] == "analysed")
constant = next(i for i, x in enumerate(sensitivity["inputs"]) if x["kind"] == "constant")
distribution = next(i for i, x in enumerate(sensitivity["inputs"]) if x["kind"] != "constant")
first_metric = next(iter(swept["points"][0]["metrics"]))


def changed(document, change):
    document = copy.deepcopy(document)
    change(document)
    return document


wrong = {
    ("compare", "a misspelt top-level field"): changed(
        compared, lambda d: d.update(replicatons=d.pop("replications"))),
    ("compare", "a metric with an unknown field"): changed(
        compared, lambda d: d["metrics"][0].update(kind="stock")),
    ("compare", "a plan's statistics without se"): changed(
        compared, lambda d: d["metrics"][0]["plans"]["manager_first"].pop("se")),
    ("compare", "a difference without p_a_greater"): changed(
        compared, lambda d: d["metrics"][0]["differences"][0].pop("p_a_greater")),
    ("compare", "an undefined share written as a string"): changed(
        compared, lambda d: d["metrics"][0]["differences"][0]["p_equal"].__setitem__(0, "NaN")),
    ("compare", "a plan whose scenario lost its hires"): changed(
        compared, lambda d: d["plans"][0]["scenario"].pop("hires")),
    ("compare", "a start date not a month"): changed(
        compared, lambda d: d.update(start_date="March 2027")),
    ("sweep", "an unknown top-level field"): changed(swept, lambda d: d.update(metric="arr")),
    ("sweep", "a point's metric without se"): changed(
        swept, lambda d: d["points"][0]["metrics"][first_metric].pop("se")),
    ("sweep", "a count of replications that is not whole"): changed(
        swept, lambda d: d["points"][0]["metrics"][first_metric]["defined"].__setitem__(0, 1.5)),
    ("sweep", "a value that is a list"): changed(
        swept, lambda d: d["points"][0]["values"].update({"pipeline.win_rate": [0.2]})),
    ("sweep", "a variant that is a number"): changed(swept, lambda d: d.update(variant=1)),
    ("sensitivity", "a misspelt input field"): changed(
        sensitivity, lambda d: d["inputs"][0].update(lable=d["inputs"][0].pop("label"))),
    ("sensitivity", "an unknown status"): changed(
        sensitivity, lambda d: d["inputs"][0].update(status="skipped")),
    ("sensitivity", "an analysed input without its low outcome"): changed(
        sensitivity, lambda d: d["inputs"][analysed].pop("low")),
    ("sensitivity", "an input not analysed with a swing"): changed(
        sensitivity, lambda d: d["inputs"][-1].update(swing=1.0)),
    ("sensitivity", "a constant without its base value"): changed(
        sensitivity, lambda d: d["inputs"][constant].pop("base_value")),
    ("sensitivity", "a distribution with a range"): changed(
        sensitivity, lambda d: d["inputs"][distribution].update(range=0.2)),
    ("sensitivity", "a base outcome with a p90"): changed(
        sensitivity, lambda d: d["base"].update(p90=1.0)),
}
assert sensitivity["inputs"][-1]["status"] != "analysed"
for (kind, name), document in wrong.items():
    if not problems(kind, document):
        failures.append(f"accepted: {kind} {name}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"check_result_schemas: {len(files)} compare.json, sweep.json and sensitivity.json files "
      f"validate; {len(wrong)} wrong ones rejected")

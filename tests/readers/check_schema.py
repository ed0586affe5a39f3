#!/usr/bin/env python3
"""Checks `teamsim schema` with an independent validator (python3-jsonschema) and reader
(python3-yaml):

- it is a valid draft-07 schema;
- every shipped scenario (scenarios/*.yaml, their variants sections as written) and the file
  `teamsim init` writes validate against it, and a misspelt key, at the top, in a section, in a
  list entry or inside a variant, does not;
- the keys of every table of docs/scenario-reference.md whose first column is "Key" are the keys
  the schema gives that section, and every section of the schema has such a table.

Usage: check_schema.py TEAMSIM_BINARY SOURCE_DIR"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema
import yaml

binary, source = sys.argv[1], sys.argv[2]
schema = json.loads(subprocess.run([binary, "schema"], check=True, capture_output=True,
                                   text=True).stdout)
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)


def problems(document):
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(document)]


failures = []
scenarios = sorted(glob.glob(os.path.join(source, "scenarios", "*.yaml")))
assert len(scenarios) >= 10, scenarios
variants = 0
for path in scenarios:
    with open(path) as f:
        document = yaml.safe_load(f)
    variants += len(document.get("variants") or {})
    failures += [f"{os.path.basename(path)}: {p}" for p in problems(document)]
assert variants > 0, "no shipped scenario has variants"

with tempfile.TemporaryDirectory() as folder:
    subprocess.run([binary, "init", "--hire-ae-in", "3,6"], cwd=folder, check=True,
                   stdout=subprocess.DEVNULL)
    with open(os.path.join(folder, "scenario.yaml")) as f:
        failures += [f"teamsim init: {p}" for p in problems(yaml.safe_load(f))]

misspelt = [
    {"horizon_month": 24},
    {"pipeline": {"win_rat": 0.2}},
    {"hires": [{"role": "account_executive", "month": 1, "cout": 2}]},
    {"roles": {"account_executive": {"anual_salary": 1}}},
    {"variants": {"a": {"money": {"starting_csh": 1}}}},
    {"variants": {"a": {"extends": "base.yaml"}}},
    {"pipeline": {"win_rate": {"dist": "betta", "mean": 0.2, "sd": 0.05}}},
]
for document in misspelt:
    if not problems(document):
        failures.append(f"accepted, but the loader rejects it: {document}")
for document in [{"money": {"starting_cash": "3_000_000"}, "customers": {"monthly_churn": "1%"}},
                 {"hires": None, "segments": {"enterprise": None}},
                 {"expect": [{"metric": "arr", "month": "last", "op": ">=", "value": 1}]},
                 {"territories": {"north": {"initial_customers": 120},
                                  "south": {"initial_customers": "1_000"}}}]:
    failures += [f"{document}: {p}" for p in problems(document)]


def schema_sections(node, name, found):
    """Every object schema with properties, by the section name docs use ("" for the top)."""
    for candidate in (node, node.get("additionalProperties"), node.get("items")):
        if isinstance(candidate, dict) and "properties" in candidate:
            found.setdefault(name, set(candidate["properties"]))
            for key, child in candidate["properties"].items():
                if name == "" and key != "variants":
                    schema_sections(child, key, found)
            return


in_schema = {}
schema_sections(schema, "", in_schema)

in_docs = {}
section = None
with open(os.path.join(source, "docs", "scenario-reference.md")) as f:
    in_key_table = False
    for line in f:
        heading = re.match(r"^## (?:`([a-z_]+)`|(Top level))\s*$", line)
        if heading:
            section = heading.group(1) or ""
        elif line.startswith("## "):
            section = None
        if line.startswith("| Key |"):
            in_key_table = section is not None
            continue
        if not line.startswith("|"):
            in_key_table = False
            continue
        if in_key_table and not line.startswith("|---"):
            first_cell = line.split("|")[1]
            in_docs.setdefault(section, set()).update(re.findall(r"`([a-z_0-9]+)`", first_cell))

for name in sorted(set(in_schema) | set(in_docs)):
    label = name or "top level"
    for key in sorted(in_schema.get(name, set()) - in_docs.get(name, set())):
        failures.append(f"{label}.{key}: in the schema, not in docs/scenario-reference.md")
    for key in sorted(in_docs.get(name, set()) - in_schema.get(name, set())):
        failures.append(f"{label}.{key}: in docs/scenario-reference.md, not in the schema")

if failures:
    print("\n".join(failures))
    sys.exit(1)
keys = sum(len(k) for k in in_schema.values())
print(f"check_schema: {len(scenarios)} scenarios ({variants} variants) and teamsim init's file "
      f"validate; {len(misspelt)} misspellings rejected; {keys} keys in {len(in_schema)} sections "
      f"match docs/scenario-reference.md")

"""The model of docs/ re-implemented in Python for check_reimplementation.py, written from docs/
(scenario-reference.md, metrics.md, validation.md, architecture.md) without reading models/, sim/
or app/: the scenario with the docs' defaults (read, build), one replication (simulate, then
customer_base and money) and replications_from_the_docs. check_reimplementation.py's docstring
lists the mechanisms covered. Its random numbers are Python's own."""
import bisect
import csv
import heapq
import itertools
import math
import os
import random

import yaml

MONTH = 365.25 / 12
YEAR = 365.25
Z90 = 1.2815516


# ---- the scenario, with docs/scenario-reference.md's defaults ----

def number(value):
    if isinstance(value, str) and value.endswith("%"):
        return float(value[:-1].replace("_", "")) / 100
    if isinstance(value, str):
        return float(value.replace("_", ""))
    return float(value)


def sampler(spec):
    """A draw function for a distribution as scenario-reference.md's "Distributions" fits it."""
    if not isinstance(spec, dict):
        value = number(spec)
        return lambda rng: value
    p = {k: v for k, v in spec.items() if k != "dist"}
    dist = spec["dist"]
    if dist == "constant":
        value = number(p["value"])
        return lambda rng: value
    if dist == "lognormal":
        if "median" in p:
            mu = math.log(number(p["median"]))
            sigma = math.log(number(p["p90"]) / number(p["median"])) / Z90
        else:
            mean, sd = number(p["mean"]), number(p["sd"])
            sigma = math.sqrt(math.log(1 + sd * sd / (mean * mean)))
            mu = math.log(mean) - sigma * sigma / 2
        return lambda rng: rng.lognormvariate(mu, sigma)
    if dist == "beta":
        mean, sd = number(p["mean"]), number(p["sd"])
        k = mean * (1 - mean) / (sd * sd) - 1
        alpha, beta = mean * k, (1 - mean) * k
        return lambda rng: rng.betavariate(alpha, beta)
    if dist == "uniform":
        low, high = number(p["min"]), number(p["max"])
        return lambda rng: rng.uniform(low, high)
    if dist == "triangular":
        low, mode, high = number(p["min"]), number(p["mode"]), number(p["max"])
        return lambda rng: rng.triangular(low, high, mode)
    if dist == "normal":
        mean, sd = number(p["mean"]), number(p["sd"])
        low = number(p.get("min", -math.inf))
        high = number(p.get("max", math.inf))

        def truncated(rng):
            while True:
                x = rng.gauss(mean, sd)
                if low <= x <= high:
                    return x
        return truncated
    raise SystemExit(f"distribution {dist} is not re-implemented here")


ROLE_DEFAULTS = {
    "account_executive": dict(
        annual_salary=80_000, time_to_fill_days={"dist": "lognormal", "median": 45, "p90": 90},
        onboarding_days=15, ramp_months={"dist": "triangular", "min": 1.5, "mode": 2.5, "max": 4},
        annual_attrition=0.35, backfill=True, backfill_delay_days=14, max_open_opportunities=40,
        prospecting_leads_per_month=4, annual_quota=640_000,
        performance={"dist": "normal", "mean": 1, "sd": 0.2, "min": 0.4, "max": 1.6},
        ramp_curve="linear"),
    "sales_manager": dict(
        annual_salary=150_000, time_to_fill_days={"dist": "lognormal", "median": 60, "p90": 120},
        onboarding_days=30, ramp_months=3, annual_attrition=0.25, backfill=True,
        backfill_delay_days=14, span_of_control=8, concurrent_searches=3, trainees_at_once=4),
    "assistant_manager": dict(
        annual_salary=110_000, time_to_fill_days={"dist": "lognormal", "median": 50, "p90": 100},
        onboarding_days=20, ramp_months=2, annual_attrition=0.25, backfill=True,
        backfill_delay_days=14, span_of_control=5, concurrent_searches=1, trainees_at_once=2),
    "customer_success": dict(
        annual_salary=70_000, time_to_fill_days={"dist": "lognormal", "median": 40, "p90": 80},
        onboarding_days=15, ramp_months=2, annual_attrition=0.25, backfill=True,
        backfill_delay_days=14, accounts_per_rep=50),
    "sales_specialist": dict(
        annual_salary=130_000, time_to_fill_days={"dist": "lognormal", "median": 60, "p90": 120},
        onboarding_days=20, ramp_months=2, annual_attrition=0.2, backfill=True,
        backfill_delay_days=14, concurrent_deals=4),
    "sales_operations": dict(
        annual_salary=90_000, time_to_fill_days={"dist": "lognormal", "median": 45, "p90": 90},
        onboarding_days=15, ramp_months=1, annual_attrition=0.2, backfill=True,
        backfill_delay_days=14, leads_screened_per_month=300),
    "sales_enablement": dict(
        annual_salary=100_000, time_to_fill_days={"dist": "lognormal", "median": 50, "p90": 100},
        onboarding_days=15, ramp_months=1, annual_attrition=0.2, backfill=True,
        backfill_delay_days=14, reps_supported=20, ramp_reduction=0.25, productivity_uplift=0.05,
        trainees_at_once=6),
}
CHANNEL_PRESETS = {  # lead_conversion, cycle_factor, cost_per_lead
    "door_to_door": (0.30, 0.5, 40), "phone": (0.15, 0.8, 15), "email": (0.05, 1.0, 2),
    "virtual": (0.25, 0.9, 10), "events": (0.35, 1.2, 150)}
SEGMENT_PRESETS = {  # win_rate_factor, deal_size_factor, cycle_factor, churn_factor
    "smb": (1.25, 0.4, 0.5, 2), "mid_market": (1, 1, 1, 1), "enterprise": (0.6, 5, 3, 0.4)}
SOURCE_KEYS = ("time_to_fill_factor", "ramp_factor", "productivity", "attrition_factor",
               "salary_factor", "cost_per_hire")
SOURCES = {  # the values of SOURCE_KEYS
    "experienced_external": (1, 1, 1, 1, 1, 4_000), "agency": (0.75, 1, 1, 1, 1, 16_000),
    "internal_transfer": (0.5, 0.6, 1, 0.8, 1, 0), "referral": (0.7, 0.9, 1, 0.75, 1, 3_000),
    "new_graduate": (0.8, 1.5, 0.8, 1.2, 0.7, 1_000)}
SUPPORTED = {"name", "description", "horizon_months", "replications", "seed", "money", "roles",
             "territories", "starting_staff", "hires", "pipeline", "customers", "expect",
             "founder", "management", "seasonality", "hiring_rules", "channels", "segments",
             "products", "start_date", "sales_motion", "hire_sources"}
MOTIONS = {  # scenario-reference.md's `sales_motion`: (pipeline, customers) presets
    "transactional": (
        {"win_rate": {"dist": "beta", "mean": 0.25, "sd": 0.06},
         "deal_size_acv": {"dist": "lognormal", "median": 6_000, "p90": 15_000},
         "sales_cycle_days": {"dist": "lognormal", "median": 21, "p90": 45}},
        {"monthly_churn": 0.02, "annual_contract_share": 0}),  # annual_churn: its default
    "relationship": (
        {"win_rate": {"dist": "beta", "mean": 0.15, "sd": 0.05},
         "deal_size_acv": {"dist": "lognormal", "median": 60_000, "p90": 180_000},
         "sales_cycle_days": {"dist": "lognormal", "median": 120, "p90": 270}},
        {"monthly_churn": 0.005, "annual_contract_share": 1, "annual_churn": 0.08})}
HIRE_KEYS = ("role", "month", "start_month", "count", "territory", "source")


def apply_set(doc, setting):
    """teamsim's --set KEY.PATH=VALUE on the parsed scenario (maps merge, the rest replaces)."""
    key, value = setting.split("=", 1)
    parts = []
    for part in key.split("."):
        name, _, index = part.partition("[")
        parts.append(name)
        if index:
            parts.append(int(index.rstrip("]")))
    node = doc
    for part in parts[:-1]:
        if isinstance(part, str) and node.get(part) is None:  # absent, or emptied by `KEY=`
            node[part] = {}
        node = node[part]
    value = yaml.safe_load(value)
    if isinstance(value, dict) and isinstance(node.get(parts[-1]) if isinstance(node, dict)
                                              else None, dict):
        node[parts[-1]].update(value)
    else:
        node[parts[-1]] = value


def read(path, sets=()):
    """The scenario as written and --set, with the rows of its hires_csv (a path relative to the
    file) after those of `hires:` (scenario-reference.md, "Hires from a spreadsheet")."""
    with open(path) as f:
        doc = yaml.safe_load(f)
    for setting in sets:
        apply_set(doc, setting)
    if "hires_csv" in doc:
        with open(os.path.join(os.path.dirname(path), doc.pop("hires_csv")), newline="",
                  encoding="utf-8-sig") as f:
            rows = [{k.strip().lower(): v.strip() for k, v in row.items()}
                    for row in csv.DictReader(f)]
        doc["hires"] = list(doc.get("hires") or []) + [
            {k: (v if k in ("role", "territory", "source") or "-" in v else int(v))
             for k, v in row.items() if k in HIRE_KEYS and v != ""}
            for row in rows if any(v for v in row.values())]
    return doc


def month_number(value, start_date):
    """A month key: a number, or with start_date a calendar month YYYY-MM (month 1 is
    start_date's), scenario-reference.md's "Calendar dates"."""
    if hasattr(value, "year"):  # YAML read 2027-01-01 as a date
        value = f"{value.year}-{value.month}"
    if isinstance(value, str) and "-" in value:
        year, month = (int(x) for x in value.split("-")[:2])
        first_year, first_month = (int(x) for x in str(start_date).split("-")[:2])
        return (year - first_year) * 12 + month - first_month + 1
    return int(value)


def resolve(node, rng):
    """The scenario with each `per: replication` map replaced by one draw of it (its own
    parameters first): scenario-reference.md, "Two kinds of uncertainty"."""
    if isinstance(node, list):
        return [resolve(x, rng) for x in node]
    if not isinstance(node, dict):
        return node
    node = {k: resolve(v, rng) for k, v in node.items()}
    if node.get("per") == "replication":
        return sampler({k: v for k, v in node.items() if k != "per"})(rng)
    return node


def mean_of(spec):
    """The mean of a lognormal (or constant) time to fill, for `start_month` hires."""
    if not isinstance(spec, dict):
        return number(spec)
    if "median" in spec:
        sigma = math.log(number(spec["p90"]) / number(spec["median"])) / Z90
        return number(spec["median"]) * math.exp(sigma * sigma / 2)
    return number(spec["mean"])


def channels_of(doc):
    """[(name, spec)]: scenario-reference.md's `channels`; one neutral channel (name None)."""
    out = []
    for name, given in (doc.get("channels") or {}).items():
        conversion, cycle, cost = CHANNEL_PRESETS.get(name, (1, 1, 0))
        spec = dict(share=1, lead_conversion=conversion, cycle_factor=cycle, win_rate_factor=1,
                    cost_per_lead=cost)
        spec.update({k: number(v) for k, v in (given or {}).items()})
        out.append((name, spec))
    return out or [(None, dict(share=1, lead_conversion=1, cycle_factor=1, win_rate_factor=1,
                               cost_per_lead=0))]


def segments_of(doc):
    """[(name, spec)]: scenario-reference.md's `segments`; one neutral segment (name None)."""
    out = []
    for name, given in (doc.get("segments") or {}).items():
        win, size, cycle, churn = SEGMENT_PRESETS.get(name, (1, 1, 1, 1))
        spec = dict(share=1, win_rate_factor=win, deal_size_factor=size, cycle_factor=cycle,
                    churn_factor=churn, share_by_territory={})
        for k, v in (given or {}).items():
            spec[k] = ({t: number(x) for t, x in v.items()} if k == "share_by_territory"
                       else number(v))
        out.append((name, spec))
    return out or [(None, dict(share=1, win_rate_factor=1, deal_size_factor=1, cycle_factor=1,
                               churn_factor=1, share_by_territory={}))]


def products_of(doc, pipeline):
    """[(name, spec)]: scenario-reference.md's `products`, omitted keys the pipeline's; without
    products one (name None) of the pipeline's values."""
    keys = {"win_rate": {"dist": "beta", "mean": 0.2, "sd": 0.05},
            "deal_size_acv": {"dist": "lognormal", "median": 12_000, "p90": 30_000},
            "sales_cycle_days": {"dist": "lognormal", "median": 60, "p90": 120},
            "complex_share": 0}
    base = {k: pipeline.get(k, v) for k, v in keys.items()}
    out = []
    for name, given in (doc.get("products") or {None: {}}).items():
        spec = dict(base, **(given or {}))
        out.append((name, dict(share=number(spec.get("share", 1)),
                               win_rate=sampler(spec["win_rate"]),
                               acv=sampler(spec["deal_size_acv"]),
                               cycle=sampler(spec["sales_cycle_days"]),
                               complex_share=number(spec["complex_share"]))))
    return out


def build(doc):
    unsupported = set(doc) - SUPPORTED
    assert not unsupported, f"not re-implemented: {sorted(unsupported)}"
    start = doc.get("start_date")

    def month_of(value):
        return month_number(value, start)

    roles = {}
    written = doc.get("roles") or {}
    for name in list(ROLE_DEFAULTS) + [r for r in written if r not in ROLE_DEFAULTS]:
        given = dict(written.get(name) or {})
        kind = given.pop("kind", name)
        role = dict(ROLE_DEFAULTS[kind], **given)
        role["kind"] = kind
        if kind == "account_executive":
            role["on_target_earnings"] = given.get("on_target_earnings",
                                                   2 * number(role["annual_salary"]))
            role["hands_off_leads"] = bool(role.get("hands_off_leads", False))
        for key in ("annual_salary", "onboarding_days", "annual_attrition", "annual_quota",
                    "ramp_reduction", "productivity_uplift", "leads_screened_per_month",
                    "prospecting_leads_per_month", "backfill_delay_days", "on_target_earnings"):
            if key in role:
                role[key] = number(role[key])
        for key in ("time_to_fill_days", "ramp_months", "performance"):
            if key in role:
                role[key] = sampler(role[key])
        roles[name] = role
    money = doc.get("money") or {}
    motion = MOTIONS.get(doc.get("sales_motion"), ({}, {}))  # applied before their own keys
    pipeline = dict(motion[0], **(doc.get("pipeline") or {}))
    customers = dict(motion[1], **(doc.get("customers") or {}))
    territories = doc.get("territories") or {"all": {}}
    # hire_sources: a built-in name's written fields override it, a new name starts from 1
    sources = dict(SOURCES)
    for name, given in (doc.get("hire_sources") or {}).items():
        values = list(SOURCES.get(name, (1, 1, 1, 1, 1, 0)))
        for key, value in (given or {}).items():
            values[SOURCE_KEYS.index(key)] = number(value)
        sources[name] = tuple(values)
    # initial customers by count (every territory gives initial_customers), else spread
    counts = [(t, int((v or {})["initial_customers"])) for t, v in territories.items()
              if "initial_customers" in (v or {})]
    assert len(counts) in (0, len(territories)), "initial_customers in some territories only"
    assert not counts or int(customers.get("initial", sum(n for _, n in counts))) == sum(
        n for _, n in counts), "customers.initial is not the territories' initial_customers"
    seasonality = doc.get("seasonality") or {}
    hires = []
    for h in doc.get("hires") or []:
        assert set(h) <= {"role", "month", "start_month", "count", "territory", "source"}
        source = h.get("source", "experienced_external")
        # one expected time to fill (× the source's factor): a start_month hire opens that long
        # before its month starts, and every dated hire is planned to start that long after
        kind = roles[h["role"]]["kind"]
        expected = mean_of(dict(ROLE_DEFAULTS[kind], **written.get(h["role"], {}))[
            "time_to_fill_days"]) * sources[source][0]
        if "month" in h:
            opens = (month_of(h["month"]) - 1) * MONTH
        else:
            opens = max(0.0, (month_of(h["start_month"]) - 1) * MONTH - expected)
        hires.append((h["role"], opens, int(h.get("count", 1)), h.get("territory"), source,
                      opens + expected))
    return dict(
        horizon=int(doc.get("horizon_months", 36)),
        starting_staff=[(e["role"], int(e.get("count", 1)), e.get("territory"))
                        for e in doc.get("starting_staff") or []],
        starting_cash=number(money.get("starting_cash", 2_000_000)),
        other_monthly_costs=number(money.get("other_monthly_costs", 30_000)),
        funding=[(month_of(f["month"]), number(f["amount"])) for f in money.get("funding") or []],
        cost_schedule=[(month_of(c["from_month"]), number(c["other_monthly_costs"]))
                       for c in money.get("cost_schedule") or []],
        rules=[dict(r, from_month=month_of(r.get("from_month", 1)),
                    until_month=month_of(r.get("until_month", doc.get("horizon_months", 36))))
               for r in doc.get("hiring_rules") or []],
        roles=roles,
        territories={t: number((v or {}).get("inbound_leads_per_month", 20))
                     for t, v in territories.items()},
        accounts={t: int((v or {}).get("accounts", 0)) for t, v in territories.items()},
        win_rate_factor={t: number((v or {}).get("win_rate_factor", 1))
                         for t, v in territories.items()},
        deal_size_factor={t: number((v or {}).get("deal_size_factor", 1))
                          for t, v in territories.items()},
        channels=channels_of(doc),
        segments=segments_of(doc),
        cool_off_days={t: number((v or {}).get("cool_off_months", 6)) * MONTH
                       for t, v in territories.items()},
        lead_season=[number(x) for x in seasonality.get("leads", [1] * 12)],
        closing_season=[number(x) for x in seasonality.get("closing", [1] * 12)],
        first_calendar_month=(int(str(start).split("-")[1]) if start else
                              int(seasonality.get("start_month_of_year", 1))),
        hires=hires,
        routing=pipeline.get("routing", "ramped_first"),
        vacant_leads=pipeline.get("vacant_territory_leads", "unworked"),
        warm_start=bool(pipeline.get("warm_start", True)),
        unqualified_share=number(pipeline.get("unqualified_lead_share", 0)),
        accuracy=number(pipeline.get("qualification_accuracy", 0.8)),
        rebalance_every=int(pipeline.get("rebalance_every_months", 3)),
        products=products_of(doc, pipeline),
        help_days=sampler(pipeline.get("specialist_help_days", 10)),
        specialist_factor=number(pipeline.get("specialist_win_rate_factor", 1.3)),
        unassisted_factor=number(pipeline.get("unassisted_win_rate_factor", 0.8)),
        initial_customers=int(customers.get("initial", sum(n for _, n in counts))),
        initial_by_count=counts,
        initial_mrr=sampler(customers.get("initial_mrr",
                                          {"dist": "lognormal", "median": 1000, "p90": 3000})),
        churn=number(customers.get("monthly_churn", 0.01)),
        expansion=sampler(customers.get("monthly_expansion", 0.01)),
        covered_churn_factor=number(customers.get("covered_churn_factor", 0.7)),
        covered_expansion_bonus=number(customers.get("covered_expansion_bonus", 0.002)),
        annual_contract_share=number(customers.get("annual_contract_share", 0)),
        annual_churn=number(customers.get("annual_churn", 0.11)),
        annual_billing=customers.get("annual_billing", "monthly"),
        founder=dict(dict(span_of_control=4, concurrent_searches=1, time_to_fill_factor=1.5,
                          trainees_at_once=2), **{k: number(v) for k, v in
                                                  (doc.get("founder") or {}).items()}),
        penalty=number((doc.get("management") or {}).get("under_management_penalty", 0.3)),
        review=dict(dict(underperformance_threshold=0, underperformance_months=3,
                         improvement_plan_months=2),
                    **{k: number(v) for k, v in (doc.get("management") or {}).items()}),
        sources=sources)


# ---- one replication, as docs/ describe it ----

(DEPARTURE, REQUISITION, HIRE, ONBOARDED, LEAD, CLOSE, MONTH_END, PLANNED_HIRE, RENEWAL,
 HELP_ENDS, MONTH_START) = range(11)


class Person:
    def __init__(self, pid, role, territory, first_day, opened, spec):
        self.pid, self.role, self.territory = pid, role, territory
        self.spec, self.kind = spec, spec["kind"]
        # an AE-kind person working their own leads (a seller) or handing them off (an SDR)
        self.seller = self.kind == "account_executive" and not spec["hands_off_leads"]
        self.sdr = self.kind == "account_executive" and spec["hands_off_leads"]
        self.first_day, self.opened = first_day, opened
        self.source = "experienced_external"
        self.plan_ends = None  # the month end of an improvement plan's review
        self.leave = math.inf
        self.selling_from = None  # end of onboarding
        self.ramp_days = 0.0
        self.performance = 1.0
        self.open = 0
        self.join = 0
        self.deals = set()
        self.bookings = {}


class Deal:
    def __init__(self, did, territory, win_rate):
        self.did, self.territory, self.win_rate = did, territory, win_rate
        self.owner = None
        self.probability = None  # None: its owner's productivity at the close (a waiting deal)
        self.unqualified = False  # never won
        self.factor = 1.0  # a complex deal's specialist or unassisted factor


class Customer:
    """A customer of a won deal (gone_share None) or an initial one, u of its term gone at day 0.
    path[k]: its MRR after k renewals; churn_at: the renewal at which it churned."""
    def __init__(self, start, mrr, territory, segment, annual, gone_share, cover):
        self.start, self.territory, self.annual, self.cover = start, territory, annual, cover
        self.segment = segment
        self.term = 365.25 if annual else MONTH
        self.first = start + self.term if gone_share is None else (1 - gone_share) * self.term
        self.initial = gone_share is not None
        self.path = [mrr]
        self.churn_at = math.inf


def simulate(s, rng):
    """{metric: [month 1 value, ...]} for one replication of scenario s."""
    horizon = s["horizon"]
    founder = s["founder"]
    managing = ("sales_manager", "assistant_manager")
    queue, sequence = [], [0]

    def push(t, priority, kind, data=None):
        sequence[0] += 1
        heapq.heappush(queue, (t, priority, sequence[0], kind, data))

    people, employed = [], []
    sellers = {t: [] for t in s["territories"]}
    waiting = []  # deals whose owner left while nobody sold in any territory
    last_given = {t: 0 for t in s["territories"]}
    open_in = {t: 0 for t in s["territories"]}  # open opportunities, waiting ones included
    held_by_customers = {t: 0 for t in s["territories"]}
    cooling = {t: [] for t in s["territories"]}  # end days of cool-offs, in the order begun
    active = [0]  # customers
    cs_accounts = [0]  # Σ accounts_per_rep of the onboarded CSRs
    help_slots, helping, help_queue = [0], [0], []  # specialists' concurrent_deals
    requisitions, searches = [], [0]
    made = {}  # requisitions made for a role and not yet filled, backfills in their delay too
    trainees, training = [], set()
    replaying = [False]  # the warm start's year before day 0: nothing counted
    last_month_leads = [0.0]
    joins = [0]
    deals = [0]
    month = [1]
    flow = {}
    rows = {}

    def add(metric, value=1.0):
        if not replaying[0]:
            flow[metric] = flow.get(metric, 0.0) + value

    def managers(onboarded):
        return sum(1 for p in employed if p.kind == "sales_manager"
                   and (not onboarded or p.selling_from is not None))

    def reps():
        """AE-kind people employed, SDRs included (management and enablement coverage)."""
        return sum(1 for p in employed if p.kind == "account_executive")

    def capacity(kinds, key, onboarded=True):
        return sum(p.spec[key] for p in employed if p.kind in kinds
                   and (not onboarded or p.selling_from is not None))

    def span():
        """The onboarded managers' and assistants' spans, plus the founder's while no manager
        is onboarded or those add up to 0."""
        given = capacity(managing, "span_of_control")
        return given + (founder["span_of_control"] if not managers(True) or not given else 0)

    team = [0, {}]  # a version of who is employed and onboarded; the values computed from it

    def changed():
        team[0] += 1
        team[1].clear()

    def coverage():
        if "coverage" not in team[1]:
            r = reps()
            team[1]["coverage"] = 1.0 if r == 0 else min(1.0, span() / r)
        return team[1]["coverage"]

    def management_factor():
        return 1 - s["penalty"] * (1 - coverage())

    def ramp(p, t):
        x = 1.0 if p.ramp_days <= 0 else min(1.0, max(0.0, (t - p.selling_from) / p.ramp_days))
        if p.spec["ramp_curve"] == "step":
            return 1.0 if x >= 1 else 0.0
        if p.spec["ramp_curve"] == "s_curve":
            return 3 * x * x - 2 * x * x * x
        return x

    def enablement():
        if "enablement" not in team[1]:
            team[1]["enablement"] = enablement_now()
        return team[1]["enablement"]

    def enablement_now():
        """(r e, u e): the ramp cut and productivity uplift of enablement. Each role's onboarded
        people support their reps_supported; the roles by falling r (or u) cover the R reps
        first, so with E <= R it is the reps_supported-weighted mean times E / R."""
        r = reps()
        support = {}
        for p in employed:
            if p.kind == "sales_enablement" and p.selling_from is not None:
                support[p.role] = support.get(p.role, 0) + p.spec["reps_supported"]
        if not r or not support:
            return 0.0, 0.0

        def effect(key):
            left, total = r, 0.0
            for role in sorted(support, key=lambda x: -s["roles"][x][key]):
                covered = min(left, support[role])
                total += covered * s["roles"][role][key]
                left -= covered
            return total / r
        return effect("ramp_reduction"), effect("productivity_uplift")

    def productivity(p, t):
        return (ramp(p, t) * p.performance * s["sources"][p.source][2] * management_factor()
                * (1 + enablement()[1]))

    def serve_searches(t):
        employed_managers = managers(False)
        slots = capacity(managing, "concurrent_searches", onboarded=False)
        # The founder recruits before any manager is employed, and while the managers and
        # assistants employed run no searches between them: the founder's slots are added, and
        # every search started then takes the founder's time_to_fill_factor, one on an
        # assistant's slot too.
        founder_recruits = not employed_managers or not slots
        if founder_recruits:
            slots += founder["concurrent_searches"]
        while requisitions and searches[0] < slots:
            role, territory, opened, source, ticket = requisitions.pop(0)
            searches[0] += 1
            length = s["roles"][role]["time_to_fill_days"](rng) * s["sources"][source][0]
            if founder_recruits:
                length *= founder["time_to_fill_factor"]
            push(t + length, HIRE, HIRE, (role, territory, opened, source, ticket))

    def serve_training(t):
        onboarded = managers(True)
        slots = capacity(managing + ("sales_enablement",), "trainees_at_once")
        if not onboarded or not slots:
            slots += founder["trainees_at_once"]
        while trainees and len(training) < slots:
            p = trainees.pop(0)
            training.add(p)
            push(t + s["roles"][p.role]["onboarding_days"], ONBOARDED, ONBOARDED, p)

    def best(territory, t, room):
        candidates = [p for p in sellers[territory]
                      if not room or p.open < p.spec["max_open_opportunities"]]
        if not candidates:
            return None
        routing = s["routing"] if room else "ramped_first"
        if routing == "least_loaded":
            return min(candidates, key=lambda p: (p.open, p.join))
        if routing == "round_robin":
            after = [p for p in candidates if p.join > last_given[territory]]
            chosen = min(after or candidates, key=lambda p: p.join)
            last_given[territory] = chosen.join
            return chosen
        if routing == "productivity_weighted":
            weights = [productivity(p, t) for p in candidates]
            u = rng.random() * sum(weights)
            if sum(weights) <= 0:
                return min(candidates, key=lambda p: (p.open, p.join))
            for p, w in zip(candidates, weights):
                u -= w
                if u < 0:
                    return p
            return candidates[-1]
        return min(candidates, key=lambda p: (-ramp(p, t), p.open, p.join))

    def covering(t, room=False):
        """With nobody left selling in a leaver's territory (or, with vacant_territory_leads:
        company, in a lead's, among those with room): the company's most ramped, least loaded
        seller, ties to the territory listed first, then the earliest to join it."""
        candidates = [(-ramp(q, t), q.open, i, q.join, q)
                      for i, territory in enumerate(s["territories"])
                      for q in sellers[territory]
                      if not room or q.open < q.spec["max_open_opportunities"]]
        return min(candidates, key=lambda c: c[:4])[4] if candidates else None

    def arrives(territory):
        """A lead that exists: its channel and segment, counted and paid."""
        product = pick(s["products"], territory)
        channel, segment = pick(s["channels"], territory), pick(s["segments"], territory)
        add("leads")
        add(f"territory.{territory}.leads")
        add("channel_cost", channel[1]["cost_per_lead"])
        add(f"channel.{channel[0]}.leads")
        add(f"channel.{channel[0]}.cost", channel[1]["cost_per_lead"])
        add(f"segment.{segment[0]}.leads")
        return product, channel, segment

    def screened_out(t):
        """An unqualified lead rejected by sales ops, with probability accuracy x coverage."""
        if not s["unqualified_share"] or rng.random() >= s["unqualified_share"]:
            return False, False
        screening = capacity(("sales_operations",), "leads_screened_per_month")
        if not screening:
            return False, True
        if t < 0:  # the warm start: day 0's screening against the inbound rate
            covered = min(1.0, screening / max(1.0, sum(s["territories"].values())))
        else:
            covered = min(1.0, screening / max(1.0, last_month_leads[0]))
        if rng.random() < s["accuracy"] * covered:
            add("leads_disqualified")
            return True, True
        return False, True

    def converts(channel):
        if rng.random() < channel[1]["lead_conversion"]:
            return True
        add("leads_not_converted")
        return False

    def open_deal(p, t, territory, product, channel, segment, unqualified=False):
        deals[0] += 1
        deal = Deal(deals[0], territory, product[1]["win_rate"](rng)
                    * s["win_rate_factor"][territory]
                    * channel[1]["win_rate_factor"] * segment[1]["win_rate_factor"])
        deal.opened = t
        deal.unqualified = unqualified
        deal.product, deal.channel, deal.segment = product, channel, segment
        add(f"channel.{channel[0]}.opportunities")
        add(f"territory.{territory}.opportunities")
        add(f"segment.{segment[0]}.opportunities")
        deal.cycle = (product[1]["cycle"](rng) * channel[1]["cycle_factor"]
                      * segment[1]["cycle_factor"])
        open_in[territory] += 1
        take(p, deal, t)
        add("opportunities_opened")
        if rng.random() < product[1]["complex_share"]:
            add("complex_opportunities")
            deal.help_days = s["help_days"](rng)
            if help_slots[0] > 0:
                help_queue.append(deal)
                serve_specialists(t)
                return
            deal.factor = s["unassisted_factor"]
        push(t + deal.cycle, CLOSE, CLOSE, deal)

    def serve_specialists(t):
        while help_queue and helping[0] < help_slots[0]:
            deal = help_queue.pop(0)
            helping[0] += 1
            deal.factor = s["specialist_factor"]
            add("specialist_grants")
            add("specialist_wait", t - max(0.0, deal.opened))
            push(t + deal.help_days, HELP_ENDS, HELP_ENDS, None)
            push(t + deal.cycle, CLOSE, CLOSE, deal)

    def take(p, deal, t):
        deal.owner = p
        deal.probability = (0.0 if deal.unqualified
                            else min(1.0, deal.win_rate * productivity(p, t)))
        p.open += 1
        p.deals.add(deal)

    def calendar(t):
        """Index (0: January) of the calendar month day t falls in."""
        m = min(horizon, math.floor(t / MONTH) + 1)
        return (s["first_calendar_month"] - 1 + m - 1) % 12

    def available(territory, t):
        ends = cooling[territory]
        while ends and ends[0] <= t:
            ends.pop(0)
        return (s["accounts"][territory] - open_in[territory] - held_by_customers[territory]
                - len(ends))

    def lead_exists(territory, t):
        """With finite accounts a lead exists with probability available / accounts."""
        accounts = s["accounts"][territory]
        return not accounts or rng.random() < available(territory, t) / accounts

    def cool_off(territory, t):
        if s["accounts"][territory]:
            cooling[territory].append(t + s["cool_off_days"][territory])

    def covered_now():
        """min(1, C / N): C the onboarded CSRs' accounts, N the active customers."""
        return min(1.0, cs_accounts[0] / active[0]) if cs_accounts[0] else 0.0

    cumulative = {}

    def pick(named, territory):
        """A product, channel or segment by its shares (a segment's in the territory)."""
        if len(named) == 1:
            return named[0]
        key = (id(named), territory)
        if key not in cumulative:
            cumulative[key] = list(itertools.accumulate(
                spec.get("share_by_territory", {}).get(territory, spec["share"])
                for _, spec in named))
        weights = cumulative[key]
        return named[bisect.bisect_right(weights, rng.random() * weights[-1])]

    def new_customer(t, mrr, territory, segment, gone_share):
        annual = rng.random() < s["annual_contract_share"]
        c = Customer(t, mrr, territory, segment, annual, gone_share, rng.random())
        customers.append(c)
        active[0] += 1
        held_by_customers[territory] += 1
        push(c.first, RENEWAL, RENEWAL, c)

    def assign(p):
        """A seller without a territory goes where the fewest sellers are employed, an SDR where
        the fewest SDRs are."""
        if p.territory is None and p.kind == "account_executive":
            p.territory = min(s["territories"], key=lambda x: sum(
                q.territory == x and q.seller == p.seller and q.sdr == p.sdr and q is not p
                for q in employed))

    def onboarded(p, t):
        """The end of p's onboarding (day 0 for the starting staff): capacities count, an AE
        sells."""
        training.discard(p)
        p.selling_from = t
        changed()
        if p.kind == "customer_success":
            cs_accounts[0] += p.spec["accounts_per_rep"]
        if p.kind == "sales_specialist":
            help_slots[0] += p.spec["concurrent_deals"]
            serve_specialists(t)
        if p.kind == "account_executive":
            p.ramp_days *= (1 - enablement()[0]) / management_factor()
        if p.sdr:
            new_prospect(p, t)
        if p.seller:
            joins[0] += 1
            p.join = joins[0]
            sellers[p.territory].append(p)
            for deal in waiting:
                deal.owner = p
                deal.probability = None
                p.open += 1
                p.deals.add(deal)
            waiting.clear()
            new_prospect(p, t)

    def depart(p, t):
        """p leaves (attrition, or let go after an improvement plan): deals handed on,
        capacities dropped, the seat backfilled."""
        employed.remove(p)
        changed()
        add("departures")
        if p.kind == "customer_success" and p.selling_from is not None:
            cs_accounts[0] -= p.spec["accounts_per_rep"]
        if p.kind == "sales_specialist" and p.selling_from is not None:
            help_slots[0] -= p.spec["concurrent_deals"]
            if not any(q.kind == "sales_specialist" and q.selling_from is not None
                       for q in employed):
                for deal in help_queue:  # the last one left: they go on unassisted
                    deal.factor = s["unassisted_factor"]
                    push(t + deal.cycle, CLOSE, CLOSE, deal)
                help_queue.clear()
        if p in trainees:
            trainees.remove(p)
        training.discard(p)
        if p in sellers.get(p.territory, []):
            sellers[p.territory].remove(p)
            # in the order opened: the earliest opening time first (an inherited deal keeps
            # its own), deals opened at one instant in the order opened
            for deal in sorted(p.deals, key=lambda d: (d.opened, d.did)):
                q = best(p.territory, t, room=False) or covering(t)
                if q is None:
                    deal.owner = None
                    waiting.append(deal)
                else:
                    take(q, deal, t)
            p.deals = set()
        spec = s["roles"][p.role]
        if spec["backfill"]:
            made[p.role] = made.get(p.role, 0) + 1
            source = spec.get("backfill_source", "experienced_external")
            push(t + spec["backfill_delay_days"], REQUISITION, REQUISITION,
                 (p.role, p.territory, source, None))
        serve_training(t)
        serve_searches(t)

    def rebalance(t):
        """Sales ops' rebalancing: the sellers (onboarding or not; SDRs stay) reassigned in
        proportion to each territory's inbound_leads_per_month x available share of accounts,
        by largest remainders. The over-staffed territories' movers (each territory's most
        recently hired beyond its share), taken territory by territory in the listed order and
        within one most recently hired first, fill the under-staffed territories in the listed
        order (scenario-reference.md, `territories`)."""
        names = list(s["territories"])
        weight = {x: s["territories"][x] * (available(x, t) / s["accounts"][x]
                                            if s["accounts"][x] else 1.0) for x in names}
        movable = [p for p in employed if p.seller]
        if not movable or sum(weight.values()) <= 0:
            return
        quota = {x: len(movable) * weight[x] / sum(weight.values()) for x in names}
        target = {x: math.floor(quota[x]) for x in names}
        left = len(movable) - sum(target.values())
        for x in sorted(names, key=lambda x: -(quota[x] - target[x]))[:left]:
            target[x] += 1
        movers = []
        for x in names:
            here = sorted((p for p in movable if p.territory == x),
                          key=lambda p: (p.first_day, p.pid))
            movers += here[target[x]:][::-1]
        for x in names:
            while movers and sum(p.territory == x for p in movable) < target[x]:
                p = movers.pop(0)
                add("territory_moves")
                if p in sellers[p.territory]:
                    sellers[p.territory].remove(p)
                    joins[0] += 1
                    p.join = joins[0]
                    sellers[x].append(p)
                p.territory = x

    def performance_reviews(m, t):
        """management.underperformance_*: a ramped seller below the bar over the last n months
        goes on a plan; at its end, still below the bar over its p months, they are let go."""
        review = s["review"]
        theta = review["underperformance_threshold"]
        n, plan = int(review["underperformance_months"]), int(review["improvement_plan_months"])
        if theta <= 0 or span() <= 0:
            return

        def below(p, months):
            booked = sum(p.bookings.get(i, 0.0) for i in range(m - months + 1, m + 1))
            return booked < theta * p.spec["annual_quota"] * months / 12

        for p in [q for q in employed if q.seller and q.spec["annual_quota"] > 0]:
            if p.plan_ends is not None:
                if m < p.plan_ends:
                    continue
                p.plan_ends = None
                if below(p, plan):
                    add("performance_exits")
                    p.leave = t
                    depart(p, t)
                continue
            if p.selling_from is None:
                continue
            whole = math.floor((t - p.selling_from - p.ramp_days) / MONTH + 1e-9)
            if whole >= n and below(p, n):
                if plan == 0:
                    add("performance_exits")
                    p.leave = t
                    depart(p, t)
                else:
                    p.plan_ends = m + plan

    def tenure(p, t):
        hazard = (-math.log(1 - s["roles"][p.role]["annual_attrition"]) / 365.25
                  * s["sources"][p.source][3])
        p.leave = t + rng.expovariate(hazard) if hazard > 0 else math.inf
        push(p.leave, DEPARTURE, DEPARTURE, p)

    def new_prospect(p, t):
        rate = p.spec["prospecting_leads_per_month"] / MONTH
        if rate > 0 and t + (wait := rng.expovariate(rate)) < (0 if t < 0 else math.inf):
            push(t + wait, LEAD, LEAD, p)

    peak = max(s["lead_season"])
    for territory, rate in s["territories"].items():
        if rate * peak > 0:
            push(rng.expovariate(rate * peak / MONTH), LEAD, LEAD, territory)
    tickets = []  # [planned start day, started] of each person of a dated hire
    for role, opens, count, territory, source, planned in s["hires"]:
        for _ in range(count):
            tickets.append([planned, False])
            push(opens, PLANNED_HIRE, PLANNED_HIRE, (role, territory, source, tickets[-1]))
    if s["rules"] or "sales_operations" in (spec["kind"] for spec in s["roles"].values()):
        for m in range(1, horizon + 1):
            push((m - 1) * MONTH, MONTH_START, MONTH_START, m)
    for m in range(1, horizon + 1):
        push(m * MONTH, MONTH_END, MONTH_END, m)
    customers = []
    names, rates = list(s["territories"]), list(s["territories"].values())
    # by count: the first n1 in the first territory listed, the next n2 in the second, ...
    placed = [t for t, n in s["initial_by_count"] for _ in range(n)]
    for i in range(s["initial_customers"]):
        mrr = s["initial_mrr"](rng)
        if placed:
            territory = placed[i]
        else:
            territory = (rng.choices(names, rates)[0] if sum(rates) > 0
                         else names[int(rng.random() * len(names))])
        new_customer(0.0, mrr, territory, pick(s["segments"], territory), rng.random())
    for role, count, territory in s["starting_staff"]:
        for _ in range(count):  # employed, onboarded and ramped at day 0
            p = Person(len(people), role, territory, 0.0, 0.0, s["roles"][role])
            people.append(p)
            employed.append(p)
            changed()
            assign(p)
            if "performance" in p.spec:
                p.performance = p.spec["performance"](rng)
            tenure(p, 0.0)
            onboarded(p, 0.0)
    employed_at = {0: set(employed)}
    if s["warm_start"]:
        # the year before day 0 replayed with day 0's team: inbound leads where someone sells,
        # the starting sellers' prospects and those of the starting SDRs where someone sells
        staffed = {p.territory for p in employed if p.seller}
        for territory in s["territories"]:
            rate = s["territories"][territory] / MONTH
            if territory in staffed and rate > 0:
                first = -YEAR + rng.expovariate(rate)
                if first < 0:
                    push(first, LEAD, LEAD, ("replay", territory))
        for p in list(employed):
            if p.seller or (p.sdr and p.territory in staffed):
                new_prospect(p, -YEAR)

    def month_end(m, t, flow):
        row = {k: flow.get(k, 0.0) for k in (
            "hires", "departures", "hiring_cost", "leads", "leads_unworked",
            "opportunities_opened", "deals_won", "deals_lost", "new_bookings", "commission",
            "complex_opportunities", "specialist_grants", "leads_not_converted", "channel_cost",
            "performance_exits", "leads_disqualified", "territory_moves")}
        last_month_leads[0] = row["leads"]
        row["reps_on_plan"] = sum(p.plan_ends is not None for p in employed)
        row["planned_starts"] = sum(t - MONTH <= planned < t for planned, _ in tickets)
        row["dated_hires_late"] = sum(not started and t - planned > MONTH
                                      for planned, started in tickets)
        for name, _ in s["channels"]:
            for key in ("leads", "opportunities", "wins", "cost"):
                row[f"channel.{name}.{key}"] = flow.get(f"channel.{name}.{key}", 0.0)
        for name, _ in s["products"]:
            for key in ("wins", "bookings"):
                row[f"product.{name}.{key}"] = flow.get(f"product.{name}.{key}", 0.0)
        for name, _ in s["segments"]:
            for key in ("leads", "opportunities", "wins", "bookings"):
                row[f"segment.{name}.{key}"] = flow.get(f"segment.{name}.{key}", 0.0)
        for name in s["territories"]:
            for key in ("leads", "opportunities", "wins", "bookings"):
                row[f"territory.{name}.{key}"] = flow.get(f"territory.{name}.{key}", 0.0)
        row["specialist_queue"] = len(help_queue)
        row["specialist_queue_wait_days"] = (flow.get("specialist_wait", 0.0)
                                             / row["specialist_grants"]
                                             if row["specialist_grants"] else math.nan)
        aes = [p for p in employed if p.seller]
        row["headcount_total"] = len(employed)
        for role in s["roles"]:
            row["headcount." + role] = sum(p.role == role for p in employed)
        for territory in s["territories"]:
            row[f"territory.{territory}.reps"] = sum(p.territory == territory for p in aes)
        covered = covered_now()
        row["covered_customers"] = sum(c.cover < covered for c in customers
                                       if c.churn_at == math.inf)
        for territory in s["territories"]:
            row[f"territory.{territory}.accounts_available"] = (
                available(territory, t) if s["accounts"][territory] else 0.0)
        row["open_opportunities"] = sum(p.open for p in employed) + len(waiting)
        closed = row["deals_won"] + row["deals_lost"]
        row["win_rate"] = row["deals_won"] / closed if closed else math.nan
        row["avg_cycle_days"] = flow.get("closed_cycle_days", 0.0) / closed if closed else math.nan
        row["avg_time_to_hire_days"] = (flow.get("time_to_hire", 0.0) / row["hires"]
                                        if row["hires"] else math.nan)
        row["bookings_per_ae"] = row["new_bookings"] / len(aes) if aes else math.nan
        row["ramped_capacity"] = sum(productivity(p, t) for p in aes
                                     if p.selling_from is not None)
        row["recruiting_queue"] = len(requisitions)
        row["open_requisitions"] = len(requisitions) + searches[0]
        row["onboarding_queue"] = len(trainees)
        row["management_coverage"] = coverage()
        start = t - MONTH
        row["payroll"] = sum(
            s["roles"][p.role]["annual_salary"] * s["sources"][p.source][4] / 365.25
            * max(0.0, min(t, p.leave) - max(start, p.first_day)) for p in people)
        other = s["other_monthly_costs"]
        for first_month, level in s["cost_schedule"]:
            other = level if m >= first_month else other
        row["total_cost"] = (row["payroll"] + other + row["commission"] + row["channel_cost"]
                             + row["hiring_cost"])
        attainments, booked, quota = [], 0.0, 0.0
        for p in aes:
            if p.selling_from is None or p.spec["annual_quota"] <= 0:
                continue
            whole = math.floor((t - p.selling_from - p.ramp_days) / MONTH + 1e-9)
            if whole < 1:
                continue
            k = min(12, whole, m)
            b = sum(p.bookings.get(i, 0.0) for i in range(m - k + 1, m + 1))
            q = p.spec["annual_quota"] * k / 12
            attainments.append(b / q)
            booked += b
            quota += q
        row["ramped_aes"] = len(attainments)
        if attainments:
            row["share_at_quota"] = sum(a >= 1 - 1e-12 for a in attainments) / len(attainments)
            row["quota_attainment_mean"] = sum(attainments) / len(attainments)
            row["quota_attainment_p50"] = percentile(attainments, 0.5)
            row["team_quota_attainment"] = booked / quota
        else:
            for key in ("share_at_quota", "quota_attainment_mean", "quota_attainment_p50",
                        "team_quota_attainment"):
                row[key] = math.nan
        if m >= 12 and employed_at[m - 12]:
            cohort = employed_at[m - 12]
            row["employee_retention_t12m"] = sum(p in employed for p in cohort) / len(cohort)
        else:
            row["employee_retention_t12m"] = math.nan
        return row

    end = horizon * MONTH
    while queue:
        t, _, _, kind, data = heapq.heappop(queue)
        if t > end:
            break
        replaying[0] = t < 0
        if kind in (REQUISITION, PLANNED_HIRE):
            role, territory, source, ticket = data
            if kind == PLANNED_HIRE:
                made[role] = made.get(role, 0) + 1
            requisitions.append((role, territory, t, source, ticket))
            serve_searches(t)
        elif kind == HIRE:
            role, territory, opened, source, ticket = data
            if ticket is not None:
                ticket[1] = True
            searches[0] -= 1
            made[role] -= 1
            spec = s["roles"][role]
            p = Person(len(people), role, territory, t, opened, spec)
            p.source = source
            people.append(p)
            employed.append(p)
            changed()
            assign(p)
            add("hires")
            add("hiring_cost", s["sources"][source][5])
            add("time_to_hire", t - opened)
            if "ramp_months" in spec:
                p.ramp_days = spec["ramp_months"](rng) * MONTH * s["sources"][source][1]
            if "performance" in spec:
                p.performance = spec["performance"](rng)
            tenure(p, t)
            trainees.append(p)
            serve_training(t)
            serve_searches(t)
        elif kind == ONBOARDED:
            p = data
            if p not in employed:
                continue
            onboarded(p, t)
            serve_training(t)
        elif kind == DEPARTURE:
            if data in employed:  # not let go already
                depart(data, t)
        elif kind == LEAD:
            if isinstance(data, Person):
                p = data
                if p not in employed:
                    continue
                new_prospect(p, t)
                territory = p.territory
                if p.seller and p.open >= p.spec["max_open_opportunities"]:
                    continue  # a seller with every slot taken finds no lead
            elif isinstance(data, tuple):  # the warm start's inbound leads: no seasonality
                territory = data[1]
                after = t + rng.expovariate(s["territories"][territory] / MONTH)
                if after < 0:
                    push(after, LEAD, LEAD, data)
            else:
                territory = data
                push(t + rng.expovariate(s["territories"][territory] * peak / MONTH), LEAD, LEAD,
                     territory)
                if rng.random() * peak >= s["lead_season"][calendar(t)]:
                    continue  # thinned to the month's rate
            if not lead_exists(territory, t):
                continue
            product, channel, segment = arrives(territory)
            out, unqualified = screened_out(t)
            if out:
                continue
            if isinstance(data, Person) and data.seller:
                q = data if data.open < data.spec["max_open_opportunities"] else None
            else:  # inbound, or an SDR's hand-off
                q = best(territory, t, room=True)
                if q is None and not sellers[territory] and s["vacant_leads"] == "company":
                    q = covering(t, room=True)  # nobody sells there: another territory's seller
            if q is None:
                add("leads_unworked")
            elif converts(channel):
                open_deal(q, t, territory, product, channel, segment, unqualified)
        elif kind == CLOSE:
            deal = data
            p = deal.owner
            open_in[deal.territory] -= 1
            if t < 0:  # closed before day 0: no outcome, it only held its slot and account
                p.open -= 1
                p.deals.discard(deal)
                continue
            add("closed_cycle_days", t - deal.opened)
            won = False
            if p is None:
                waiting.remove(deal)
            else:
                p.open -= 1
                p.deals.discard(deal)
                probability = deal.probability
                if probability is None:
                    probability = min(1.0, deal.win_rate * productivity(p, t))
                won = rng.random() < min(1.0, probability * deal.factor
                                         * s["closing_season"][calendar(t)])
            if won:
                acv = (deal.product[1]["acv"](rng) * s["deal_size_factor"][deal.territory]
                       * deal.segment[1]["deal_size_factor"])
                add(f"product.{deal.product[0]}.wins")
                add(f"product.{deal.product[0]}.bookings", acv)
                add(f"channel.{deal.channel[0]}.wins")
                add(f"territory.{deal.territory}.wins")
                add(f"territory.{deal.territory}.bookings", acv)
                add(f"segment.{deal.segment[0]}.wins")
                add(f"segment.{deal.segment[0]}.bookings", acv)
                add("deals_won")
                add("new_bookings", acv)
                if p.spec["annual_quota"] > 0:
                    add("commission", acv * (p.spec["on_target_earnings"]
                                             - p.spec["annual_salary"]) / p.spec["annual_quota"])
                p.bookings[month[0]] = p.bookings.get(month[0], 0.0) + acv
                new_customer(t, acv / 12, deal.territory, deal.segment, None)
            else:
                add("deals_lost")
                cool_off(deal.territory, t)
        elif kind == MONTH_START:
            m = data
            n = s["rebalance_every"]
            if n and m > 1 and (m - 1) % n == 0 and any(
                    p.kind == "sales_operations" and p.selling_from is not None
                    for p in employed):
                rebalance(t)
            for rule in s["rules"]:
                if not rule["from_month"] <= m <= rule["until_month"]:
                    continue
                role = rule["role"]
                planned = sum(p.role == role for p in employed) + made.get(role, 0)
                most = int(rule.get("max_count", 10 ** 9))
                if "every_months" in rule:
                    wanted = (min(int(rule.get("count", 1)), most - planned)
                              if (m - rule["from_month"]) % int(rule["every_months"]) == 0
                              else 0)
                else:
                    if "per_customers" in rule:
                        target = math.floor(active[0] / number(rule["per_customers"]))
                    elif "when_reps_per_manager_above" in rule:
                        # M: the planned people of kind sales_manager in other roles
                        others = sum(p.kind == "sales_manager" and p.role != role
                                     for p in employed) + sum(
                            made.get(r, 0) for r, spec in s["roles"].items()
                            if spec["kind"] == "sales_manager" and r != role)
                        target = max(0, math.ceil(
                            reps() / number(rule["when_reps_per_manager_above"])) - others)
                    else:  # per_reps: sellers from their first day, SDRs excluded
                        sellers_now = sum(p.seller for p in employed)
                        target = math.floor(sellers_now / number(rule["per_reps"]))
                    wanted = min(target, most) - planned
                for _ in range(max(0, wanted)):
                    made[role] = made.get(role, 0) + 1
                    requisitions.append((role, rule.get("territory"), t,
                                         rule.get("source", "experienced_external"), None))
                serve_searches(t)
        elif kind == HELP_ENDS:
            helping[0] -= 1
            serve_specialists(t)
        elif kind == RENEWAL:
            c = data
            covered = c.cover < covered_now()
            churn = (s["annual_churn"] if c.annual else s["churn"]) * c.segment[1]["churn_factor"]
            if covered:
                churn *= s["covered_churn_factor"]
            if rng.random() < min(1.0, churn):
                c.churn_at = len(c.path)
                active[0] -= 1
                held_by_customers[c.territory] -= 1
                cool_off(c.territory, t)
            else:
                g = s["expansion"](rng) + (s["covered_expansion_bonus"] if covered else 0.0)
                c.path.append(c.path[-1] * max(0.0, 1 + g) ** (12 if c.annual else 1))
                push(t + c.term, RENEWAL, RENEWAL, c)
        elif kind == MONTH_END:
            m = data
            performance_reviews(m, t)
            rows[m] = month_end(m, t, flow)
            employed_at[m] = set(employed)
            flow.clear()
            month[0] = m + 1
        else:
            raise AssertionError(kind)

    return rows, customers, people


def percentile(values, p):
    """Type 7 (docs/metrics.md, "Statistics over replications")."""
    x = sorted(values)
    h = (len(x) - 1) * p
    lo = math.floor(h)
    return x[lo] + (h - lo) * (x[min(lo + 1, len(x) - 1)] - x[lo])


def customer_base(s, customers, rows):
    """Renewals, churn, MRR, revenue, collections and retention (docs/metrics.md, "Customers and
    revenue"; scenario-reference.md, `customers`) from the customers simulate() played: each
    renews every term (a month, or a year for an annual contract) from its first renewal on,
    churning at renewal churn_at or else taking the MRR path[k] after its k-th renewal."""
    horizon = s["horizon"]
    ends = [m * MONTH for m in range(horizon + 1)]
    mrr_at = [[0.0] * (horizon + 1) for _ in customers]
    active_at = [[False] * (horizon + 1) for _ in customers]
    upfront = s["annual_billing"] == "upfront"
    for m in range(1, horizon + 1):
        for key in ("customers", "mrr", "revenue", "renewals", "logo_churn", "collections",
                    "deferred_revenue"):
            rows[m][key] = 0.0
        for name, _ in s["segments"]:
            rows[m][f"segment.{name}.customers"] = rows[m][f"segment.{name}.arr"] = 0.0
        for name in s["territories"]:
            rows[m][f"territory.{name}.customers"] = rows[m][f"territory.{name}.arr"] = 0.0
    for i, c in enumerate(customers):
        start, mrr, term, first, churn_at = c.start, c.path[0], c.term, c.first, c.churn_at
        path = c.path + [c.path[-1]] * (horizon + 2)  # renewals past the horizon never came
        billed = c.annual and upfront
        gone = first + (churn_at - 1) * term  # day it churns
        if billed and not c.initial and start > 0:
            rows[min(horizon, max(1, math.ceil(start / MONTH)))]["collections"] += 12 * mrr
        previous = 0
        for m in range(horizon + 1):
            t = ends[m]
            if t < start:
                continue
            renewed = math.floor((t - first) / term) + 1 if t >= first else 0
            active = renewed < churn_at
            stayed = min(renewed, churn_at - 1)
            if active:
                active_at[i][m] = True
                mrr_at[i][m] = path[stayed]
            if m >= 1:
                rows[m]["renewals"] += stayed - previous
                if billed:
                    for k in range(previous + 1, stayed + 1):  # an invoice at each renewal
                        rows[m]["collections"] += 12 * path[k]
                if active_at[i][m - 1] and not active:
                    rows[m]["logo_churn"] += 1
                if active:
                    rows[m]["customers"] += 1
                    rows[m]["mrr"] += mrr_at[i][m]
                    rows[m][f"segment.{c.segment[0]}.customers"] += 1
                    rows[m][f"segment.{c.segment[0]}.arr"] += 12 * mrr_at[i][m]
                    rows[m][f"territory.{c.territory}.customers"] += 1
                    rows[m][f"territory.{c.territory}.arr"] += 12 * mrr_at[i][m]
                    if billed:
                        rows[m]["deferred_revenue"] += (mrr_at[i][m]
                                                        * (first + renewed * term - t) / MONTH)
                # revenue: MRR over the month's days, pro rata
                lo, hi = max(ends[m - 1], start), min(t, gone)
                day = lo
                n = max(0, math.floor((day - first) / term) + 1) if day >= first else 0
                earned = 0.0
                while day < hi:
                    nxt = min(hi, first + n * term)
                    if nxt > day:
                        earned += path[min(n, churn_at - 1)] * (nxt - day) / MONTH
                        day = nxt
                    n += 1
                rows[m]["revenue"] += earned
                if not billed:
                    rows[m]["collections"] += earned
            previous = stayed
            if not active:
                break
    for m in range(1, horizon + 1):
        row = rows[m]
        row["arr"] = 12 * row["mrr"]
        if m >= 12:
            cohort = [i for i in range(len(customers)) if active_at[i][m - 12]]
            m0 = sum(mrr_at[i][m - 12] for i in cohort)
            m1 = sum(mrr_at[i][m] for i in cohort)
            kept = sum(min(mrr_at[i][m], mrr_at[i][m - 12]) for i in cohort)
            row["nrr_t12m"] = m1 / m0 if m0 > 0 else math.nan
            row["grr_t12m"] = kept / m0 if m0 > 0 else math.nan
            row["logo_retention_t12m"] = (sum(active_at[i][m] for i in cohort) / len(cohort)
                                          if cohort else math.nan)
        else:
            row["nrr_t12m"] = row["grr_t12m"] = row["logo_retention_t12m"] = math.nan


def money(s, rows):
    """cash, cash_low, cash_ever_negative, cumulative_burn, funding, cac and cac_payback_months
    (docs/metrics.md, "Money")."""
    cash, low, negative = s["starting_cash"], s["starting_cash"], 0.0
    horizon = s["horizon"]
    raised = 0.0
    for m in range(1, horizon + 1):
        row = rows[m]
        row["funding"] = sum(amount for month, amount in s["funding"] if month == m)
        raised += row["funding"]
        cash += row["collections"] + row["funding"] - row["total_cost"]
        low = min(low, cash)
        negative = 1.0 if cash < 0 or negative else 0.0
        row["cash"], row["cash_low"], row["cash_ever_negative"] = cash, low, negative
        row["cumulative_burn"] = s["starting_cash"] + raised - cash
        window = [rows[i] for i in range(max(1, m - 11), m + 1)]
        cost = sum(r["total_cost"] for r in window)
        won = sum(r["deals_won"] for r in window)
        booked = sum(r["new_bookings"] for r in window)
        row["cac"] = cost / won if won else math.nan
        row["cac_payback_months"] = cost / (booked / 12) if booked else math.nan


def replications_from_the_docs(doc, replications, first=0):
    """The rows of replications first, first + 1, ... (each from seeds of its own index, so
    they can be run in parts); a scenario with per-replication inputs is resolved anew for each
    replication, from a stream of its own."""
    uncertain = resolve(doc, random.Random(0)) != doc  # some `per: replication` map
    s = None if uncertain else build(doc)
    rows = []
    for r in range(first, first + replications):
        if uncertain:
            s = build(resolve(doc, random.Random(7_000_003 * r + 5)))
        rows.append(replicate(s, 1_000_003 * r + 17))
    return rows


def replicate(s, seed):
    rng = random.Random(seed)
    rows, customers, _ = simulate(s, rng)
    customer_base(s, customers, rows)
    money(s, rows)
    return rows

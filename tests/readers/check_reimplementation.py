#!/usr/bin/env python3
"""docs/ promise that someone could re-implement the model from them alone and get the same
distributions. This is such a re-implementation, written from docs/ (scenario-reference.md,
metrics.md, validation.md, architecture.md) without reading models/, sim/ or app/, for the
mechanisms scenarios/default.yaml uses and a few it leaves at rest: dated hires, recruiting and
training slots (founder, then the manager), management coverage, attrition and backfill, ramp
curves, performance, inbound and prospected leads, routing (ramped_first, least_loaded,
round_robin, productivity_weighted), capacity, hand-over of a leaver's deals (or their wait for
the next seller), win odds, customers, renewals, churn, expansion, annual contracts and upfront
billing, payroll, commission, hiring costs and cash. Its random numbers are Python's own.

It runs teamsim on the same scenario with --samples, as written and stressed (CONFIGURATIONS),
and compares at months 6, 12, 24 and 36 each metric's mean (a two-sample z with both Monte Carlo
standard errors) and its distribution (a two-sample Kolmogorov-Smirnov test). Some 700 tests
are made; each fails beyond 4.5 standard errors (two-sided p ~ 7e-6, so ~5e-3 for all of them:
Bonferroni) or at a KS p-value below 1e-5.

Usage: check_reimplementation.py TEAMSIM_BINARY SOURCE_DIR [PYTHON_REPLICATIONS]"""
import bisect
import csv
import gzip
import heapq
import math
import os
import random
import subprocess
import sys
import tempfile

import yaml

MONTH = 365.25 / 12
Z90 = 1.2815516
MONTHS = (6, 12, 24, 36)
Z_LIMIT = 4.5
KS_P_LIMIT = 1e-5
# A ratio defined in few replications (the mean time to hire of a month with a hire: one in ten
# at month 24) has a heavy tail that a few dozen values do not pin down: such months are left out.
MIN_DEFINED = 100


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
}
SUPPORTED = {"name", "description", "horizon_months", "replications", "seed", "money", "roles",
             "territories", "starting_staff", "hires", "pipeline", "customers", "expect",
             "founder", "management"}


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
        if isinstance(part, str) and part not in node:
            node[part] = {}
        node = node[part]
    value = yaml.safe_load(value)
    if isinstance(value, dict) and isinstance(node.get(parts[-1]) if isinstance(node, dict)
                                              else None, dict):
        node[parts[-1]].update(value)
    else:
        node[parts[-1]] = value


def load(path, sets=()):
    with open(path) as f:
        doc = yaml.safe_load(f)
    for setting in sets:
        apply_set(doc, setting)
    unsupported = set(doc) - SUPPORTED
    assert not unsupported, f"not re-implemented: {sorted(unsupported)}"
    assert not doc.get("starting_staff"), "starting_staff (and the warm start) not re-implemented"
    roles = {}
    for name, defaults in ROLE_DEFAULTS.items():
        given = (doc.get("roles") or {}).get(name, {})
        role = dict(defaults, **given)
        if name == "account_executive":
            role["on_target_earnings"] = given.get("on_target_earnings",
                                                   2 * number(role["annual_salary"]))
        for key in ("annual_salary", "onboarding_days", "annual_attrition", "annual_quota",
                    "prospecting_leads_per_month", "backfill_delay_days", "on_target_earnings"):
            if key in role:
                role[key] = number(role[key])
        for key in ("time_to_fill_days", "ramp_months", "performance"):
            if key in role:
                role[key] = sampler(role[key])
        roles[name] = role
    assert set((doc.get("roles") or {})) <= set(roles), "only the AE and manager roles here"
    money = doc.get("money") or {}
    pipeline = doc.get("pipeline") or {}
    customers = doc.get("customers") or {}
    territories = doc.get("territories") or {"all": {}}
    hires = []
    for h in doc.get("hires") or []:
        assert "month" in h and set(h) <= {"role", "month", "count", "territory"}
        hires.append((h["role"], int(h["month"]), int(h.get("count", 1)), h.get("territory")))
    return dict(
        horizon=int(doc.get("horizon_months", 36)),
        starting_cash=number(money.get("starting_cash", 2_000_000)),
        other_monthly_costs=number(money.get("other_monthly_costs", 30_000)),
        roles=roles,
        territories={t: number((v or {}).get("inbound_leads_per_month", 20))
                     for t, v in territories.items()},
        hires=hires,
        routing=pipeline.get("routing", "ramped_first"),
        win_rate=sampler(pipeline.get("win_rate", {"dist": "beta", "mean": 0.2, "sd": 0.05})),
        acv=sampler(pipeline.get("deal_size_acv",
                                 {"dist": "lognormal", "median": 12_000, "p90": 30_000})),
        cycle=sampler(pipeline.get("sales_cycle_days",
                                   {"dist": "lognormal", "median": 60, "p90": 120})),
        initial_customers=int(customers.get("initial", 0)),
        initial_mrr=sampler(customers.get("initial_mrr",
                                          {"dist": "lognormal", "median": 1000, "p90": 3000})),
        churn=number(customers.get("monthly_churn", 0.01)),
        expansion=number(customers.get("monthly_expansion", 0.01)),
        annual_contract_share=number(customers.get("annual_contract_share", 0)),
        annual_churn=number(customers.get("annual_churn", 0.11)),
        annual_billing=customers.get("annual_billing", "monthly"),
        founder=dict(dict(span_of_control=4, concurrent_searches=1, time_to_fill_factor=1.5,
                          trainees_at_once=2), **{k: number(v) for k, v in
                                                  (doc.get("founder") or {}).items()}),
        penalty=number((doc.get("management") or {}).get("under_management_penalty", 0.3)),
        cost_per_hire=4_000)


# ---- one replication, as docs/ describe it ----

DEPARTURE, REQUISITION, HIRE, ONBOARDED, LEAD, CLOSE, MONTH_END, PLANNED_HIRE = range(8)


class Person:
    def __init__(self, pid, role, territory, first_day, opened):
        self.pid, self.role, self.territory = pid, role, territory
        self.first_day, self.opened = first_day, opened
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


def simulate(s, rng):
    """{metric: [month 1 value, ...]} for one replication of scenario s."""
    horizon = s["horizon"]
    ae, mgr = s["roles"]["account_executive"], s["roles"]["sales_manager"]
    founder = s["founder"]
    queue, sequence = [], [0]

    def push(t, priority, kind, data=None):
        sequence[0] += 1
        heapq.heappush(queue, (t, priority, sequence[0], kind, data))

    people, employed = [], []
    sellers = {t: [] for t in s["territories"]}
    waiting = {t: [] for t in s["territories"]}
    last_given = {t: 0 for t in s["territories"]}
    requisitions, searches = [], [0]
    trainees, training = [], set()
    joins = [0]
    deals = [0]
    month = [1]
    flow = {}
    rows = {}

    def add(metric, value=1.0):
        flow[metric] = flow.get(metric, 0.0) + value

    def managers(onboarded):
        return sum(1 for p in employed if p.role == "sales_manager"
                   and (not onboarded or p.selling_from is not None))

    def coverage():
        reps = sum(1 for p in employed if p.role == "account_executive")
        onboarded = managers(True)
        span = onboarded * mgr["span_of_control"] or founder["span_of_control"]
        return 1.0 if reps == 0 else min(1.0, span / reps)

    def management_factor():
        return 1 - s["penalty"] * (1 - coverage())

    def ramp(p, t):
        x = 1.0 if p.ramp_days <= 0 else min(1.0, max(0.0, (t - p.selling_from) / p.ramp_days))
        if ae["ramp_curve"] == "step":
            return 1.0 if x >= 1 else 0.0
        if ae["ramp_curve"] == "s_curve":
            return 3 * x * x - 2 * x * x * x
        return x

    def productivity(p, t):
        return ramp(p, t) * p.performance * management_factor()

    def serve_searches(t):
        employed_managers = managers(False)
        slots = (employed_managers * mgr["concurrent_searches"]
                 or founder["concurrent_searches"])
        while requisitions and searches[0] < slots:
            role, territory, opened = requisitions.pop(0)
            searches[0] += 1
            length = s["roles"][role]["time_to_fill_days"](rng)
            if employed_managers == 0:
                length *= founder["time_to_fill_factor"]
            push(t + length, HIRE, HIRE, (role, territory, opened))

    def serve_training(t):
        onboarded = managers(True)
        slots = onboarded * mgr["trainees_at_once"] or founder["trainees_at_once"]
        while trainees and len(training) < slots:
            p = trainees.pop(0)
            training.add(p)
            push(t + s["roles"][p.role]["onboarding_days"], ONBOARDED, ONBOARDED, p)

    def best(territory, t, room):
        candidates = [p for p in sellers[territory]
                      if not room or p.open < ae["max_open_opportunities"]]
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

    def open_deal(p, t, territory):
        deals[0] += 1
        deal = Deal(deals[0], territory, s["win_rate"](rng))
        deal.opened = t
        take(p, deal, t)
        add("opportunities_opened")
        push(t + s["cycle"](rng), CLOSE, CLOSE, deal)

    def take(p, deal, t):
        deal.owner = p
        deal.probability = min(1.0, deal.win_rate * productivity(p, t))
        p.open += 1
        p.deals.add(deal)

    def new_prospect(p, t):
        rate = ae["prospecting_leads_per_month"] / MONTH
        if rate > 0:
            push(t + rng.expovariate(rate), LEAD, LEAD, p)

    for territory, rate in s["territories"].items():
        if rate > 0:
            push(rng.expovariate(rate / MONTH), LEAD, LEAD, territory)
    for role, m, count, territory in s["hires"]:
        for _ in range(count):
            push((m - 1) * MONTH, PLANNED_HIRE, REQUISITION, (role, territory))
    for m in range(1, horizon + 1):
        push(m * MONTH, MONTH_END, MONTH_END, m)
    customers = []  # (start day, MRR, first renewal day)
    for _ in range(s["initial_customers"]):
        mrr = s["initial_mrr"](rng)
        customers.append((0.0, mrr, rng.random()))
    employed_at = {0: set()}

    def month_end(m, t, flow):
        row = {k: flow.get(k, 0.0) for k in (
            "hires", "departures", "hiring_cost", "leads", "leads_unworked",
            "opportunities_opened", "deals_won", "deals_lost", "new_bookings", "commission")}
        aes = [p for p in employed if p.role == "account_executive"]
        row["headcount_total"] = len(employed)
        row["headcount.account_executive"] = len(aes)
        row["headcount.sales_manager"] = len(employed) - len(aes)
        row["open_opportunities"] = sum(p.open for p in employed) + sum(
            len(w) for w in waiting.values())
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
            s["roles"][p.role]["annual_salary"] / 365.25
            * max(0.0, min(t, p.leave) - max(start, p.first_day)) for p in people)
        row["total_cost"] = (row["payroll"] + s["other_monthly_costs"] + row["commission"]
                             + row["hiring_cost"])
        attainments, booked, quota = [], 0.0, 0.0
        for p in aes:
            if p.selling_from is None:
                continue
            whole = math.floor((t - p.selling_from - p.ramp_days) / MONTH + 1e-9)
            if whole < 1:
                continue
            k = min(12, whole, m)
            b = sum(p.bookings.get(i, 0.0) for i in range(m - k + 1, m + 1))
            q = ae["annual_quota"] * k / 12
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
        if kind == REQUISITION:
            role, territory = data
            requisitions.append((role, territory, t))
            serve_searches(t)
        elif kind == HIRE:
            role, territory, opened = data
            searches[0] -= 1
            spec = s["roles"][role]
            p = Person(len(people), role, territory, t, opened)
            people.append(p)
            employed.append(p)
            add("hires")
            add("hiring_cost", s["cost_per_hire"])
            add("time_to_hire", t - opened)
            if "ramp_months" in spec:
                p.ramp_days = spec["ramp_months"](rng) * MONTH
            if "performance" in spec:
                p.performance = spec["performance"](rng)
            hazard = -math.log(1 - spec["annual_attrition"]) / 365.25
            p.leave = t + rng.expovariate(hazard) if hazard > 0 else math.inf
            push(p.leave, DEPARTURE, DEPARTURE, p)
            trainees.append(p)
            serve_training(t)
            serve_searches(t)
        elif kind == ONBOARDED:
            p = data
            if p not in employed:
                continue
            training.discard(p)
            p.selling_from = t
            if p.role == "account_executive":
                p.ramp_days /= management_factor()
                joins[0] += 1
                p.join = joins[0]
                sellers[p.territory].append(p)
                for deal in waiting[p.territory]:
                    deal.owner = p
                    deal.probability = None
                    p.open += 1
                    p.deals.add(deal)
                waiting[p.territory] = []
                new_prospect(p, t)
            serve_training(t)
        elif kind == DEPARTURE:
            p = data
            employed.remove(p)
            add("departures")
            if p in trainees:
                trainees.remove(p)
            training.discard(p)
            if p in sellers.get(p.territory, []):
                sellers[p.territory].remove(p)
                for deal in sorted(p.deals, key=lambda d: d.did):
                    q = best(p.territory, t, room=False)
                    if q is None:
                        deal.owner = None
                        waiting[p.territory].append(deal)
                    else:
                        take(q, deal, t)
                p.deals = set()
            spec = s["roles"][p.role]
            if spec["backfill"]:
                push(t + spec["backfill_delay_days"], REQUISITION, REQUISITION,
                     (p.role, p.territory))
            serve_training(t)
            serve_searches(t)
        elif kind == LEAD:
            if isinstance(data, Person):
                p = data
                if p not in employed:
                    continue
                add("leads")
                new_prospect(p, t)
                if p.open < ae["max_open_opportunities"]:
                    open_deal(p, t, p.territory)
                else:
                    add("leads_unworked")
            else:
                territory = data
                add("leads")
                push(t + rng.expovariate(s["territories"][territory] / MONTH), LEAD, LEAD,
                     territory)
                q = best(territory, t, room=True)
                if q is None:
                    add("leads_unworked")
                else:
                    open_deal(q, t, territory)
        elif kind == CLOSE:
            deal = data
            add("closed_cycle_days", t - deal.opened)
            p = deal.owner
            won = False
            if p is None:
                waiting[deal.territory].remove(deal)
            else:
                p.open -= 1
                p.deals.discard(deal)
                probability = deal.probability
                if probability is None:
                    probability = min(1.0, deal.win_rate * productivity(p, t))
                won = rng.random() < probability
            if won:
                acv = s["acv"](rng)
                add("deals_won")
                add("new_bookings", acv)
                add("commission", acv * (ae["on_target_earnings"] - ae["annual_salary"])
                    / ae["annual_quota"])
                p.bookings[month[0]] = p.bookings.get(month[0], 0.0) + acv
                customers.append((t, acv / 12, None))
            else:
                add("deals_lost")
        elif kind == MONTH_END:
            m = data
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


def customer_base(s, customers, rows, rng):
    """Renewals, churn, expansion, MRR, revenue, collections and retention (docs/metrics.md,
    "Customers and revenue"; scenario-reference.md, `customers`): a customer renews every term
    (a month, or a year for an annual contract) from its first renewal on; at each renewal it
    churns with probability c, else its MRR grows by the expansion (compounded twelve times at
    once for an annual contract). Nothing else here depends on the customers, so they are played
    after the rest, each on its own draws. customers: (start day, MRR, None for a won deal or
    the initial customer's share u of its current term already gone)."""
    horizon = s["horizon"]
    ends = [m * MONTH for m in range(horizon + 1)]
    mrr_at = [[0.0] * (horizon + 1) for _ in customers]
    active_at = [[False] * (horizon + 1) for _ in customers]
    upfront = s["annual_billing"] == "upfront"
    for m in range(1, horizon + 1):
        for key in ("customers", "mrr", "revenue", "renewals", "logo_churn", "collections",
                    "deferred_revenue"):
            rows[m][key] = 0.0
    for i, (start, mrr, gone_share) in enumerate(customers):
        annual = rng.random() < s["annual_contract_share"]
        term = 365.25 if annual else MONTH
        churn = s["annual_churn"] if annual else s["churn"]
        growth = (1 + s["expansion"]) ** (12 if annual else 1)
        first = start + term if gone_share is None else (1 - gone_share) * term
        billed = annual and upfront
        # the renewal (1, 2, ...) at which it churns
        u = 1 - rng.random()
        churn_at = (max(1, math.ceil(math.log(u) / math.log(1 - churn))) if churn > 0
                    else math.inf)
        gone = first + (churn_at - 1) * term  # day it churns
        if billed and gone_share is None and start > 0:
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
                mrr_at[i][m] = mrr * growth ** stayed
            if m >= 1:
                rows[m]["renewals"] += stayed - previous
                if billed:
                    for k in range(previous + 1, stayed + 1):  # an invoice at each renewal
                        rows[m]["collections"] += 12 * mrr * growth ** k
                if active_at[i][m - 1] and not active:
                    rows[m]["logo_churn"] += 1
                if active:
                    rows[m]["customers"] += 1
                    rows[m]["mrr"] += mrr_at[i][m]
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
                        earned += mrr * growth ** min(n, churn_at - 1) * (nxt - day) / MONTH
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
    """cash, cash_low, cash_ever_negative, cac and cac_payback_months (docs/metrics.md, "Money")."""
    cash, low, negative = s["starting_cash"], s["starting_cash"], 0.0
    horizon = s["horizon"]
    for m in range(1, horizon + 1):
        row = rows[m]
        cash += row["collections"] - row["total_cost"]
        low = min(low, cash)
        negative = 1.0 if cash < 0 or negative else 0.0
        row["cash"], row["cash_low"], row["cash_ever_negative"] = cash, low, negative
        row["cumulative_burn"] = s["starting_cash"] - cash
        window = [rows[i] for i in range(max(1, m - 11), m + 1)]
        cost = sum(r["total_cost"] for r in window)
        won = sum(r["deals_won"] for r in window)
        booked = sum(r["new_bookings"] for r in window)
        row["cac"] = cost / won if won else math.nan
        row["cac_payback_months"] = cost / (booked / 12) if booked else math.nan


def replicate(s, seed):
    rng = random.Random(seed)
    rows, customers, _ = simulate(s, rng)
    customer_base(s, customers, rows, rng)
    money(s, rows)
    return rows


# ---- the comparison ----

METRICS = (
    "headcount_total", "headcount.account_executive", "headcount.sales_manager", "hires",
    "departures", "avg_time_to_hire_days", "open_requisitions", "recruiting_queue",
    "onboarding_queue", "management_coverage", "ramped_capacity", "leads", "leads_unworked",
    "opportunities_opened", "open_opportunities", "deals_won", "deals_lost", "win_rate",
    "avg_cycle_days", "new_bookings", "bookings_per_ae", "customers", "logo_churn", "renewals",
    "mrr", "arr", "revenue", "collections", "deferred_revenue", "payroll", "commission",
    "hiring_cost", "total_cost", "cash", "cash_low", "cash_ever_negative", "cumulative_burn",
    "cac", "cac_payback_months", "nrr_t12m", "grr_t12m", "logo_retention_t12m",
    "employee_retention_t12m", "ramped_aes", "share_at_quota", "quota_attainment_mean",
    "quota_attainment_p50", "team_quota_attainment")


def teamsim_samples(binary, scenario, replications, sets=()):
    """{metric: {month: [value per replication]}} from OUT/samples.csv.gz."""
    data = {}
    with tempfile.TemporaryDirectory() as out:
        options = [arg for setting in sets for arg in ("--set", setting)]
        run = subprocess.run([binary, "run", scenario, "-n", str(replications), "-q",
                              "--samples", ",".join(METRICS), "--out", out] + options,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # 4: an `expect:` of the scenario failed (a --set variant's results), files written
        assert run.returncode in (0, 4), f"teamsim run exited with {run.returncode}"
        with gzip.open(os.path.join(out, "samples.csv.gz"), "rt", newline="") as f:
            for row in csv.DictReader(f):
                m = int(row["month"])
                if m in MONTHS:
                    for metric in METRICS:
                        value = row[metric]
                        data.setdefault(metric, {}).setdefault(m, []).append(
                            float(value) if value != "" else math.nan)
    return data


def defined(values):
    return [v for v in values if not math.isnan(v)]


def mean_and_se(values):
    n = len(values)
    mean = sum(values) / n
    variance = sum((v - mean) ** 2 for v in values) / (n - 1) if n > 1 else 0.0
    return mean, math.sqrt(variance / n)


def ks(a, b):
    """The two-sample Kolmogorov-Smirnov statistic D and its asymptotic p-value. Values are
    compared to 9 significant digits: a sum of the same salaries in another order must not
    split an atom of the distribution in two."""
    a, b = sorted(float(f"{x:.9g}") for x in a), sorted(float(f"{x:.9g}") for x in b)
    d = 0.0
    for x in set(a) | set(b):
        d = max(d, abs(bisect.bisect_right(a, x) / len(a) - bisect.bisect_right(b, x) / len(b)))
    n = len(a) * len(b) / (len(a) + len(b))
    lam = (math.sqrt(n) + 0.12 + 0.11 / math.sqrt(n)) * d
    if lam < 0.2:
        return d, 1.0
    p = 2 * sum((-1) ** (j - 1) * math.exp(-2 * j * j * lam * lam) for j in range(1, 101))
    return d, min(1.0, max(0.0, p))


def compare(ours, theirs):
    """Lines of the comparison and the number of failures."""
    lines, failures, tests = [], 0, 0
    for metric in METRICS:
        for m in MONTHS:
            a = defined([rows[m][metric] for rows in ours])
            b = defined(theirs[metric][m])
            if len(a) < MIN_DEFINED or len(b) < MIN_DEFINED:
                continue
            (ma, sa), (mb, sb) = mean_and_se(a), mean_and_se(b)
            se = math.hypot(sa, sb)
            z = (ma - mb) / se if se > 0 else (0.0 if ma == mb else math.inf)
            d, p = ks(a, b) if se > 0 else (0.0, 1.0)
            tests += 2
            bad = abs(z) > Z_LIMIT or p < KS_P_LIMIT
            failures += bad
            lines.append(f"{'FAIL' if bad else 'ok  '} {metric:28} m{m:<2} docs {ma:14.6g} "
                         f"teamsim {mb:14.6g}  z {z:6.2f}  KS D {d:.3f} p {p:.1e}")
    return lines, failures, tests


# scenarios/default.yaml as it is, and with every mechanism above under strain: the founder
# recruits, trains and manages five AEs until a manager hired in month 12 is onboarded, AEs leave
# at 80 % a year (their deals handed on, or waiting for the territory's next seller), a full
# pipeline turns leads away, an S-curve ramp, round-robin routing, and half the customers on
# annual contracts billed upfront.
CONFIGURATIONS = (
    ("as written", ()),
    ("stressed", ("hires[0].month=12", "hires[1].count=3",
                  "roles.account_executive.annual_attrition=80%",
                  "roles.account_executive.max_open_opportunities=8",
                  "roles.account_executive.ramp_curve=s_curve", "pipeline.routing=round_robin",
                  "customers.annual_contract_share=50%", "customers.annual_billing=upfront")))


def main():
    binary, source = sys.argv[1], sys.argv[2]
    replications = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    scenario = os.path.join(source, "scenarios", "default.yaml")
    failed, total = 0, 0
    for label, sets in CONFIGURATIONS:
        s = load(scenario, sets)
        ours = [replicate(s, 1_000_003 * r + 17) for r in range(replications)]
        theirs = teamsim_samples(binary, scenario, 4 * replications, sets)
        lines, failures, tests = compare(ours, theirs)
        print(f"scenarios/default.yaml, {label}" + "".join(f" --set {x}" for x in sets))
        print("\n".join(lines))
        failed += failures
        total += tests
    print(f"{total} tests, {failed} beyond {Z_LIMIT} SE or KS p < {KS_P_LIMIT}: {replications} "
          f"replications from docs/ and {4 * replications} of teamsim per configuration")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

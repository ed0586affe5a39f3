#!/usr/bin/env python3
"""docs/ promise that someone could re-implement the model from them alone and get the same
distributions. This is such a re-implementation (the model in reimplementation_model.py, beside
this script; here the configurations, the runs of teamsim and the comparison), written from docs/
(scenario-reference.md, metrics.md, validation.md, architecture.md) without reading models/, sim/
or app/, for the mechanisms scenarios/default.yaml uses and a few it leaves at rest: dated hires,
recruiting and training slots (founder, then the manager; in the second configuration the
founder's searches and time_to_fill_factor all along, as the manager runs none), management coverage, attrition and
backfill, ramp curves, performance, inbound and prospected leads, routing (ramped_first,
least_loaded, round_robin, productivity_weighted), capacity, hand-over of a leaver's deals (in the
territory, else to a seller of another territory, else waiting for the next seller), a vacant
territory's leads (vacant_territory_leads: company, in the second configuration, where Europe has
no seller until its first AE and whenever its one AE has left: its leads go to the company's most
ramped, least loaded seller with room, and stay Europe's), win odds, customers, renewals, churn,
expansion, annual contracts and upfront billing, payroll, commission, hiring costs and cash;
sales_motion (transactional, the pipeline emptied, in the second
configuration; relationship in the fourth); and, switched on by --set in a third configuration:
customer-success coverage (covered churn and expansion, CSRs hired by a per_customers rule), finite
accounts and their cool-off, seasonality of leads and closing, sales specialists (complex deals
queueing for help, or going on unassisted), products, channels (conversion, factors, cost per
lead), segments (factors, shares by territory), territory factors, enablement (trainer slots, ramp
reduction, uplift), hire sources (built-in ones and, written in the scenario, two overridden and a
new one), initial customers placed by territories.<t>.initial_customers, starting staff without the
warm start (and the least-staffed territory), start_month hires (planned starts and late hires),
hiring rules (per_customers, per_reps, every_months and when_reps_per_manager_above on the manager
role), performance management (reviews, plans, exits), funding, a cost schedule, and
per-replication inputs. A fourth configuration runs scenarios/dated-hiring-plan.yaml: start_date
(months written as calendar months, the seasonality's first month), hires_csv, the warm start (the
year before day 0 replayed by the starting sellers, SDR and sales ops, complex deals waiting for a
starting specialist), and by --set SDRs (a role with hands_off_leads: placed by the SDR count,
their leads routed to the sellers, counted in management coverage but not by per_reps or
bookings_per_ae), sales operations (screening unqualified leads at a coverage of the previous
month's leads; rebalancing sellers by lead potential, two movers of one territory filling two
others in the order docs/ give), assistant managers (span, searches and trainer slots; hired by
when_reps_per_manager_above on the assistant role) and two enablement roles (the best covering the
reps first). A fifth sends every lead of default.yaml to Europe, which has no seller, so that
North America's sellers work them in the order docs/ give (the most ramped with room, then the
least loaded). Its random numbers are Python's own.

It runs teamsim on the same scenarios with --samples (CONFIGURATIONS: default.yaml as written,
stressed and with the mechanisms above on; dated-hiring-plan.yaml with the fourth set;
default.yaml's leads all in Europe) and compares every quarter (months 3, 6, ..., 36, within the horizon) each metric's mean (a two-sample z with
both Monte Carlo standard errors) and its distribution (a two-sample Kolmogorov-Smirnov test). Some
6,900 tests are made; with N of them each fails at a p-value below 1e-2 / N (Bonferroni: a false
failure of a correct model in about one run in a hundred), about 4.82 standard errors or a KS
p-value below 1.5e-6. The Python replications run in two processes while teamsim runs.

Usage: check_reimplementation.py TEAMSIM_BINARY SOURCE_DIR [PYTHON_REPLICATIONS]"""
import csv
import gzip
import math
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reimplementation_model import read, replications_from_the_docs  # noqa: E402

MONTHS = (3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36)  # those within the horizon
# The chance that a correct model fails the check: each of the N tests fails at a p-value below
# FALSE_FAILURE / N (Bonferroni): a z beyond its two-sided normal quantile, a KS p below it.
FALSE_FAILURE = 0.01
# A ratio defined in few replications (the mean time to hire of a month with a hire: one in ten
# at month 24) has a heavy tail that a few dozen values do not pin down: such months are left out.
MIN_DEFINED = 100


# ---- the comparison ----

METRICS = (
    "headcount_total", "headcount.account_executive", "headcount.sales_manager", "hires",
    "departures", "avg_time_to_hire_days", "open_requisitions", "recruiting_queue",
    "onboarding_queue", "management_coverage", "ramped_capacity", "leads", "leads_unworked",
    "opportunities_opened", "open_opportunities", "deals_won", "deals_lost", "win_rate",
    "avg_cycle_days", "new_bookings", "bookings_per_ae", "customers", "logo_churn", "renewals",
    "mrr", "arr", "revenue", "collections", "deferred_revenue", "payroll", "commission",
    "hiring_cost", "total_cost", "funding", "cash", "cash_low", "cash_ever_negative",
    "cumulative_burn", "cac", "cac_payback_months", "nrr_t12m", "grr_t12m", "logo_retention_t12m",
    "employee_retention_t12m", "ramped_aes", "share_at_quota", "quota_attainment_mean",
    "quota_attainment_p50", "team_quota_attainment")


def teamsim_samples(binary, scenario, replications, sets, metrics, months):
    """{metric: {month: [value per replication]}} from OUT/samples.csv.gz."""
    data = {}
    with tempfile.TemporaryDirectory() as out:
        options = [arg for setting in sets for arg in ("--set", setting)]
        run = subprocess.run([binary, "run", scenario, "-n", str(replications), "-q",
                              "--samples", ",".join(metrics), "--out", out] + options,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # 4: an `expect:` of the scenario failed (a --set variant's results), files written
        assert run.returncode in (0, 4), f"teamsim run exited with {run.returncode}"
        with gzip.open(os.path.join(out, "samples.csv.gz"), "rt", newline="") as f:
            for row in csv.DictReader(f):
                m = int(row["month"])
                if m in months:
                    for metric in metrics:
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
    d, i, j = 0.0, 0, 0
    while i < len(a) or j < len(b):  # the two empirical distribution functions, step by step
        x = min(a[i] if i < len(a) else math.inf, b[j] if j < len(b) else math.inf)
        while i < len(a) and a[i] == x:
            i += 1
        while j < len(b) and b[j] == x:
            j += 1
        d = max(d, abs(i / len(a) - j / len(b)))
    n = len(a) * len(b) / (len(a) + len(b))
    lam = (math.sqrt(n) + 0.12 + 0.11 / math.sqrt(n)) * d
    if lam < 0.2:
        return d, 1.0
    p = 2 * sum((-1) ** (j - 1) * math.exp(-2 * j * j * lam * lam) for j in range(1, 101))
    return d, min(1.0, max(0.0, p))


def compare(ours, theirs, metrics, months):
    """The tests, (metric, month, docs mean, teamsim mean, z, KS D, KS p) for each metric and
    month with enough defined values, and the metrics defined in too few replications at every
    month compared: those fail too, the check must not thin out unseen."""
    tests, unseen = [], []
    for metric in metrics:
        compared = len(tests)
        for m in months:
            a = defined([rows[m][metric] for rows in ours])
            b = defined(theirs[metric][m])
            if len(a) < MIN_DEFINED or len(b) < MIN_DEFINED:
                continue
            (ma, sa), (mb, sb) = mean_and_se(a), mean_and_se(b)
            se = math.hypot(sa, sb)
            z = (ma - mb) / se if se > 0 else (0.0 if ma == mb else math.inf)
            d, p = ks(a, b) if se > 0 else (0.0, 1.0)
            tests.append((metric, m, ma, mb, z, d, p))
        if len(tests) == compared:
            unseen.append(metric)
    return tests, unseen


# scenarios/default.yaml as it is, and with every mechanism above under strain: the founder
# trains and manages five AEs until a manager hired in month 12 is onboarded, and recruits all
# along, the manager running no searches (concurrent_searches: 0: every search, before month 12
# and after, on the founder's slot at the founder's time_to_fill_factor), AEs leave
# at 80 % a year (their deals handed on, in the territory or, with nobody left there, in the
# company; Europe's leads, while nobody sells there, before its first AE and after it leaves, go
# to a seller of North America with room: vacant_territory_leads: company, seen in the
# opportunities and bookings by territory), a full pipeline turns leads away, an S-curve ramp,
# round-robin routing, and half the customers on annual contracts billed upfront, in a
# transactional motion (its win rate, deal size, cycle, and annual_churn left at 11 %; the pipeline
# emptied first, default.yaml's monthly churn kept). Third, the mechanisms default.yaml leaves at
# rest, switched on: CSRs of 40 accounts each,
# hired by a rule (a CSR per 50 customers, at most 3), covering part of some 120 customers that
# churn 1-5 % a month (drawn per replication); 400 and 200 accounts with 4 and 6 months of
# cool-off, and factors on win rate and deal size; seasonal leads and closing from April; a
# specialist (3 deals at once) for a product whose deals are 90 % complex; three channels, two
# segments (no enterprise in Europe); an enablement hire; two starting AEs (the second placed by
# the least-staffed rule); AEs hired as a new graduate and a referral (to start in month 9),
# backfilled by an agency at a written cost and speed, one more a year by a rule from a source of
# the scenario's own (bootcamp); experienced_external hires, the starting staff too, paid 10 %
# more; a second manager beyond four reps, a second specialist for six; performance management at
# 30 % of quota; a round in month 10, costs stepping up in months 7 and 20; Europe's lead flow
# uncertain per replication; the 120 initial customers placed by count, 30 in North America and 90
# in Europe (against the lead flow's 61 / 39 %). Fourth, scenarios/dated-hiring-plan.yaml (from
# September 2027, its hires from a CSV, funding by date, seasonal, 30 months) and a third
# territory, Asia, with a warm start of two AEs, an SDR and a sales-ops person (the SDR and the
# second AE placed by their counts) and four more AEs in North America, the third of them a hunter
# (20 prospects a month), so that the first rebalancing moves the last two listed to Europe and
# Asia, the hunter to Asia (the listed order of the territories they fill, the most recently hired
# first); a relationship motion (pipeline and customers emptied first, 30 initial customers: its
# churn and annual contracts); a second SDR in December 2027 and one per three sellers from month
# 10; a starting specialist for the 40 % of deals that are complex (the replay leaves a queue at
# day 0, which grows); sales ops (one more hired) screening 20 leads a month each, of which 25 %
# are unqualified, and rebalancing every two months towards Europe's 250 accounts and Asia; an
# assistant manager in month 4 and up to two by a rule beyond three reps per manager; an enablement
# hire and a coach (4 reps, a stronger ramp reduction and uplift), so that the support outnumbers
# the reps. Fifth, default.yaml with every lead in Europe, where nobody ever sells: each goes to
# the North American seller that vacant_territory_leads: company names, the most ramped with room
# before the least loaded. Two ramped AEs start with the warm start's deals and six more join in
# pairs on a slow S-curve, so the order decides whether a lead's odds are a ramped seller's or a
# newcomer's: taken the other way round (load before ramp, as a re-implementation once could
# without any check seeing it), 235 of the check's tests fail, all of them here: the win rate and
# deals won from month 9 by 15-21 standard errors.
CONFIGURATIONS = (
    ("as written", "default.yaml", (), ()),
    ("stressed", "default.yaml", ("hires[0].month=12", "hires[1].count=3",
                  "roles.sales_manager.concurrent_searches=0",
                  "roles.account_executive.annual_attrition=80%",
                  "roles.account_executive.max_open_opportunities=8",
                  "roles.account_executive.ramp_curve=s_curve", "pipeline=",
                  "sales_motion=transactional", "pipeline.routing=round_robin",
                  "customers.annual_contract_share=50%", "customers.annual_billing=upfront",
                  "pipeline.vacant_territory_leads=company"),
     ("territory.north_america.opportunities", "territory.europe.opportunities",
      "territory.north_america.bookings", "territory.europe.bookings", "territory.europe.reps")),
    ("with the mechanisms it leaves at rest", "default.yaml",
     ("hires=[{role: sales_manager, month: 1},"
      " {role: account_executive, month: 3, territory: north_america},"
      " {role: account_executive, month: 6, territory: europe, source: new_graduate},"
      " {role: account_executive, start_month: 9, territory: north_america, source: referral},"
      " {role: sales_specialist, month: 4}, {role: sales_enablement, month: 5}]",
      "hiring_rules=[{role: customer_success, per_customers: 50, from_month: 2, max_count: 3},"
      " {role: account_executive, every_months: 12, from_month: 13, territory: europe,"
      " source: bootcamp},"
      " {role: sales_manager, when_reps_per_manager_above: 4, max_count: 2},"
      " {role: sales_specialist, per_reps: 3, max_count: 2, from_month: 12}]",
      "money.funding=[{month: 10, amount: 1_500_000}]",
      "money.cost_schedule=[{from_month: 7, other_monthly_costs: 55_000},"
      " {from_month: 20, other_monthly_costs: 70_000}]",
      "starting_staff=[{role: account_executive, territory: europe}, {role: account_executive}]",
      "pipeline.warm_start=false", "roles.sales_specialist.concurrent_deals=3",
      "roles.account_executive.backfill_source=agency",
      "hire_sources={experienced_external: {salary_factor: 1.1}, agency: {cost_per_hire: 25_000,"
      " time_to_fill_factor: 0.5}, bootcamp: {ramp_factor: 1.8, productivity: 0.85,"
      " attrition_factor: 1.5, salary_factor: 0.6}}",
      "management.underperformance_threshold=30%",
      "products={core: {share: 2}, platform: {complex_share: 90%, win_rate: 0.15,"
      " deal_size_acv: {dist: lognormal, median: 30_000, p90: 80_000}}}",
      "roles.customer_success.accounts_per_rep=40", "customers.initial=120",
      "territories.north_america.initial_customers=30",
      "territories.europe.initial_customers=90",
      "customers.monthly_churn=3%", "customers.annual_contract_share=30%",
      "territories.north_america.accounts=400", "territories.north_america.cool_off_months=4",
      "territories.europe.accounts=200", "territories.europe.deal_size_factor=1.3",
      "territories.north_america.win_rate_factor=0.9",
      "seasonality.leads=[0.6, 0.8, 1, 1.2, 1.4, 1, 0.8, 0.6, 1, 1.2, 1.6, 0.8]",
      "seasonality.closing=[1, 1, 1.3, 0.9, 1, 1, 0.7, 0.7, 1.2, 1, 1, 1.5]",
      "seasonality.start_month_of_year=4",
      "territories.europe.inbound_leads_per_month={dist: uniform, min: 4, max: 14,"
      " per: replication}",
      "customers.monthly_churn={dist: triangular, min: 1%, mode: 3%, max: 5%, per: replication}",
      "channels={phone: {}, events: {share: 0.5}, partner: {lead_conversion: 60%,"
      " win_rate_factor: 1.2}}",
      "segments={smb: {share: 2}, enterprise: {share_by_territory: {europe: 0}}}"),
     ("covered_customers", "headcount.customer_success", "headcount.sales_specialist",
      "complex_opportunities", "specialist_queue", "specialist_grants",
      "specialist_queue_wait_days", "leads_not_converted", "channel_cost",
      "channel.phone.leads", "channel.events.opportunities", "channel.partner.wins",
      "channel.events.cost", "segment.smb.leads", "segment.enterprise.wins",
      "segment.enterprise.bookings", "segment.smb.customers", "segment.enterprise.arr",
      "product.core.wins", "product.platform.bookings", "headcount.sales_enablement",
      "reps_on_plan", "performance_exits", "planned_starts", "dated_hires_late",
      "territory.north_america.accounts_available", "territory.europe.accounts_available",
      "territory.north_america.customers", "territory.europe.customers",
      "territory.north_america.arr", "territory.europe.arr")),
    ("with SDRs, sales ops, assistants and two enablement roles", "dated-hiring-plan.yaml",
     ("pipeline=", "customers=", "sales_motion=relationship", "customers.initial=30",
      "roles.sdr={kind: account_executive, annual_salary: 55_000, ramp_months: 2,"
      " hands_off_leads: true, prospecting_leads_per_month: 15, annual_quota: 0}",
      "roles.hunter={kind: account_executive, prospecting_leads_per_month: 20}",
      "roles.coach={kind: sales_enablement, reps_supported: 4, ramp_reduction: 80%,"
      " productivity_uplift: 30%, trainees_at_once: 1}",
      "roles.sales_operations.leads_screened_per_month=20",
      "starting_staff=[{role: account_executive, territory: north_america}, {role: sdr},"
      " {role: account_executive}, {role: sales_specialist}, {role: sales_operations},"
      " {role: account_executive, count: 2, territory: north_america},"
      " {role: hunter, territory: north_america},"
      " {role: account_executive, territory: north_america}]",
      "pipeline.complex_share=40%", "territories.asia={inbound_leads_per_month: 6}",
      "hires=[{role: sdr, month: 2027-12}, {role: sales_operations, month: 2028-02},"
      " {role: assistant_manager, month: 4}, {role: sales_enablement, month: 2028-05},"
      " {role: coach, start_month: 2028-08}]",
      "hiring_rules=[{role: assistant_manager, when_reps_per_manager_above: 3,"
      " from_month: 2028-03, max_count: 2}, {role: sdr, per_reps: 3, from_month: 10,"
      " max_count: 3}]",
      "pipeline.unqualified_lead_share=25%", "pipeline.rebalance_every_months=2",
      "territories.europe.accounts=250"),
     ("headcount.sdr", "headcount.assistant_manager", "headcount.sales_operations",
      "headcount.sales_enablement", "headcount.coach", "leads_disqualified", "territory_moves",
      "territory.north_america.reps", "territory.europe.reps", "territory.asia.reps",
      "territory.north_america.leads", "territory.europe.leads", "territory.asia.leads",
      "territory.north_america.wins", "territory.europe.wins", "territory.asia.wins",
      "headcount.hunter",
      "territory.europe.accounts_available", "planned_starts", "dated_hires_late",
      "complex_opportunities", "specialist_queue", "specialist_grants",
      "specialist_queue_wait_days")),
    ("Europe's leads worked from North America", "default.yaml",
     ("pipeline.vacant_territory_leads=company",
      "territories.europe.inbound_leads_per_month=30",
      "territories.north_america.inbound_leads_per_month=0",
      "roles.account_executive.prospecting_leads_per_month=0",
      "roles.account_executive.ramp_curve=s_curve", "roles.account_executive.ramp_months=9",
      "starting_staff=[{role: account_executive, territory: north_america, count: 2}]",
      "hires=[{role: sales_manager, month: 1},"
      " {role: account_executive, month: 2, territory: north_america, count: 2},"
      " {role: account_executive, month: 6, territory: north_america, count: 2},"
      " {role: account_executive, month: 12, territory: north_america, count: 2}]"),
     ("territory.europe.opportunities", "territory.europe.wins", "territory.europe.bookings")))


def python_part(path, sets, replications, first):
    return replications_from_the_docs(read(path, sets), replications, first)


def main():
    binary, source = sys.argv[1], sys.argv[2]
    replications = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    runs = []
    # The Python replications run in two processes, in halves, while teamsim runs here.
    with multiprocessing.Pool(2) as pool:
        half = replications // 2
        parts = [[pool.apply_async(python_part, (os.path.join(source, "scenarios", scenario),
                                                 sets, n, first))
                  for first, n in ((0, half), (half, replications - half))]
                 for _, scenario, sets, _ in CONFIGURATIONS]
        for (label, scenario, sets, extra), part in zip(CONFIGURATIONS, parts):
            path = os.path.join(source, "scenarios", scenario)
            months = [m for m in MONTHS
                      if m <= int(read(path, sets).get("horizon_months", 36))]
            metrics = METRICS + extra
            theirs = teamsim_samples(binary, path, 4 * replications, sets, metrics, months)
            ours = [rows for p in part for rows in p.get()]
            runs.append((f"scenarios/{scenario}, {label}"
                         + "".join(f" --set {x}" for x in sets),
                         *compare(ours, theirs, metrics, months)))
    total = 2 * sum(len(tests) for _, tests, _ in runs)  # a z and a KS test each
    alpha = FALSE_FAILURE / total
    z_limit = statistics.NormalDist().inv_cdf(1 - alpha / 2)
    failed = 0
    for title, tests, unseen in runs:
        print(title)
        for metric, m, ma, mb, z, d, p in tests:
            bad = abs(z) > z_limit or p < alpha
            failed += bad
            print(f"{'FAIL' if bad else 'ok  '} {metric:34} m{m:<2} docs {ma:14.6g} "
                  f"teamsim {mb:14.6g}  z {z:6.2f}  KS D {d:.3f} p {p:.1e}")
        for metric in unseen:
            failed += 1
            print(f"FAIL {metric:34} defined in fewer than {MIN_DEFINED} replications at every "
                  f"month compared: nothing to compare")
    print(f"{total} tests, {failed} failed (beyond {z_limit:.2f} SE or KS p < {alpha:.1e}: a "
          f"{FALSE_FAILURE:.0%} chance of any for a correct model): {replications} replications "
          f"from docs/ and {4 * replications} of teamsim per configuration")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
